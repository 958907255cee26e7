// SQL pieces shared by the modules' queries.
import { like, sql, type Column, type SQL } from 'drizzle-orm';
import { likeEscape, searchKey } from '../../common/text.js';

/** A uuid[] literal for `&&`, `= any` and `<> all` (one bind parameter per id). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`array[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;
}

/**
 * Every word of what was typed, in any order, somewhere in a *_search column (accents and case
 * ignored): "mot cua cam thanh" finds "Bộ phận Một cửa phường Cẩm Thành". Empty for empty text.
 */
export function everyWord(searchColumn: Column, text: string): SQL[] {
  const key = searchKey(text);
  return key ? key.split(' ').map((word) => like(searchColumn, `%${likeEscape(word)}%`)) : [];
}
