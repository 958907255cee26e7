// Every SMS the system sends, in one place (docs/decisions/0017-sms-texts.md). The rule for all of
// them — checked for every template by sms-texts.test.ts:
//
// - Written in Vietnamese WITH full diacritics, as every user-facing text is: the gateway receives
//   UTF-8 (NFC) and sends it as UCS-2. A text without diacritics ("Ho so da duoc tiep nhan") is
//   ambiguous in Vietnamese and is a bug.
// - Punctuation as in any Vietnamese sentence: never "..", never a space before . , ; : ! ?. Text
//   someone typed (a reason) goes in through `clause()`, which drops its own final punctuation.
// - At most 3 UCS-2 segments (201 characters, 67 each): a long reason or procedure name is cut
//   with "…" (the full text is in the e-mail and on the portal).
// - A code, a password or a login name is never followed by punctuation that could be taken as
//   part of it: it ends its line (or is followed by ", ").
//
// `sendSms` accepts only an `SmsText`, which only this file makes: a new message is a new template
// here, and its test sample in sms-texts.test.ts.
import { clause } from '../../../common/text.js';
import { formatIsoDate } from '../clock.js';

declare const SMS: unique symbol;
/** An SMS body built by one of the templates below. */
export type SmsText = string & { readonly [SMS]: true };

/** 3 concatenated UCS-2 segments of 67 characters. */
export const SMS_MAX_CHARS = 201;

const PREFIX = 'Cổng DVC: ';

function sms(text: string): SmsText {
  return text.normalize('NFC') as SmsText;
}

/**
 * `s` cut to at most `max` UTF-16 units: at the end of a word when one ends in its last third,
 * never inside a surrogate pair, without trailing spaces or punctuation.
 */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, Math.max(0, max));
  const space = out.lastIndexOf(' ');
  if (/\S/.test(s.charAt(out.length)) && space > (max * 2) / 3) out = out.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out.replace(/[\s.,;:!?]+$/u, '');
}

/**
 * The message `build` makes around one free text (a typed reason, a procedure name), the free text
 * shortened with "…" when the whole would not fit in SMS_MAX_CHARS.
 */
function fitted(build: (free: string) => string, free: string): SmsText {
  const text = clause(free);
  const full = build(text);
  if (full.normalize('NFC').length <= SMS_MAX_CHARS) return sms(full);
  // What the message takes besides the free text ("X" stands for it), and 1 for the "…".
  const room = SMS_MAX_CHARS - (build('X').normalize('NFC').length - 1) - 1;
  return sms(build(`${cut(text.normalize('NFC'), room)}…`).replace('….', '…'));
}

/** " Hẹn trả kết quả: dd/MM/yyyy." or nothing when there is no date. */
const dateSentence = (label: string, date: string | null) => (date ? ` ${label}: ${formatIsoDate(date)}.` : '');

