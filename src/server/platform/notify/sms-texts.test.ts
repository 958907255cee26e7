// Every SMS the system sends, rendered with realistic values (and with the longest a citizen or an
// officer can type), follows the one rule of sms-texts.ts (ADR 0017): Vietnamese with diacritics in
// NFC, no "..", no space before punctuation, at most 3 UCS-2 segments.
import { describe, expect, it } from 'vitest';
import { inboxBody, maskAddress } from './inbox.js';
import { SECRET_NOTES, SMS_MAX_CHARS, SMS_TEXTS, type SmsText } from './sms-texts.js';

type Templates = typeof SMS_TEXTS;
type Samples = { [K in keyof Templates]: Parameters<Templates[K]> };

const CODE = '000.01.15.H48-261128-0001';
/** A typed reason ending with its own period, as officers type them. */
const REASON = 'Giấy chứng sinh bị mờ, đề nghị chụp lại rõ nét.';
/** The longest a reason may be (2000 characters), with spaces before its punctuation. */
const LONG_REASON = `${'Cần xác minh thông tin nơi sinh với Bệnh viện Đa khoa tỉnh Quảng Ngãi , '.repeat(27)}.`.slice(0, 2000);
const LONG_PROCEDURE = 'Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi';

/** At least one sample per template: the compiler refuses a template without one. */
const SAMPLES: Samples = {
  registrationOtp: [{ code: '482913' }],
  registrationDone: [{ login: '036195001234' }],
  loginStepUpOtp: [{ code: '071356' }],
  passwordResetOtp: [{ code: '990127' }],
  passwordResetDone: [],
  contactChangeOtp: [{ code: '305118', target: 'phone' }],
  phoneChanged: [{ newPhoneEnd: '555' }],
  vneidLinkedPasswordCleared: [],
  deskAccountOtp: [{ code: '613580' }],
  deskAccountCreated: [{ login: '051094000123', password: 'Xy7@pq2wK#9a' }],
  officerAccountCreated: [{ username: 'nguyen.thi.huong.giang', password: 'Ab3$kLm9?pQr' }],
  dossierSubmitted: [{ code: CODE, procedureName: 'Đăng ký khai sinh', via: 'online', expectedDate: '2026-12-03' }],
  dossierReceived: [{ code: CODE, procedureName: 'Đăng ký khai sinh', appointmentDate: '2026-12-03' }],
  supplementRequested: [{ code: CODE, reason: REASON }],
  dossierRefused: [{ code: CODE, reason: 'Người được khai sinh đã được đăng ký khai sinh tại nơi khác.' }],
  dossierSupplemented: [{ code: CODE, resumed: true, appointmentDate: '2026-12-07' }],
  processingStarted: [{ code: CODE, dueDate: '2026-12-03' }],
  paymentRequested: [{ code: CODE, amountVnd: 1_500_000 }],
  processingFinished: [{ code: CODE }],
  resultReturned: [{ code: CODE }],
  dossierExtended: [{ code: CODE, newDate: '2026-12-10' }],
  processingStopped: [{ code: CODE, reason: 'Người yêu cầu không bổ sung hồ sơ trong thời hạn..' }],
  withdrawn: [{ code: CODE }],
  statusChanged: [{ code: CODE, statusLabel: 'Đang xử lý' }],
  feedbackAnswered: [{ code: 'PAKN-2026-000123', title: 'Thời gian trả kết quả khai sinh quá lâu so với quy định.' }],
};

