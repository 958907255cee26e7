// The whole password policy as the server enforces it on every password a person chooses
// (registration, change, reset, first password of a VNeID account, first-login change):
//
//   1. composition (src/common/password.ts): 8–128 characters with upper, lower, digit, special
//      — kept because the portal's screens promise it;                      → PASSWORD_POLICY
//   2. blocklist (src/common/password-blocklist.ts): the password's core is a common password or
//      word (zxcvbn's 49,000 common passwords and 7,776 common English words, plus the Vietnamese
//      list), or it is built on the user's own name, CMND/CCCD, phone, birth date or username;
//   3. zxcvbn's estimate, with the user's own words as inputs: score < 3 (fewer than 10^8 guesses,
//      "somewhat guessable") is refused. Score 3 is zxcvbn's own "safely unguessable" threshold;
//      2 lets "Word@Year" passwords through (Demo@2026 scores 2: ~10^7 guesses).  → PASSWORD_TOO_COMMON
//
// Temporary passwords the system generates (generatePassword) are 12 random characters and pass
// all three (password-policy.test.ts checks a large sample). The demo seed sets Demo@2026 directly,
// without this policy, so the demo accounts keep their documented password.
//
// Cost (measured on the 2-core dev machine): zxcvbn's dictionaries are built once, on the first
// check (~70 ms); a check then takes ~3 ms for a 12–15 character password and ~50 ms at 64
// characters, so only the first 64 are analysed (longer is strong by its first 64 or not at all).
// The browser does not load zxcvbn (≈237 KB gzipped with its dictionary, against ≈614 KB for the
// portal's whole script): it runs rules 1 and 2 with the Vietnamese list only (≈2 KB gzipped),
// and shows the server's message for the rest.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { passwordProblems } from '../../../common/password.js';
import { blocklistHit, contextInputs, VIETNAMESE_COMMON_PASSWORDS, type PasswordContext } from '../../../common/password-blocklist.js';
import { AppError } from '../errors.js';

export type { PasswordContext } from '../../../common/password-blocklist.js';

/** zxcvbn scores below this are refused (0–4; 3 = at least 10^8 guesses). */
export const MIN_ZXCVBN_SCORE = 3;
const MAX_ANALYSED_LENGTH = 64;

interface Engine {
  zxcvbn: ZxcvbnFactory;
  common: ReadonlySet<string>;
}

let engine: Engine | undefined;

/** Configured once per process, on first use (start-up stays fast for processes that never check). */
function load(): Engine {
  if (!engine) {
    const common = new Set<string>(VIETNAMESE_COMMON_PASSWORDS);
    for (const list of [dictionary['passwords-common'], dictionary['diceware-common']]) for (const w of list) common.add(String(w).toLowerCase());
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...dictionary, 'vietnamese-common': [...VIETNAMESE_COMMON_PASSWORDS] },
      graphs: adjacencyGraphs,
      maxLength: MAX_ANALYSED_LENGTH,
    });
    engine = { zxcvbn, common };
  }
  return engine;
}

/** Rules 2 and 3 above. */
export function passwordTooCommon(pw: string, ctx: PasswordContext = {}): boolean {
  const { zxcvbn, common } = load();
  if (blocklistHit(pw, ctx, (core) => common.has(core))) return true;
  return zxcvbn.check(pw, contextInputs(ctx)).score < MIN_ZXCVBN_SCORE;
}

/**
 * Throws PASSWORD_POLICY (composition) or PASSWORD_TOO_COMMON. `wording` starts the composition
 * message as each screen labels its field ("Mật khẩu" or "Mật khẩu mới").
 */
export function assertNewPassword(pw: string, ctx: PasswordContext, wording: 'Mật khẩu' | 'Mật khẩu mới'): void {
  const problems = passwordProblems(pw);
  if (problems.length) {
    throw new AppError('PASSWORD_POLICY', { message: `${wording} chưa đạt: ${problems.join('; ').toLowerCase()}.`, details: { problems } });
  }
  if (passwordTooCommon(pw, ctx)) throw new AppError('PASSWORD_TOO_COMMON');
}
