// The blocklist through the API: every screen where a person chooses a password refuses
// "Password@123" and passwords built on their own data with PASSWORD_TOO_COMMON, and accepts a
// strong one afterwards.
import { describe, expect, it } from 'vitest';
import { addCitizen, uniqueIdNumber, uniquePhone } from '../../../../tests/support/fixtures.js';
import { Http, latestOtp, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { startPasswordReset } from '../../../common/api/auth.js';
import type { Reply } from '../../../common/api/contract.js';
import type { startRegistration } from '../../../common/api/registration.js';

const system = useTestSystem();
let ipSeq = 0;
const client = () => new Http(system().app, `10.9.0.${++ipSeq}`);
const STRONG = 'Bien-Xanh@2026';
const TOO_COMMON = {
  status: 400,
  code: 'PASSWORD_TOO_COMMON',
  message: 'Mật khẩu này quá phổ biến hoặc dễ đoán (ví dụ chứa tên, số CCCD, số điện thoại hoặc các mẫu như "Password@123"). Hãy chọn mật khẩu khác.',
};

function problem(res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }) {
  const body = res.json();
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  return { status: res.statusCode, code: body.code, message: body.message };
}

describe('Mật khẩu quá phổ biến', () => {
  it('registration refuses Password@123 and a password containing the CCCD, then accepts a strong one', async () => {
    const h = client();
    const idNumber = uniqueIdNumber({ birthYear: 1992 });
    const phone = uniquePhone();
    const start = await h.post('/api/registrations', { kind: 'citizen', idNumber, fullName: 'Đặng Thị Ngọc Lan', birthDate: '1992-01-01', phone, email: null });
    expect(start.statusCode).toBe(201);
    const reg = start.json<Reply<typeof startRegistration>>();
    await system().deliver();
    expect((await h.post(`/api/registrations/${reg.id}/verify`, { otp: await latestOtp(h, phone) })).statusCode).toBe(200);

    const complete = (password: string) => h.post(`/api/registrations/${reg.id}/complete`, { password, passwordConfirm: password });
    expect(problem(await complete('Password@123'))).toEqual(TOO_COMMON);
    expect(problem(await complete(`Hoa-Sen@${idNumber}`))).toEqual(TOO_COMMON);
    expect(problem(await complete('Ngoclan@1992'))).toEqual(TOO_COMMON);
    // The composition rule still answers first.
    expect((await complete('password')).json().code).toBe('PASSWORD_POLICY');
    expect((await complete(STRONG)).statusCode).toBe(201);
    expect((await client().login('citizen', idNumber, STRONG)).statusCode).toBe(200);
  });

  it('password change refuses Password@123 and the own phone number, keeps the old password, then accepts a strong one', async () => {
    const c = await addCitizen(system().deps.db, system().clock.now());
    const h = await loggedIn(system().app, 'citizen', c.idNumber, c.password);
    const change = (newPassword: string) => h.post('/api/auth/change-password', { currentPassword: c.password, newPassword });
    expect(problem(await change('Password@123'))).toEqual(TOO_COMMON);
    expect(problem(await change(`Nha#${c.phone}`))).toEqual(TOO_COMMON);
    expect((await client().login('citizen', c.idNumber, c.password)).statusCode).toBe(200);
    expect((await change(STRONG)).statusCode).toBe(204);
    expect((await client().login('citizen', c.idNumber, STRONG)).statusCode).toBe(200);
  });

  it('reset refuses Password@123 the same way with or without an account; the own name only once the code proved the phone', async () => {
    const c = await addCitizen(system().deps.db, system().clock.now(), { fullName: 'Lương Minh Triết' });
    const h = client();
    const known = (await h.post('/api/auth/password-resets', { login: c.idNumber })).json<Reply<typeof startPasswordReset>>();
    const unknown = (await client().post('/api/auth/password-resets', { login: uniqueIdNumber() })).json<Reply<typeof startPasswordReset>>();
    await system().deliver();
    const code = await latestOtp(h, c.phone);
    const complete = (id: string, otp: string, newPassword: string) => h.post(`/api/auth/password-resets/${id}/complete`, { otp, newPassword, newPasswordConfirm: newPassword });
    expect(problem(await complete(known.id, '000000', 'Password@123'))).toEqual(TOO_COMMON);
    expect(problem(await complete(unknown.id, '000000', 'Password@123'))).toEqual(TOO_COMMON);
    // Without the code, the account's name is nobody's business: the answer is the wrong-code one.
    const wrongCode = code === '000000' ? '111111' : '000000';
    expect((await complete(known.id, wrongCode, 'Minhtriet@2026')).json().code).toBe('RESET_INVALID');
    expect(problem(await complete(known.id, code, 'Minhtriet@2026'))).toEqual(TOO_COMMON);
    // The code is still good for a strong password.
    expect((await complete(known.id, code, STRONG)).statusCode).toBe(204);
    expect((await client().login('citizen', c.idNumber, STRONG)).statusCode).toBe(200);
  });
});
