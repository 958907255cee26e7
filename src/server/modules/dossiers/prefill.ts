// Prefill of an e-form (issue 6): each field that names a source gets its value from the national
// population database, the household, the VNeID-verified account or the profile, with where it came
// from. A value from a verified source locks the field: the citizen cannot change it, and the server
// refuses a submission that does. Pure functions, unit-tested in prefill.test.ts.
import {
  formFields,
  PERSON_ATTRS,
  PROVENANCE_LABELS,
  VERIFIED_SOURCES,
  type EForm,
  type FormValues,
  type ProvenanceMap,
  type ProvenanceSource,
} from '../../../common/eform.js';
import type { HouseholdMember, PopulationRecord } from '../../platform/population/port.js';

export interface AccountFacts {
  fullName: string;
  idNumber: string | null;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  permanentAddress: string | null;
  phone: string | null;
  email: string | null;
  /** The identity was confirmed by VNeID (level 2): name, number, birth date and sex are verified. */
  identityVerified: boolean;
}

export interface PrefillSources {
  account: AccountFacts;
  /** The applicant's own record; null when the database has none or did not answer. */
  person: PopulationRecord | null;
  /** The applicant's husband or wife in the household, with their own record when it was found. */
  spouse: { member: HouseholdMember; record: PopulationRecord | null } | null;
}

export interface Prefill {
  values: FormValues;
  provenance: ProvenanceMap;
}

type Found = { value: string; source: ProvenanceSource } | null;
type PersonAttr = 'fullName' | 'birthDate' | 'sex' | 'idNumber' | 'ethnicity' | 'nationality' | 'permanentAddress' | 'currentAddress';
const VNEID_ATTRS: readonly string[] = ['fullName', 'birthDate', 'sex', 'idNumber'];

const SEX_LABEL = { male: 'Nam', female: 'Nữ' } as const;

function present(v: string | null | undefined): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function fromRecord(r: PopulationRecord | null, attr: PersonAttr): string | null {
  if (!r) return null;
  if (attr === 'sex') return SEX_LABEL[r.sex] ?? null;
  return r[attr] ?? null;
}

function applicant(s: PrefillSources, attr: PersonAttr): Found {
  const fromDb = fromRecord(s.person, attr);
  if (present(fromDb)) return { value: fromDb, source: 'population' };
  const a = s.account;
  const own: Partial<Record<PersonAttr, string | null>> = {
    fullName: a.fullName,
    idNumber: a.idNumber,
    birthDate: a.birthDate,
    sex: a.sex ? SEX_LABEL[a.sex] : null,
    permanentAddress: a.permanentAddress,
    // Without the population database, the declared permanent address is the best guess.
    currentAddress: a.permanentAddress,
  };
  const v = own[attr];
  if (!present(v)) return null;
  return { value: v, source: a.identityVerified && VNEID_ATTRS.includes(attr) ? 'vneid' : 'profile' };
}

function spouse(s: PrefillSources, attr: PersonAttr): Found {
  if (!s.spouse) return null;
  const fromDb = fromRecord(s.spouse.record, attr);
  if (present(fromDb)) return { value: fromDb, source: 'population' };
  const m = s.spouse.member;
  const v = attr === 'fullName' ? m.fullName : attr === 'birthDate' ? m.birthDate : attr === 'idNumber' ? m.idNumber : null;
  return present(v) ? { value: v, source: 'household' } : null;
}

function applicantSex(s: PrefillSources): 'male' | 'female' | null {
  return s.person?.sex ?? s.account.sex;
}

/** Father and mother of a child the applicant registers: the applicant and the spouse, by sex. */
function parent(s: PrefillSources, which: 'father' | 'mother', attr: PersonAttr): Found {
  const sex = applicantSex(s);
  if (!sex) return null;
  const applicantIs = sex === 'male' ? 'father' : 'mother';
  return which === applicantIs ? applicant(s, attr) : spouse(s, attr);
}

function derived(s: PrefillSources, key: string): Found {
  const sex = applicantSex(s);
  if (key === 'relationToChild') return sex ? { value: sex === 'male' ? 'Cha' : 'Mẹ', source: 'derived' } : null;
  const attr: PersonAttr | null = key === 'childEthnicity' ? 'ethnicity' : key === 'childNationality' ? 'nationality' : null;
  if (!attr) return null;
  // A child takes a parent's ethnicity and nationality unless the parents agree otherwise: a
  // suggestion, so editable whatever its source.
  const v = parent(s, 'father', attr) ?? parent(s, 'mother', attr);
  return v ? { value: v.value, source: 'derived' } : null;
}

export function resolvePrefillKey(s: PrefillSources, key: string): Found {
  const [subject, attr] = key.split('.', 2) as [string, string];
  if (subject !== 'account' && subject !== 'derived' && !PERSON_ATTRS.includes(attr)) return null;
  switch (subject) {
    case 'applicant':
      return applicant(s, attr as PersonAttr);
    case 'spouse':
      return spouse(s, attr as PersonAttr);
    case 'father':
    case 'mother':
      return parent(s, subject, attr as PersonAttr);
    case 'account': {
      const v = attr === 'phone' ? s.account.phone : attr === 'email' ? s.account.email : null;
      return present(v) ? { value: v, source: 'profile' } : null;
    }
    case 'derived':
      return derived(s, attr);
    default:
      return null;
  }
}

/**
 * The form's prefilled values and where each came from. A field is locked when its value came from
 * a verified source; a value that the field's schema cannot take (an option not offered) is left out.
 */
export function prefillForm(form: EForm, sources: PrefillSources): Prefill {
  const values: FormValues = {};
  const provenance: ProvenanceMap = {};
  for (const f of formFields(form)) {
    if (!f.prefill) continue;
    const found = resolvePrefillKey(sources, f.prefill);
    if (!found) continue;
    const allowed = form.schema.properties[f.name]?.enum as unknown[] | undefined;
    if (allowed && !allowed.includes(found.value)) continue;
    values[f.name] = found.value;
    provenance[f.name] = { source: found.source, label: PROVENANCE_LABELS[found.source], locked: VERIFIED_SOURCES.has(found.source) };
  }
  return { values, provenance };
}

/**
 * The submitted values with every locked field set from its verified source. A submission that
 * changed a locked field is refused: the fields it changed are returned.
 */
export function applyLocked(submitted: FormValues, prefill: Prefill): { values: FormValues; changed: string[] } {
  const values: FormValues = { ...submitted };
  const changed: string[] = [];
  for (const [name, p] of Object.entries(prefill.provenance)) {
    if (!p.locked) continue;
    const locked = prefill.values[name]!;
    const given = submitted[name];
    if (given !== undefined && given.trim() !== '' && given.normalize('NFC').trim() !== locked) changed.push(name);
    values[name] = locked;
  }
  return { values, changed };
}

/** The husband or wife of the applicant in their household, if the household lists one. */
export function spouseInHousehold(person: PopulationRecord): HouseholdMember | null {
  const self = person.household.find((m) => m.idNumber === person.idNumber);
  const spouses = ['Vợ', 'Chồng'];
  // The spouse is listed relative to the head of household: when the applicant is the head, the
  // spouse is "Vợ"/"Chồng"; when the applicant is the spouse, the head is.
  if (self?.relation === 'Chủ hộ') return person.household.find((m) => spouses.includes(m.relation)) ?? null;
  if (self && spouses.includes(self.relation)) return person.household.find((m) => m.relation === 'Chủ hộ') ?? null;
  return null;
}
