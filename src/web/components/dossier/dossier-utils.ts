// Small helpers of the dossier screens, portal and back office alike.
import type { FormValues } from '../../../common/eform';
import type { Paper, ProcedureDocument } from './dossier-types';

/** What the paper upload takes, and its size limit. */
export const PAPER_ACCEPT = '.pdf,.jpg,.jpeg,.png';
export const PAPER_MAX = 10 * 1024 * 1024;

/** "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" of a dossier. */
export const receiptUrl = (id: string) => `/api/dossiers/${id}/receipt.pdf`;

/** "Thời hạn giải quyết" of a procedure. */
export function processingText(days: number): string {
  return days === 0 ? 'Trong ngày làm việc' : `${days} ngày làm việc`;
}

/** The form's values as the API takes them: strings only. */
export function formDataOf(values: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number') out[k] = String(v);
  }
  return out;
}

/** Required documents with no file attached. */
export function missingPositions(documents: ProcedureDocument[], papers: Pick<Paper, 'position'>[]): number[] {
  const given = new Set(papers.map((p) => p.position));
  return documents.filter((d) => d.required && !given.has(d.position)).map((d) => d.position);
}
