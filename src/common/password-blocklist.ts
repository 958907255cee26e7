// The blocklist half of the password policy (NIST SP 800-63B §5.1.1.2: refuse values that are
// commonly used, expected or compromised, and context-specific words such as the user's name).
// Cheap on purpose: the browser runs it as the user types (PasswordFields) with the Vietnamese
// list below; the server runs the same rule with zxcvbn's much larger lists added, plus zxcvbn's
// guess estimate (src/server/platform/auth/password-policy.ts). The rule:
//
//   1. the password's *core* is a common word or one of the user's own words. The core is the
//      password lower-cased, without Vietnamese diacritics, without the digits and symbols at
//      either end, read also with common leet substitutions undone and with inner separators
//      dropped: "Password@123", "P@ssw0rd!", "Mật-khẩu#2026" and "Nguyen@1990" all have a common
//      core ("password", "matkhau", "nguyen"); "Abc@12345678" has fewer than 3 letters of core;
//   2. or the password contains the user's CMND/CCCD (or MST), phone number, birth date, full
//      name or given names (without diacritics or spaces), or username / e-mail name.

export const PASSWORD_TOO_COMMON_MESSAGE =
  'Mật khẩu này quá phổ biến hoặc dễ đoán (ví dụ chứa tên, số CCCD, số điện thoại hoặc các mẫu như "Password@123"). Hãy chọn mật khẩu khác.';

/**
 * Vietnamese-specific common passwords and words, as cores (lower case, no diacritics, no digits
 * or symbols at the ends: "123456a@" and "abc@123" are caught as "a" and "abc").
 *
 * Source and rationale: compiled by hand for this project, not extracted from a leaked data set.
 * zxcvbn's lists are English-centred: of the entries below, "hanoi", "tran", "linh", "anh",
 * "minh", "yeuem", "dichvucong" are absent from them (checked against @zxcvbn-ts/language-common
 * 4.1.3), while an attacker guessing against Vietnamese users tries exactly these first: the word
 * "mật khẩu" itself, love phrases ("anh yêu em"), place names, this portal's own names, and the
 * most frequent family and given names (a password that is just a name plus a year is the
 * classic guess). A handful of global top passwords ("password", "qwerty", …) are repeated here
 * so the browser, which does not load zxcvbn's 49,000-entry list, refuses them as the user types.
 * Extend it from real data when some is available (e.g. a Pwned Passwords range query).
 */
