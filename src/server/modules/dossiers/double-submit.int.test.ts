// Double submit (defect 8): the same write sent several times at once — a double click, a retry
// while the first is still running, two tabs. A write keyed by an idempotency key answers every
// copy with the first result and stores it once; a one-time step (finishing a registration, an
// account request, a rating) happens once and answers the copies with its stable "already done"
// code; a unique index used as a key never surfaces as a 500 or a bare CONFLICT.
//
// Runs on PostgreSQL in CI (TEST_DATABASE_URL is always set there), where the copies really run in
// parallel transactions: a second connection holds the lock they all need next until every copy
// waits for it, so that they all pass the "already filed?" check before the first one commits.
// On PGlite (one connection) the copies queue, and the same answers must hold.
import { and, eq, inArray, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyId, CHILD, citizenClient, KHAI_SINH, prefilledValues, submitKhaiSinh, uploadPaper, type Submitted } from '../../../../tests/support/dossiers.js';
import { addCitizen, uniqueIdNumber, uniquePhone } from '../../../../tests/support/fixtures.js';
import { createDraft, Http, latestOtp, loggedIn, PNG_1PX } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { vneidCallbackFor, VneidBrowser } from '../../../../tests/support/vneid-browser.js';
import { DOSSIER_STATUS } from '../../../common/dossier-status.js';
import { vnDate } from '../../platform/workdays.js';
import { outbox } from '../../platform/tables.js';
import { users } from '../users/tables.js';
import { dossierDrafts, dossierRatings, dossiers } from './tables.js';
import { uploadMyPaper } from '../../../common/api/dossiers.js';
import { deskUploadPaper } from '../../../common/api/dossiers-desk.js';

// Listening: the VNeID sign-in goes through the simulator over real HTTP; the rest uses inject.
const system = useTestSystem({ listen: true });
const db = () => system().deps.db;

