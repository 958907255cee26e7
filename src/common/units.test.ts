import { describe, expect, it } from 'vitest';
import { isEligibleAccountUnit } from './units.js';

describe('isEligibleAccountUnit (SPEC §1.2 unit rule)', () => {
  it.each([
    ['Bộ phận Một cửa phường Cẩm Thành', true],
    ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG tỉnh Lào Cai', true],
    ['Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính tỉnh Hưng Yên', true],
    ['Bộ phận một cửa xã B'.normalize('NFD'), true],
    ['BPMC huyện A', false],
    ['Phòng Văn hóa - Xã hội phường Cẩm Thành', false],
    ['Bo phan mot cua xa B', false],
    ['UBND tỉnh Quảng Ngãi', false],
  ])('%s → %s', (name, expected) => {
    expect(isEligibleAccountUnit(name)).toBe(expected);
  });
});
