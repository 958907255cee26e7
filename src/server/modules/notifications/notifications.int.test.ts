// "Thông báo" (issue 15, ADR 0018): every SMS and e-mail sent to a citizen about their dossiers
// and their account is also in their inbox on the portal, newest first, unread until opened; only
// they see and mark it; a message with an OTP or a password is kept without it.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyId, citizenClient, submitKhaiSinh, type Submitted } from '../../../../tests/support/dossiers.js';
import { addCitizen } from '../../../../tests/support/fixtures.js';
import { Http, latestOtp, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listMyNotifications, markAllNotificationsRead, markNotificationRead } from '../../../common/api/notifications.js';
import type { Ctx } from '../../platform/context.js';
import { sendSms } from '../../platform/notify/jobs.js';
import { SMS_TEXTS } from '../../platform/notify/sms-texts.js';
import { notificationInbox } from '../../platform/notify/tables.js';
import { auditLog } from '../../platform/tables.js';

const system = useTestSystem();
type Inbox = Reply<typeof listMyNotifications>;

let an: Http;
let camThanh: string;
beforeAll(async () => {
  an = await citizenClient(system().app);
  camThanh = await agencyId(system().deps.db, '000.01.15.H48');
});

async function inbox(h: Http, query = ''): Promise<Inbox> {
  const res = await h.get(`/api/my/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Inbox>();
}

/** The demo citizen files a dossier, which the desk receives: two SMS about it (the tests run in any order). */
async function fileAndReceive(): Promise<Submitted> {
  const filed = await submitKhaiSinh(an, camThanh);
  expect(filed.statusCode, filed.body).toBe(201);
  const d = filed.json<Submitted>();
  const desk = await loggedIn(system().app, 'officer', 'motcua.demo');
  const received = await desk.post(`/api/desk/dossiers/${d.id}/receive`, {});
  expect(received.statusCode, received.body).toBe(200);
  return d;
}

/** A citizen of this test alone, signed in. */
async function otherCitizen() {
  const c = await addCitizen(system().deps.db, system().clock.now(), { fullName: 'Lê Thị Khác' });
  const h = new Http(system().app, '10.66.0.9');
  const res = await h.login('citizen', c.idNumber);
  expect(res.statusCode, res.body).toBe(200);
  return { ...c, h };
}

describe('a dossier status change', () => {
  it('is in the applicant’s inbox, unread, newest first, linked to the dossier; opening it marks it read', async () => {
    const before = await inbox(an);
    const filed = await submitKhaiSinh(an, camThanh);
    expect(filed.statusCode, filed.body).toBe(201);
    const d = filed.json<Submitted>();
    const desk = await loggedIn(system().app, 'officer', 'motcua.demo');
    const received = await desk.post(`/api/desk/dossiers/${d.id}/receive`, {});
    expect(received.statusCode, received.body).toBe(200);
    const started = await desk.post(`/api/work/dossiers/${d.id}/actions/start`, {});
    expect(started.statusCode, started.body).toBe(200);

    const after = await inbox(an);
    const mine = after.items.filter((i) => i.dossierId === d.id);
    // Newest first: "đang được xử lý", then "đã được tiếp nhận", then "đã được nộp trực tuyến".
    const sms = mine.filter((i) => i.channel === 'sms').map((i) => i.body);
    expect(sms).toHaveLength(3);
    expect(sms[0]).toMatch(new RegExp(`^Cổng DVC: Hồ sơ ${d.code.replace(/\./g, '\\.')} đang được xử lý\\.`));
    expect(sms[1]).toContain('đã được tiếp nhận');
    expect(sms[2]).toContain('đã được nộp trực tuyến');
    expect(mine.every((i) => i.readAt === null)).toBe(true);
    expect(after.unread).toBe(before.unread + mine.length);
    expect(after.total).toBe(before.total + mine.length);
    const times = after.items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // The number it went to, masked; what was sent, word for word (the outbox got the same text).
    expect(mine[0]!.sentTo).toMatch(/^0\d•+\d{3}$/);
    await system().deliver();
    const outbox = (await an.get('/api/dev/outbox')).json<{ body: string }[]>();
    expect(outbox.map((m) => m.body)).toContain(sms[0]);

    // Opening the newest: read, the count goes down by one; opening it again changes nothing.
    const newest = mine[0]!;
    const read = await an.post(`/api/my/notifications/${newest.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    const body = read.json<Reply<typeof markNotificationRead>>();
    expect(body.item).toMatchObject({ id: newest.id, readAt: system().clock.now().toISOString() });
    expect(body.unread).toBe(after.unread - 1);
    const again = (await an.post(`/api/my/notifications/${newest.id}/read`)).json<Reply<typeof markNotificationRead>>();
    expect(again).toEqual(body);
    const listed = await inbox(an);
    expect(listed.unread).toBe(after.unread - 1);
    expect(listed.items.find((i) => i.id === newest.id)?.readAt).not.toBeNull();
    // Only the unread ones.
    const unread = await inbox(an, '?unread=true&pageSize=100');
    expect(unread.total).toBe(listed.unread);
    expect(unread.items.some((i) => i.id === newest.id)).toBe(false);
  });

  it('pages through the inbox, newest first, without a message twice', async () => {
    await fileAndReceive();
    await fileAndReceive();
    const total = (await inbox(an)).total;
    expect(total).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 2); page++) {
      const res = await inbox(an, `?page=${page}&pageSize=2`);
      expect(res).toMatchObject({ total, page, pageSize: 2 });
      seen.push(...res.items.map((i) => i.id));
    }
    expect(new Set(seen).size).toBe(total);
  });
});

