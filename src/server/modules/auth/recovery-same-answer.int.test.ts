// "Quên mật khẩu" must not tell whether an identifier has an account: not by the answer, and not
// by the work done for it (which is what made unknown identifiers answer faster, see
// bench/reset-timing.ts). Both requests queue the same outbox job; only the job, after the
// answer, finds out whether there is anyone to text.
import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addCitizen, uniqueIdNumber } from '../../../../tests/support/fixtures.js';
import { Http } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../../platform/clock.js';
import { outbox } from '../../platform/tables.js';
import type { startPasswordReset } from '../../../common/api/auth.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listDevOutbox } from '../../../common/api/dev.js';

const system = useTestSystem();
let ipSeq = 0;
const client = () => new Http(system().app, `10.8.0.${++ipSeq}`);
const clock = () => system().clock as ManualClock;

/** The raw answer with its request id blanked: what a stranger could compare byte for byte. */
function raw(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  const id = (JSON.parse(res.body) as Reply<typeof startPasswordReset>).id;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return { status: res.statusCode, type: res.headers['content-type'], length: res.headers['content-length'], body: res.body.replace(id, '<id>') };
}

async function smsCount(h: Http): Promise<number> {
  return (await h.get('/api/dev/outbox?limit=500')).json<Reply<typeof listDevOutbox>>().length;
}

describe('Quên mật khẩu: the same answer and the same work with or without an account', () => {
  it('answers byte for byte alike apart from the id, queues the same job, and texts only the real owner', async () => {
    const c = await addCitizen(system().deps.db, system().clock.now());
    const h = client();
    await system().deliver();
    const before = await smsCount(h);

    const known = await h.post('/api/auth/password-resets', { login: c.idNumber });
    const unknown = await client().post('/api/auth/password-resets', { login: uniqueIdNumber() });
    expect(known.statusCode).toBe(201);
    expect(raw(unknown)).toEqual(raw(known));

    // One job each, of the same kind, before anything is delivered.
    const ids = [known.json<Reply<typeof startPasswordReset>>().id, unknown.json<Reply<typeof startPasswordReset>>().id];
    const jobs = () =>
      system()
        .deps.db.select({ kind: outbox.kind, status: outbox.status, resetId: sql<string>`${outbox.payload}->>'resetId'` })
        .from(outbox)
        .where(inArray(sql`${outbox.payload}->>'resetId'`, ids));
    expect((await jobs()).map((j) => j.kind).sort()).toEqual(['auth.password-reset-code', 'auth.password-reset-code']);

    await system().deliver();
    expect((await jobs()).map((j) => j.status)).toEqual(['done', 'done']);
    const messages = (await h.get('/api/dev/outbox?limit=500')).json<Reply<typeof listDevOutbox>>();
    expect(messages.length - before).toBe(1);
    expect(messages[0]).toMatchObject({ to: c.phone });
    expect(messages[0]!.body).toMatch(/lấy lại mật khẩu/);

    // "Gửi lại OTP" after 30 seconds: the same again.
    clock().advance(31_000);
    const resentKnown = await h.post(`/api/auth/password-resets/${ids[0]}/otp`);
    const resentUnknown = await client().post(`/api/auth/password-resets/${ids[1]}/otp`);
    expect(resentKnown.statusCode).toBe(200);
    expect(raw(resentUnknown)).toEqual(raw(resentKnown));
    await system().deliver();
    const after = (await h.get('/api/dev/outbox?limit=500')).json<Reply<typeof listDevOutbox>>();
    expect(after.length - before).toBe(2);
    expect(after.slice(0, after.length - before).map((m) => m.to)).toEqual([c.phone, c.phone]);
  });
});
