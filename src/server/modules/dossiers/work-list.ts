// Processing (issue 7): the officers' work list — dossiers being processed in their agencies, most
// urgent first, with the counts by deadline and what the officer may do to each.
import { and, asc, count, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../common/dossier-status.js';
import { DOSSIER_ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { cleanText } from '../../../common/text.js';
import { ROLE_LABELS, type Workflow } from '../../../common/workflow.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { urgency } from '../../platform/deadlines.js';
import { AppError } from '../../platform/errors.js';
import { vnDate, workCalendar } from '../../platform/workdays.js';
import { listUnits } from '../agencies/service.js';
import { getWorkflow } from '../procedures/service.js';
import { codeOrApplicantId, officer } from './access.js';
import { rolesIn, unitsOf, workAgencyIds } from './officer-scope.js';
import { dossiers } from './tables.js';
import { allowedActions } from './workflow.js';

export type Bucket = 'overdue' | 'today' | 'soon' | 'all';

export interface WorkQuery {
  bucket?: Bucket;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * Dossiers being processed in the officer's agencies, most urgent first (by the promised date),
 * with what the officer may do to each. `bucket` narrows to overdue, due today, or due within the
 * next two working days.
 */
export async function workList(ctx: Ctx, query: WorkQuery) {
  const actor = officer(ctx);
  // The list shows applicants' names and CCCD numbers: only to officers with a part in dossiers.
  if (!DOSSIER_ROLE_PERMISSIONS.some((p) => actor.permissions.has(p))) throw new AppError('PERMISSION_REQUIRED');
  const db = ctx.deps.db;
  const units = await unitsOf(ctx, actor);
  const agencyIds = workAgencyIds(units);
  if (agencyIds.length === 0) throw new AppError('NO_RECEIVING_UNIT');
  const now = ctx.deps.clock.now();
  const today = vnDate(now);
  const cal = workCalendar();
  const soonEnd = cal.addWorkingDays(today, 2);
  // dossiers_work_order_idx holds each agency's dossiers in processing in the list's order: one
  // short index range per agency, merged here, instead of sorting every dossier of the scope.
  const inWork = sql`${dossiers.status} in (2, 4, 5, 6, 9)`;
  const q = cleanText(query.q ?? '');
  const search = q ? codeOrApplicantId(q) : undefined;
  const byBucket: Record<Exclude<Bucket, 'all'>, SQL> = {
    overdue: lt(dossiers.appointmentDate, today),
    today: eq(dossiers.appointmentDate, today),
    soon: and(gte(dossiers.appointmentDate, cal.addWorkingDays(today, 1)), lte(dossiers.appointmentDate, soonEnd))!,
  };
  const bucket = query.bucket && query.bucket !== 'all' ? byBucket[query.bucket] : undefined;
  const take = query.page * query.pageSize;
  const countWhere = (extra?: SQL) => and(inArray(dossiers.agencyId, agencyIds), inWork, search, extra);
  const countOf = async (extra?: SQL) => Number((await db.select({ n: count() }).from(dossiers).where(countWhere(extra)))[0]?.n ?? 0);
  const [perAgency, total, overdue, dueToday, soon] = await Promise.all([
    Promise.all(
      agencyIds.map((id) =>
        db
          .select()
          .from(dossiers)
          .where(and(eq(dossiers.agencyId, id), inWork, search, bucket))
          .orderBy(asc(dossiers.appointmentDate), asc(dossiers.submittedAt))
          .limit(take),
      ),
    ),
    countOf(bucket),
    countOf(byBucket.overdue),
    countOf(byBucket.today),
    countOf(byBucket.soon),
  ]);
  const rows = perAgency
    .flat()
    .sort((x, y) => (x.appointmentDate ?? '').localeCompare(y.appointmentDate ?? '') || x.submittedAt.getTime() - y.submittedAt.getTime())
    .slice((query.page - 1) * query.pageSize, take);
  const counts = [{ overdue, today: dueToday, soon }];
  const workflows = await workflowsFor(db, rows);
  const names = new Map((await listUnits(db, [...new Set(rows.map((r) => r.agencyId))])).map((a) => [a.id, a.name]));
  return {
    items: rows.map((d) => {
      const w = workflows.get(d.procedureId)!;
      const step = w.steps.find((s) => s.key === d.step) ?? null;
      return {
        id: d.id,
        code: d.code,
        procedureName: d.procedureName,
        applicantName: d.applicantName,
        agencyName: names.get(d.agencyId) ?? '',
        status: d.status,
        statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus],
        step: step ? { key: step.key, label: step.label, role: ROLE_LABELS[step.role] } : null,
        stepDueDate: d.stepDueDate,
        appointmentDate: d.appointmentDate,
        extendedDate: d.extendedDate,
        urgency: d.appointmentDate ? urgency(d.appointmentDate, now, cal) : 'later',
        paused: d.pausedAt !== null,
        actions: allowedActions(w, { status: d.status as DossierStatus, step: d.step }, rolesIn(actor, units, d.agencyId)),
      };
    }),
    total,
    counts: counts[0]!,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function workflowsFor(db: DbOrTx, rows: readonly { procedureId: string }[]): Promise<Map<string, Workflow>> {
  const ids = [...new Set(rows.map((r) => r.procedureId))];
  const out = new Map<string, Workflow>();
  for (const id of ids) out.set(id, await getWorkflow(db, id));
  return out;
}
