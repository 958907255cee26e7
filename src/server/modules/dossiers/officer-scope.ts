// Processing (issue 7): an officer's scope in dossiers, shared by the work list, the actions and
// the unit statistics — their units, their roles in a dossier's agency, the agencies they work for.
import { isEligibleAccountUnit } from '../../../common/units.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { listUnits } from '../agencies/service.js';
import type { ActorRoles } from './workflow.js';

const DESK_KINDS = ['one_stop_desk', 'service_centre'];
/** Units that are parts of an agency (its desk, its departments) and work on its dossiers. */
const PART_OF_AGENCY = ['one_stop_desk', 'department'];

/**
 * A unit works on an agency's dossiers when it is the agency or a part of it. A ward is not a part
 * of its province: its officers do not serve the dossiers filed to UBND tỉnh (least privilege).
 */
export function servesAgency(u: { id: string; parentId: string | null; kind: string }, agencyId: string): boolean {
  return u.id === agencyId || (u.parentId === agencyId && PART_OF_AGENCY.includes(u.kind));
}

/** The officer's units, once per request, to derive their roles in any dossier's agency. */
export async function unitsOf(ctx: Ctx, actor: Actor) {
  return listUnits(ctx.deps.db, actor.unitIds);
}

type Units = Awaited<ReturnType<typeof unitsOf>>;

export function rolesIn(actor: Actor, units: Units, agencyId: string): ActorRoles {
  const active = units.filter((u) => u.status === 'active');
  const serves = (u: Units[number]) => servesAgency(u, agencyId);
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

/** Agencies whose dossiers the officer works on: their units and the agency each desk or department belongs to. */
export function workAgencyIds(units: Units): string[] {
  const ids = new Set<string>();
  for (const u of units.filter((x) => x.status === 'active')) {
    ids.add(u.id);
    if (u.parentId && servesAgency(u, u.parentId)) ids.add(u.parentId);
  }
  return [...ids];
}
