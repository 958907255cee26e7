// The procedure editor's values: the body the server takes, with its dates as the date pickers
// hold them; from a stored procedure (or a new one's defaults) and back to the body.
import dayjs, { type Dayjs } from 'dayjs';
import type { BodyOf, Reply } from '../../../common/api/contract';
import type { createAdminProcedure, getAdminProcedure } from '../../../common/api/procedures';

type Detail = Reply<typeof getAdminProcedure>;
type ProcedureBody = BodyOf<typeof createAdminProcedure>;

export type EditorValues = Omit<ProcedureBody, 'effectiveFrom' | 'effectiveTo' | 'decisionDate'> & {
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  decisionDate?: Dayjs | null;
};

export const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY'];
export const required = (label: string) => [{ required: true, whitespace: true, message: `Hãy nhập ${label}.` }];
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** A new document's defaults. */
export const NEW_DOCUMENT = { name: '', quantity: '01 bản chính', required: true };

export function toValues(d: Detail | null): Partial<EditorValues> {
  if (!d) return { level: 'commune', processingDays: 0, fullyOnline: false, fees: [], documents: [{ ...NEW_DOCUMENT }] };
  return {
    code: d.code,
    name: d.name,
    field: d.field,
    level: d.level,
    implementingAgency: d.implementingAgency,
    processingDays: d.processingDays,
    processingNote: d.processingNote ?? undefined,
    fees: d.fees,
    fullyOnline: d.fullyOnline,
    legalBasis: d.legalBasis ?? undefined,
    effectiveFrom: dayjs(d.effectiveFrom),
    effectiveTo: d.effectiveTo ? dayjs(d.effectiveTo) : null,
    decisionRef: d.decisionRef ?? undefined,
    decisionDate: d.decisionDate ? dayjs(d.decisionDate) : null,
    documents: d.documents.map((x) => ({
      id: x.id,
      name: x.name,
      quantity: x.quantity,
      required: x.required,
      templateName: x.templateName ?? undefined,
      note: x.note ?? undefined,
    })),
  };
}

export function toBody(v: EditorValues): ProcedureBody {
  return {
    ...v,
    code: v.code.trim(),
    fees: v.fees ?? [],
    effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
    effectiveTo: day(v.effectiveTo),
    decisionDate: day(v.decisionDate),
    documents: (v.documents ?? []).map((d) => ({ ...d, id: d.id || undefined })),
  };
}
