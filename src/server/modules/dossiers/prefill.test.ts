import { describe, expect, it } from 'vitest';
import type { EForm } from '../../../common/eform.js';
import { readDataJson } from '../../platform/data-files.js';
import type { PopulationRecord } from '../../platform/population/port.js';
import { applyLocked, prefillForm, spouseInHousehold, type AccountFacts, type PrefillSources } from './prefill.js';

const birthForm = readDataJson<{ procedures: { code: string; form?: EForm }[] }>('procedures-demo.json').procedures.find((p) => p.code === '1.001193')!.form!;

const an: PopulationRecord = {
  idNumber: '001090000001',
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-05-15',
  sex: 'male',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  permanentAddress: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội',
  currentAddress: 'Số 5 ngõ Huế, phường Hai Bà Trưng, thành phố Hà Nội',
  householdId: 'HK-1',
  household: [
    { idNumber: '001090000001', fullName: 'Nguyễn Văn An', birthDate: '1990-05-15', relation: 'Chủ hộ' },
    { idNumber: '001192000456', fullName: 'Phạm Thị Hoa', birthDate: '1992-09-03', relation: 'Vợ' },
  ],
};
const hoa: PopulationRecord = {
  ...an,
  idNumber: '001192000456',
  fullName: 'Phạm Thị Hoa',
  birthDate: '1992-09-03',
  sex: 'female',
  ethnicity: 'Tày',
  currentAddress: 'Thôn 2, xã Bạch Thông, tỉnh Thái Nguyên',
};

const account: AccountFacts = {
  fullName: 'Nguyễn Văn An',
  idNumber: '001090000001',
  birthDate: '1990-05-15',
  sex: 'male',
  permanentAddress: 'Địa chỉ tự khai trên tài khoản',
  phone: '0912345678',
  email: 'an@example.vn',
  identityVerified: false,
};

function sources(over: Partial<PrefillSources> = {}): PrefillSources {
  return { account, person: an, spouse: { member: an.household[1]!, record: hoa }, ...over };
}

