// Which units may create citizen accounts (SPEC §1.2 "Unit rule"; 002 PL2 mục 3, 4(1)).
export const ELIGIBLE_UNIT_NAME_PARTS = ['trung tâm phục vụ hành chính công', 'bộ phận một cửa'] as const;

/**
 * A unit qualifies when its name contains "Trung tâm phục vụ hành chính công" or
 * "Bộ phận một cửa", compared without regard to case after NFC normalisation. Diacritics are
 * NOT ignored and abbreviations such as "BPMC" do not qualify: the seed asks for the full string.
 */
export function isEligibleAccountUnit(name: string): boolean {
  const n = name.normalize('NFC').replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return ELIGIBLE_UNIT_NAME_PARTS.some((part) => n.includes(part));
}
