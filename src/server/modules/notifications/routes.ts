import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions } from '../../../common/api/contract.js';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from '../../../common/api/notifications.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './service.js';

const tags = ['notifications'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  // The portal's own session: an officer's session is not a citizen's.
  const ctx = (req: Parameters<typeof ctxOf>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'citizen' }));

  app.get(listMyNotifications.url, routeOptions(listMyNotifications, tags), async (req) => svc.listMine(ctx(req), req.query));

  app.post(markAllNotificationsRead.url, routeOptions(markAllNotificationsRead, tags), async (req) => svc.markAllRead(ctx(req)));

  app.post(markNotificationRead.url, routeOptions(markNotificationRead, tags), async (req) => svc.markRead(ctx(req), req.params.id));
};

export const notificationsModule: AppModule = { name: 'notifications', routes };
