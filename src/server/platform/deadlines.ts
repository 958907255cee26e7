// Deadlines of a dossier (issue 7, DOMAIN-NOTES "Deadlines"): the promised date counts working days
// from reception; the clock stops while the citizen supplements the dossier and the promised date
// moves by the working days they took; an extension sets a later date but does not make a late
// dossier on time. Pure functions over the working-day calendar; unit-tested by hand-counted cases.
import { vnDate, workCalendar, type IsoDate, type WorkCalendar } from './workdays.js';

/**
 * Working days the citizen held the dossier: those after the day the request for supplementation
 * went out, up to and including the day they sent it back. Asked and answered on the same day: 0.
 */
export function pausedWorkingDays(pausedAt: Date, resumedAt: Date, cal: WorkCalendar = workCalendar()): number {
  return cal.workingDaysBetween(vnDate(pausedAt), vnDate(resumedAt));
}

/** The promised date moved later by `days` working days (a pause); unchanged for 0. */
export function shiftDue(due: IsoDate, days: number, cal: WorkCalendar = workCalendar()): IsoDate {
  if (days === 0) return due;
  let d = due;
  // A due date is a working day; move it by whole working days.
  for (let i = 0; i < days; i++) d = cal.addWorkingDays(d, 1);
  return d;
}

/** On time when the result was ready no later than the promised date (pauses already added to it). */
export function isOnTime(finishedAt: Date, due: IsoDate): boolean {
  return vnDate(finishedAt) <= due;
}

export type Urgency = 'overdue' | 'today' | 'soon' | 'later';

/** How urgent a due date is today: past, today, within the next two working days, or later. */
export function urgency(due: IsoDate, now: Date, cal: WorkCalendar = workCalendar()): Urgency {
  const today = vnDate(now);
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return cal.workingDaysBetween(today, due) <= 2 ? 'soon' : 'later';
}

/** A new promised date for an extension: a working day after the current one. */
export function extensionProblem(current: IsoDate, proposed: IsoDate, cal: WorkCalendar = workCalendar()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(proposed)) return 'Ngày hẹn mới không hợp lệ.';
  if (proposed <= current) return 'Ngày hẹn mới phải sau ngày hẹn hiện tại.';
  try {
    if (!cal.isWorkingDay(proposed)) return `Ngày ${proposed.split('-').reverse().join('/')} là ngày nghỉ (${cal.dayOff(proposed)}); hãy chọn một ngày làm việc.`;
  } catch {
    return 'Ngày hẹn mới nằm ngoài lịch ngày làm việc của hệ thống.';
  }
  return null;
}
