// Faults under load (issue 13 "fault test"): PostgreSQL backends terminated while citizens file
// dossiers, and the server process killed with SIGKILL mid-way and started again on the same
// database. What must hold: the process survives the first, every failed request is a 503
// DATABASE_UNAVAILABLE problem (never a 500), and afterwards every dossier exists exactly once —
// nothing acknowledged is lost, and a retry with the same idempotency key never files twice.
//
// PostgreSQL only (pg_terminate_backend, a second process on the same database): CI always sets
// TEST_DATABASE_URL (.ci/run); without it (PGlite, one process) these tests do not run.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, FetchClient, startChildServer, type ChildServer } from '../../../tests/support/child-server.js';
import { agencyId, CHILD, citizenClient, KHAI_SINH, prefilledValues, uploadPaper } from '../../../tests/support/dossiers.js';
import { PNG_1PX, tinyPdf } from '../../../tests/support/http.js';
import { freePort, useTestSystem } from '../../../tests/support/system.js';
import { dossiers } from '../modules/dossiers/tables.js';
import { outbox } from '../platform/tables.js';
import { vnDate } from '../platform/workdays.js';
import type { Db } from './client.js';

const CAM_THANH = '000.01.15.H48';
/** DB_POOL_SIZE of the systems under test (the default, stated for the arithmetic below). */
const POOL = 10;
const WRITES = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `ready` until it holds; throws (naming `what`) when it never does. Not an assertion on time. */
async function until(what: string, ready: () => Promise<boolean>, limitMs = 20_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`never happened: ${what}`);
    await sleep(20);
  }
}

/**
 * Backends of the database (other than `c`'s) waiting for a lock. pg_stat_activity is read afresh:
 * inside a transaction (while `c` holds the counter) it would otherwise show its first snapshot.
 */
async function lockWaiters(c: pg.Client): Promise<number> {
  await c.query('select pg_stat_clear_snapshot()');
  const r = await c.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
  );
  return r.rows[0]!.n;
}

/** What the brief of issue 13 names: every other backend of the database, cut. */
async function terminateOthers(c: pg.Client): Promise<number> {
  await c.query('select pg_stat_clear_snapshot()');
  const r = await c.query<{ n: number }>(
    `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()) t`,
  );
  return r.rows[0]!.n;
}

/**
 * Holds the agency's dossier counter row of the day, as a filing in progress does: every
 * submission then waits for it inside its transaction, holding a pooled connection.
 */
async function holdCounter(c: pg.Client, agency: string, day: string): Promise<void> {
  await c.query('begin');
  await c.query(
    `insert into dossier_counters (agency_id, day, last) values ($1, $2, 0)
       on conflict (agency_id, day) do update set last = dossier_counters.last`,
    [agency, day],
  );
}

/** Records whatever would have ended the process. */
function watchCrashes() {
  const seen: unknown[] = [];
  const record = (e: unknown) => void seen.push(e);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    seen,
    stop() {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    },
  };
}

/**
 * Exactly one dossier per key, with the id each acknowledgement gave; the agency's numbers of the
 * day run 1…n without a gap (a cut transaction gives its number back); one SMS per dossier.
 */