export const VIETNAMESE_COMMON_PASSWORDS: readonly string[] = [
  // "mật khẩu", security words and this portal's own names
  'matkhau', 'matkhaumoi', 'matkhaucuatoi', 'matkhaucuaban', 'quenmatkhau', 'doimatkhau', 'matma', 'baomat',
  'dichvucong', 'congdichvucong', 'dichvucongquocgia', 'dvc', 'dvcqg', 'dichvu', 'congdan', 'chinhphu', 'nhanuoc',
  'ubnd', 'motcua', 'hanhchinh', 'hanhchinhcong', 'congan', 'vneid', 'cccd', 'cmnd', 'canbo', 'quantri', 'quantrivien',
  'taikhoan', 'dangnhap', 'dangky', 'nguoidung', 'khachhang', 'xinchao', 'chaoban', 'camon', 'tambiet',
  // love and family phrases
  'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'anhyeu', 'emyeu', 'toiyeuem', 'toiyeuanh', 'yeuemnhieu', 'yeuanhnhieu',
  'anhnhoem', 'emnhoanh', 'nhoem', 'nhoanh', 'maimaiyeuem', 'yeuemmaimai', 'maimai', 'tinhyeu', 'tinhyeucuatoi',
  'vothuong', 'voyeu', 'chongyeu', 'vochong', 'giadinh', 'hanhphuc', 'bame', 'bomeyeu', 'mecon', 'conyeu',
  'concung', 'xinhgai', 'depzai', 'dethuong', 'cuncon', 'bebong', 'meocon', 'conmeo', 'concho', 'heocon', 'heo',
  'hihi', 'hehe', 'haha', 'hoho', 'kaka', 'keke',
  // places
  'vietnam', 'vietnamese', 'hanoi', 'saigon', 'hochiminh', 'tphcm', 'hcm', 'danang', 'haiphong', 'cantho', 'hue',
  'nhatrang', 'dalat', 'vungtau', 'quangninh', 'nghean', 'thanhhoa', 'halong', 'sapa', 'phuquoc',
  // the most frequent family names (and the usual middle names)
  'nguyen', 'tran', 'pham', 'hoang', 'huynh', 'phan', 'dang', 'bui', 'duong', 'dinh', 'truong', 'trinh', 'dao',
  'luong', 'tong', 'quach', 'doan', 'vuong', 'trieu', 'kieu', 'thai', 'van', 'thi',
  // the most frequent given names
  'anh', 'bao', 'binh', 'chau', 'cuong', 'dat', 'diep', 'dung', 'duy', 'giang', 'hai', 'han', 'hang', 'hanh', 'hao',
  'hau', 'hien', 'hieu', 'hoa', 'hoai', 'hoan', 'hong', 'hung', 'huong', 'huy', 'huyen', 'khang', 'khanh', 'khoa',
  'khoi', 'kien', 'lam', 'lan', 'linh', 'loan', 'loc', 'long', 'luan', 'mai', 'minh', 'nam', 'nga', 'ngan', 'nghia',
  'ngoc', 'nguyet', 'nhan', 'nhi', 'nhung', 'oanh', 'phat', 'phong', 'phuc', 'phuong', 'quan', 'quang', 'quyen',
  'quynh', 'sang', 'son', 'tai', 'tam', 'tan', 'thang', 'thanh', 'thao', 'thinh', 'thu', 'thuy', 'tien', 'tin',
  'toan', 'trang', 'tri', 'trung', 'tuan', 'tung', 'uyen', 'viet', 'vinh', 'xuan', 'yen',
  // global top passwords, also the most used in Vietnam (zxcvbn has them; the browser does not)
  'password', 'passw', 'pass', 'admin', 'administrator', 'root', 'user', 'test', 'guest', 'demo', 'qwerty',
  'qwertyuiop', 'asdf', 'asdfgh', 'zxcvbn', 'abc', 'abcd', 'abcde', 'abcdef', 'abcxyz', 'aaa', 'iloveyou', 'iloveu',
  'love', 'hello', 'welcome', 'login', 'secret', 'master', 'dragon', 'monkey', 'football', 'superman', 'batman',
  'princess', 'sunshine', 'pokemon', 'doraemon', 'pikachu', 'samsung', 'iphone', 'google', 'facebook', 'zalo',
];

const VIETNAMESE_SET = new Set(VIETNAMESE_COMMON_PASSWORDS);
export const isVietnameseCommon = (word: string): boolean => VIETNAMESE_SET.has(word);

/** What a caller knows about the account the password is for; pass everything at hand. */
export interface PasswordContext {
  fullName?: string | null;
  /** CMND/CCCD, or MST for an organisation. */
  idNumber?: string | null;
  phone?: string | null;
  username?: string | null;
  email?: string | null;
  /** YYYY-MM-DD. */
  birthDate?: string | null;
  /** Other names or identifiers (a representative's name, the identifier typed to sign in). */
  other?: readonly (string | null | undefined)[];
}

