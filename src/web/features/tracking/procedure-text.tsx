// How the public catalogue ("Thủ tục hành chính", no sign-in, like the look-ups of this folder)
// words a procedure: its processing time, its fees and how far it can be done online.
import { Tag } from 'antd';
import type { Reply } from '../../../common/api/contract';
import type { listProcedures } from '../../../common/api/procedures';

type ProcedureSummary = Reply<typeof listProcedures>['items'][number];
type Fee = ProcedureSummary['fees'][number];

export const money = new Intl.NumberFormat('vi-VN');

export function feeText(fees: Fee[]): string {
  if (fees.length === 0 || fees.every((f) => f.amountVnd === 0)) return 'Miễn phí, lệ phí';
  return fees.map((f) => (f.amountVnd === 0 ? `${f.label}: miễn` : `${f.label}`)).join('; ');
}

export function timeText(p: Pick<ProcedureSummary, 'processingDays'>): string {
  return p.processingDays === 0 ? 'Trong ngày làm việc' : `${p.processingDays} ngày làm việc`;
}

export function OnlineTag({ fullyOnline }: { fullyOnline: boolean }) {
  return fullyOnline ? <Tag color="green">Dịch vụ công trực tuyến toàn trình</Tag> : <Tag color="blue">Dịch vụ công trực tuyến một phần</Tag>;
}
