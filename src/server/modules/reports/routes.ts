import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions } from '../../../common/api/contract.js';
import { exportMonthlyReport, getMonthlyReport, listScopeUnits } from '../../../common/api/reports.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { buildWorkbook, XLSX_TYPE } from '../../platform/files/xlsx.js';
import * as svc from './service.js';

const tags = ['reports'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(getMonthlyReport.url, routeOptions(getMonthlyReport, tags), async (req) => svc.monthlyReport(ctx(req), req.query));

  app.get(exportMonthlyReport.url, routeOptions(exportMonthlyReport, tags), async (req, reply) => {
    const report = await svc.monthlyReport(ctx(req), req.query);
    const file = await buildWorkbook([svc.reportSheet(report)]);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="bao-cao-tai-khoan-${report.months[0]}-${report.months[report.months.length - 1]}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(file);
  });

  app.get(listScopeUnits.url, routeOptions(listScopeUnits, tags), async (req) => svc.scopeUnits(ctx(req), req.query.q));
};

export const reportsModule: AppModule = { name: 'reports', routes };
