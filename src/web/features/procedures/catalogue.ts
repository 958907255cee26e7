// What the catalogue's pieces share: the reads a change of a procedure shows in, the colours and
// options of its states, and the warning about a procedure without an e-form.
import { getAdminProcedure, getProcedure, listAdminProcedures, listProcedures } from '../../../common/api/procedures';
import { PROCEDURE_LEVEL_LABELS, PROCEDURE_STATUS_LABELS, type EffectiveState, type ProcedureLevel, type ProcedureStatus } from '../../../common/procedure-catalogue';

/** Every read a change of a procedure shows in: the administration's and the portal's. */
export const PROCEDURE_READS = [listAdminProcedures, getAdminProcedure, listProcedures, getProcedure];
/** What a change of a template shows in: the procedure, here and on the portal. */
export const TEMPLATE_READS = [getAdminProcedure, getProcedure];

export const STATUS_COLORS: Record<ProcedureStatus, string> = { draft: 'gold', published: 'green', unpublished: 'default' };
export const EFFECTIVE_COLORS: Record<EffectiveState, string> = { upcoming: 'blue', current: 'green', expired: 'red' };
export const NO_FORM_WARNING = 'Thủ tục chưa có biểu mẫu điện tử: công dân xem được thủ tục nhưng chưa nộp hồ sơ trực tuyến được.';

export const statusOptions = (Object.keys(PROCEDURE_STATUS_LABELS) as ProcedureStatus[]).map((s) => ({ value: s, label: PROCEDURE_STATUS_LABELS[s] }));
export const levelOptions = (Object.keys(PROCEDURE_LEVEL_LABELS) as ProcedureLevel[]).map((l) => ({ value: l, label: PROCEDURE_LEVEL_LABELS[l] }));
