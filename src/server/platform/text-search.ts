// Accent-insensitive matching inside SQL for columns that have no *_search twin (a citizen's own
// dossiers: a few hundred rows at most, read by an index on the applicant). The column is folded
// the way searchKey (src/common/text.ts) folds what was typed: lower case, no Vietnamese
// diacritics, đ → d — with translate(), which PostgreSQL and PGlite both have (unaccent is an
// extension neither is guaranteed to carry).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { likeEscape, searchKey } from '../../common/text.js';

const MARKED_LOWER = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
// Capitals too: under the C locale (PGlite's) lower() changes only A–Z.
const VIETNAMESE_MARKED = MARKED_LOWER + MARKED_LOWER.toUpperCase();
const FOLDED = [...VIETNAMESE_MARKED].map((c) => searchKey(c)).join('');

/** `column` contains what was typed, ignoring case and diacritics ("dang ky" finds "Đăng ký khai sinh"). */
export function containsFolded(column: SQLWrapper, typed: string): SQL {
  return sql`translate(lower(${column}), ${VIETNAMESE_MARKED}, ${FOLDED}) like ${`%${likeEscape(searchKey(typed))}%`}`;
}
