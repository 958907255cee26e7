// The processing actions as the officer sees them: button texts, and the action as a path parameter.
import type { ParamsOf } from '../../../common/api/contract';
import type { actOnDossier } from '../../../common/api/dossiers-desk';
import { ACTION_LABELS, type DossierAction } from '../../../common/workflow';

/** Short button texts; the history keeps the longer ACTION_LABELS. */
const WORK_BUTTONS: Partial<Record<DossierAction, string>> = {
  start: 'Chuyển xử lý',
  forward: 'Chuyển bước tiếp theo',
  finish: 'Phê duyệt, ký kết quả',
  send_back: 'Trả lại bước trước',
  supplement_requested: 'Yêu cầu bổ sung',
  request_payment: 'Yêu cầu nộp phí, lệ phí',
  paid: 'Xác nhận đã nộp phí',
  transfer: 'Chuyển cơ quan khác',
  extend: 'Gia hạn',
  return_result: 'Trả kết quả',
  stop: 'Dừng xử lý',
};

/** The button text of an action. */
export const workButton = (a: DossierAction): string => WORK_BUTTONS[a] ?? ACTION_LABELS[a];

/**
 * An action offered in the dossier's `actions` as the `:action` path parameter. The contract's
 * OfficerAction (a union built from a mapped array) comes out of TypeBox's Static as `never`, so
 * the value is passed as that type; the server validates it against the same schema.
 */
export const actionParam = (a: DossierAction) => a as ParamsOf<typeof actOnDossier>['action'];
