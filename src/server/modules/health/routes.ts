import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions } from '../../../common/api/contract.js';
import { getHealth } from '../../../common/api/health.js';
import type { AppModule } from '../../platform/module.js';
import { rowsOf } from '../../db/client.js';
import { sql } from 'drizzle-orm';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(getHealth.url, routeOptions(getHealth, ['platform']), async (_req, reply) => {
    try {
      const r = rowsOf<{ ok: number }>(await app.deps.db.execute(sql`select 1 as ok`));
      if (Number(r[0]?.ok) === 1) return { status: 'ok' as const };
    } catch {
      /* answered below */
    }
    return reply.status(503).send({ status: 'unavailable' as const });
  });
};

export const healthModule: AppModule = { name: 'health', routes };
