import { describe, expect, it } from 'vitest';
import { CERTIFIED_COPY_WORKFLOW, DEFAULT_WORKFLOW, workflowProblems } from '../../../common/workflow.js';
import { allowedActions, plan, WorkflowRefusal, type ActorRoles } from './workflow.js';

const none: ActorRoles = { desk: false, post: false, member: false, permissions: new Set(), applicant: false };
const desk: ActorRoles = { ...none, desk: true, member: true };
const processor: ActorRoles = { ...none, member: true, permissions: new Set(['DOSSIER_PROCESS']) };
const leader: ActorRoles = { ...none, member: true, permissions: new Set(['DOSSIER_APPROVE']) };
const outsider: ActorRoles = { ...none, member: false, permissions: new Set(['DOSSIER_PROCESS', 'DOSSIER_APPROVE']) };
const citizen: ActorRoles = { ...none, applicant: true };

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkflowRefusal) return e.why;
    throw e;
  }
  return 'allowed';
}

describe('the default workflow: tiếp nhận → chuyên viên → lãnh đạo → trả kết quả', () => {
  const w = DEFAULT_WORKFLOW;
  it('goes through every step with the right people', () => {
    expect(plan(w, { status: 2, step: null }, 'start', desk)).toMatchObject({ status: 4, step: 'process' });
    expect(plan(w, { status: 4, step: 'process' }, 'forward', processor)).toMatchObject({ status: 4, step: 'approve' });
    expect(plan(w, { status: 4, step: 'approve' }, 'finish', leader)).toMatchObject({ status: 9, step: null, signs: 'sign' });
    expect(plan(w, { status: 9, step: null }, 'return_result', desk)).toMatchObject({ status: 10 });
  });

  it('refuses the wrong role at each step', () => {
    expect(refusal(() => plan(w, { status: 2, step: null }, 'start', processor))).toBe('WRONG_ROLE');
    expect(refusal(() => plan(w, { status: 4, step: 'process' }, 'forward', leader))).toBe('WRONG_ROLE');
    expect(refusal(() => plan(w, { status: 4, step: 'approve' }, 'finish', processor))).toBe('WRONG_ROLE');
    expect(refusal(() => plan(w, { status: 9, step: null }, 'return_result', leader))).toBe('WRONG_ROLE');
    // Permissions count only inside the dossier's agency.
    expect(refusal(() => plan(w, { status: 4, step: 'process' }, 'forward', outsider))).toBe('WRONG_ROLE');
    expect(refusal(() => plan(w, { status: 4, step: 'process' }, 'withdraw', desk))).toBe('WRONG_ROLE');
  });

  it('refuses an action in the wrong state', () => {
    expect(refusal(() => plan(w, { status: 4, step: 'process' }, 'finish', processor))).toBe('WRONG_STATE');
    expect(refusal(() => plan(w, { status: 4, step: 'process' }, 'send_back', processor))).toBe('WRONG_STATE');
    expect(refusal(() => plan(w, { status: 2, step: null }, 'forward', processor))).toBe('WRONG_STATE');
    expect(refusal(() => plan(w, { status: 10, step: null }, 'withdraw', citizen))).toBe('WRONG_STATE');
    expect(refusal(() => plan(w, { status: 10, step: null }, 'stop', desk))).toBe('WRONG_STATE');
    expect(refusal(() => plan(w, { status: 9, step: null }, 'extend', desk))).toBe('WRONG_STATE');
  });

  it('lets the leader send the dossier back with a reason, and the citizen withdraw while it is open', () => {
    expect(plan(w, { status: 4, step: 'approve' }, 'send_back', leader)).toMatchObject({ step: 'process', needsReason: true });
    expect(plan(w, { status: 5, step: 'process' }, 'withdraw', citizen)).toMatchObject({ status: 7 });
    expect(plan(w, { status: 4, step: 'process' }, 'stop', leader)).toMatchObject({ status: 8, needsReason: true });
  });

  it('offers each person only their own buttons', () => {
    expect(allowedActions(w, { status: 4, step: 'process' }, processor)).toEqual(['forward', 'supplement_requested', 'request_payment', 'transfer', 'extend']);
    expect(allowedActions(w, { status: 4, step: 'process' }, leader)).toEqual(['extend', 'stop']);
    expect(allowedActions(w, { status: 2, step: null }, desk)).toEqual(['start', 'extend', 'stop']);
  });
});

describe('chứng thực bản sao điện tử', () => {
  const w = CERTIFIED_COPY_WORKFLOW;
  const copier: ActorRoles = { ...none, member: true, permissions: new Set(['ECERT_CREATE_COPY']) };
  const signer: ActorRoles = { ...none, member: true, permissions: new Set(['ECERT_SIGN']) };
  const sealer: ActorRoles = { ...none, member: true, permissions: new Set(['ECERT_SEAL']) };
  it('gives each of the three permissions its own step: copy, sign, seal', () => {
    expect(plan(w, { status: 4, step: 'copy' }, 'forward', copier)).toMatchObject({ step: 'sign' });
    expect(plan(w, { status: 4, step: 'sign' }, 'forward', signer)).toMatchObject({ step: 'seal', signs: 'sign' });
    expect(plan(w, { status: 4, step: 'seal' }, 'finish', sealer)).toMatchObject({ status: 9, signs: 'seal' });
    expect(refusal(() => plan(w, { status: 4, step: 'sign' }, 'forward', copier))).toBe('WRONG_ROLE');
    expect(refusal(() => plan(w, { status: 4, step: 'seal' }, 'finish', signer))).toBe('WRONG_ROLE');
  });
});

describe('workflow definitions', () => {
  it('accepts the built-in ones and names what is wrong with a broken one', () => {
    expect(workflowProblems(DEFAULT_WORKFLOW)).toEqual([]);
    expect(workflowProblems(CERTIFIED_COPY_WORKFLOW)).toEqual([]);
    expect(workflowProblems({ steps: [] })).toEqual(['Quy trình phải có ít nhất một bước xử lý.']);
    expect(workflowProblems({ steps: [{ key: 'a', label: 'A', role: 'KING' as never, days: -1 }] })).toEqual([
      'Bước "a": vai trò "KING" không hợp lệ.',
      'Bước "a": thời hạn phải là số ngày làm việc từ 0 đến 365.',
    ]);
  });
});

describe('a Vietnam Post employee at the desk (issue 13, ADR 0015)', () => {
  const postal: ActorRoles = { ...none, post: true, member: true };
  const w = DEFAULT_WORKFLOW;

  it('hands the result over and decides nothing', () => {
    expect(plan(w, { status: 9, step: null }, 'return_result', postal)).toMatchObject({ status: 10 });
    expect(allowedActions(w, { status: 9, step: null }, postal)).toEqual(['return_result']);
    for (const status of [2, 4, 5, 6] as const) {
      expect(allowedActions(w, { status, step: status === 2 ? null : w.steps[0]!.key }, postal)).toEqual([]);
    }
    expect(refusal(() => plan(w, { status: 2, step: null }, 'start', postal))).toBe('WRONG_ROLE');
    expect(refusal(() => plan(w, { status: 2, step: null }, 'stop', postal))).toBe('WRONG_ROLE');
    expect(refusal(() => plan(w, { status: 2, step: null }, 'extend', postal))).toBe('WRONG_ROLE');
    expect(refusal(() => plan(w, { status: 6, step: w.steps[0]!.key }, 'paid', postal))).toBe('WRONG_ROLE');
  });
});