/** The other shapes a template takes: no date, the post, long typed text, an empty reason. */
const MORE: { [K in keyof Templates]?: Parameters<Templates[K]>[] } = {
  contactChangeOtp: [[{ code: '305118', target: 'email' }]],
  dossierSubmitted: [
    [{ code: CODE, procedureName: 'Đăng ký kết hôn', via: 'post', expectedDate: null }],
    [{ code: CODE, procedureName: LONG_PROCEDURE.repeat(3), via: 'online', expectedDate: '2026-12-03' }],
  ],
  dossierReceived: [[{ code: CODE, procedureName: LONG_PROCEDURE, appointmentDate: null }]],
  supplementRequested: [[{ code: CODE, reason: LONG_REASON }], [{ code: CODE, reason: '' }]],
  dossierRefused: [[{ code: CODE, reason: LONG_REASON }], [{ code: CODE, reason: ' ' }]],
  dossierSupplemented: [[{ code: CODE, resumed: false, appointmentDate: null }]],
  processingStarted: [[{ code: CODE, dueDate: null }]],
  processingStopped: [[{ code: CODE, reason: LONG_REASON }]],
  feedbackAnswered: [[{ code: 'PAKN-2026-000123', title: LONG_PROCEDURE }]],
};

const rendered: { name: string; text: SmsText }[] = (Object.keys(SAMPLES) as (keyof Templates)[]).flatMap((name) => {
  const build = SMS_TEXTS[name] as (...args: unknown[]) => SmsText;
  return [SAMPLES[name], ...(MORE[name] ?? [])].map((args, i) => ({ name: i === 0 ? name : `${name} #${i + 1}`, text: build(...args) }));
});

/** Letters only Vietnamese with its diacritics has (ă â đ ê ô ơ ư and the five tones). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

/**
 * The share of the message's own words (lower-case syllables: not codes, names or acronyms) that
 * carry a diacritic. Vietnamese written properly has well over half; without diacritics ("Ho so da
 * duoc tiep nhan") none, even behind an accented "Cổng DVC:".
 */
function accentedShare(text: string): number {
  const words = text.split(/[^\p{L}]+/u).filter((w) => /^\p{Ll}+$/u.test(w));
  return words.filter((w) => VIETNAMESE.test(w)).length / Math.max(1, words.length);
}

describe('SMS_TEXTS', () => {
  it('has a sample for every template', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(SMS_TEXTS).sort());
  });

  it('tells a text without diacritics from one with them', () => {
    expect(accentedShare('Cổng DVC: Ho so 000.01.15.H48-261128-0001 da duoc tiep nhan. Hen tra ket qua: 03/12/2026.')).toBe(0);
    expect(accentedShare('Cổng DVC: Hồ sơ 000.01.15.H48-261128-0001 đã được tiếp nhận. Hẹn trả kết quả: 03/12/2026.')).toBeGreaterThan(0.9);
  });

  it.each(rendered)('$name: Vietnamese with diacritics, NFC, no "..", no space before punctuation, at most 3 UCS-2 segments', ({ name, text }) => {
    expect(text === text.normalize('NFC'), `${name} is not NFC: ${text}`).toBe(true);
    expect(accentedShare(text), `${name} is not written with Vietnamese diacritics: ${text}`).toBeGreaterThan(0.5);
    expect(text, `${name} has ".."`).not.toContain('..');
    expect(text, `${name} has a space before punctuation`).not.toMatch(/\s[.,;:!?]/u);
    expect(text, `${name} has doubled or trailing spaces`).not.toMatch(/ {2}| $|^ | \n|\n /u);
    expect(text.length, `${name} is ${text.length} characters (more than 3 UCS-2 segments): ${text}`).toBeLessThanOrEqual(SMS_MAX_CHARS);
  });

  it('keeps a typed reason whole when it fits, without its own final period', () => {
    expect(SMS_TEXTS.supplementRequested({ code: CODE, reason: REASON })).toBe(
      `Cổng DVC: Hồ sơ ${CODE} cần bổ sung giấy tờ: Giấy chứng sinh bị mờ, đề nghị chụp lại rõ nét. Vui lòng đăng nhập Cổng DVC để bổ sung.`,
    );
  });

  it('shortens a long reason with "…" and keeps the rest of the message', () => {
    const text = SMS_TEXTS.dossierRefused({ code: CODE, reason: LONG_REASON });
    expect(text).toMatch(new RegExp(`^Cổng DVC: Hồ sơ ${CODE.replace(/\./g, '\\.')} không được tiếp nhận\\. Lý do: Cần xác minh thông tin nơi sinh.*…$`, 'u'));
    expect(text.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
  });

  it('ends the line after a password or a login, so no punctuation is read as part of it', () => {
    const text = SMS_TEXTS.officerAccountCreated({ username: 'dinh.trang', password: 'Ab3$kLm9?pQ!' });
    expect(/Tên đăng nhập: (\S+)\nMật khẩu tạm thời: (\S+)$/u.exec(text)?.slice(1)).toEqual(['dinh.trang', 'Ab3$kLm9?pQ!']);
    expect(/Mật khẩu: (\S+)/u.exec(SMS_TEXTS.deskAccountCreated({ login: '051094000123', password: 'Xy7@pq2wK#9.' }))?.[1]).toBe('Xy7@pq2wK#9.');
  });

  it('keeps the OTP wording the sign-in pages and their tests read ("OTP … là 123456,")', () => {
    for (const text of [
      SMS_TEXTS.registrationOtp({ code: '482913' }),
      SMS_TEXTS.loginStepUpOtp({ code: '482913' }),
      SMS_TEXTS.passwordResetOtp({ code: '482913' }),
      SMS_TEXTS.deskAccountOtp({ code: '482913' }),
      SMS_TEXTS.contactChangeOtp({ code: '482913', target: 'phone' }),
    ]) {
      expect(/OTP .* là (\d{6}),/.exec(text)?.[1]).toBe('482913');
    }
  });
});

