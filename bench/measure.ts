// What every bench table shows of an autocannon run.
import type autocannon from 'autocannon';

export interface Measured {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon's result as the tables show it (p95 from its histogram-backed fields). */
export function toMeasured(name: string, r: autocannon.Result): Measured {
  const lat = r.latency as unknown as Record<string, number>;
  return { name, rps: r.requests.average, p50: lat.p50 ?? 0, p95: lat.p95 ?? lat.p97_5 ?? 0, p99: lat.p99 ?? 0, errors: r.errors, non2xx: r.non2xx };
}
