// Hand-counted against the calendar and data/holidays-vn.json (2025, 2026 decisions).
import { describe, expect, it } from 'vitest';
import { vnDate, workCalendar } from './workdays.js';

const cal = workCalendar();

describe('working days', () => {
  it('skips the whole of Tết 2026 and the weekends around it', () => {
    // Fri 13/02/2026, then Sat 14, Sun 15, Tết 16–20 (29 Chạp to mùng 4), Sat 21, Sun 22.
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(cal.dayOff('2026-02-17')).toContain('Tết Nguyên đán');
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('counts a Saturday worked in exchange (làm bù) and skips the weekday given off for it', () => {
    // 02/01/2026 (Fri) was swapped for Saturday 10/01/2026.
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
  });

  it('follows 30/4–1/5 of 2025 with its swapped days', () => {
    // Fri 25/04 → Sat 26/04 (làm bù, 1) → Mon 28 (2) → Tue 29 (3) → 30/4, 1/5 holidays, Fri 2/5
    // swapped off, weekend → Mon 05/05 (4).
    expect(cal.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(cal.addWorkingDays('2025-04-25', 4)).toBe('2025-05-05');
    expect(cal.workingDaysBetween('2025-04-25', '2025-05-05')).toBe(4);
  });

  it('gives the compensatory Monday off when Giỗ Tổ Hùng Vương 2026 falls on a Sunday', () => {
    expect(cal.dayOff('2026-04-27')).toContain('Nghỉ bù Giỗ Tổ');
    expect(cal.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
  });

  it('crosses Quốc khánh 2026 (31/8 swapped off, 1–2/9 holidays)', () => {
    expect(cal.addWorkingDays('2026-08-28', 3)).toBe('2026-09-07');
    expect(cal.isWorkingDay('2026-08-22')).toBe(true); // the Saturday worked for 31/8
  });

  it('dates an appointment from the day of receipt, or from the next working day when received on a day off', () => {
    // Received Tuesday 10:00 in Vietnam, 3 working days → Friday.
    expect(cal.appointmentDate(new Date('2026-03-03T03:00:00Z'), 3)).toBe('2026-03-06');
    // Received online on Sunday 01/03/2026: counted as received Monday 02/03 → Thursday 05/03.
    expect(cal.appointmentDate(new Date('2026-03-01T03:00:00Z'), 3)).toBe('2026-03-05');
    // 20:00 UTC Friday 13/02 is 03:00 Saturday 14/02 in Vietnam: received 23/02, due 24/02.
    expect(vnDate(new Date('2026-02-13T20:00:00Z'))).toBe('2026-02-14');
    expect(cal.appointmentDate(new Date('2026-02-13T20:00:00Z'), 1)).toBe('2026-02-24');
    // Zero working days (done the same day) lands on a working day.
    expect(cal.addWorkingDays('2026-02-14', 0)).toBe('2026-02-23');
  });

  it('refuses dates the holiday data does not cover, and bad input', () => {
    expect(() => cal.addWorkingDays('2031-01-05', 1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2023-12-29')).toThrow(/no holiday data/);
    expect(() => cal.addWorkingDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
  });
});
