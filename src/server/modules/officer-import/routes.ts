import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppModule } from '../../app.js';

const routes: FastifyPluginAsyncTypebox = async () => {};

export const officerImportModule: AppModule = { name: 'officer-import', routes };
