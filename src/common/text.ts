// Vietnamese text helpers shared by server and web.

/** NFC, trimmed, inner whitespace collapsed: what we store for any typed name. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Search key: lower case, no diacritics, đ → d. "Nguyễn Văn A" → "nguyen van a".
 * Stored in *_search columns so accent-insensitive search can use an index.
 */
export function searchKey(value: string): string {
  return cleanText(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Escape LIKE wildcards so user input is matched literally. */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Free text someone typed (a reason, a name) made ready to sit inside a sentence of ours: NFC, on
 * one line, without its own final punctuation, so that "Lý do: ${clause(x)}." never ends in "..",
 * ";." or " .".
 */
export function clause(value: string): string {
  return cleanText(value)
    .replace(/[\s.,;:!?…]+$/u, '')
    .replace(/\s+([.,;:!?])/gu, '$1');
}

/** A word written in capitals (UBND, CCCD) or with a capital inside it (VNeID, iGate): kept as is. */
const KEEPS_CASE = /^(?:\p{Lu}{2,}|\p{L}+\p{Lu}\p{L}*)(?:\P{L}|$)/u;
/** A word starting with a capital. */
const CAPITALISED = /^\p{Lu}/u;
/** What a typed reason may start with that the sentence it goes into already says ("… do <reason>"). */
const LEAD_IN = /^(?:lý do|nguyên nhân)\s*(?:là\s*)?[:\-–]?\s*|^(?:bởi vì|vì|do|bởi)\s+/iu;

/** Words that start a typed sentence before a name but are common nouns inside ours ("do ông Nguyễn Văn A …"). */
const BEFORE_NAMES = new Set(['ông', 'bà', 'anh', 'chị', 'em', 'cô', 'chú', 'bác', 'cháu', 'cha', 'mẹ', 'con', 'vợ', 'chồng', 'người']);
/**
 * The first words of an agency's name, which is written with one capital ("Ủy ban nhân dân tỉnh
 * Quảng Ngãi", "Bệnh viện Đa khoa tỉnh", "Phòng Tư pháp"): a name when a capitalised word follows.
 */
const AGENCY_HEAD =
  /^(?:ủy ban|uỷ ban|bệnh viện|văn phòng|phòng|sở|công an|tòa án|toà án|viện|bộ|cục|chi cục|trung tâm|hội đồng|ngân hàng|kho bạc|chi nhánh|bảo hiểm xã hội|trường|ban)\s/iu;

/**
 * A reason inserted in the middle of a sentence ("… chưa trả kết quả … do ${midSentence(x)}."):
 * `clause()`, without a lead-in the sentence already has ("Do …", "Lý do: …"), and with its first
 * letter in lower case ("Cần xác minh …" → "cần xác minh …", "Ông Nguyễn Văn A …" → "ông Nguyễn
 * Văn A …") — unless the text starts with an acronym (UBND, CCCD, VNeID), a proper name (Hà Nội,
 * Nguyễn Văn An) or an agency's name (Sở Tư pháp, Bệnh viện Đa khoa tỉnh).
 */
export function midSentence(value: string): string {
  const text = clause(value).replace(LEAD_IN, '');
  if (text === '' || KEEPS_CASE.test(text)) return text;
  const words = text.split(' ');
  const first = words[0]!;
  const capitalisedAt = (i: number) => words[i] !== undefined && CAPITALISED.test(words[i]!);
  const properName = capitalisedAt(0) && capitalisedAt(1) && !BEFORE_NAMES.has(first.toLocaleLowerCase('vi-VN'));
  const agencyName = AGENCY_HEAD.test(text) && [1, 2, 3, 4, 5].some(capitalisedAt);
  if (properName || agencyName) return text;
  return text.charAt(0).toLocaleLowerCase('vi-VN') + text.slice(1);
}
