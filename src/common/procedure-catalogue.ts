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

export type LifeEvent = Static<typeof contract.LifeEvent>;

/**
 * Nhóm sự kiện: the life events the portal's home page groups procedures by (as
 * dichvucong.gov.vn does for citizens), in the order shown. Which procedures serve an event is
 * data: each procedure's `lifeEvents` (data/procedures-demo.json, the catalogue's editor).
 */
export const LIFE_EVENTS: readonly { key: LifeEvent; label: string; hint: string }[] = [
  { key: 'khai-sinh', label: 'Khai sinh', hint: 'Có con nhỏ: đăng ký khai sinh, trích lục' },
  { key: 'ket-hon', label: 'Kết hôn', hint: 'Đăng ký kết hôn, giấy tờ hôn nhân' },
  { key: 'khai-tu', label: 'Người thân qua đời', hint: 'Đăng ký khai tử, trích lục' },
  { key: 'cu-tru', label: 'Cư trú', hint: 'Đăng ký thường trú, tạm trú' },
  { key: 'dat-dai', label: 'Đất đai, nhà ở', hint: 'Đăng ký đất đai, nhà ở' },
  { key: 'hoc-tap-viec-lam', label: 'Học tập, việc làm', hint: 'Giấy tờ nộp khi đi học, xin việc' },
  { key: 'giay-to-chung-thuc', label: 'Giấy tờ, chứng thực', hint: 'Chứng thực bản sao, cấp bản sao' },
];

export const LIFE_EVENT_LABELS: Record<LifeEvent, string> = Object.fromEntries(LIFE_EVENTS.map((e) => [e.key, e.label])) as Record<LifeEvent, string>;

export type ChannelKind = Static<typeof contract.ChannelKind>;

/** Cách thức thực hiện. */
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Dịch vụ bưu chính',
};
