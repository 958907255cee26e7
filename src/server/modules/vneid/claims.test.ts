// What the portal takes from VNeID's claims, and when it refuses them.
import { describe, expect, it } from 'vitest';
import { readClaims } from './service.js';

const full = {
  sub: 'abc',
  name: '  Nguyễn   Văn An ',
  birthdate: '1990-05-15',
  gender: 'male',
  address: { formatted: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội' },
  cccd: '001 090 000 001',
};

describe('readClaims', () => {
  it('keeps the identity fields, cleaned', () => {
    expect(readClaims(full)).toEqual({
      sub: 'abc',
      cccd: '001090000001',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-15',
      sex: 'male',
      permanentAddress: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội',
    });
  });

  it('leaves out what is missing or malformed but not required', () => {
    expect(readClaims({ ...full, birthdate: '15/05/1990', gender: 'other', address: undefined })).toMatchObject({
      birthDate: null,
      sex: null,
      permanentAddress: null,
    });
  });

  it.each([
    ['no cccd', { ...full, cccd: undefined }, ['cccd']],
    ['a 9-digit CMND', { ...full, cccd: '123456789' }, ['cccd']],
    ['an unknown province code', { ...full, cccd: '999090000001' }, ['cccd']],
    ['no name', { ...full, name: ' ' }, ['name']],
  ])('refuses %s with VNEID_IDENTITY_INCOMPLETE', (_label, claims, missing) => {
    expect(() => readClaims(claims)).toThrow(expect.objectContaining({ code: 'VNEID_IDENTITY_INCOMPLETE', details: { missing } }));
  });
});
