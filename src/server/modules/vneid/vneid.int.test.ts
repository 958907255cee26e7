// "Đăng nhập bằng VNeID" over real HTTP: the app listens on PUBLIC_URL, the in-process VNeID
// simulator on its own port, and a fetch-based "browser" with a cookie jar follows the redirects
// by hand and submits the simulator's identity form like a person clicking a name.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addCitizen, addOfficerAccount, uniqueIdNumber } from '../../../../tests/support/fixtures.js';
import { Http, latestOtp, loggedIn } from '../../../../tests/support/http.js';
import { startTestSystem, useTestSystem } from '../../../../tests/support/system.js';
import { VneidBrowser as Browser } from '../../../../tests/support/vneid-browser.js';
import type { ManualClock } from '../../platform/clock.js';
import { auditLog } from '../../platform/tables.js';
import { users } from '../users/tables.js';
import type { getMe } from '../../../common/api/auth.js';
import type { Reply } from '../../../common/api/contract.js';
import type { listDevOutbox } from '../../../common/api/dev.js';
import type { startRegistration } from '../../../common/api/registration.js';

const system = useTestSystem({ listen: true });

const base = () => system().baseUrl!;
const onApp = (u: URL) => u.origin === new URL(base()).origin;
const onCallback = (u: URL) => onApp(u) && u.pathname === '/api/auth/vneid/callback';

