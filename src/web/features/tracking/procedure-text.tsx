// How the public catalogue ("Thủ tục hành chính", no sign-in, like the look-ups of this folder)
// words a procedure: its processing time, its fees and how far it can be done online.
import type { Reply } from '../../../common/api/contract';
import type { listProcedures } from '../../../common/api/procedures';

type ProcedureSummary = Reply<typeof listProcedures>['items'][number];

export const money = new Intl.NumberFormat('vi-VN');

export function timeText(p: Pick<ProcedureSummary, 'processingDays'>): string {
  return p.processingDays === 0 ? 'Trong ngày làm việc' : `${p.processingDays} ngày làm việc`;
}

/** A plain tag (no antd: the home page uses it, ADR 0019). */
export function OnlineTag({ fullyOnline }: { fullyOnline: boolean }) {
  return fullyOnline ? <span className="lite-tag lite-tag-green">Dịch vụ công trực tuyến toàn trình</span> : <span className="lite-tag lite-tag-blue">Dịch vụ công trực tuyến một phần</span>;
}

/** 1.378.500 ₫ (a zero is "Miễn phí"). */
export function vnd(amount: number): string {
  return amount === 0 ? 'Miễn phí' : `${money.format(amount)} ₫`;
}

/** "45,5%" of a 0..1 share; "—" when nothing was counted yet. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(share * 100)}%`;
}