describe('another citizen', () => {
  it('sees none of the messages and cannot mark them read: not found, and the attempt is audited', async () => {
    await fileAndReceive();
    const other = await otherCitizen();
    const theirs = await inbox(other.h);
    const mine = await inbox(an);
    expect(theirs.items.map((i) => i.id).filter((id) => mine.items.some((m) => m.id === id))).toEqual([]);

    const target = mine.items.find((i) => i.readAt === null)!;
    const res = await other.h.post(`/api/my/notifications/${target.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOTIFICATION_NOT_FOUND', message: 'Không tìm thấy thông báo này.' });
    const [row] = await system().deps.db.select().from(notificationInbox).where(eq(notificationInbox.id, target.id));
    expect(row!.readAt).toBeNull();
    const denied = await system().deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.entityId, target.id)));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorId: other.id, after: expect.objectContaining({ code: 'NOTIFICATION_NOT_FOUND' }) });

    // "Đánh dấu tất cả đã đọc" of the other citizen leaves the first one's messages unread.
    const all = await other.h.post('/api/my/notifications/read-all');
    expect(all.statusCode, all.body).toBe(200);
    expect((await inbox(an)).unread).toBe(mine.unread);
  });

  it('and an officer’s session, a malformed id, no session: problems, never a 500', async () => {
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    expect((await officer.get('/api/my/notifications')).json()).toMatchObject({ status: 401, code: 'NOT_AUTHENTICATED' });
    const malformed = await an.post('/api/my/notifications/0912345123/read');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const badPage = await an.get('/api/my/notifications?page=0');
    expect(badPage.statusCode).toBe(400);
    expect((await new Http(system().app).get('/api/my/notifications')).json()).toMatchObject({ status: 401, code: 'NOT_AUTHENTICATED' });
  });
});

describe('"Đánh dấu tất cả đã đọc"', () => {
  it('marks every unread message of the citizen read, in one audit row', async () => {
    await fileAndReceive();
    const unread = (await inbox(an)).unread;
    expect(unread).toBeGreaterThanOrEqual(2);
    const res = await an.post('/api/my/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Reply<typeof markAllNotificationsRead>>()).toEqual({ marked: unread, unread: 0 });
    const after = await inbox(an, '?pageSize=100');
    expect(after.unread).toBe(0);
    expect(after.items.every((i) => i.readAt !== null)).toBe(true);
    const audits = await system().deps.db.select().from(auditLog).where(eq(auditLog.action, 'notification.mark_all_read'));
    expect(audits.filter((a) => (a.after as { marked: number }).marked === unread)).toHaveLength(1);
    // Nothing left to mark: no further row.
    expect((await an.post('/api/my/notifications/read-all')).json()).toEqual({ marked: 0, unread: 0 });
    expect(await system().deps.db.select().from(auditLog).where(eq(auditLog.action, 'notification.mark_all_read'))).toHaveLength(audits.length);
  });
});

describe('a message with a secret', () => {
  it('is in the inbox as a note: what was sent and where, never the OTP', async () => {
    const c = await otherCitizen();
    const newPhone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const started = await c.h.post('/api/profile/contact-changes', { channel: 'phone', value: newPhone });
    expect(started.statusCode, started.body).toBe(201);
    await system().deliver();
    const code = await latestOtp(c.h, newPhone);

    const { items } = await inbox(c.h);
    expect(items[0]).toMatchObject({
      channel: 'sms',
      subject: null,
      dossierId: null,
      readAt: null,
      sentTo: `${newPhone.slice(0, 2)}•••••${newPhone.slice(-3)}`,
      body: `Mã OTP xác nhận thông tin liên hệ mới đã được gửi đến số ${newPhone.slice(0, 2)}•••••${newPhone.slice(-3)}. Vì an toàn, nội dung có mã hoặc mật khẩu không được lưu trong mục Thông báo. Nếu không phải bạn yêu cầu, hãy gọi ngay tổng đài 1022.`,
    });
    // Not in the answer, not in the table (neither the code nor the number).
    expect(JSON.stringify(items)).not.toContain(code);
    const rows = await system().deps.db.select().from(notificationInbox).where(eq(notificationInbox.accountId, c.id));
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(newPhone);

    // Confirmed: the old number hears of it, and so does the inbox, in clear (no secret in it).
    const confirmed = await c.h.post(`/api/profile/contact-changes/${started.json<{ id: string }>().id}/confirm`, { otp: code });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const latest = (await inbox(c.h)).items[0]!;
    expect(latest.body).toBe(SMS_TEXTS.phoneChanged({ newPhoneEnd: newPhone.slice(-3) }));
    expect(latest.sentTo).toBe(`${c.phone.slice(0, 2)}•••••${c.phone.slice(-3)}`);
  });

  it('is written once, with its outbox row, however often the same message is sent', async () => {
    const c = await otherCitizen();
    const ctx: Ctx = { deps: system().deps, actor: null, requestId: 'inbox-test', ip: '127.0.0.1' };
    const text = SMS_TEXTS.processingFinished({ code: '000.01.15.H48-261128-0009' });
    await system().deps.db.transaction(async (tx) => {
      await sendSms(tx, ctx, 'inbox-test:once', c.phone, text, { accountId: c.id });
      await sendSms(tx, ctx, 'inbox-test:once', c.phone, text, { accountId: c.id });
    });
    expect((await inbox(c.h)).items.filter((i) => i.body === text)).toHaveLength(1);
    // A send whose transaction fails leaves no copy either.
    await expect(
      system().deps.db.transaction(async (tx) => {
        await sendSms(tx, ctx, 'inbox-test:rolled-back', c.phone, text, { accountId: c.id });
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    expect(await system().deps.db.select().from(notificationInbox).where(eq(notificationInbox.idempotencyKey, 'inbox-test:rolled-back'))).toEqual([]);
  });
});
