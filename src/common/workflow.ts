// The processing workflow of a procedure (issue 7): after reception, the steps a dossier goes
// through, who may act at each, and each step's time budget in working days. Configured per
// procedure as data (procedures.workflow); DEFAULT_WORKFLOW when a procedure has none.

/** Who acts at a step: the one-stop desk of the receiving agency, or an officer of the agency holding a permission. */
export type WorkflowRole = 'desk' | 'DOSSIER_PROCESS' | 'DOSSIER_APPROVE' | 'ECERT_CREATE_COPY' | 'ECERT_SIGN' | 'ECERT_SEAL';

export const ROLE_LABELS: Record<WorkflowRole, string> = {
  desk: 'Bộ phận Một cửa',
  DOSSIER_PROCESS: 'Chuyên viên xử lý',
  DOSSIER_APPROVE: 'Lãnh đạo phê duyệt',
  ECERT_CREATE_COPY: 'Cán bộ tạo bản sao chứng thực',
  ECERT_SIGN: 'Người ký bản sao chứng thực',
  ECERT_SEAL: 'Người đóng dấu bản sao chứng thực',
};

export interface WorkflowStep {
  key: string;
  label: string;
  role: WorkflowRole;
  /** Time budget of the step in working days (0 = the same day). */
  days: number;
  /**
   * What finishing the step does to the result: 'sign' signs the result document with the
   * signer's certificate, 'seal' adds the agency seal (a second signature). The last step always
   * finishes processing (status 9 Đã xử lý xong).
   */
  signs?: 'sign' | 'seal';
}

export interface Workflow {
  steps: WorkflowStep[];
}

/** tiếp nhận → chuyên viên xử lý → lãnh đạo phê duyệt (ký) → trả kết quả. */
export const DEFAULT_WORKFLOW: Workflow = {
  steps: [
    { key: 'process', label: 'Chuyên viên thẩm định, xử lý', role: 'DOSSIER_PROCESS', days: 1 },
    { key: 'approve', label: 'Lãnh đạo phê duyệt, ký kết quả', role: 'DOSSIER_APPROVE', days: 1, signs: 'sign' },
  ],
};

/** Chứng thực bản sao điện tử từ bản chính: each of the seed's three permissions allows its own step. */
export const CERTIFIED_COPY_WORKFLOW: Workflow = {
  steps: [
    { key: 'copy', label: 'Tạo bản sao chứng thực', role: 'ECERT_CREATE_COPY', days: 0 },
    { key: 'sign', label: 'Ký bản sao chứng thực điện tử', role: 'ECERT_SIGN', days: 0, signs: 'sign' },
    { key: 'seal', label: 'Đóng dấu bản sao chứng thực điện tử', role: 'ECERT_SEAL', days: 0, signs: 'seal' },
  ],
};

/** Problems with a workflow definition, in Vietnamese; empty when usable. */
export function workflowProblems(w: Workflow): string[] {
  const problems: string[] = [];
  if (!w || !Array.isArray(w.steps) || w.steps.length === 0) return ['Quy trình phải có ít nhất một bước xử lý.'];
  const keys = new Set<string>();
  for (const s of w.steps) {
    if (!s.key || keys.has(s.key)) problems.push(`Bước "${s.key}" trùng hoặc thiếu mã.`);
    keys.add(s.key);
    if (!(s.role in ROLE_LABELS)) problems.push(`Bước "${s.key}": vai trò "${s.role}" không hợp lệ.`);
    if (!Number.isInteger(s.days) || s.days < 0 || s.days > 365) problems.push(`Bước "${s.key}": thời hạn phải là số ngày làm việc từ 0 đến 365.`);
  }
  return problems;
}

/** The actions on a dossier, with their Vietnamese names (buttons, history). */
export const ACTION_LABELS = {
  submitted: 'Nộp hồ sơ trực tuyến',
  received_in_person: 'Tiếp nhận hồ sơ trực tiếp',
  received: 'Tiếp nhận hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung hồ sơ',
  supplemented: 'Công dân bổ sung hồ sơ',
  refused: 'Từ chối tiếp nhận',
  start: 'Chuyển xử lý',
  forward: 'Hoàn thành bước, chuyển bước tiếp theo',
  send_back: 'Trả lại bước trước',
  transfer: 'Chuyển cơ quan khác xử lý',
  request_payment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  paid: 'Đã thực hiện nghĩa vụ tài chính',
  finish: 'Hoàn thành xử lý',
  extend: 'Gia hạn, hẹn lại ngày trả kết quả',
  return_result: 'Trả kết quả',
  withdraw: 'Công dân rút hồ sơ',
  stop: 'Dừng xử lý',
} as const;

export type DossierAction = keyof typeof ACTION_LABELS;
