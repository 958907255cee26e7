import { describe, expect, it } from 'vitest';
import { clause, cleanText, likeEscape, midSentence, searchKey } from './text.js';

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

describe('clause', () => {
  it('drops the typed final punctuation and spaces before punctuation, on one line', () => {
    expect(clause('Giấy chứng sinh bị mờ , đề nghị chụp lại.\n')).toBe('Giấy chứng sinh bị mờ, đề nghị chụp lại');
    expect(clause('Thiếu tờ khai ;.')).toBe('Thiếu tờ khai');
    expect(clause('Cần xác minh…')).toBe('Cần xác minh');
  });
});

describe('midSentence', () => {
  it('lower-cases the first letter of an ordinary sentence', () => {
    expect(midSentence('Cần xác minh thông tin nơi sinh với Bệnh viện Đa khoa tỉnh.')).toBe('cần xác minh thông tin nơi sinh với Bệnh viện Đa khoa tỉnh');
    expect(midSentence('Ông Nguyễn Văn A chưa nộp bản chính')).toBe('ông Nguyễn Văn A chưa nộp bản chính');
    expect(midSentence('Ủy ban nhân dân xã chưa có ý kiến')).toBe('ủy ban nhân dân xã chưa có ý kiến');
  });

  it('keeps acronyms, proper names and agency names as typed', () => {
    expect(midSentence('UBND xã Nghĩa Lộ chưa gửi văn bản trả lời.')).toBe('UBND xã Nghĩa Lộ chưa gửi văn bản trả lời');
    expect(midSentence('CCCD của người yêu cầu cần được xác minh')).toBe('CCCD của người yêu cầu cần được xác minh');
    expect(midSentence('VNeID chưa trả kết quả xác thực')).toBe('VNeID chưa trả kết quả xác thực');
    expect(midSentence('Sở Tư pháp chưa có ý kiến')).toBe('Sở Tư pháp chưa có ý kiến');
    expect(midSentence('Bệnh viện Đa khoa tỉnh chưa gửi giấy chứng sinh')).toBe('Bệnh viện Đa khoa tỉnh chưa gửi giấy chứng sinh');
    expect(midSentence('Ủy ban nhân dân tỉnh Quảng Ngãi chưa có ý kiến')).toBe('Ủy ban nhân dân tỉnh Quảng Ngãi chưa có ý kiến');
    expect(midSentence('Hà Nội chưa trả lời xác minh')).toBe('Hà Nội chưa trả lời xác minh');
  });

  it('drops a lead-in the sentence already says ("… do …")', () => {
    expect(midSentence('Do cần xác minh nơi cư trú.')).toBe('cần xác minh nơi cư trú');
    expect(midSentence('Lý do: Cần xác minh nơi cư trú')).toBe('cần xác minh nơi cư trú');
    expect(midSentence('Vì UBND phường chưa trả lời')).toBe('UBND phường chưa trả lời');
  });
});
