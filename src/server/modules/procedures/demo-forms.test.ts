// The e-forms of the demo procedures (data/procedures-demo.json) are well formed: the layout and
// the schema agree, prefill keys are ones the prefill knows, and ajv compiles every schema.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formDefinitionProblems, formFields, type EForm } from '../../../common/eform.js';

interface DemoProcedure {
  code: string;
  name: string;
  form?: EForm;
}

const catalogue = JSON.parse(readFileSync(new URL('../../../../data/procedures-demo.json', import.meta.url), 'utf8')) as {
  procedures: DemoProcedure[];
};

// The keys documented in src/common/eform.ts.
const PERSON_ATTRS = ['fullName', 'birthDate', 'sex', 'idNumber', 'ethnicity', 'nationality', 'permanentAddress', 'currentAddress'];
const DOCUMENTED_PREFILL_KEYS = new Set([
  ...['applicant', 'spouse', 'father', 'mother'].flatMap((s) => PERSON_ATTRS.map((a) => `${s}.${a}`)),
  'account.phone',
  'account.email',
  'derived.relationToChild',
  'derived.childEthnicity',
  'derived.childNationality',
]);

function newAjv(): Ajv2020 {
  // allErrors: a missing required field does not hide a wrong phone number.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}

describe('demo procedure e-forms', () => {
  it('the catalogue has the five demo procedures', () => {
    expect(catalogue.procedures.map((p) => p.code)).toEqual(['1.001193', '1.000894', '1.000656', '2.000635', '2.000908']);
  });

  for (const p of catalogue.procedures) {
    describe(`${p.code} ${p.name}`, () => {
      const form = p.form as EForm;

      it('has a form whose layout and schema agree', () => {
        expect(form, 'form').toBeTruthy();
        expect(form.title).toMatch(/\S/);
        expect(formDefinitionProblems(form)).toEqual([]);
      });

      it('prefills only from documented keys', () => {
        const keys = formFields(form).flatMap((f) => (f.prefill ? [f.prefill] : []));
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.filter((k) => !DOCUMENTED_PREFILL_KEYS.has(k))).toEqual([]);
      });

      it('offers exactly the values its schema accepts for each choice field', () => {
        const choices = formFields(form).filter((x) => x.widget === 'select' || x.widget === 'radio');
        // Every field the schema restricts to a list is a choice, and only those (none at all is a
        // valid answer too: the check above still runs).
        const restricted = Object.entries(form.schema.properties).filter(([, s]) => (s as { enum?: unknown }).enum).map(([name]) => name);
        expect(choices.map((f) => f.name).sort()).toEqual(restricted.sort());
        for (const f of choices) {
          expect(f.options!.map((o) => o.value), f.name).toEqual(form.schema.properties[f.name]!.enum);
        }
      });

      it('ends with the contact section: phone required, email optional', () => {
        const last = form.layout.at(-1)!;
        expect(last.fields.map((f) => f.name)).toEqual(['contactPhone', 'contactEmail']);
        expect(form.schema.required).toContain('contactPhone');
        expect(form.schema.required).not.toContain('contactEmail');
        expect(form.schema.properties.contactPhone).toMatchObject({ pattern: '^0[0-9]{9}$' });
        expect(form.schema.properties.contactEmail).toMatchObject({ format: 'email' });
      });

      it('compiles with ajv (draft 2020-12) and checks the contact phone', () => {
        const validate = newAjv().compile(form.schema);
        // Every required field missing: ajv names them all.
        expect(validate({})).toBe(false);
        const validPhone = { contactPhone: '0912345678' };
        const invalidPhone = { contactPhone: '912345678' };
        const phoneErrors = (v: object) => {
          validate(v);
          return (validate.errors ?? []).filter((e) => e.instancePath === '/contactPhone');
        };
        expect(phoneErrors(validPhone)).toEqual([]);
        expect(phoneErrors(invalidPhone).map((e) => e.keyword)).toEqual(['pattern']);
      });
    });
  }

  // A realistic, complete submission per procedure (only the required fields plus a few optional).
  const SAMPLES: Record<string, Record<string, string>> = {
    '1.001193': {
      applicantFullName: 'Nguyễn Văn An', applicantIdNumber: '001090000001', applicantResidence: 'Số 12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
      relationToChild: 'Cha', childFullName: 'Nguyễn Minh Khang', childBirthDate: '2026-11-01', childSex: 'Nam', childEthnicity: 'Kinh',
      childNationality: 'Việt Nam', childBirthPlace: 'Bệnh viện Sản - Nhi tỉnh Quảng Ngãi', childHometown: 'Quảng Ngãi', motherFullName: 'Trần Thị Bình',
      contactPhone: '0912345678',
    },
    '1.000894': {
      applicantFullName: 'Nguyễn Văn An', applicantBirthDate: '1990-05-12', applicantSex: 'Nam', applicantEthnicity: 'Kinh', applicantNationality: 'Việt Nam',
      applicantResidence: 'Số 12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi', applicantIdNumber: '001090000001', applicantMarriageOrdinal: '1',
      partnerFullName: 'Trần Thị Bình', partnerBirthDate: '1992-08-30', partnerEthnicity: 'Kinh', partnerNationality: 'Việt Nam',
      partnerResidence: 'Thôn Phú Thọ, xã Nghĩa Hành, tỉnh Quảng Ngãi', partnerIdDocument: '051192000123', partnerMarriageOrdinal: '1',
      contactPhone: '0912345678', contactEmail: 'an.nguyen@example.vn',
    },
    '1.000656': {
      applicantFullName: 'Nguyễn Văn An', applicantIdNumber: '001090000001', applicantResidence: 'Số 12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
      relationToDeceased: 'Con', deceasedFullName: 'Nguyễn Văn Bảy', deceasedBirthDate: '1940-01-01', deceasedSex: 'Nam', deceasedEthnicity: 'Kinh',
      deceasedNationality: 'Việt Nam', deceasedLastResidence: 'Số 12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi', deathDate: '2026-11-20',
      deathTime: '14:30', deathPlace: 'Bệnh viện Đa khoa tỉnh Quảng Ngãi', deathCause: 'Bệnh già', contactPhone: '0912345678',
    },
    '2.000635': {
      applicantFullName: 'Nguyễn Văn An', applicantIdNumber: '001090000001', applicantResidence: 'Số 12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
      relationToSubject: 'Bản thân', extractType: 'Trích lục khai sinh', subjectFullName: 'Nguyễn Văn An',
      registrationPlace: 'UBND phường Cẩm Thành, tỉnh Quảng Ngãi', registrationBook: '01/1990', copies: '2', contactPhone: '0912345678',
    },
    '2.000908': {
      applicantFullName: 'Nguyễn Văn An', applicantIdNumber: '001090000001', applicantResidence: 'Số 12 Lê Lợi, phường Cẩm Thành, tỉnh Quảng Ngãi',
      documentName: 'Bằng tốt nghiệp trung học phổ thông', originalCount: '1', pageCount: '1', copyCount: '3', contactPhone: '0912345678',
    },
  };

  for (const p of catalogue.procedures) {
    it(`${p.code} accepts a complete submission, and refuses it without a required field`, () => {
      const form = p.form!;
      const sample = SAMPLES[p.code]!;
      const validate = newAjv().compile(form.schema);
      expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
      for (const name of form.schema.required ?? []) {
        const { [name]: _dropped, ...rest } = sample;
        expect(validate(rest), name).toBe(false);
      }
    });
  }

  it('the marriage form keeps both parties: the applicant prefilled, the other party typed', () => {
    const form = catalogue.procedures.find((p) => p.code === '1.000894')!.form!;
    const fields = formFields(form);
    const applicant = fields.filter((f) => f.name.startsWith('applicant'));
    const partner = fields.filter((f) => f.name.startsWith('partner'));
    expect(applicant.filter((f) => !f.prefill).map((f) => f.name)).toEqual(['applicantMarriageOrdinal']);
    expect(partner.filter((f) => f.prefill)).toEqual([]);
    expect(partner.map((f) => f.label)).toEqual(
      expect.arrayContaining(['Họ, chữ đệm, tên', 'Ngày, tháng, năm sinh', 'Dân tộc', 'Quốc tịch', 'Nơi cư trú', 'Giấy tờ tùy thân', 'Kết hôn lần thứ mấy']),
    );
  });

  it('the extract copy form takes 1 to 99 copies', () => {
    const form = catalogue.procedures.find((p) => p.code === '2.000635')!.form!;
    const validate = newAjv().compile({ ...form.schema, required: ['copies'] });
    expect(validate({ copies: '2' })).toBe(true);
    expect(validate({ copies: '0' })).toBe(false);
    expect(validate({ copies: '100' })).toBe(false);
    expect(validate({ copies: 'hai' })).toBe(false);
  });

  it('formDefinitionProblems catches a laid-out field the schema does not have', () => {
    const base = catalogue.procedures.find((p) => p.code === '1.000656')!.form!;
    const broken: EForm = structuredClone(base);
    broken.layout[1]!.fields.push({ name: 'deceasedReligion', label: 'Tôn giáo', widget: 'text' });
    expect(formDefinitionProblems(broken)).toEqual(['Trường "deceasedReligion" có trong layout nhưng không có trong schema.']);
  });
});