/** "Đăng nhập bằng VNeID" up to the simulator's identity page. */
async function openSimulator(b: Browser, next?: string): Promise<{ html: string; url: string }> {
  const startUrl = `${base()}/api/auth/vneid/start${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  const start = await b.request(startUrl);
  expect(start.status).toBe(302);
  const { res, url } = await b.follow(start, startUrl, () => false);
  expect(res.status).toBe(200);
  expect(new URL(url).origin).toBe(system().vneidSimulator!.issuer);
  return { html: await res.text(), url };
}

/** Submits the form of the button with that label on the simulator page; stops at the app's callback. */
async function press(b: Browser, page: { html: string; url: string }, label: string): Promise<string> {
  const forms = [...page.html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => new RegExp(`<button[^>]*>${label}</button>`).test(f[2]!));
  if (!form) throw new Error(`no button "${label}" on the simulator page`);
  const fields = Object.fromEntries([...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
  const action = new URL(form[1]!, page.url).href;
  const posted = await b.request(action, { method: 'POST', form: fields });
  const { url } = await b.follow(posted, action, onCallback);
  expect(onCallback(new URL(url))).toBe(true);
  return url;
}

/** Opens the callback in the browser; returns where the app sends the person next. */
async function land(b: Browser, callbackUrl: string): Promise<string> {
  const res = await b.request(callbackUrl);
  expect(res.status).toBe(302);
  return res.headers.get('location')!;
}

async function me(b: Browser) {
  const res = await b.request(`${base()}/api/auth/me`);
  return { status: res.status, body: (await res.json()) as Partial<Reply<typeof getMe>> & { code?: string } };
}

async function signIn(name: string, next?: string): Promise<{ b: Browser; location: string }> {
  const b = new Browser();
  const callback = await press(b, await openSimulator(b, next), name);
  return { b, location: await land(b, callback) };
}

const accountsWith = (idNumber: string) => system().deps.db.select().from(users).where(eq(users.idNumber, idNumber));
const audits = (action: string, entityId?: string) =>
  system()
    .deps.db.select()
    .from(auditLog)
    .where(entityId ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)) : eq(auditLog.action, action));

describe('Đăng nhập bằng VNeID', () => {
  it('shows the simulator as a test environment with the demo people', async () => {
    const { html } = await openSimulator(new Browser());
    expect(html).toContain('<title>VNeID – Mô phỏng (môi trường thử nghiệm)</title>');
    expect(html).toContain('MÔI TRƯỜNG THỬ NGHIỆM');
    for (const name of ['Nguyễn Văn An', 'Trần Thị Mai', 'Lê Hoàng Nam']) expect(html).toContain(`>${name}</button>`);
  });

  it('creates a verified citizen account for a person new to the portal, and signs them in', async () => {
    expect(await accountsWith('079195004821')).toHaveLength(0);
    const { b, location } = await signIn('Trần Thị Mai');
    expect(location).toBe('/tai-khoan');
    expect(await me(b)).toMatchObject({ status: 200, body: { fullName: 'Trần Thị Mai', audience: 'citizen' } });

    const [account, ...others] = await accountsWith('079195004821');
    expect(others).toHaveLength(0);
    expect(account).toMatchObject({
      kind: 'citizen',
      fullName: 'Trần Thị Mai',
      fullNameSearch: 'tran thi mai',
      birthDate: '1995-08-22',
      sex: 'female',
      permanentAddress: '123 Nguyễn Thị Minh Khai, phường Bàn Cờ, Thành phố Hồ Chí Minh',
      vneidSub: 'vneid-sim-6b0f1c2e-0002',
      passwordHash: null,
      mustChangePassword: false,
      status: 'active',
    });
    expect(account!.identityVerifiedAt).toBeInstanceOf(Date);
    expect(await audits('user.create', account!.id)).toHaveLength(1);
    expect((await audits('auth.vneid_login', account!.id)).map((a) => a.after)).toEqual([{ audience: 'citizen', outcome: 'created' }]);

    // The next time, the same VNeID person lands in the same account.
    const again = await signIn('Trần Thị Mai');
    expect(again.location).toBe('/tai-khoan');
    expect((await me(again.b)).body.fullName).toBe('Trần Thị Mai');
    expect(await accountsWith('079195004821')).toHaveLength(1);
    expect((await audits('auth.vneid_login', account!.id)).map((a) => (a.after as { outcome: string }).outcome).sort()).toEqual(['created', 'signed_in']);
  });

  // The only test that signs in as Nguyễn Văn An: it needs the demo citizen as the seed made it.
  it('links the existing account with the same CCCD instead of creating a second one', async () => {
    const [before, ...dupes] = await accountsWith('001090000001');
    expect(dupes).toHaveLength(0);
    // The demo seed marks the demo citizen as verified (the demo's prefill needs it); linking keeps that.
    expect(before).toMatchObject({ fullName: 'Nguyễn Văn An', vneidSub: null, sex: null, permanentAddress: null });

    const { b, location } = await signIn('Nguyễn Văn An');
    expect(location).toBe('/tai-khoan');
    expect((await me(b)).body.fullName).toBe('Nguyễn Văn An');

    const after = await accountsWith('001090000001');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: before!.id,
      phone: before!.phone,
      birthDate: '1990-05-15',
      sex: 'male',
      permanentAddress: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội',
      vneidSub: 'vneid-sim-6b0f1c2e-0001',
    });
    expect(after[0]!.identityVerifiedAt).toBeInstanceOf(Date);
    const [link] = await audits('user.vneid_link', before!.id);
    expect(link).toMatchObject({ before: { vneidSub: null, sex: null }, after: { vneidSub: 'vneid-sim-6b0f1c2e-0001', sex: 'male' } });
    expect(await audits('user.create', before!.id)).toHaveLength(0);
    // The account keeps its password: signing in with CCCD and password still works.
    expect((await new Http(system().app).login('citizen', '001090000001')).statusCode).toBe(200);
  });

  it('refuses a callback used a second time, one with a forged state, and one opened in another browser', async () => {
    const b = new Browser();
    const callback = await press(b, await openSimulator(b), 'Lê Hoàng Nam');
    const state = new URL(callback).searchParams.get('state')!;

    // Another browser (no flow cookie of its own) cannot finish this sign-in: login CSRF.
    const other = new Browser();
    expect(await land(other, callback)).toBe('/dang-nhap?loi=VNEID_STATE_INVALID');
    expect((await me(other)).status).toBe(401);

    expect(await land(b, callback)).toBe('/tai-khoan');
    expect((await me(b)).body.fullName).toBe('Lê Hoàng Nam');

    // The same callback again, even with the flow cookie put back: the state was used.
    const replay = new Browser();
    replay.setCookie(callback, 'dvc_vneid_flow', state, '/api/auth/vneid');
    expect(await land(replay, callback)).toBe('/dang-nhap?loi=VNEID_STATE_INVALID');
    expect((await me(replay)).status).toBe(401);

    // A state the app never issued, with a matching cookie.
    const forged = new Browser();
    const url = `${base()}/api/auth/vneid/callback?code=abc&state=forged-state`;
    forged.setCookie(url, 'dvc_vneid_flow', 'forged-state', '/api/auth/vneid');
    expect(await land(forged, url)).toBe('/dang-nhap?loi=VNEID_STATE_INVALID');
    expect((await me(forged)).status).toBe(401);

    const failures = (await audits('auth.vneid_failed')).map((a) => a.after as { code: string; reason: string });
    expect(failures).toEqual(
      expect.arrayContaining([
        { code: 'VNEID_STATE_INVALID', reason: 'cookie_mismatch' },
        { code: 'VNEID_STATE_INVALID', reason: 'unknown_used_or_expired' },
      ]),
    );
    expect(await accountsWith('051203007315')).toHaveLength(1);
  });

  it('refuses a sign-in finished more than 10 minutes after it started', async () => {
    const b = new Browser();
    const page = await openSimulator(b);
    (system().clock as ManualClock).advance(11 * 60 * 1000);
    const callback = await press(b, page, 'Phạm Thị Thu Hà');
    expect(await land(b, callback)).toBe('/dang-nhap?loi=VNEID_STATE_INVALID');
    expect((await me(b)).status).toBe(401);
    expect(await accountsWith('048188002467')).toHaveLength(0);
  });

  it('refuses a CCCD that belongs to an officer account, or to an account linked to another VNeID person', async () => {
    const db = system().deps.db;
    const now = system().clock.now();
    // Phạm Thị Thu Hà's CCCD is lent to an account of this test, and taken back after it, because
    // another test checks that her own sign-in creates no account.
    const THU_HA = '048188002467';
    // An officer's account carries her CCCD: VNeID does not sign in to it.
    const officer = await addOfficerAccount(db, now, { idNumber: THU_HA });
    try {
      const { b, location } = await signIn('Phạm Thị Thu Hà');
      expect(location).toBe('/dang-nhap?loi=VNEID_NOT_CITIZEN');
      expect((await me(b)).status).toBe(401);
    } finally {
      await db.update(users).set({ idNumber: null }).where(eq(users.id, officer.id));
    }
    // A citizen account with that CCCD is already linked to a different VNeID subject.
    const other = await addCitizen(db, now, { idNumber: THU_HA, fullName: 'Phạm Thị Thu Hà', birthDate: '1988-01-01' });
    await db.update(users).set({ vneidSub: 'vneid-someone-else' }).where(eq(users.id, other.id));
    try {
      const { b, location } = await signIn('Phạm Thị Thu Hà');
      expect(location).toBe('/dang-nhap?loi=VNEID_LINK_CONFLICT');
      expect((await me(b)).status).toBe(401);
      expect(await accountsWith(THU_HA)).toHaveLength(1);
    } finally {
      await db.update(users).set({ idNumber: uniqueIdNumber({ birthYear: 1988, sex: 'female' }), vneidSub: null }).where(eq(users.id, other.id));
    }
  });

  it('returns to the portal page the sign-in started from, but never to another site or the back office', async () => {
    // Lê Hoàng Nam: signing him in changes nothing another test looks at (his account is made once).
    expect((await signIn('Lê Hoàng Nam', '/nop-ho-so/1.001193')).location).toBe('/nop-ho-so/1.001193');
    expect((await signIn('Lê Hoàng Nam', 'https://evil.example/phish')).location).toBe('/tai-khoan');
    expect((await signIn('Lê Hoàng Nam', '//evil.example')).location).toBe('/tai-khoan');
    expect((await signIn('Lê Hoàng Nam', '/quan-tri/quan-ly-nguoi-dung')).location).toBe('/tai-khoan');
  });

  it('sends the person back to the login page when they refuse at VNeID', async () => {
    const b = new Browser();
    const callback = await press(b, await openSimulator(b), 'Từ chối và quay lại Cổng Dịch vụ công');
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    expect(await land(b, callback)).toBe('/dang-nhap?loi=VNEID_DENIED');
    expect((await me(b)).status).toBe(401);
    const denied = (await audits('auth.vneid_failed')).filter((a) => (a.after as { code: string }).code === 'VNEID_DENIED');
    expect(denied).toHaveLength(1);
    expect(denied[0]!.after).toMatchObject({ providerError: 'access_denied' });
  });
});

describe('VNeID and a self-registered account', () => {
  it('links it, but its password and sessions end: registering proved a phone, not the CCCD', async () => {
    // Someone registers Đặng Ngọc Lan's CCCD online with their own phone.
    const h = new Http(system().app, '10.7.0.1');
    const started = await h.post('/api/registrations', { kind: 'citizen', idNumber: '031301005502', fullName: 'Đặng Ngọc Lan', birthDate: '2001-04-09', phone: '0977123123' });
    expect(started.statusCode, started.body).toBe(201);
    const reg = started.json<Reply<typeof startRegistration>>();
    await system().deliver();
    await h.post(`/api/registrations/${reg.id}/verify`, { otp: await latestOtp(h, '0977123123') });
    expect((await h.post(`/api/registrations/${reg.id}/complete`, { password: 'Nam@2026!x', passwordConfirm: 'Nam@2026!x' })).statusCode).toBe(201);
    const registered = await loggedIn(system().app, 'citizen', '031301005502', 'Nam@2026!x');

    // The real Đặng Ngọc Lan signs in with VNeID.
    const { b, location } = await signIn('Đặng Ngọc Lan');
    expect(location).toBe('/tai-khoan');
    const [account, ...others] = await accountsWith('031301005502');
    expect(others).toHaveLength(0);
    expect(account).toMatchObject({ vneidSub: 'vneid-sim-6b0f1c2e-0005', passwordHash: null });
    expect((await me(b)).status).toBe(200);
    expect((await registered.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Http(system().app, '10.7.0.2').login('citizen', '031301005502', 'Nam@2026!x')).statusCode).toBe(401);
    expect(await audits('user.password_cleared', account!.id)).toHaveLength(1);
    await system().deliver();
    const outbox = (await h.get('/api/dev/outbox')).json<Reply<typeof listDevOutbox>>();
    expect(outbox.find((m) => m.to === '0977123123' && m.body.includes('Mật khẩu cũ đã hết hiệu lực'))).toBeTruthy();
  });
});

describe('VNeID unreachable', () => {
  it('sends the person back to the login page instead of an error page', async () => {
    // Nothing listens on port 9: discovery fails at once.
    const sys = await startTestSystem({ env: { VNEID_SIMULATOR: 'false', VNEID_ISSUER: 'https://127.0.0.1:9', VNEID_CLIENT_SECRET: 'secret' } });
    try {
      expect(sys.vneidSimulator).toBeNull();
      const res = await sys.app.inject({ method: 'GET', url: '/api/auth/vneid/start' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/dang-nhap?loi=VNEID_UNAVAILABLE');
      expect(res.cookies.find((c) => c.name === 'dvc_vneid_flow')).toBeUndefined();
      const [audit] = await sys.deps.db.select().from(auditLog).where(eq(auditLog.action, 'auth.vneid_failed'));
      expect(audit!.after).toEqual({ code: 'VNEID_UNAVAILABLE', step: 'start' });
    } finally {
      await sys.close();
    }
  });
});
