// Issue 13, defects 2 and 4: the desk is a permission (ADR 0015). Only desk officers look a citizen
// up by CMND/CCCD, each look-up is audited and throttled; the Vietnam Post account takes papers in
// and hands results over but never decides; leaders and certifiers of the UBND do not decide at the desk.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyId, CHILD, citizenClient, KHAI_SINH, submitKhaiSinh, uploadPaper, type Submitted } from '../../../../tests/support/dossiers.js';
import { addCitizen, addOfficerAccount } from '../../../../tests/support/fixtures.js';
import { loggedIn, type Http } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import { workCalendar } from '../../platform/workdays.js';
import { users } from '../users/tables.js';
import { deskUploadPaper } from '../../../common/api/dossiers-desk.js';

const system = useTestSystem();

interface Problem {
  code: string;
  status: number;
  message: string;
  requestId: string;
}

const officer = (username: string) => loggedIn(system().app, 'officer', username);

async function userId(username: string): Promise<string> {
  const [u] = await system().deps.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

async function auditOf(action: string, actorId: string) {
  return system()
    .deps.db.select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorId, actorId)));
}

/** An online "Đăng ký khai sinh" of the demo citizen at UBND phường Cẩm Thành: status 1, waiting at the desk. */
async function onlineDossier(): Promise<Submitted> {
  const h = await citizenClient(system().app);
  const res = await submitKhaiSinh(h, await agencyId(system().deps.db, '000.01.15.H48'));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Submitted>();
}

async function statusOf(id: string): Promise<{ status: number; channel: number }> {
  const res = await (await officer('motcua.demo')).get(`/api/desk/dossiers/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ status: number; channel: number }>();
}

async function deskUnitId(): Promise<string> {
  return agencyId(system().deps.db, '000.15.15.H48');
}

describe('Tra cứu công dân at the desk', () => {
  it.each(['xuly.demo', 'lanhdao.demo', 'chungthuc.demo', 'admin.demo', 'chuyenvien.demo'])(
    'is refused to %s, who has no desk permission, and the refusal is audited',
    async (username) => {
      const sys = system();
      const c = await addCitizen(sys.deps.db, sys.clock.now());
      const h = await officer(username);
      const res = await h.get(`/api/desk/citizens?idNumber=${c.idNumber}`);
      expect(res.statusCode).toBe(403);
      const p = res.json<Problem>();
      expect(p).toMatchObject({ code: 'PERMISSION_REQUIRED' });
      expect(p.message).toContain('Tiếp nhận, trả kết quả hồ sơ (Bộ phận Một cửa)');
      expect(res.body).not.toContain(c.phone);
      // Nor do they get the prefilled population data of that citizen.
      const prefill = await h.get(`/api/desk/filing/${KHAI_SINH}?citizenId=${c.id}`);
      expect(prefill.statusCode).toBe(403);
      expect(prefill.json<Problem>().code).toBe('PERMISSION_REQUIRED');

      const id = await userId(username);
      const denied = (await auditOf('access.denied', id)).filter((r) => r.requestId === p.requestId);
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({ actorName: username, after: { code: 'PERMISSION_REQUIRED', route: '/api/desk/citizens', method: 'GET' } });
      // The row names who tried, never the CCCD they typed (the query string is personal data).
      expect(JSON.stringify(denied[0])).not.toContain(c.idNumber);
      expect(await auditOf('citizen.lookup', id)).toEqual([]);
    },
  );

  it('answers a desk officer and records who looked at whose data', async () => {
    const sys = system();
    const c = await addCitizen(sys.deps.db, sys.clock.now(), { fullName: 'Vũ Thị Tra Cứu' });
    const h = await officer('motcua.demo');
    const res = await h.get(`/api/desk/citizens?idNumber=${c.idNumber}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ account: { id: c.id, fullName: 'Vũ Thị Tra Cứu', phone: c.phone } });
    const rows = (await auditOf('citizen.lookup', await userId('motcua.demo'))).filter((r) => r.entityId === c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorName: 'motcua.demo',
      entityType: 'user',
      entityId: c.id,
      agencyId: expect.any(String),
      after: { idNumber: c.idNumber, purpose: 'reception' },
    });
  });

  it('is throttled per officer: the 61st look-up in 10 minutes gets 429, another officer is not slowed down', async () => {
    const sys = system();
    const desk = await deskUnitId();
    const a = await addOfficerAccount(sys.deps.db, sys.clock.now(), { unitIds: [desk], permissions: ['DESK_RECEIVE'] });
    const b = await addOfficerAccount(sys.deps.db, sys.clock.now(), { unitIds: [desk], permissions: ['DESK_RECEIVE'] });
    const c = await addCitizen(sys.deps.db, sys.clock.now());
    const ha = await officer(a.username);
    const hb = await officer(b.username);
    const url = `/api/desk/citizens?idNumber=${c.idNumber}`;
    for (let i = 1; i <= 60; i++) {
      const res = await ha.get(url);
      expect(res.statusCode, `look-up ${i}: ${res.body}`).toBe(200);
    }
    const over = await ha.get(url);
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json<Problem>()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.body).not.toContain(c.phone);
    // The other officer of the same desk is not affected.
    expect((await hb.get(url)).statusCode).toBe(200);
    // Sixty look-ups answered, sixty audit rows; the refused one returned no data.
    expect((await auditOf('citizen.lookup', a.id)).filter((r) => r.entityId === c.id)).toHaveLength(60);
    // The next window starts afresh.
    (sys.clock as ManualClock).advance(10 * 60_000);
    expect((await ha.get(url)).statusCode).toBe(200);
  });
});