describe('prefill provenance', () => {
  it('takes the applicant from the population database and locks those fields', () => {
    const p = prefillForm(birthForm, sources());
    expect(p.values.applicantFullName).toBe('Nguyễn Văn An');
    // The current address, not the permanent one, is where the applicant lives.
    expect(p.values.applicantResidence).toBe('Số 5 ngõ Huế, phường Hai Bà Trưng, thành phố Hà Nội');
    expect(p.provenance.applicantFullName).toEqual({ source: 'population', label: 'CSDL quốc gia về dân cư', locked: true });
    expect(p.provenance.applicantResidence?.locked).toBe(true);
  });

  it('makes a male applicant the father and his wife the mother, with her own record', () => {
    const p = prefillForm(birthForm, sources());
    expect(p.values.fatherFullName).toBe('Nguyễn Văn An');
    expect(p.values.motherFullName).toBe('Phạm Thị Hoa');
    expect(p.values.motherEthnicity).toBe('Tày');
    expect(p.values.motherResidence).toBe('Thôn 2, xã Bạch Thông, tỉnh Thái Nguyên');
    expect(p.provenance.motherEthnicity?.source).toBe('population');
    expect(p.values.relationToChild).toBe('Cha');
  });

  it('makes a female applicant the mother', () => {
    const p = prefillForm(birthForm, { account: { ...account, sex: 'female' }, person: hoa, spouse: { member: an.household[0]!, record: an } });
    expect(p.values.motherFullName).toBe('Phạm Thị Hoa');
    expect(p.values.fatherFullName).toBe('Nguyễn Văn An');
    expect(p.values.relationToChild).toBe('Mẹ');
  });

  it('falls back to the household listing, still locked, when the spouse has no record of their own', () => {
    const p = prefillForm(birthForm, sources({ spouse: { member: an.household[1]!, record: null } }));
    expect(p.values.motherFullName).toBe('Phạm Thị Hoa');
    expect(p.values.motherIdNumber).toBe('001192000456');
    expect(p.provenance.motherFullName).toMatchObject({ source: 'household', locked: true });
    // The household listing does not say the spouse's ethnicity: left for the citizen to type.
    expect(p.values.motherEthnicity).toBeUndefined();
    expect(p.provenance.motherEthnicity).toBeUndefined();
  });

  it('leaves suggestions and contact details editable', () => {
    const p = prefillForm(birthForm, sources());
    for (const f of ['relationToChild', 'childEthnicity', 'childNationality', 'contactPhone', 'contactEmail']) {
      expect(p.provenance[f]?.locked, f).toBe(false);
    }
    expect(p.values.childEthnicity).toBe('Kinh');
    expect(p.provenance.contactPhone?.source).toBe('profile');
  });

  it('never prefills what only the citizen knows: the child', () => {
    const p = prefillForm(birthForm, sources());
    for (const f of ['childFullName', 'childBirthDate', 'childSex', 'childBirthPlace', 'childHometown']) expect(p.values[f], f).toBeUndefined();
  });

  it('without the population database, uses the account: VNeID-verified identity locked, the rest editable', () => {
    const p = prefillForm(birthForm, { account: { ...account, identityVerified: true }, person: null, spouse: null });
    expect(p.provenance.applicantFullName).toMatchObject({ source: 'vneid', locked: true });
    expect(p.provenance.applicantIdNumber).toMatchObject({ source: 'vneid', locked: true });
    expect(p.values.applicantResidence).toBe('Địa chỉ tự khai trên tài khoản');
    expect(p.provenance.applicantResidence).toMatchObject({ source: 'profile', locked: false });
    expect(p.values.motherFullName).toBeUndefined();
  });

  it('locks nothing from an account whose identity was never verified', () => {
    const p = prefillForm(birthForm, { account, person: null, spouse: null });
    expect(Object.values(p.provenance).every((x) => !x.locked)).toBe(true);
    expect(p.values.applicantFullName).toBe('Nguyễn Văn An');
  });

  it('does not offer a value the field cannot take', () => {
    const form: EForm = {
      title: 't',
      schema: { type: 'object', properties: { rel: { type: 'string', enum: ['Ông', 'Bà'] } } },
      layout: [{ title: 's', fields: [{ name: 'rel', label: 'Quan hệ', widget: 'select', options: [{ value: 'Ông', label: 'Ông' }, { value: 'Bà', label: 'Bà' }], prefill: 'derived.relationToChild' }] }],
    };
    expect(prefillForm(form, sources()).values.rel).toBeUndefined();
  });
});

describe('locked fields at submission', () => {
  const prefill = prefillForm(birthForm, sources());

  it('refuses a changed locked value and names the field', () => {
    const r = applyLocked({ applicantFullName: 'Nguyễn Văn Bình', childFullName: 'Nguyễn Minh Khang' }, prefill);
    expect(r.changed).toEqual(['applicantFullName']);
  });

  it('fills locked values the client left out, and keeps edits to unlocked ones', () => {
    const r = applyLocked({ contactPhone: '0987654321', childEthnicity: 'Tày' }, prefill);
    expect(r.changed).toEqual([]);
    expect(r.values.applicantFullName).toBe('Nguyễn Văn An');
    expect(r.values.motherFullName).toBe('Phạm Thị Hoa');
    expect(r.values.contactPhone).toBe('0987654321');
    expect(r.values.childEthnicity).toBe('Tày');
  });

  it('accepts the same value in another Unicode form', () => {
    const decomposed = 'Nguyễn Văn An'.normalize('NFD');
    expect(applyLocked({ applicantFullName: decomposed }, prefill).changed).toEqual([]);
  });
});

describe('spouse in the household', () => {
  it('is the wife or husband when the applicant heads the household, and the head when the applicant is the spouse', () => {
    expect(spouseInHousehold(an)?.fullName).toBe('Phạm Thị Hoa');
    const asWife = { ...hoa, household: an.household };
    expect(spouseInHousehold(asWife)?.fullName).toBe('Nguyễn Văn An');
  });

  it('is nobody for a child of the household', () => {
    const child = { ...an, idNumber: '051203007315', household: [{ idNumber: '051175001122', fullName: 'Lê Văn Hòa', birthDate: '1975-04-02', relation: 'Chủ hộ' }, { idNumber: '051203007315', fullName: 'Lê Hoàng Nam', birthDate: '2003-02-11', relation: 'Con' }] };
    expect(spouseInHousehold(child)).toBeNull();
  });
});