async function expectEachFiledOnce(db: Db, agency: string, day: string, acknowledged: Map<string, { id: string; code: string }>, keys: string[]) {
  const rows = await db.select({ id: dossiers.id, code: dossiers.code, key: dossiers.submissionKey }).from(dossiers).where(inArray(dossiers.submissionKey, keys));
  expect(rows.map((r) => r.key).sort()).toEqual([...keys].sort());
  for (const r of rows) expect(acknowledged.get(r.key), r.key).toEqual({ id: r.id, code: r.code });

  const prefix = `${CAM_THANH}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
  const ofDay = await db.select({ code: dossiers.code }).from(dossiers).where(and(eq(dossiers.agencyId, agency), like(dossiers.code, `${prefix}%`)));
  const numbers = ofDay.map((d) => Number(d.code.slice(prefix.length))).sort((a, b) => a - b);
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));

  const sms = await db
    .select({ key: outbox.idempotencyKey })
    .from(outbox)
    .where(and(eq(outbox.kind, 'notify.sms'), like(outbox.idempotencyKey, 'dossier:%:submitted:%')));
  const perDossier = new Map<string, number>();
  for (const s of sms) perDossier.set(s.key.split(':')[1]!, (perDossier.get(s.key.split(':')[1]!) ?? 0) + 1);
  for (const r of rows) expect(perDossier.get(r.id), `SMS of ${r.code}`).toBe(1);
}

describe.runIf(process.env.TEST_DATABASE_URL)('faults under concurrent filing (PostgreSQL)', () => {
  describe('backends terminated by pg_terminate_backend', () => {
    const system = useTestSystem();

    it('keeps the process up, answers 503 DATABASE_UNAVAILABLE (never 500) and files each dossier exactly once on retry with the same key', async () => {
      const sys = system();
      const db = sys.deps.db;
      const h = await citizenClient(sys.app);
      const formData = { ...(await prefilledValues(h)), ...CHILD };
      const documents = [
        { position: 1, fileId: await uploadPaper(h) },
        { position: 2, fileId: await uploadPaper(h, '/api/my/papers', 'chung-sinh.png', PNG_1PX) },
      ];
      const agency = await agencyId(db, CAM_THANH);
      const day = vnDate(sys.clock.now());
      const keys = Array.from({ length: WRITES }, (_, i) => `fault-cut-${i}-${randomBytes(4).toString('hex')}`);
      const submit = (key: string) => h.post(`/api/filing/${KHAI_SINH}/submit`, { agencyId: agency, formData, documents, submissionKey: key, delivery: { method: 'electronic' } });

      const killer = new pg.Client({ connectionString: sys.deps.config.databaseUrl });
      await killer.connect();
      const crashes = watchCrashes();
      let results: LightMyRequestResponse[];
      try {
        await holdCounter(killer, agency, day);
        const pending = new Set(keys);
        let filed = 0;
        const answers = keys.map((key) =>
          submit(key).then((res) => {
            pending.delete(key);
            if (res.statusCode === 201) filed++;
            return res;
          }),
        );
        // Cut 1: every pooled connection is inside a submission's transaction, waiting for the
        // counter row; all of them are terminated (the other ten queue for a connection).
        await until('every pooled connection waits on the counter', async () => (await lockWaiters(killer)) >= Math.min(POOL, pending.size));
        await terminateOthers(killer);
        // Cut 2: the next ones wait as well; the counter is released, and once a few of them are
        // filed the backends are cut twice more while the others commit one after the other (at
        // whatever step each is: a statement, the commit itself).
        await until('the next submissions wait on the counter', async () => (await lockWaiters(killer)) >= Math.min(POOL, pending.size));
        await killer.query('rollback');
        await until('a few submissions are filed', async () => filed >= 3 || pending.size === 0);
        await terminateOthers(killer);
        await sleep(10);
        await terminateOthers(killer);
        results = await Promise.all(answers);
      } finally {
        crashes.stop();
        await killer.end();
      }

      expect(crashes.seen).toEqual([]);
      for (const res of results) {
        if (res.statusCode === 201) continue;
        expect(res.statusCode, res.body).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
      }
      const failed = keys.filter((_, i) => results[i]!.statusCode === 503);
      // At least the transactions of the first cut.
      expect(failed.length).toBeGreaterThanOrEqual(POOL);

      // The process recovers by itself: the pool drops the broken connections and opens new ones.
      let health = 0;
      for (let attempt = 0; attempt < 5 && health !== 200; attempt++) {
        if (attempt > 0) await sleep(200);
        health = (await sys.app.inject({ method: 'GET', url: '/healthz' })).statusCode;
      }
      expect(health).toBe(200);

      // The citizen presses "Nộp hồ sơ" again for each failed one: same key, same dossier.
      const acknowledged = new Map<string, { id: string; code: string }>();
      keys.forEach((key, i) => {
        if (results[i]!.statusCode !== 201) return;
        const { id, code } = results[i]!.json<{ id: string; code: string }>();
        acknowledged.set(key, { id, code });
      });
      const retried = await Promise.all(failed.map(submit));
      failed.forEach((key, i) => {
        expect(retried[i]!.statusCode, retried[i]!.body).toBe(201);
        const { id, code } = retried[i]!.json<{ id: string; code: string }>();
        acknowledged.set(key, { id, code });
      });
      // And once more for every key, acknowledged or not: nothing new is filed.
      const again = await Promise.all(keys.map(submit));
      again.forEach((res, i) => {
        expect(res.statusCode).toBe(201);
        expect({ id: res.json<{ id: string }>().id, code: res.json<{ code: string }>().code }).toEqual(acknowledged.get(keys[i]!));
      });
      await expectEachFiledOnce(db, agency, day, acknowledged, keys);
    });
  });

  describe('the server process killed with SIGKILL and started again', () => {
    it(
      'keeps every acknowledged dossier exactly once, and files each unacknowledged one once on retry with the same key',
      { timeout: 120_000 },
      async () => {
        const database = await createTestDatabase(process.env.TEST_DATABASE_URL!);
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-kill9-'));
        const port = await freePort();
        const secret = randomBytes(32).toString('hex');
        const startSame = () => startChildServer({ databaseUrl: database.url, dataDir, port, secret, env: { DB_POOL_SIZE: String(POOL) } });
        const observer = new pg.Client({ connectionString: database.url });
        let server: ChildServer | null = null;
        try {
          server = await startSame();
          await observer.connect();
          const c = new FetchClient(server.baseUrl);
          await c.login('citizen', '001090000001');
          const filing = (await (await c.get(`/api/filing/${KHAI_SINH}`)).json()) as { prefill: { values: Record<string, string> } };
          const paper = async (name: string, data: Buffer, type: string) => {
            const res = await c.upload('/api/my/papers', name, data, type);
            expect(res.status).toBe(201);
            return ((await res.json()) as { id: string }).id;
          };
          const documents = [
            { position: 1, fileId: await paper('giay-to.pdf', tinyPdf(), 'application/pdf') },
            { position: 2, fileId: await paper('chung-sinh.png', PNG_1PX, 'image/png') },
          ];
          const formData = { ...filing.prefill.values, ...CHILD };
          const [{ id: agency }] = (await observer.query<{ id: string }>('select id from agencies where code = $1', [CAM_THANH])).rows as [{ id: string }];
          const day = (await observer.query<{ day: string }>(`select to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day`)).rows[0]!.day;
          const keys = Array.from({ length: WRITES }, (_, i) => `fault-kill-${i}-${randomBytes(4).toString('hex')}`);

          type Outcome = { key: string; status: number; id?: string; code?: string; text?: string };
          /** Set: the next acknowledgement kills the server (SIGKILL) the moment it arrives. */
          let killOnAck: ChildServer | null = null;
          const send = async (key: string): Promise<Outcome> => {
            try {
              const res = await c.post(`/api/filing/${KHAI_SINH}/submit`, { agencyId: agency, formData, documents, submissionKey: key, delivery: { method: 'electronic' } });
              const text = await res.text();
              if (res.status !== 201) return { key, status: res.status, text };
              const body = JSON.parse(text) as { id: string; code: string };
              if (killOnAck) {
                void killOnAck.kill9();
                killOnAck = null;
              }
              return { key, status: 201, id: body.id, code: body.code };
            } catch {
              // The connection died with the process: no answer, the citizen does not know.
              return { key, status: 0 };
            }
          };

          // Five filed concurrently and acknowledged; then fifteen more, in flight together: every
          // pooled connection inside a transaction waiting for the counter row, the rest queued.
          const first = await Promise.all(keys.slice(0, 5).map(send));
          expect(first.map((o) => o.status)).toEqual([201, 201, 201, 201, 201]);
          await holdCounter(observer, agency, day);
          const inFlight = keys.slice(5).map(send);
          await until('the server’s connections wait on the counter', async () => (await lockWaiters(observer)) >= POOL);
          // Released: they commit one after the other, and the first answer kills the process,
          // while the others are at any step (some may have committed without an answer).
          killOnAck = server;
          await observer.query('rollback');
          const outcomes = [...first, ...(await Promise.all(inFlight))];
          await server.kill9();
          for (const o of outcomes) expect([0, 201], o.text).toContain(o.status);
          const acknowledged = new Map(outcomes.filter((o) => o.status === 201).map((o) => [o.key, { id: o.id!, code: o.code! }]));
          const unacknowledged = outcomes.filter((o) => o.status === 0).map((o) => o.key);
          expect(unacknowledged.length).toBeGreaterThan(0);

          // Started again on the same database and files: nothing to repair by hand.
          server = await startSame();
          const db = pgDb(observer);
          const stored = await db.rowsByKey(keys);
          for (const [key, ack] of acknowledged) expect(stored.get(key), key).toEqual([ack]);
          for (const key of unacknowledged) expect((stored.get(key) ?? []).length).toBeLessThanOrEqual(1);

          // The same session (sessions live in the database) retries each unanswered one.
          for (const key of unacknowledged) {
            const o = await send(key);
            expect(o.status, o.text).toBe(201);
            acknowledged.set(key, { id: o.id!, code: o.code! });
          }
          const after = await db.rowsByKey(keys);
          for (const key of keys) expect(after.get(key), key).toEqual([acknowledged.get(key)]);
          const prefix = `${CAM_THANH}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`;
          const numbers = (await observer.query<{ code: string }>('select code from dossiers where agency_id = $1 and code like $2', [agency, `${prefix}%`])).rows
            .map((r) => Number(r.code.slice(prefix.length)))
            .sort((a, b) => a - b);
          expect(numbers).toEqual(numbers.map((_, i) => i + 1));
          const sms = await observer.query<{ id: string; n: number }>(
            `select split_part(idempotency_key, ':', 2) as id, count(*)::int as n from outbox
              where kind = 'notify.sms' and idempotency_key like 'dossier:%:submitted:%' group by 1`,
          );
          const smsOf = new Map(sms.rows.map((r) => [r.id, r.n]));
          for (const ack of acknowledged.values()) expect(smsOf.get(ack.id), ack.code).toBe(1);
        } finally {
          await server?.kill9();
          await observer.end().catch(() => {});
          await database.drop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      },
    );
  });
});

/** Dossiers of the child's database by submission key (raw SQL: the child owns its pool). */
function pgDb(c: pg.Client) {
  return {
    async rowsByKey(keys: string[]): Promise<Map<string, { id: string; code: string }[]>> {
      const r = await c.query<{ id: string; code: string; submission_key: string }>('select id, code, submission_key from dossiers where submission_key = any($1)', [keys]);
      const m = new Map<string, { id: string; code: string }[]>();
      for (const row of r.rows) m.set(row.submission_key, [...(m.get(row.submission_key) ?? []), { id: row.id, code: row.code }]);
      return m;
    },
  };
}
