import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { routeOptions } from '../../../common/api/contract.js';
import * as c from '../../../common/api/feedback.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import type { AppModule } from '../../platform/module.js';
import * as svc from './service.js';

const tags = ['feedback'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const asCitizen = (req: FastifyRequest) => ctxOf(req, deps, requireActor(req, { audience: 'citizen' }));
  const asOfficer = (req: FastifyRequest) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  // ---- Public ---------------------------------------------------------------------------------
  app.get(c.listPublicFeedback.url, routeOptions(c.listPublicFeedback, tags), async (req) => svc.listPublic(ctxOf(req, deps), req.query));

  // ---- The citizen ------------------------------------------------------------------------------
  app.post(c.sendFeedback.url, routeOptions(c.sendFeedback, tags), async (req, reply) => reply.status(201).send(await svc.send(asCitizen(req), req.body)));
  app.get(c.listMyFeedback.url, routeOptions(c.listMyFeedback, tags), async (req) => svc.listMine(asCitizen(req), req.query));
  app.get(c.getMyFeedback.url, routeOptions(c.getMyFeedback, tags), async (req) => svc.getMine(asCitizen(req), req.params.id));

  // ---- The back office (FEEDBACK_ANSWER, the agencies of the officer's units) ---------------------
  app.get(c.listAgencyFeedback.url, routeOptions(c.listAgencyFeedback, tags), async (req) => svc.listForOfficer(asOfficer(req), req.query));
  app.get(c.getAgencyFeedback.url, routeOptions(c.getAgencyFeedback, tags), async (req) => svc.getForOfficer(asOfficer(req), req.params.id));
  app.post(c.startFeedback.url, routeOptions(c.startFeedback, tags), async (req) => svc.start(asOfficer(req), req.params.id));
  app.post(c.answerFeedback.url, routeOptions(c.answerFeedback, tags), async (req) => svc.answer(asOfficer(req), req.params.id, req.body));
};

export const feedbackModule: AppModule = { name: 'feedback', routes };
