// Working days of Vietnamese state agencies (DOMAIN-NOTES "Deadlines"): Monday to Friday, minus
// public holidays, compensatory days off (nghỉ bù) and working days swapped into days off (hoán đổi
// nghỉ); plus the Saturdays worked in exchange (làm bù). Deadlines are counted here, never by adding
// 24 hours. Data: data/holidays-vn.json (2024–2030, see data/SOURCES.md).
import { readDataJson } from './data-files.js';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

interface HolidayFile {
  years: [number, number];
  holidays: { date: IsoDate; name: string }[];
  adjustments: { date: IsoDate; type: 'nghi-bu' | 'hoan-doi-nghi' | 'lam-bu'; name: string }[];
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export class WorkCalendar {
  private readonly off = new Map<IsoDate, string>();
  private readonly worked = new Set<IsoDate>();
  readonly firstYear: number;
  readonly lastYear: number;

  constructor(data: HolidayFile) {
    [this.firstYear, this.lastYear] = data.years;
    for (const h of data.holidays) this.off.set(h.date, h.name);
    for (const a of data.adjustments) {
      if (a.type === 'lam-bu') this.worked.add(a.date);
      else this.off.set(a.date, a.name);
    }
  }

  private check(date: IsoDate): number {
    if (!ISO.test(date)) throw new RangeError(`not a date: ${date}`);
    const t = Date.parse(`${date}T00:00:00Z`);
    const year = Number(date.slice(0, 4));
    if (Number.isNaN(t) || year < this.firstYear || year > this.lastYear) {
      // Outside the published holidays a deadline would be silently wrong: refuse instead.
      throw new RangeError(`no holiday data for ${date} (covered: ${this.firstYear}–${this.lastYear})`);
    }
    return t;
  }

  /** Why the day is not worked (holiday or adjustment name, "Thứ Bảy", "Chủ nhật"), or null. */
  dayOff(date: IsoDate): string | null {
    const weekday = new Date(this.check(date)).getUTCDay();
    if (this.worked.has(date)) return null;
    const named = this.off.get(date);
    if (named) return named;
    if (weekday === 6) return 'Thứ Bảy';
    if (weekday === 0) return 'Chủ nhật';
    return null;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayOff(date) === null;
  }

  /** The first working day on or after `date`. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = shift(d, 1);
    return d;
  }

  /** The day that is the n-th working day after `date` (`date` itself not counted; n ≥ 0). */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    this.check(date);
    let d = date;
    for (let left = n; left > 0; ) {
      d = shift(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return n === 0 ? this.workingDayOnOrAfter(d) : d;
  }

  /** Working days in (from, to]: 0 when `to` is not after `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    this.check(from);
    this.check(to);
    let n = 0;
    for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }

  /**
   * The promised date (ngày hẹn trả kết quả) of a dossier received at `receivedAt` and processed in
   * `workingDays`: the processing time runs from the day of receipt, which does not count itself;
   * a dossier received on a day off (online, at the weekend or on a holiday) counts as received
   * on the next working day.
   */
  appointmentDate(receivedAt: Date, workingDays: number): IsoDate {
    return this.addWorkingDays(this.workingDayOnOrAfter(vnDate(receivedAt)), workingDays);
  }
}

function shift(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date of an instant in Vietnam (UTC+7 all year). */
export function vnDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

let shared: WorkCalendar | null = null;

/** The calendar of data/holidays-vn.json, read once. */
export function workCalendar(): WorkCalendar {
  if (!shared) {
    shared = new WorkCalendar(readDataJson<HolidayFile>('holidays-vn.json'));
  }
  return shared;
}
