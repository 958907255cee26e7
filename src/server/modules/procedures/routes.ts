import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeOptions } from '../../../common/api/contract.js';
import { downloadProcedureTemplate, getProcedure, listProcedures } from '../../../common/api/procedures.js';
import type { AppModule } from '../../platform/module.js';
import { adminRoutes, sendFile } from './admin-routes.js';
import { readTemplateFile, type StepsInUse } from './admin-service.js';
import * as svc from './service.js';

const tags = ['procedures'];

const routes = (opts: { stepsInUse: StepsInUse }): FastifyPluginAsyncTypebox => async (app) => {
  const deps = app.deps;

  app.get(listProcedures.url, routeOptions(listProcedures, tags), async (req) => svc.listPublished(deps.db, deps.clock, req.query));

  app.get(getProcedure.url, routeOptions(getProcedure, tags), async (req) => svc.getPublished(deps.db, deps.clock, req.params.code));

  app.get(downloadProcedureTemplate.url, routeOptions(downloadProcedureTemplate, tags), async (req, reply) => {
    const fileId = await svc.publishedTemplateFileId(deps.db, deps.clock, req.params.code, req.params.position);
    return sendFile(reply, await readTemplateFile(deps.db, deps.blobs, fileId));
  });

  // The catalogue's administration lives in the same module (admin-routes.ts).
  await app.register(adminRoutes(opts));
};

/** The catalogue; `stepsInUse` is the dossiers module's answer, wired by app.ts (procedures may not import dossiers). */
export function proceduresModule(opts: { stepsInUse: StepsInUse }): AppModule {
  return { name: 'procedures', routes: routes(opts) };
}
