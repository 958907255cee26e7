import { describe, expect, it } from 'vitest';
import { extensionProblem, isOnTime, pausedWorkingDays, shiftDue, urgency } from './deadlines.js';
import { workCalendar } from './workdays.js';

/** An instant at a Vietnam wall-clock time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('the clock stops while the citizen supplements', () => {
  it('counts across Tết: asked Friday 13/02/2026, answered Monday 23/02 → 1 working day (23/02)', () => {
    expect(pausedWorkingDays(vn('2026-02-13T10:00:00'), vn('2026-02-23T08:30:00'))).toBe(1);
    expect(shiftDue('2026-02-24', 1)).toBe('2026-02-25');
  });

  it('does not move the date when asked and answered the same day', () => {
    expect(pausedWorkingDays(vn('2026-11-25T08:00:00'), vn('2026-11-25T16:00:00'))).toBe(0);
    expect(shiftDue('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('skips the weekend: asked Wed 25/11/2026, answered Mon 30/11 → 26, 27, 30 = 3; due Fri 27/11 becomes Wed 02/12', () => {
    expect(pausedWorkingDays(vn('2026-11-25T09:00:00'), vn('2026-11-30T09:00:00'))).toBe(3);
    expect(shiftDue('2026-11-27', 3)).toBe('2026-12-02');
  });

  it('skips 30/4 and 1/5: received Fri 24/04/2026 with 3 days → Mon 04/05; paused Tue 28/04 to Wed 06/05 → 4 days → Fri 08/05', () => {
    // 28/04 (1), 29/04 (2), 30/04 and 01/05 holidays, 02–03/05 weekend, 04/05 (3).
    expect(workCalendar().appointmentDate(vn('2026-04-24T10:00:00'), 3)).toBe('2026-05-04');
    // Held: 29/04, 04/05, 05/05, 06/05.
    expect(pausedWorkingDays(vn('2026-04-28T10:00:00'), vn('2026-05-06T10:00:00'))).toBe(4);
    expect(shiftDue('2026-05-04', 4)).toBe('2026-05-08');
  });
});

describe('on time or late', () => {
  it('is on time up to the end of the promised day in Vietnam, late from midnight', () => {
    expect(isOnTime(vn('2026-05-08T16:59:00'), '2026-05-08')).toBe(true);
    expect(isOnTime(vn('2026-05-09T01:00:00'), '2026-05-08')).toBe(false);
  });
});

describe('urgency of a work list row', () => {
  const now = vn('2026-11-27T10:00:00'); // Friday
  it('is overdue, today, soon (within two working days) or later', () => {
    expect(urgency('2026-11-26', now)).toBe('overdue');
    expect(urgency('2026-11-27', now)).toBe('today');
    // Mon 30/11 and Tue 01/12 are the next two working days; the weekend does not count.
    expect(urgency('2026-12-01', now)).toBe('soon');
    expect(urgency('2026-12-02', now)).toBe('later');
  });
});

describe('extension (gia hạn)', () => {
  it('needs a later working day', () => {
    expect(extensionProblem('2026-02-12', '2026-02-12')).toBe('Ngày hẹn mới phải sau ngày hẹn hiện tại.');
    expect(extensionProblem('2026-02-12', '2026-02-16')).toContain('Tết Nguyên đán');
    expect(extensionProblem('2026-02-12', '2026-02-23')).toBeNull();
    expect(extensionProblem('2026-02-12', '2040-01-02')).toBe('Ngày hẹn mới nằm ngoài lịch ngày làm việc của hệ thống.');
    expect(extensionProblem('2026-02-12', '23/02/2026')).toBe('Ngày hẹn mới không hợp lệ.');
  });
});
