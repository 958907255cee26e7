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

const randomIp = () => `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/** Signs in over HTTP like the SPA (CSRF token first); returns the cookie header and the token for POSTs. */
export async function signInSession(base: string, audience: 'officer' | 'citizen', login: string, password: string): Promise<{ cookie: string; token: string }> {
  const jar = new Map<string, string>();
  const take = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const c = await fetch(`${base}/api/auth/csrf`);
  take(c);
  const { token } = (await c.json()) as { token: string };
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: header(), 'x-forwarded-for': randomIp() },
    body: JSON.stringify({ audience, login, password }),
  });
  if (!r.ok) throw new Error(`login ${login} failed: ${r.status} ${await r.text()}`);
  take(r);
  return { cookie: header(), token };
}
