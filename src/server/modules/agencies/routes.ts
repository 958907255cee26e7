// "Quản lý cơ quan/đơn vị" (issue 5): HTTP only; rules and authorisation live in tree.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import * as c from '../../../common/api/agencies.js';
import { routeOptions } from '../../../common/api/contract.js';
import type { AppModule } from '../../platform/module.js';
import { ctxOf, requireActor } from '../../platform/auth/guard.js';
import * as svc from './tree.js';
import { AGENCY_KINDS } from './tables.js';

// The contract's kinds are AGENCY_KINDS (tables.ts), both ways: this fails to compile if one is
// added to either list only.
const _kinds: Record<(typeof AGENCY_KINDS)[number], true> = {} as Record<Static<typeof c.AgencyKind>, true>;
const _contractKinds: Record<Static<typeof c.AgencyKind>, true> = {} as Record<(typeof AGENCY_KINDS)[number], true>;
void _kinds;
void _contractKinds;

const tags = ['agencies'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.deps;
  const ctx = (req: Parameters<typeof requireActor>[0]) => ctxOf(req, deps, requireActor(req, { audience: 'officer' }));

  app.get(c.listAgencyChildren.url, routeOptions(c.listAgencyChildren, tags), async (req) =>
    svc.listChildren(ctx(req), req.query.parentId, req.query.includeInactive),
  );

  app.get(c.searchAgencies.url, routeOptions(c.searchAgencies, tags), async (req) => svc.searchAgencies(ctx(req), req.query));

  app.get(c.getAgency.url, routeOptions(c.getAgency, tags), async (req) => svc.getAgency(ctx(req), req.params.id));

  app.post(c.createAgency.url, routeOptions(c.createAgency, tags), async (req, reply) => reply.status(201).send(await svc.createAgency(ctx(req), req.body)));

  app.patch(c.updateAgency.url, routeOptions(c.updateAgency, tags), async (req) => svc.updateAgency(ctx(req), req.params.id, req.body));

  app.post(c.deactivateAgency.url, routeOptions(c.deactivateAgency, tags), async (req) => svc.deactivateAgency(ctx(req), req.params.id, req.body.effectiveDate));

  app.post(c.reactivateAgency.url, routeOptions(c.reactivateAgency, tags), async (req) => svc.reactivateAgency(ctx(req), req.params.id, req.body.effectiveDate));

  app.post(c.mergeAgencies.url, routeOptions(c.mergeAgencies, tags), async (req) => svc.mergeAgencies(ctx(req), req.body));

  app.get(c.listScheduledChanges.url, routeOptions(c.listScheduledChanges, tags), async (req) => svc.listScheduledChanges(ctx(req), req.query));

  app.post(c.cancelScheduledChange.url, routeOptions(c.cancelScheduledChange, tags), async (req) =>
    svc.cancelScheduledChange(ctx(req), req.params.id, req.params.changeId),
  );

  app.get(c.listUnitPaths.url, routeOptions(c.listUnitPaths, tags), async (req) => svc.unitPaths(ctx(req), req.query.ids));
};

/** How often the schedule looks for changes whose effective date has come (shortly after midnight). */
const APPLY_EVERY_MS = 15 * 60_000;

export const agenciesModule: AppModule = {
  name: 'agencies',
  routes,
  schedules: [{ name: 'agencies.scheduled-changes.apply', everyMs: APPLY_EVERY_MS, run: async (deps, now) => void (await svc.applyDueChanges(deps, now)) }],
};