export const SMS_TEXTS = {
  // ---- Accounts and signing in ------------------------------------------------------------------
  registrationOtp: (v: { code: string }) =>
    sms(`Mã OTP đăng ký tài khoản Cổng Dịch vụ công là ${v.code}, có hiệu lực trong 2 phút. Không cung cấp mã này cho bất kỳ ai.`),

  registrationDone: (v: { login: string }) =>
    sms(`Tài khoản Cổng Dịch vụ công của bạn đã được tạo. Tên đăng nhập: ${v.login} (hoặc số điện thoại này). Hỗ trợ: tổng đài 1022.`),

  loginStepUpOtp: (v: { code: string }) =>
    sms(
      `Mã OTP đăng nhập Cổng Dịch vụ công là ${v.code}, có hiệu lực trong 2 phút. Không cung cấp mã này cho bất kỳ ai. ` +
        'Nếu bạn không đăng nhập, mật khẩu của bạn đã bị lộ: hãy đổi mật khẩu ngay.',
    ),

  passwordResetOtp: (v: { code: string }) =>
    sms(`Mã OTP lấy lại mật khẩu Cổng Dịch vụ công là ${v.code}, có hiệu lực trong 2 phút. Không cung cấp mã này cho bất kỳ ai.`),

  passwordResetDone: () => sms('Mật khẩu tài khoản Cổng Dịch vụ công của bạn vừa được đặt lại. Nếu không phải bạn thực hiện, hãy gọi ngay tổng đài 1022.'),

  /** Also the body of the e-mail when the new contact is an e-mail address. */
  contactChangeOtp: (v: { code: string; target: 'phone' | 'email' }) =>
    sms(
      `Mã OTP xác nhận ${v.target === 'phone' ? 'số điện thoại' : 'địa chỉ email'} mới cho tài khoản Cổng Dịch vụ công là ${v.code}, có hiệu lực trong 2 phút.`,
    ),

  phoneChanged: (v: { newPhoneEnd: string }) =>
    sms(
      `Số điện thoại của tài khoản Cổng Dịch vụ công vừa được đổi sang số kết thúc bằng ${v.newPhoneEnd}. Nếu không phải bạn thực hiện, hãy gọi ngay tổng đài 1022.`,
    ),

  vneidLinkedPasswordCleared: () =>
    sms(
      'Tài khoản Cổng Dịch vụ công của bạn vừa được xác thực bằng VNeID. Mật khẩu cũ đã hết hiệu lực; hãy đăng nhập bằng VNeID và đặt mật khẩu mới. ' +
        'Nếu không phải bạn, gọi tổng đài 1022.',
    ),

  /** The citizen reads the code to the desk officer who opens their account. */
  deskAccountOtp: (v: { code: string }) =>
    sms(
      `Mã OTP tạo tài khoản Cổng Dịch vụ công của bạn là ${v.code}, có hiệu lực trong 2 phút. Chỉ đọc mã này cho cán bộ Bộ phận Một cửa đang tạo tài khoản cho bạn.`,
    ),

  deskAccountCreated: (v: { login: string; password: string }) =>
    sms(
      'Tài khoản Cổng Dịch vụ công của bạn đã được tạo. Bạn phải đổi mật khẩu ở lần đăng nhập đầu tiên.\n' +
        `Tên đăng nhập: ${v.login}\nMật khẩu: ${v.password}`,
    ),

  /** An officer account created by an administrator or by an import of a list of officers. */
  officerAccountCreated: (v: { username: string; password: string }) =>
    sms(
      'Tài khoản cán bộ trên hệ thống Một cửa đã được tạo. Hãy đổi mật khẩu khi đăng nhập lần đầu.\n' +
        `Tên đăng nhập: ${v.username}\nMật khẩu tạm thời: ${v.password}`,
    ),

  // ---- Dossiers: filing and reception ---------------------------------------------------------
  dossierSubmitted: (v: { code: string; procedureName: string; via: 'online' | 'post'; expectedDate: string | null }) =>
    fitted(
      (name) =>
        `${PREFIX}Hồ sơ ${v.code} (${name}) ${v.via === 'online' ? 'đã được nộp trực tuyến' : 'đã được nhận qua dịch vụ bưu chính'}, đang chờ cơ quan tiếp nhận.` +
        dateSentence('Ngày hẹn trả kết quả dự kiến', v.expectedDate),
      v.procedureName,
    ),

  dossierReceived: (v: { code: string; procedureName: string; appointmentDate: string | null }) =>
    fitted((name) => `${PREFIX}Hồ sơ ${v.code} (${name}) đã được tiếp nhận.` + dateSentence('Hẹn trả kết quả', v.appointmentDate), v.procedureName),

  /** At reception or during processing. */
  supplementRequested: (v: { code: string; reason: string }) =>
    fitted((reason) => `${PREFIX}Hồ sơ ${v.code} cần bổ sung giấy tờ${reason ? `: ${reason}` : ''}. Vui lòng đăng nhập Cổng DVC để bổ sung.`, v.reason),

  dossierRefused: (v: { code: string; reason: string }) =>
    fitted((reason) => `${PREFIX}Hồ sơ ${v.code} không được tiếp nhận.${reason ? ` Lý do: ${reason}.` : ''}`, v.reason),

  dossierSupplemented: (v: { code: string; resumed: boolean; appointmentDate: string | null }) =>
    sms(
      v.resumed
        ? `${PREFIX}Hồ sơ ${v.code} đã được bổ sung, cơ quan tiếp tục xử lý.` + dateSentence('Hẹn trả kết quả', v.appointmentDate)
        : `${PREFIX}Hồ sơ ${v.code} đã được bổ sung, đang chờ cơ quan tiếp nhận lại.`,
    ),

  // ---- Dossiers: processing -------------------------------------------------------------------
  processingStarted: (v: { code: string; dueDate: string | null }) =>
    sms(`${PREFIX}Hồ sơ ${v.code} đang được xử lý.` + dateSentence('Hẹn trả kết quả', v.dueDate)),

  paymentRequested: (v: { code: string; amountVnd: number }) =>
    sms(`${PREFIX}Hồ sơ ${v.code}: vui lòng thực hiện nghĩa vụ tài chính ${v.amountVnd.toLocaleString('vi-VN')} đồng.`),

  processingFinished: (v: { code: string }) => sms(`${PREFIX}Hồ sơ ${v.code} đã được xử lý xong. Mời Ông/Bà nhận kết quả.`),

  resultReturned: (v: { code: string }) => sms(`${PREFIX}Hồ sơ ${v.code} đã được trả kết quả. Kết quả điện tử có trong Kho dữ liệu trên Cổng DVC.`),

  /** With the "Phiếu xin lỗi và hẹn lại ngày trả kết quả", which the citizen opens on the portal. */
  dossierExtended: (v: { code: string; newDate: string }) =>
    sms(`${PREFIX}Hồ sơ ${v.code} chưa có kết quả đúng hẹn. Cơ quan xin lỗi Ông/Bà và hẹn lại ngày trả kết quả: ${formatIsoDate(v.newDate)}.`),

  processingStopped: (v: { code: string; reason: string }) =>
    fitted((reason) => `${PREFIX}Hồ sơ ${v.code} bị dừng xử lý.${reason ? ` Lý do: ${reason}.` : ''}`, v.reason),

  withdrawn: (v: { code: string }) => sms(`${PREFIX}Hồ sơ ${v.code} đã được rút theo yêu cầu của Ông/Bà.`),

  /** Any other change of status (e.g. back to "Đang xử lý" once the fee is paid). */
  statusChanged: (v: { code: string; statusLabel: string }) => sms(`${PREFIX}Hồ sơ ${v.code} chuyển sang trạng thái "${v.statusLabel}".`),

  // ---- Phản ánh, kiến nghị (feedback module) -----------------------------------------------------
  /** The answer itself is in the e-mail and on the portal; the SMS names the feedback by its code and title. */
  feedbackAnswered: (v: { code: string; title: string }) =>
    fitted((title) => `${PREFIX}Phản ánh, kiến nghị ${v.code} (${title}) đã được cơ quan trả lời. Xem câu trả lời tại mục Phản ánh, kiến nghị trên Cổng DVC.`, v.title),
} as const;