describe('the Vietnam Post account at the desk (POSTAL_DESK)', () => {
  it('takes papers in: the dossier enters by post as "Mới đăng ký" for a desk officer to decide, and it cannot decide it', async () => {
    const post = await officer('buudien.demo');
    const who = await post.get('/api/desk/citizens?idNumber=001090000001');
    expect(who.statusCode, who.body).toBe(200);
    const citizenId = who.json<{ account: { id: string } }>().account.id;
    const start = await post.get(`/api/desk/filing/${KHAI_SINH}?citizenId=${citizenId}`);
    expect(start.statusCode, start.body).toBe(200);
    const s = start.json<{ agencies: { id: string }[]; prefill: { values: Record<string, string> } }>();
    const papers = [await uploadPaper(post, deskUploadPaper.url, 'to-khai.pdf'), await uploadPaper(post, deskUploadPaper.url, 'chung-sinh.pdf')];
    const res = await post.post(`/api/desk/filing/${KHAI_SINH}`, {
      citizenId,
      agencyId: s.agencies[0]!.id,
      formData: { ...s.prefill.values, ...CHILD },
      documents: papers.map((fileId, i) => ({ position: i + 1, fileId })),
      submissionKey: `post-${Math.random().toString(36).slice(2)}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Submitted>();
    expect(d).toMatchObject({ status: 1, statusLabel: 'Mới đăng ký' });
    expect(await statusOf(d.id)).toMatchObject({ status: 1, channel: 3 });

    // Receiving, asking for supplementation and refusing are desk decisions.
    for (const path of ['receive', 'request-supplement', 'refuse']) {
      const r = await post.post(`/api/desk/dossiers/${d.id}/${path}`, { reason: 'Hồ sơ chưa đầy đủ giấy tờ theo quy định.' });
      expect(r.statusCode, `${path}: ${r.body}`).toBe(403);
      expect(r.json<Problem>().code).toBe('PERMISSION_REQUIRED');
    }
    expect((await statusOf(d.id)).status).toBe(1);
    // The desk officer decides.
    const desk = await officer('motcua.demo');
    expect((await desk.post(`/api/desk/dossiers/${d.id}/receive`, {})).statusCode).toBe(200);
    // Nor may the postal employee extend the appointment.
    const newDate = workCalendar().appointmentDate(system().clock.now(), 5);
    const extend = await post.post(`/api/work/dossiers/${d.id}/actions/extend`, { reason: 'Cần thêm thời gian xác minh.', newDate });
    expect(extend.statusCode, extend.body).toBe(403);
    expect(extend.json<Problem>().code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    expect((await desk.get(`/api/desk/dossiers/${d.id}`)).json<{ extendedDate: string | null }>().extendedDate).toBeNull();
  });

  it('refuses an online dossier waiting at the desk to the postal employee, and hands a result over', async () => {
    const d = await onlineDossier();
    const post = await officer('buudien.demo');
    const refused = await post.post(`/api/desk/dossiers/${d.id}/refuse`, { reason: 'Không thuộc thẩm quyền giải quyết.' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>().code).toBe('PERMISSION_REQUIRED');
    expect((await statusOf(d.id)).status).toBe(1);

    // Through the workflow to a signed result…
    const desk = await officer('motcua.demo');
    const act = async (h: Http, action: string) => {
      const r = await h.post(`/api/work/dossiers/${d.id}/actions/${action}`, {});
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      return r.json<{ status: number }>();
    };
    expect((await desk.post(`/api/desk/dossiers/${d.id}/receive`, {})).statusCode).toBe(200);
    await act(desk, 'start');
    await act(await officer('xuly.demo'), 'forward');
    expect(await act(await officer('lanhdao.demo'), 'finish')).toMatchObject({ status: 9 });
    // …which the postal employee hands over.
    expect(await act(post, 'return_result')).toMatchObject({ status: 10 });
  });
});

describe('leaders and certifiers of the UBND', () => {
  it.each(['lanhdao.demo', 'chungthuc.demo'])('%s cannot receive, refuse or ask for supplementation at the desk', async (username) => {
    const d = await onlineDossier();
    const h = await officer(username);
    for (const path of ['receive', 'request-supplement', 'refuse']) {
      const r = await h.post(`/api/desk/dossiers/${d.id}/${path}`, { reason: 'Hồ sơ chưa đầy đủ giấy tờ theo quy định.' });
      expect(r.statusCode, `${path}: ${r.body}`).toBe(403);
      expect(r.json<Problem>().code).toBe('PERMISSION_REQUIRED');
    }
    expect((await statusOf(d.id)).status).toBe(1);
  });
});
