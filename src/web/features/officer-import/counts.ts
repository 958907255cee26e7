// What one import is, how many of its rows can be imported, and the sentences that say what an
// import will do or did: only what the counts say (no SMS when no account is created).
import type { getOfficerImport } from '../../../common/api/officer-import';
import type { Reply } from '../../../common/api/contract';

export type ImportDetail = Reply<typeof getOfficerImport>;
type Counts = ImportDetail['counts'];

/** The rows that are imported (created, updated or found unchanged): all but the skipped ones. */
export const valid = (c: Counts) => c.create + c.update + c.unchanged;

/** What the confirmed import did, in one sentence. */
export function resultTitle(c: Counts): string {
  const done: string[] = [];
  if (c.create > 0) done.push(`Đã tạo ${c.create} tài khoản cán bộ mới`);
  if (c.update > 0) done.push(`${done.length ? 'cập nhật' : 'Đã cập nhật'} ${c.update} cán bộ đã có tài khoản`);
  const head = done.length ? done.join(', ') : 'Không có tài khoản nào được tạo mới hoặc cập nhật';
  const rest: string[] = [];
  if (c.unchanged > 0) rest.push(`${c.unchanged} dòng đã đúng, không thay đổi`);
  rest.push(c.skip > 0 ? `${c.skip} dòng bị bỏ qua` : 'không có dòng nào bị bỏ qua');
  return `${head}; ${rest.join('; ')}.`;
}

/** Who receives an SMS once the import is confirmed (or did, once it is). */
export function smsSentence(c: Counts, done: boolean): string {
  if (c.create === 0) {
    return done
      ? 'Không có tin nhắn SMS nào được gửi, vì không có tài khoản mới nào được tạo.'
      : 'Không có tài khoản mới nào được tạo, nên không có tin nhắn SMS nào được gửi.';
  }
  return done
    ? `Tin nhắn SMS có tên đăng nhập và mật khẩu tạm thời đã được đưa vào hàng đợi gửi tới ${c.create} cán bộ vừa được tạo tài khoản, chỉ những cán bộ này; họ phải đổi mật khẩu khi đăng nhập lần đầu.`
    : `Chỉ ${c.create} cán bộ được tạo tài khoản mới nhận tin nhắn SMS có tên đăng nhập và mật khẩu tạm thời; cán bộ được cập nhật hoặc không thay đổi không nhận SMS.`;
}
