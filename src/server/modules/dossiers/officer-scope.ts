// Processing (issue 7): an officer's scope in dossiers, shared by the work list, the actions and
// the unit statistics — their units, their roles in a dossier's agency, the agencies they work for.
import { isEligibleAccountUnit } from '../../../common/units.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { listUnits } from '../agencies/service.js';
import type { ActorRoles } from './workflow.js';

const DESK_KINDS = ['one_stop_desk', 'service_centre'];

/** The officer's units, once per request, to derive their roles in any dossier's agency. */
export async function unitsOf(ctx: Ctx, actor: Actor) {
  return listUnits(ctx.deps.db, actor.unitIds);
}

type Units = Awaited<ReturnType<typeof unitsOf>>;

export function rolesIn(actor: Actor, units: Units, agencyId: string): ActorRoles {
  const active = units.filter((u) => u.status === 'active');
  const serves = (u: Units[number]) => u.id === agencyId || u.parentId === agencyId;
  // The desk role is a permission (issue 13, ADR 0015), held at a desk unit that serves the agency.
  const atDesk = active.some((u) => serves(u) && (DESK_KINDS.includes(u.kind) || isEligibleAccountUnit(u.name)));
  return {
    desk: atDesk && actor.permissions.has('DESK_RECEIVE'),
    post: atDesk && actor.permissions.has('POSTAL_DESK'),
    member: active.some(serves),
    permissions: actor.permissions,
    applicant: false,
  };
}

/** Agencies whose dossiers the officer works on: their units and the agency each unit belongs to. */
export function workAgencyIds(units: Units): string[] {
  const ids = new Set<string>();
  for (const u of units.filter((x) => x.status === 'active')) {
    ids.add(u.id);
    if (u.parentId) ids.add(u.parentId);
  }
  return [...ids];
}
