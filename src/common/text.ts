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
