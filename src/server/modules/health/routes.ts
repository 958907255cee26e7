import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppModule } from '../../app.js';
import { rowsOf } from '../../db/client.js';
import { sql } from 'drizzle-orm';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: Type.Object({ status: Type.Literal('unavailable') }) },
      },
    },
    async (_req, reply) => {
      try {
        const r = rowsOf<{ ok: number }>(await app.deps.db.execute(sql`select 1 as ok`));
        if (Number(r[0]?.ok) === 1) return { status: 'ok' as const };
      } catch {
        /* answered below */
      }
      return reply.status(503).send({ status: 'unavailable' as const });
    },
  );
};

export const healthModule: AppModule = { name: 'health', routes };
