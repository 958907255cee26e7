// The editor's length limits, read from the contract's body schema (ProcedureInput) so the form
// and the server keep to the same numbers.
import type { TSchema } from 'typebox';
import { ProcedureDocumentInput, ProcedureInput } from '../../../common/api/procedures';

/** A numeric keyword of a schema, or of the non-null member of a Nullable one. */
function keyword(s: TSchema, key: 'maxLength' | 'maximum'): number | undefined {
  const x = s as { anyOf?: TSchema[] } & Partial<Record<typeof key, unknown>>;
  const own = x[key];
  if (typeof own === 'number') return own;
  for (const member of x.anyOf ?? []) {
    const n = keyword(member, key);
    if (n !== undefined) return n;
  }
  return undefined;
}

const p = ProcedureInput.properties;
const d = ProcedureDocumentInput.properties;

export const LIMITS = {
  name: keyword(p.name, 'maxLength'),
  field: keyword(p.field, 'maxLength'),
  implementingAgency: keyword(p.implementingAgency, 'maxLength'),
  processingDays: keyword(p.processingDays, 'maximum'),
  processingNote: keyword(p.processingNote, 'maxLength'),
  decisionRef: keyword(p.decisionRef, 'maxLength'),
  legalBasis: keyword(p.legalBasis, 'maxLength'),
  document: {
    name: keyword(d.name, 'maxLength'),
    quantity: keyword(d.quantity, 'maxLength'),
    templateName: keyword(d.templateName, 'maxLength'),
    note: keyword(d.note, 'maxLength'),
  },
};
