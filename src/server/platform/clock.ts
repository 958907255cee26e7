// The one source of "now". Tests pass a ManualClock and move it forward to expire an OTP.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string = '2026-11-24T02:00:00Z') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(to: Date | string): void {
    this.t = new Date(to).getTime();
  }
}

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** dd/MM/yyyy HH:mm:ss in Vietnam time, as the seeds print times (19/04/2021 19:09:26). */
export function formatVnDateTime(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** YYYY-MM-DD → dd/MM/yyyy. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Start of the given calendar day (YYYY-MM-DD) in Vietnam time, as an instant. */
export function vnDayStart(iso: string): Date {
  return new Date(`${iso}T00:00:00+07:00`);
}

/** Real time plus an offset that only moves forward: end-to-end tests expire an OTP without waiting. */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