let camThanh: string;
let demoCitizenId: string;
beforeAll(async () => {
  camThanh = await agencyId(db(), '000.01.15.H48');
  const [u] = await db().select({ id: users.id }).from(users).where(eq(users.idNumber, '001090000001'));
  demoCitizenId = u!.id;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * On PostgreSQL: `hold` takes a lock in a transaction of a connection of its own, `run` starts,
 * and the lock is released once the other backends' lock waits satisfy `ready`; on PGlite `run`
 * just runs. Either way, resolves with what `run` gives.
 */
async function whileHeld<T>(hold: (c: pg.Client) => Promise<unknown>, ready: (waits: string[]) => boolean, run: () => Promise<T>): Promise<T> {
  const sys = system();
  if (sys.deps.dbKind !== 'postgres') return run();
  const c = new pg.Client({ connectionString: sys.deps.config.databaseUrl });
  await c.connect();
  try {
    await c.query('begin');
    await hold(c);
    const running = run();
    running.catch(() => {});
    for (const end = Date.now() + 20_000; ; await sleep(20)) {
      // Read afresh: inside this transaction pg_stat_activity would keep its first snapshot.
      await c.query('select pg_stat_clear_snapshot()');
      const r = await c.query<{ w: string }>(
        `select wait_event as w from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
      );
      if (ready(r.rows.map((x) => x.w))) break;
      if (Date.now() > end) throw new Error(`the expected lock waits never came: ${JSON.stringify(r.rows)}`);
    }
    await c.query('commit');
    return await running;
  } finally {
    await c.end();
  }
}

/** Cẩm Thành's dossier counter of the day: every filing there takes it inside its transaction. */
const counterRow = (c: pg.Client) =>
  c.query(
    `insert into dossier_counters (agency_id, day, last) values ($1, $2, 0)
       on conflict (agency_id, day) do update set last = dossier_counters.last`,
    [camThanh, vnDate(system().clock.now())],
  );
/** `copies` submissions at once, all inside their transactions before the first commits. */
const allAtOnce = (copies: number, send: () => Promise<LightMyRequestResponse>) =>
  whileHeld(counterRow, (waits) => waits.length >= copies, () => Promise.all(Array.from({ length: copies }, send)));

let serial = 0;
const freshKey = (what: string) => `double-${what}-${++serial}-${Math.random().toString(36).slice(2, 10)}`;

/** Everything stored under one author's key. */
const rowsByKey = (createdBy: string, key: string) =>
  db()
    .select({ id: dossiers.id, code: dossiers.code })
    .from(dossiers)
    .where(and(eq(dossiers.createdBy, createdBy), eq(dossiers.submissionKey, key)));

/** SMS queued about a dossier (the first notice's key names the dossier id). */
const smsAbout = (dossierId: string) =>
  db()
    .select({ key: outbox.idempotencyKey })
    .from(outbox)
    .where(and(eq(outbox.kind, 'notify.sms'), like(outbox.idempotencyKey, `dossier:${dossierId}:%`)));

/** Every copy answered 201 with the same dossier; returns it. */
function expectOneAnswer(answers: LightMyRequestResponse[]): Submitted {
  for (const a of answers) expect(a.statusCode, a.body).toBe(201);
  const first = answers[0]!.json<Submitted>();
  for (const a of answers) expect(a.json<Submitted>()).toEqual(first);
  return first;
}

/** A citizen's "Nộp hồ sơ" body, ready to be sent several times. */
async function onlineFiling(h: Http) {
  const formData = { ...(await prefilledValues(h)), ...CHILD };
  const documents = [
    { position: 1, fileId: await uploadPaper(h) },
    { position: 2, fileId: await uploadPaper(h, uploadMyPaper.url, 'chung-sinh.png', PNG_1PX) },
  ];
  return (key: string, agency = camThanh) => h.post(`/api/filing/${KHAI_SINH}/submit`, { agencyId: agency, formData, documents, submissionKey: key, delivery: { method: 'electronic' } });
}

/** motcua.demo's "Tiếp nhận" body for the demo citizen, every paper scanned. */
async function deskFiling(officer: Http) {
  const start = (await officer.get(`/api/desk/filing/${KHAI_SINH}?citizenId=${demoCitizenId}`)).json<{
    agencies: { id: string }[];
    prefill: { values: Record<string, string> };
  }>();
  const documents = [
    { position: 1, fileId: await uploadPaper(officer, deskUploadPaper.url, 'to-khai-scan.pdf') },
    { position: 2, fileId: await uploadPaper(officer, deskUploadPaper.url, 'chung-sinh-scan.pdf') },
  ];
  const body = { citizenId: demoCitizenId, agencyId: start.agencies[0]!.id, formData: { ...start.prefill.values, ...CHILD }, documents };
  return (key: string, citizenId = demoCitizenId) => officer.post(`/api/desk/filing/${KHAI_SINH}`, { ...body, citizenId, submissionKey: key });
}

async function officerId(username: string): Promise<string> {
  const [u] = await db().select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

describe('Nộp hồ sơ trực tuyến sent several times at once with one key', () => {
  it.each([2, 10])('%i copies: every answer is 201 with the same dossier, stored once, notified once', async (copies) => {
    const h = await citizenClient(system().app);
    const submit = await onlineFiling(h);
    const key = freshKey('online');
    const d = expectOneAnswer(await allAtOnce(copies, () => submit(key)));
    expect(d).toMatchObject({ status: DOSSIER_STATUS.NEW, statusLabel: 'Mới đăng ký' });
    expect(await rowsByKey(demoCitizenId, key)).toEqual([{ id: d.id, code: d.code }]);
    expect(await smsAbout(d.id)).toHaveLength(1);
    // Pressed again later: still the same dossier.
    expect(expectOneAnswer([await submit(key)])).toEqual(d);
  });

  it('files two dossiers for two keys sent at once (the key decides, not the content)', async () => {
    const h = await citizenClient(system().app);
    const submit = await onlineFiling(h);
    const [a, b] = [freshKey('online-a'), freshKey('online-b')];
    const [ra, rb] = await Promise.all([submit(a), submit(b)]);
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    expect(ra.json<Submitted>().code).not.toBe(rb.json<Submitted>().code);
    expect(await rowsByKey(demoCitizenId, a)).toHaveLength(1);
    expect(await rowsByKey(demoCitizenId, b)).toHaveLength(1);
  });
});

describe('Tiếp nhận trực tiếp sent several times at once with one key', () => {
  it.each([2, 10])('%i copies: every answer is 201 with the same received dossier, stored once, notified once', async (copies) => {
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const receive = await deskFiling(officer);
    const key = freshKey('desk');
    const d = expectOneAnswer(await allAtOnce(copies, () => receive(key)));
    expect(d).toMatchObject({ status: DOSSIER_STATUS.RECEIVED, statusLabel: 'Được tiếp nhận' });
    expect(await rowsByKey(await officerId('motcua.demo'), key)).toEqual([{ id: d.id, code: d.code }]);
    expect(await smsAbout(d.id)).toHaveLength(1);
    expect(expectOneAnswer([await receive(key)])).toEqual(d);
  });

  it('keeps keys apart per author: the desk and the citizen using the same key string at once get a dossier each', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const receive = await deskFiling(officer);
    const submit = await onlineFiling(await citizenClient(system().app));
    const key = freshKey('shared');
    const [atDesk, online] = await Promise.all([receive(key), submit(key)]);
    expect([atDesk.statusCode, online.statusCode]).toEqual([201, 201]);
    expect(atDesk.json<Submitted>().id).not.toBe(online.json<Submitted>().id);
    expect(await db().select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.submissionKey, key))).toHaveLength(2);
  });
});

describe('one key, another filing', () => {
  it('refuses a desk key kept from the previous citizen instead of answering with that citizen’s dossier', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const receive = await deskFiling(officer);
    const key = freshKey('desk-next');
    const first = await receive(key);
    expect(first.statusCode, first.body).toBe(201);
    const next = await addCitizen(db(), system().clock.now(), { fullName: 'Võ Thị Kế Tiếp' });
    const res = await receive(key, next.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SUBMISSION_KEY_REUSED' });
    expect(res.body).not.toContain(first.json<Submitted>().code);
    // The first citizen's dossier is still the only one the key filed.
    expect(await rowsByKey(await officerId('motcua.demo'), key)).toEqual([{ id: first.json<Submitted>().id, code: first.json<Submitted>().code }]);
  });

  it('refuses an online key reused for another receiving unit', async () => {
    const h = await citizenClient(system().app);
    const submit = await onlineFiling(h);
    const key = freshKey('online-other');
    expect((await submit(key)).statusCode).toBe(201);
    const other = await submit(key, await agencyId(db(), '000.02.15.H48'));
    expect(other.statusCode, other.body).toBe(409);
    expect(other.json()).toMatchObject({ code: 'SUBMISSION_KEY_REUSED' });
  });
});

describe('other writes keyed by a unique index, sent several times at once', () => {
  it('the draft (one per citizen and procedure): five autosaves at once all answer 200 and leave one draft, the last content', async () => {
    const h = await citizenClient(system().app);
    const fileId = await uploadPaper(h);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        h.put(`/api/filing/${KHAI_SINH}/draft`, { agencyId: camThanh, formData: { childFullName: `Nguyễn Minh Khang ${n}` }, documents: [{ position: 1, fileId }] }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const drafts = await db().select({ formData: dossierDrafts.formData }).from(dossierDrafts).where(eq(dossierDrafts.applicantId, demoCitizenId));
    expect(drafts).toHaveLength(1);
    expect((drafts[0]!.formData as Record<string, string>).childFullName).toMatch(/^Nguyễn Minh Khang [1-5]$/);
    expect((await h.del(`/api/filing/${KHAI_SINH}/draft`)).statusCode).toBe(204);
  });

  it('"Đăng nhập bằng VNeID" finished in two browsers at once by a person new to the portal: one account, both signed in to it', async () => {
    const sys = system();
    const [b1, b2] = [new VneidBrowser(), new VneidBrowser()];
    // Both reach the simulator and choose the person before either comes back.
    const back1 = await vneidCallbackFor(b1, sys.baseUrl!, 'Lê Hoàng Nam');
    const back2 = await vneidCallbackFor(b2, sys.baseUrl!, 'Lê Hoàng Nam');
    // Both transactions past their "no account yet" reads: the first waits to write its audit row
    // (held here), the second's insert waits for the first's new row.
    const landed = await whileHeld(
      (c) => c.query('lock table audit_log in exclusive mode'),
      (waits) => waits.includes('transactionid'),
      () => Promise.all([b1.request(back1), b2.request(back2)]),
    );
    for (const res of landed) {
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/tai-khoan');
    }
    const accounts = await db().select({ id: users.id }).from(users).where(eq(users.idNumber, '051203007315'));
    expect(accounts).toHaveLength(1);
    for (const b of [b1, b2]) {
      const me = await b.request(`${sys.baseUrl}/api/auth/me`);
      expect(me.status).toBe(200);
      expect(((await me.json()) as { id?: string; userId?: string; fullName: string }).fullName).toBe('Lê Hoàng Nam');
    }
  });

  it('"Đăng ký" pressed twice at once: one account, one SMS; the copy answers 409 REGISTRATION_DONE', async () => {
    const h = new Http(system().app, '10.8.8.1');
    const idNumber = uniqueIdNumber({ birthYear: 1995, sex: 'female' });
    const phone = uniquePhone();
    const started = await h.post('/api/registrations', { kind: 'citizen', idNumber, fullName: 'Phạm Thu Hà', birthDate: '1995-03-08', phone });
    expect(started.statusCode, started.body).toBe(201);
    const reg = started.json<{ id: string }>();
    await system().deliver();
    expect((await h.post(`/api/registrations/${reg.id}/verify`, { otp: await latestOtp(h, phone) })).statusCode).toBe(200);
    const body = { password: 'Song-Lam@2026!', passwordConfirm: 'Song-Lam@2026!' };
    const answers = await Promise.all([h.post(`/api/registrations/${reg.id}/complete`, body), h.post(`/api/registrations/${reg.id}/complete`, body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json()).toMatchObject({ code: 'REGISTRATION_DONE' });
    expect(answers.find((a) => a.statusCode === 201)!.json()).toMatchObject({ id: reg.id, status: 'completed' });
    expect(await db().select({ id: users.id }).from(users).where(eq(users.idNumber, idNumber))).toHaveLength(1);
    expect(await db().select().from(outbox).where(eq(outbox.idempotencyKey, `registration-done:${reg.id}`))).toHaveLength(1);
  });

  it('"Tạo tài khoản" (desk, with the OTP) pressed twice at once: one account, one password SMS; the copy answers 409 REQUEST_NOT_DRAFT', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const idNumber = uniqueIdNumber({ birthYear: 1994, sex: 'female' });
    const phone = uniquePhone();
    const draft = await createDraft(officer, { idNumber, phone, birthDate: '1994-06-15', email: null });
    expect((await officer.post(`/api/citizen-account-requests/${draft.id}/otp`)).statusCode).toBe(200);
    await system().deliver();
    const otp = await latestOtp(officer, phone);
    const answers = await Promise.all([0, 1].map(() => officer.post(`/api/citizen-account-requests/${draft.id}/complete`, { otp })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json()).toMatchObject({ code: 'REQUEST_NOT_DRAFT' });
    expect(answers.find((a) => a.statusCode === 200)!.json()).toMatchObject({ id: draft.id, status: 'completed', idNumber });
    expect(await db().select({ id: users.id }).from(users).where(eq(users.idNumber, idNumber))).toHaveLength(1);
    expect(await db().select().from(outbox).where(eq(outbox.idempotencyKey, `account-password:${draft.id}`))).toHaveLength(1);
  });

  it('"Đánh giá mức độ hài lòng" sent twice at once: one rating; the copy answers 409 RATING_EXISTS', async () => {
    const h = await citizenClient(system().app);
    const res = await submitKhaiSinh(h, camThanh);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Submitted>();
    // The result handed over (the workflow up to status 10 has its own tests).
    await db().update(dossiers).set({ status: DOSSIER_STATUS.RESULT_RETURNED }).where(eq(dossiers.id, d.id));
    const answers = await Promise.all(
      [3, 2].map((level) => h.post(`/api/my/dossiers/${d.id}/rating`, { criteria: { access: level, time: level, staff: level, result: level } })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json()).toMatchObject({ code: 'RATING_EXISTS' });
    const stored = await db().select().from(dossierRatings).where(inArray(dossierRatings.dossierId, [d.id]));
    expect(stored).toHaveLength(1);
    expect(answers.find((a) => a.statusCode === 201)!.json()).toMatchObject({ rating: stored[0]!.rating });
  });
});
