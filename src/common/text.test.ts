import { describe, expect, it } from 'vitest';
import { cleanText, likeEscape, searchKey } from './text.js';

describe('searchKey', () => {
  it('drops accents and case, and turns đ into d', () => {
    expect(searchKey('Nguyễn Văn A')).toBe('nguyen van a');
    expect(searchKey('ĐẶNG Thị Ánh')).toBe('dang thi anh');
    expect(searchKey('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });
});

describe('cleanText', () => {
  it('stores NFC with single spaces', () => {
    const out = cleanText('  Lê   Thị\tHoa '.normalize('NFD'));
    expect(out).toBe('Lê Thị Hoa');
    expect(out === out.normalize('NFC')).toBe(true);
  });
});

describe('likeEscape', () => {
  it('makes % and _ literal', () => {
    expect(likeEscape('50%_a\\')).toBe('50\\%\\_a\\\\');
  });
});
