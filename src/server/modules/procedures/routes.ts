import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions } from '../../../common/api/contract.js';
import {
  downloadProcedureTemplate,
  getProcedure,
  getPublicFigures,
  listMostUsedProcedures,
  listProcedureGroups,
  listProcedures,
} from '../../../common/api/procedures.js';
import type { AppModule } from '../../platform/module.js';
import { adminRoutes, contentDisposition, sendFile } from './admin-routes.js';
import { readTemplateFile, type StepsInUse } from './admin-service.js';
import { renderBlankForm } from './form-pdf.js';
import { publicFiguresOf, type FigureCounts } from './figures.js';
import * as svc from './service.js';

const tags = ['procedures'];

/** What the procedures module asks the dossiers module, handed over by app.ts (ADR 0016). */
export interface ProceduresModuleOptions {
  stepsInUse: StepsInUse;
  usageCounts: svc.UsageCounts;
  figureCounts: FigureCounts;
}

/** The home page's figures are the same for everyone: counted at most once per 5 minutes per process. */
const PUBLIC_MAX_AGE_S = 300;

const routes = (opts: ProceduresModuleOptions): FastifyPluginAsyncTypebox => async (app) => {
  const deps = app.deps;
  const cached = <T>(compute: () => Promise<T>) => {
    let entry: { at: number; value: Promise<T> } | null = null;
    return () => {
      const now = deps.clock.now().getTime();
      if (!entry || now - entry.at >= PUBLIC_MAX_AGE_S * 1000 || now < entry.at) {
        const value = compute();
        entry = { at: now, value };
        value.catch(() => (entry = null));
      }
      return entry.value;
    };
  };
  const figures = cached(() => publicFiguresOf(deps.db, deps.clock, opts.figureCounts));
  const mostUsed = new Map<number, () => ReturnType<typeof svc.mostUsed>>();
  const publicCache = `public, max-age=${PUBLIC_MAX_AGE_S}`;

  app.get(listProcedures.url, routeOptions(listProcedures, tags), async (req) => svc.listPublished(deps.db, deps.clock, req.query));

  app.get(listMostUsedProcedures.url, routeOptions(listMostUsedProcedures, tags), async (req, reply) => {
    const limit = req.query.limit;
    if (!mostUsed.has(limit)) mostUsed.set(limit, cached(() => svc.mostUsed(deps.db, deps.clock, opts.usageCounts, limit)));
    void reply.header('cache-control', publicCache);
    return mostUsed.get(limit)!();
  });

  app.get(listProcedureGroups.url, routeOptions(listProcedureGroups, tags), async () => svc.catalogueGroups(deps.db, deps.clock));

  app.get(getPublicFigures.url, routeOptions(getPublicFigures, tags), async (_req, reply) => {
    void reply.header('cache-control', publicCache);
    return figures();
  });

  app.get(getProcedure.url, routeOptions(getProcedure, tags), async (req) => svc.getPublished(deps.db, deps.clock, req.params.code));

  app.get(downloadProcedureTemplate.url, routeOptions(downloadProcedureTemplate, tags), async (req, reply) => {
    const t = await svc.publishedTemplate(deps.db, deps.clock, req.params.code, req.params.position);
    if (t && 'form' in t) {
      const pdf = await renderBlankForm(t.form, t.procedure);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${t.form.title}.pdf`))
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    }
    return sendFile(reply, await readTemplateFile(deps.db, deps.blobs, t?.fileId ?? null));
  });

  // The catalogue's administration lives in the same module (admin-routes.ts).
  await app.register(adminRoutes(opts));
};

/** The catalogue; what it needs of the dossiers module is wired by app.ts (procedures may not import dossiers). */
export function proceduresModule(opts: ProceduresModuleOptions): AppModule {
  return { name: 'procedures', routes: routes(opts) };
}
