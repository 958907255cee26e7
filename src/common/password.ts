// Password policy shown to the user as they type and enforced by the server: the composition
// rule below, then the blocklist of common and context-specific passwords (password-blocklist.ts;
// the server adds zxcvbn, src/server/platform/auth/password-policy.ts).
export interface PasswordRule {
  id: string;
  label: string;
  test: (pw: string) => boolean;
}

export const PASSWORD_RULES: PasswordRule[] = [
  { id: 'length', label: 'Ít nhất 8 ký tự', test: (pw) => [...pw].length >= 8 },
  { id: 'upper', label: 'Có chữ hoa', test: (pw) => /\p{Lu}/u.test(pw) },
  { id: 'lower', label: 'Có chữ thường', test: (pw) => /\p{Ll}/u.test(pw) },
  { id: 'digit', label: 'Có chữ số', test: (pw) => /\d/.test(pw) },
  { id: 'special', label: 'Có ký tự đặc biệt (ví dụ @ # $ !)', test: (pw) => /[^\p{L}\d\s]/u.test(pw) },
];

export function passwordProblems(pw: string): string[] {
  const problems = PASSWORD_RULES.filter((r) => !r.test(pw)).map((r) => r.label);
  if ([...pw].length > 128) problems.push('Không quá 128 ký tự');
  return problems;
}
