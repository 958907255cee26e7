// The processing state machine (issue 7): which action is allowed in which state, to whom, and
// where it leads. Pure: the service loads the dossier and the actor's roles, asks `plan`, and
// applies the result in one transaction; unit-tested in workflow.test.ts.
import { DOSSIER_STATUS, type DossierStatus } from '../../../common/dossier-status.js';
import { ACTION_LABELS, type DossierAction, type Workflow, type WorkflowRole, type WorkflowStep } from '../../../common/workflow.js';

/** What the acting officer is for the dossier's agency. */
export interface ActorRoles {
  /** Works at the one-stop desk (or service centre) that serves the dossier's agency. */
  desk: boolean;
  /** A Vietnam Post employee at that desk (POSTAL_DESK): hands results over, never decides (ADR 0015). */
  post: boolean;
  /** Belongs to the agency (any unit of it) — the permissions below count only then. */
  member: boolean;
  permissions: ReadonlySet<string>;
  /** The dossier's applicant (citizen actions). */
  applicant: boolean;
}

export interface DossierState {
  status: DossierStatus;
  step: string | null;
}

export interface Plan {
  status: DossierStatus;
  step: string | null;
  /** The step just finished, when it signs or seals the result. */
  signs?: 'sign' | 'seal';
  /** The action needs a written reason or comment. */
  needsReason: boolean;
}

function holds(roles: ActorRoles, role: WorkflowRole): boolean {
  if (role === 'desk') return roles.desk;
  return roles.member && roles.permissions.has(role);
}

function stepOf(w: Workflow, key: string | null): { step: WorkflowStep; index: number } | null {
  const index = w.steps.findIndex((s) => s.key === key);
  return index < 0 ? null : { step: w.steps[index]!, index };
}

const S = DOSSIER_STATUS;
/** Statuses from which the citizen may still withdraw, and the agency may stop processing. */
const OPEN: readonly number[] = [S.NEW, S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION];

/**
 * Where `action` takes a dossier in `state` under workflow `w` when taken by `roles`; throws a
 * WorkflowRefusal ('WRONG_STATE' or 'WRONG_ROLE') otherwise.
 */
export function plan(w: Workflow, state: DossierState, action: DossierAction, roles: ActorRoles): Plan {
  const at = state.status === S.PROCESSING ? stepOf(w, state.step) : null;
  const need = (ok: boolean, why: 'WRONG_STATE' | 'WRONG_ROLE') => {
    if (!ok) throw new WorkflowRefusal(why, action);
  };
  const stepRole = (r: WorkflowRole | undefined) => need(r !== undefined && holds(roles, r), 'WRONG_ROLE');
  switch (action) {
    case 'start':
      need(state.status === S.RECEIVED, 'WRONG_STATE');
      need(roles.desk, 'WRONG_ROLE');
      return { status: S.PROCESSING, step: w.steps[0]!.key, needsReason: false };
    case 'forward':
      need(at !== null && at.index < w.steps.length - 1, 'WRONG_STATE');
      stepRole(at!.step.role);
      return { status: S.PROCESSING, step: w.steps[at!.index + 1]!.key, signs: at!.step.signs, needsReason: false };
    case 'finish':
      need(at !== null && at.index === w.steps.length - 1, 'WRONG_STATE');
      stepRole(at!.step.role);
      return { status: S.PROCESSED, step: null, signs: at!.step.signs, needsReason: false };
    case 'send_back':
      need(at !== null && at.index > 0, 'WRONG_STATE');
      stepRole(at!.step.role);
      return { status: S.PROCESSING, step: w.steps[at!.index - 1]!.key, needsReason: true };
    case 'supplement_requested':
      need(at !== null, 'WRONG_STATE');
      need(holds(roles, at!.step.role) || roles.desk, 'WRONG_ROLE');
      return { status: S.SUPPLEMENT_REQUESTED, step: state.step, needsReason: true };
    case 'request_payment':
      need(at !== null, 'WRONG_STATE');
      stepRole(at!.step.role);
      return { status: S.FINANCIAL_OBLIGATION, step: state.step, needsReason: false };
    case 'paid':
      need(state.status === S.FINANCIAL_OBLIGATION, 'WRONG_STATE');
      // Confirmed by the desk that collected it (online payment through a gateway is a later step).
      need(roles.desk, 'WRONG_ROLE');
      return { status: S.PROCESSING, step: state.step, needsReason: false };
    case 'transfer':
      need(at !== null, 'WRONG_STATE');
      stepRole(at!.step.role);
      return { status: S.PROCESSING, step: w.steps[0]!.key, needsReason: true };
    case 'extend':
      need([S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION].includes(state.status as 2), 'WRONG_STATE');
      need(roles.desk || (at !== null && holds(roles, at.step.role)) || (roles.member && roles.permissions.has('DOSSIER_APPROVE')), 'WRONG_ROLE');
      return { status: state.status, step: state.step, needsReason: true };
    case 'return_result':
      need(state.status === S.PROCESSED, 'WRONG_STATE');
      need(roles.desk || roles.post, 'WRONG_ROLE');
      return { status: S.RESULT_RETURNED, step: null, needsReason: false };
    case 'stop':
      need(OPEN.includes(state.status) && state.status !== S.NEW, 'WRONG_STATE');
      need(roles.desk || (roles.member && roles.permissions.has('DOSSIER_APPROVE')), 'WRONG_ROLE');
      return { status: S.STOPPED, step: null, needsReason: true };
    case 'withdraw':
      need(OPEN.includes(state.status), 'WRONG_STATE');
      need(roles.applicant, 'WRONG_ROLE');
      return { status: S.WITHDRAWAL_REQUESTED, step: null, needsReason: false };
    default:
      throw new WorkflowRefusal('WRONG_STATE', action);
  }
}

/** The officer actions `roles` may take on the dossier now (for the buttons). */
export function allowedActions(w: Workflow, state: DossierState, roles: ActorRoles): DossierAction[] {
  const candidates: DossierAction[] = ['start', 'forward', 'finish', 'send_back', 'supplement_requested', 'request_payment', 'paid', 'transfer', 'extend', 'return_result', 'stop', 'withdraw'];
  return candidates.filter((a) => {
    try {
      plan(w, state, a, roles);
      return true;
    } catch (e) {
      if (e instanceof WorkflowRefusal) return false;
      throw e;
    }
  });
}

export class WorkflowRefusal extends Error {
  constructor(
    readonly why: 'WRONG_STATE' | 'WRONG_ROLE',
    readonly action: DossierAction,
  ) {
    super(`${why}: ${ACTION_LABELS[action] ?? action}`);
  }
}
