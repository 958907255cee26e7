// Administration of the procedures catalogue ("Danh mục thủ tục", issue 6): who may manage it and
// the Vietnamese labels of its states, shared by the server and the admin page. The states
// themselves are the schemas of the contract (src/common/api/procedures.ts).
import type { Static } from 'typebox';
import type * as contract from './api/procedures.js';

/** High-level administrators and the Cục Kiểm soát thủ tục hành chính manage the catalogue. */
export const CATALOGUE_ADMIN_PERMISSIONS: readonly string[] = ['HIGH_ADMIN', 'ADMIN_CUC_KSTTHC'];

export function canManageCatalogue(permissions: Iterable<string>): boolean {
  const set = new Set(permissions);
  return CATALOGUE_ADMIN_PERMISSIONS.some((p) => set.has(p));
}

export type ProcedureStatus = Static<typeof contract.ProcedureStatus>;

export const PROCEDURE_STATUS_LABELS: Record<ProcedureStatus, string> = {
  draft: 'Bản nháp',
  published: 'Đã công bố',
  unpublished: 'Ngừng công bố',
};

export type ProcedureLevel = Static<typeof contract.ProcedureLevel>;

/** Cấp thực hiện. */
export const PROCEDURE_LEVEL_LABELS: Record<ProcedureLevel, string> = {
  commune: 'Cấp xã',
  province: 'Cấp tỉnh',
  ministry: 'Cấp Bộ, ngành',
};

/** Where today falls in the procedure's effective period. */
export type EffectiveState = Static<typeof contract.EffectiveState>;

export const EFFECTIVE_STATE_LABELS: Record<EffectiveState, string> = {
  upcoming: 'Chưa đến ngày hiệu lực',
  current: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
};

/** Mã thủ tục: "1.001193", or a local one with the agency's code appended ("1.001193.000.00.00.H12"). */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$/;
