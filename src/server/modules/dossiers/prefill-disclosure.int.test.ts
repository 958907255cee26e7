// Issue 13, defect 1: the filing prefill discloses a population record only to an identity that was
// verified (VNeID, an officer at the desk). A self-registered account that merely claims a CCCD
// learns nothing from the population database, or — when the claimed name and full birth date
// match — only what it typed itself; never the address or the household.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { citizenClient, KHAI_SINH } from '../../../../tests/support/dossiers.js';
import type { Reply } from '../../../common/api/contract.js';
import type { startFiling } from '../../../common/api/dossiers.js';
import { addCitizen } from '../../../../tests/support/fixtures.js';
import { createDraft, Http, latestOtp, loggedIn } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { users } from '../users/tables.js';

const system = useTestSystem();

type PrefillBody = Pick<Reply<typeof startFiling>, 'prefill'>;

/** Residents of data/population-demo.json that have no account in the demo data. */
const HOA = { idNumber: '001192000456', fullName: 'Phạm Thị Hoa', birthDate: '1992-09-03', address: 'Số 12 phố Hàng Bài', husband: 'Nguyễn Văn An' };
const NAM = { idNumber: '051203007315', fullName: 'Lê Hoàng Nam', birthDate: '2003-02-11', address: 'Tổ 5, phường Cẩm Thành', father: 'Lê Văn Hòa' };
const THU_HA = { idNumber: '048188002467', fullName: 'Phạm Thị Thu Hà', birthDate: '1988-11-30', address: '45 Bạch Đằng' };
const LAN = { idNumber: '031301005502', fullName: 'Đặng Ngọc Lan', birthDate: '2001-04-09', address: 'Số 8 Lạch Tray' };

/** A self-registered account (identity verified by nobody) claiming `idNumber`. */
async function claimant(c: { idNumber: string; fullName: string; birthDate: string; sex?: 'male' | 'female' }) {
  const sys = system();
  const account = await addCitizen(sys.deps.db, sys.clock.now(), { idNumber: c.idNumber, fullName: c.fullName, birthDate: c.birthDate });
  if (c.sex) await sys.deps.db.update(users).set({ sex: c.sex }).where(eq(users.id, account.id));
  const [row] = await sys.deps.db.select({ verified: users.identityVerifiedAt }).from(users).where(eq(users.id, account.id));
  expect(row!.verified).toBeNull();
  return account;
}

async function ownPrefill(login: string): Promise<PrefillBody['prefill']> {
  const h = await citizenClient(system().app, login);
  const res = await h.get(`/api/filing/${KHAI_SINH}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PrefillBody>().prefill;
}

const fromPopulation = (p: PrefillBody['prefill']) =>
  Object.entries(p.provenance)
    .filter(([, v]) => ['population', 'household', 'derived'].includes(v.source))
    .map(([k]) => k);

describe('filing prefill for an identity nobody verified', () => {
  it('gives nothing of the population record to an account claiming a CCCD with a wrong birth date', async () => {
    // The real holder was born on 11/02/2003; the claimant types the right name but another day.
    const account = await claimant({ idNumber: NAM.idNumber, fullName: NAM.fullName, birthDate: '2003-02-12' });
    const p = await ownPrefill(account.idNumber);
    expect(p.populationFound).toBe(false);
    expect(fromPopulation(p)).toEqual([]);
    const shown = JSON.stringify(p.values);
    expect(shown).not.toContain(NAM.birthDate);
    expect(shown).not.toContain(NAM.address);
    expect(shown).not.toContain(NAM.father);
    expect(shown).not.toContain('Kinh');
    // What is shown comes from the account and stays editable: nothing is locked.
    expect(p.values.applicantFullName).toBe(NAM.fullName);
    expect(p.provenance.applicantFullName).toMatchObject({ source: 'profile', locked: false });
    expect(Object.values(p.provenance).filter((v) => v.locked)).toEqual([]);
  });

  it('with the matching name and full birth date confirms only what the claimant typed: no address, no household', async () => {
    const account = await claimant({ idNumber: HOA.idNumber, fullName: HOA.fullName, birthDate: HOA.birthDate, sex: 'female' });
    const p = await ownPrefill(account.idNumber);
    // Her own typed name and birth date, confirmed by the population database…
    expect(p.values).toMatchObject({ applicantFullName: HOA.fullName, motherFullName: HOA.fullName, motherBirthDate: HOA.birthDate });
    expect(p.provenance.motherFullName).toMatchObject({ source: 'population', locked: true });
    // …and nothing she did not type: not her address, not her husband from the household, not her
    // ethnicity or nationality.
    const shown = JSON.stringify(p.values);
    expect(shown).not.toContain(HOA.address);
    expect(shown).not.toContain(HOA.husband);
    expect(p.values.fatherFullName).toBeUndefined();
    expect(p.values.fatherIdNumber).toBeUndefined();
    expect(p.values.motherResidence).toBeUndefined();
    expect(p.values.applicantResidence).toBeUndefined();
    expect(p.values.motherEthnicity).toBeUndefined();
    expect(Object.values(p.provenance).map((v) => v.source)).not.toContain('household');
  });

  it('gives the full record, with the address, once the identity is verified', async () => {
    const account = await claimant({ idNumber: THU_HA.idNumber, fullName: THU_HA.fullName, birthDate: THU_HA.birthDate, sex: 'female' });
    const before = await ownPrefill(account.idNumber);
    expect(JSON.stringify(before.values)).not.toContain(THU_HA.address);
    // VNeID (or an officer at the desk) vouches for the identity.
    await system().deps.db.update(users).set({ identityVerifiedAt: system().clock.now(), identityVerifiedBy: 'vneid' }).where(eq(users.id, account.id));
    const after = await ownPrefill(account.idNumber);
    expect(after.populationFound).toBe(true);
    expect(after.values.motherResidence).toContain(THU_HA.address);
    expect(after.values.motherEthnicity).toBe('Kinh');
    expect(after.provenance.motherResidence).toMatchObject({ source: 'population', locked: true });
  });
});

describe('desk reception', () => {
  it('shows the officer the full record of the citizen in front of them, while the unverified account itself sees none of it', async () => {
    const account = await claimant({ idNumber: LAN.idNumber, fullName: LAN.fullName, birthDate: '2001-04-10' });
    expect((await ownPrefill(account.idNumber)).populationFound).toBe(false);
    const officer = await loggedIn(system().app, 'officer', 'motcua.demo');
    const res = await officer.get(`/api/desk/filing/${KHAI_SINH}?citizenId=${account.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<PrefillBody>().prefill;
    expect(p.populationFound).toBe(true);
    expect(p.values.applicantResidence).toContain(LAN.address);
    expect(p.provenance.applicantFullName).toMatchObject({ source: 'population', locked: true });
  });
});

