// Pure pieces of the sign-in rules (ADR 0012): which counters an attempt uses, and what the
// step-up answer shows of the phone.
import { createHmac } from 'node:crypto';

/** "***78": the last two digits of a phone, as the step-up answer shows them. */
export function maskPhone(phone: string): string {
  return `***${phone.replace(/\D/g, '').slice(-2)}`;
}

/**
 * The hint of the step-up answer. A real phone shows its last two digits; without one (an
 * identifier that names no account, or an account without a phone) two digits derived from what
 * was typed stand in, the same every time, so the answer looks alike whether or not an account
 * exists. A typed phone number is its own hint: the owner of that phone sees the same digits.
 */
export function phoneHint(secret: string, phone: string | null | undefined, typed: string): string {
  if (phone) return maskPhone(phone);
  const n = createHmac('sha256', secret).update(`dvc-phone-hint\u0000${typed}`).digest().readUInt16BE(0) % 100;
  return `***${String(n).padStart(2, '0')}`;
}

export interface AttemptKeys {
  /** Untrusted failures within a day: past ACCOUNT_RULES.stepUpAfter the account asks for a code. */
  day: string;
  /** Untrusted failures since the last success or new password: the hard ceiling. */
  run: string;
}

/**
 * Keys of an attempt from a browser the account does not know: the account's own when the typed
 * identifier names one (CMND/CCCD, phone, MST or username all share them), otherwise what was typed.
 * The run of failures belongs to one password: a new password (Quên mật khẩu, Đổi mật khẩu) starts
 * a new one.
 */
export function attemptKeys(
  audience: 'officer' | 'citizen',
  typed: string,
  account: { id: string; passwordChangedAt: Date | null } | undefined,
): AttemptKeys {
  if (account) return { day: `acct:${account.id}`, run: `acct-run:${account.id}:${account.passwordChangedAt?.getTime() ?? 0}` };
  return { day: `login:${audience}:${typed}`, run: `login-run:${audience}:${typed}` };
}

export function deviceKey(userId: string, nonce: string): string {
  return `dev:${userId}:${nonce}`;
}
