import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as c from '../../../common/api/admin-users.js';
import { routeOptions } from '../../../common/api/contract.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import { streamSheet, XLSX_TYPE } from '../../platform/files/xlsx.js';
import { formatVnDateTime } from '../../platform/clock.js';
import * as svc from './service.js';

const tags = ['admin-users'];

const STATUS_LABEL = { active: 'Kích hoạt', inactive: 'Không kích hoạt' } as const;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(c.listUsers.url, routeOptions(c.listUsers, tags), async (req) => svc.listUsers(ctx(req), req.query));

  app.get(c.exportUsers.url, routeOptions(c.exportUsers, tags), async (req, reply) => {
    const actor = ctx(req);
    // Scope and filters are checked before the first byte, so a refusal is a proper error.
    const batches = svc.exportUsers(actor, req.query);
    const first = await batches.next();
    let n = 0;
    async function* rows() {
      if (first.done) return;
      for (let batch = first.value; ; ) {
        yield batch.map((u) => ({
          stt: ++n,
          fullName: u.fullName,
          username: u.username ?? '',
          idNumber: u.idNumber ?? '',
          phone: u.phone ?? '',
          email: u.email ?? '',
          units: u.units.map((x) => `${x.code} ${x.name}`).join('; '),
          status: STATUS_LABEL[u.status],
          createdAt: formatVnDateTime(new Date(u.createdAt)),
        }));
        const next = await batches.next();
        if (next.done) return;
        batch = next.value;
      }
    }
    const stream = streamSheet(
      'Người dùng',
      [
        { header: 'STT', key: 'stt', width: 8 },
        { header: 'Tên', key: 'fullName', width: 28 },
        { header: 'Tên đăng nhập', key: 'username', width: 18 },
        { header: 'CMND/CCCD/MST/MCQ', key: 'idNumber', width: 16 },
        { header: 'Số điện thoại', key: 'phone', width: 14 },
        { header: 'Email', key: 'email', width: 24 },
        { header: 'Đơn vị', key: 'units', width: 50 },
        { header: 'Trạng thái', key: 'status', width: 16 },
        { header: 'Thời gian tạo', key: 'createdAt', width: 18 },
      ],
      rows(),
    );
    const stamp = deps.clock.now().toISOString().slice(0, 10);
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="danh-sach-nguoi-dung-${stamp}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(stream);
  });

  app.get(c.listAgencyOptions.url, routeOptions(c.listAgencyOptions, tags), async (req) => svc.agencyOptions(ctx(req), req.query.q, req.query.group));

  app.post(c.createUser.url, routeOptions(c.createUser, tags), async (req, reply) => reply.status(201).send(await svc.createOfficer(ctx(req), req.body)));

  app.get(c.getUser.url, routeOptions(c.getUser, tags), async (req) => svc.getUserDetail(ctx(req), req.params.id));

  app.put(c.setUserStatus.url, routeOptions(c.setUserStatus, tags), async (req) => svc.setUserStatus(ctx(req), req.params.id, req.body.status));

  app.get(c.listAssignableUnits.url, routeOptions(c.listAssignableUnits, tags), async (req) =>
    svc.searchAssignableUnits(ctx(req), req.params.id, req.query.q, req.query.page, req.query.pageSize),
  );

  app.post(c.assignUserUnits.url, routeOptions(c.assignUserUnits, tags), async (req) => svc.assignUnits(ctx(req), req.params.id, req.body.unitIds));

  app.delete(c.removeUserUnit.url, routeOptions(c.removeUserUnit, tags), async (req) => svc.removeUnit(ctx(req), req.params.id, req.params.unitId));

  app.put(c.setUserPermissions.url, routeOptions(c.setUserPermissions, tags), async (req) => svc.setPermissions(ctx(req), req.params.id, req.body.permissions));
};

export const adminUsersModule: AppModule = { name: 'admin-users', routes };