describe('an account the desk opened', () => {
  const MAI = { idNumber: '079195004821', fullName: 'Trần Thị Mai', birthDate: '1995-08-22', address: '123 Nguyễn Thị Minh Khai', phone: '0909195821' };

  it('is a verified identity: the full record prefills, and the citizen cannot change what the officer checked on the CCCD', async () => {
    const sys = system();
    const officer = await loggedIn(sys.app, 'officer', 'motcua.demo');
    const draft = await createDraft(officer, { idNumber: MAI.idNumber, fullName: MAI.fullName, birthDate: MAI.birthDate, phone: MAI.phone, email: null });
    expect((await officer.post(`/api/citizen-account-requests/${draft.id}/otp`)).statusCode).toBe(200);
    await sys.deliver();
    const done = await officer.post(`/api/citizen-account-requests/${draft.id}/complete`, { otp: await latestOtp(officer, MAI.phone) });
    expect(done.statusCode, done.body).toBe(200);
    await sys.deliver();

    // The citizen signs in with the password the SMS brought, and sets their own.
    const sms = (await officer.get('/api/dev/outbox')).json<{ to: string; body: string }[]>();
    const password = /Mật khẩu: (\S+)/.exec(sms.find((m) => m.to === MAI.phone && m.body.includes('Mật khẩu:'))!.body)![1]!;
    const citizen = new Http(sys.app, '10.13.7.1');
    expect((await citizen.login('citizen', MAI.idNumber, password)).statusCode).toBe(200);
    expect((await citizen.post('/api/auth/change-password', { currentPassword: password, newPassword: 'Mai@2026xyz' })).statusCode).toBe(204);

    const res = await citizen.get(`/api/filing/${KHAI_SINH}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<PrefillBody>().prefill;
    expect(p.populationFound).toBe(true);
    expect(p.values.motherResidence).toContain(MAI.address);
    expect(p.provenance.motherResidence).toMatchObject({ source: 'population', locked: true });

    // The profile says who vouched, and for which fields: CCCD, name, birth date, not the address.
    const profile = (await citizen.get('/api/profile')).json<{ identityVerifiedBy: string; verifiedFields: string[] }>();
    expect(profile.identityVerifiedBy).toBe('desk');
    expect(profile.verifiedFields.sort()).toEqual(['birthDate', 'fullName', 'idNumber']);
    const rename = await citizen.put('/api/profile', { fullName: 'Trần Thị Mây' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json()).toMatchObject({ code: 'IDENTITY_VERIFIED' });
    const address = await citizen.put('/api/profile', { permanentAddress: 'Số 5 Lê Lợi, phường Bến Thành' });
    expect(address.statusCode, address.body).toBe(200);
  });
});