/** Lower case, NFC → no diacritics ("Đỗ Thị Hà" → "do thi ha"). */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const LEET: Record<string, string> = { '4': 'a', '@': 'a', '8': 'b', '(': 'c', '3': 'e', '6': 'g', '9': 'g', '!': 'i', '|': 'l', '0': 'o', '5': 's', '$': 's', '7': 't', '+': 't', '2': 'z' };
const unleet = (s: string, one: 'i' | 'l') => s.replace(/[0-9@!|$+(]/g, (c) => (c === '1' ? one : (LEET[c] ?? c)));

/** The cores of a password, as described at the top of this file (most specific first). */
export function passwordCores(pw: string): string[] {
  const folded = foldVietnamese(pw);
  const stripped = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const cores = new Set<string>([stripped, stripped.replace(/[^\p{L}\d]/gu, '')]);
  for (const one of ['i', 'l'] as const) {
    const readable = unleet(stripped, one);
    cores.add(readable);
    cores.add(readable.replace(/[^\p{L}]/gu, ''));
  }
  cores.delete('');
  return [...cores];
}

const letters = (s: string) => foldVietnamese(s).replace(/[^\p{L}]/gu, '');
const digits = (s: string) => s.replace(/\D/g, '');

/** Parts of a name: "Phạm Thu Hà" → ["pham", "thu", "ha"]. */
function nameParts(s: string): string[] {
  return foldVietnamese(s)
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

export interface ContextWords {
  /** Refused when the core equals one of these. */
  words: Set<string>;
  /**
   * Refused when the password's letters contain one of these: runs of 5 letters or more (a shorter
   * name such as "binh" is refused only as the whole core, not inside "Binh@2026moi").
   */
  letterRuns: Set<string>;
  /** Refused when the password's digits contain one of these. */
  digitRuns: Set<string>;
}

const LEGAL_FORMS = new Set(['cong', 'ty', 'tnhh', 'co', 'phan', 'cp', 'mtv', 'hop', 'tac', 'xa', 'doanh', 'nghiep', 'tu', 'nhan', 'chi', 'nhanh']);

export function contextWords(ctx: PasswordContext = {}): ContextWords {
  const words = new Set<string>();
  const letterRuns = new Set<string>();
  const digitRuns = new Set<string>();
  const addName = (name: string | null | undefined) => {
    if (!name) return;
    const all = nameParts(name);
    // "Công ty TNHH Sao Mai": the distinctive part is "Sao Mai".
    const distinctive = all.filter((p) => !LEGAL_FORMS.has(p));
    for (const parts of [all, distinctive]) {
      if (parts.length === 0) continue;
      for (const p of parts) if (p.length >= 2) words.add(p);
      // The whole name, the given names (all but the family name), every two neighbours, and the
      // given names before the family name ("thuhapham").
      const combos = [parts.join(''), parts.slice(1).join(''), parts.slice(1).join('') + parts[0]];
      for (let i = 0; i + 1 < parts.length; i++) combos.push(parts[i]! + parts[i + 1]!);
      for (const c of combos) {
        if (c.length >= 2) words.add(c);
        if (c.length >= 5) letterRuns.add(c);
      }
    }
  };
  const addNumber = (value: string | null | undefined) => {
    const d = digits(value ?? '');
    if (d.length < 6) return;
    digitRuns.add(d);
    // A phone without its leading 0 (also "+84 912…" and "84912…").
    if (d.length === 10 && d.startsWith('0')) digitRuns.add(d.slice(1));
  };
  const addHandle = (value: string | null | undefined) => {
    if (!value) return;
    const parts = nameParts(value);
    for (const p of parts) if (p.length >= 2) words.add(p);
    const joined = parts.join('');
    if (joined.length >= 2) words.add(joined);
    if (joined.length >= 5) letterRuns.add(joined);
  };
  addName(ctx.fullName);
  addNumber(ctx.idNumber);
  addNumber(ctx.phone);
  addHandle(ctx.username);
  addHandle(ctx.email?.split('@')[0]);
  for (const o of ctx.other ?? []) {
    if (!o) continue;
    if (/\p{L}/u.test(o)) addName(o);
    else addNumber(o);
  }
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx.birthDate ?? '');
  if (birth) {
    const [, y, m, d] = birth as unknown as [string, string, string, string];
    for (const run of [`${d}${m}${y}`, `${y}${m}${d}`, `${d}${m}${y.slice(2)}`, `${m}${d}${y}`]) digitRuns.add(run);
  }
  return { words, letterRuns, digitRuns };
}

/** Every context value as one list, for zxcvbn's user inputs. */
export function contextInputs(ctx: PasswordContext = {}): string[] {
  const { words, letterRuns, digitRuns } = contextWords(ctx);
  return [...new Set([...words, ...letterRuns, ...digitRuns])];
}

/**
 * True when the password is a common word (by `isCommon`, default: the Vietnamese list above)
 * or built on the user's own words and numbers. The composition rule (password.ts) is separate.
 */
export function blocklistHit(pw: string, ctx: PasswordContext = {}, isCommon: (core: string) => boolean = isVietnameseCommon): boolean {
  const cores = passwordCores(pw);
  const { words, letterRuns, digitRuns } = contextWords(ctx);
  if (letters(pw).length < 3) return true;
  if (cores.some((c) => isCommon(c) || words.has(c))) return true;
  const pwDigits = digits(pw);
  for (const run of digitRuns) if (pwDigits.includes(run)) return true;
  const pwLetters = [letters(pw), ...(['i', 'l'] as const).map((one) => letters(unleet(foldVietnamese(pw), one)))];
  for (const run of letterRuns) if (pwLetters.some((l) => l.includes(run))) return true;
  return false;
}