// ---- Messages that carry a secret -------------------------------------------------------------
// The notification inbox (inbox.ts) keeps a copy of what a citizen was sent, but never a code or a
// password in clear: a message made by one of these templates is kept as a note saying what was
// sent and where (ADR 0018). A new template with a code or a password belongs here;
// sms-texts.test.ts fails for one that takes a `password` or is named "…Otp" and is missing.

/** What the inbox says instead of the message, by template. */
export const SECRET_NOTES = {
  registrationOtp: 'Mã OTP đăng ký tài khoản',
  loginStepUpOtp: 'Mã OTP đăng nhập',
  passwordResetOtp: 'Mã OTP lấy lại mật khẩu',
  contactChangeOtp: 'Mã OTP xác nhận thông tin liên hệ mới',
  deskAccountOtp: 'Mã OTP tạo tài khoản tại Bộ phận Một cửa',
  deskAccountCreated: 'Tên đăng nhập và mật khẩu tạm thời của tài khoản',
  officerAccountCreated: 'Tên đăng nhập và mật khẩu tạm thời của tài khoản cán bộ',
} as const satisfies Partial<Record<keyof typeof SMS_TEXTS, string>>;

/** Stands for a secret while a template is rendered to find its fixed opening. */
const HOLE = '\u0000';

/**
 * The fixed text of each secret template up to its first variable part, rendered from the template
 * itself (so it cannot drift from it): a message containing one was made by that template.
 */
const SECRET_OPENINGS: { opening: string; note: string }[] = (
  [
  [SMS_TEXTS.registrationOtp({ code: HOLE }), SECRET_NOTES.registrationOtp],
  [SMS_TEXTS.loginStepUpOtp({ code: HOLE }), SECRET_NOTES.loginStepUpOtp],
  [SMS_TEXTS.passwordResetOtp({ code: HOLE }), SECRET_NOTES.passwordResetOtp],
  [SMS_TEXTS.contactChangeOtp({ code: HOLE, target: 'phone' }), SECRET_NOTES.contactChangeOtp],
  [SMS_TEXTS.contactChangeOtp({ code: HOLE, target: 'email' }), SECRET_NOTES.contactChangeOtp],
  [SMS_TEXTS.deskAccountOtp({ code: HOLE }), SECRET_NOTES.deskAccountOtp],
  [SMS_TEXTS.deskAccountCreated({ login: HOLE, password: HOLE }), SECRET_NOTES.deskAccountCreated],
  [SMS_TEXTS.officerAccountCreated({ username: HOLE, password: HOLE }), SECRET_NOTES.officerAccountCreated],
  ] as [string, string][]
).map(([text, note]) => ({ opening: text.slice(0, text.indexOf(HOLE)), note }));

/**
 * What a message with a secret is about ("Mã OTP đăng nhập"), or null when it carries none. Also
 * reads an e-mail body that quotes a secret template (the e-mail OTP of a contact change).
 */
export function secretNoteOf(body: string): string | null {
  const text = body.normalize('NFC');
  return SECRET_OPENINGS.find((s) => text.includes(s.opening))?.note ?? null;
}
