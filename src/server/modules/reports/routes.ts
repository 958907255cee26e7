import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppModule } from '../../app.js';

const routes: FastifyPluginAsyncTypebox = async () => {};

export const reportsModule: AppModule = { name: 'reports', routes };