describe('the inbox copy of an SMS (ADR 0018)', () => {
  /** The secret values a template's sample carries: a password, or a 6-digit OTP. */
  const secretsOf = (args: readonly unknown[]) =>
    args.flatMap((a) => Object.entries(a as Record<string, unknown>)).flatMap(([k, v]) => (k === 'password' || (k === 'code' && /^\d{6}$/.test(String(v))) ? [String(v)] : []));
  const names = Object.keys(SAMPLES) as (keyof Templates)[];

  it('knows every template that carries a code or a password, and no other', () => {
    const withSecrets = names.filter((n) => secretsOf(SAMPLES[n]).length > 0 || /Otp$/.test(n)).sort();
    expect(Object.keys(SECRET_NOTES).sort()).toEqual(withSecrets);
  });

  it.each(rendered)('$name: kept without its secret, every other message as sent', ({ name, text }) => {
    const template = name.split(' ')[0] as keyof Templates;
    const secret = template in SECRET_NOTES;
    const copy = inboxBody('sms', '0912345123', text);
    expect(copy.redacted, name).toBe(secret);
    if (!secret) return expect(copy.body).toBe(text);
    for (const value of secretsOf(SAMPLES[template])) expect(copy.body, name).not.toContain(value);
    expect(copy.body).toContain('đã được gửi đến số 09•••••123');
    expect(copy.body).toContain(SECRET_NOTES[template as keyof typeof SECRET_NOTES]);
  });

  it('redacts an e-mail that quotes a secret template, and masks the address', () => {
    const body = `${SMS_TEXTS.contactChangeOtp({ code: '305118', target: 'email' })}\n\nNếu bạn không yêu cầu thay đổi, hãy bỏ qua thư này.`;
    expect(inboxBody('email', 'binh@example.vn', body)).toEqual({
      body: 'Mã OTP xác nhận thông tin liên hệ mới đã được gửi đến địa chỉ email b•••@example.vn. Vì an toàn, nội dung có mã hoặc mật khẩu không được lưu trong mục Thông báo. Nếu không phải bạn yêu cầu, hãy gọi ngay tổng đài 1022.',
      redacted: true,
    });
    expect(maskAddress('0351239999')).toBe('03•••••999');
  });
});
