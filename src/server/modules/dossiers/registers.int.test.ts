// The register numbers of signed results (issue 15), on the real database: leaders signing at the
// same moment get consecutive numbers of their agency's book, none twice, each printed on its own
// signed result with the child's personal identification number; a signing that rolls back gives
// its number back; books and years count apart.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyId, citizenClient, submitKhaiSinh, type Submitted } from '../../../../tests/support/dossiers.js';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { pdfPageCount, pdfText } from '../../../../tests/support/pdf.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { checkIdNumber } from '../../../common/vn-ids.js';
import { auditLog } from '../../platform/tables.js';
import { ManualClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { verifyPdf } from '../../platform/signing/index.js';
import { allocateEntry, pinPrefix, pinProvinceCode } from './registers.js';
import { PREVIEW_NOTICE } from './result-pdf.js';
import { resultRegisterEntries } from './tables.js';

// Wednesday 25/11/2026, 09:00 in Vietnam.
const clock = new ManualClock('2026-11-25T02:00:00Z');
const system = useTestSystem({ clock });

let camThanh: string;
let officers: Record<'desk' | 'processor' | 'leader', Http>;
beforeAll(async () => {
  camThanh = await agencyId(system().deps.db, '000.01.15.H48');
  const app = system().app;
  officers = {
    desk: await loggedIn(app, 'officer', 'motcua.demo'),
    processor: await loggedIn(app, 'officer', 'xuly.demo'),
    leader: await loggedIn(app, 'officer', 'lanhdao.demo'),
  };
});

const act = async (h: Http, id: string, action: string) => {
  const r = await h.post(`/api/work/dossiers/${id}/actions/${action}`, {});
  expect(r.statusCode, r.body).toBe(200);
  return r;
};

describe('Số, Quyển số and the personal identification number of signed results', () => {
  it('gives leaders signing at once consecutive numbers of the book, none twice, each printed on its own result', { timeout: 120_000 }, async () => {
    const h = await citizenClient(system().app);
    const names = ['Trần Thị Mai Anh', 'Lê Ngọc Bích', 'Phạm Thu Cúc', 'Võ Hồng Diễm', 'Đặng Bảo Én', 'Huỳnh Gia Hân'];
    const dossiers: Submitted[] = [];
    for (const n of names) {
      const res = await submitKhaiSinh(h, camThanh, { formData: { childFullName: n, childSex: 'Nữ' }, delivery: { method: 'electronic' } });
      expect(res.statusCode, res.body).toBe(201);
      const d = res.json<Submitted>();
      expect((await officers.desk.post(`/api/desk/dossiers/${d.id}/receive`, {})).statusCode).toBe(200);
      await act(officers.desk, d.id, 'start');
      await act(officers.processor, d.id, 'forward');
      dossiers.push(d);
    }

    // Six approvals at the same moment: each renders and signs outside the transaction, then takes
    // its number inside it (and signs again if another took the one it printed).
    const finished = await Promise.all(dossiers.map((d) => officers.leader.post(`/api/work/dossiers/${d.id}/actions/finish`, {})));
    for (const r of finished) expect(r.statusCode, r.body).toBe(200);

    const entries = await system()
      .deps.db.select()
      .from(resultRegisterEntries)
      .where(and(eq(resultRegisterEntries.agencyId, camThanh), eq(resultRegisterEntries.book, 'KS'), eq(resultRegisterEntries.year, 2026)));
    const ours = entries.filter((e) => dossiers.some((d) => d.id === e.dossierId));
    expect(ours).toHaveLength(6);
    const numbers = entries.map((e) => e.number).sort((a, b) => a - b);
    // The whole book: 1, 2, 3 … with no gap and no number twice.
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(new Set(ours.map((e) => e.pin)).size).toBe(6);

    const { trustedCaPems } = await system().deps.signing();
    for (const d of dossiers) {
      const e = ours.find((x) => x.dossierId === d.id)!;
      expect(e.volume).toBe('01/2026');
      // Simulated, in the shape of a CCCD: Quảng Ngãi (051), a girl born in the 2000s (3), 2026.
      expect(e.pinSource).toBe('simulated');
      expect(e.pin).toMatch(/^051326\d{6}$/);
      expect(checkIdNumber(e.pin!, '2026-10-30').ok).toBe(true);
      const pdf = (await officers.desk.get(`/api/dossiers/${d.id}/result.pdf`)).rawPayload;
      expect(pdfPageCount(pdf)).toBe(1);
      // Signed again when its first number was taken: still one intact, trusted signature.
      expect(verifyPdf(pdf, trustedCaPems)).toMatchObject({ authentic: true });
      const text = pdfText(pdf);
      expect(text).toContain('GIẤY KHAI SINH');
      expect(text).toMatch(new RegExp(`Số: ${e.number}\\s`));
      expect(text).toContain('Quyển số: 01/2026');
      expect(text).toContain(`Số định danh cá nhân: ${e.pin}`);
      expect(text).toContain(names[dossiers.indexOf(d)]!);
    }

    // Every number given is in the audit log, without the number itself of the person.
    const audits = await system().deps.db.select().from(auditLog).where(eq(auditLog.action, 'dossier.result_registered'));
    const audited = audits.filter((a) => dossiers.some((d) => d.id === a.entityId));
    expect(audited).toHaveLength(6);
    expect(JSON.stringify(audited.map((a) => a.after))).not.toMatch(/051326\d{6}/);
  });

  it("shows the leader's preview in the signed layout without a number, and takes none for it", async () => {
    const h = await citizenClient(system().app);
    const res = await submitKhaiSinh(h, camThanh, { formData: { childFullName: 'Trương Minh Quân' }, delivery: { method: 'electronic' } });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Submitted>();
    expect((await officers.desk.post(`/api/desk/dossiers/${d.id}/receive`, {})).statusCode).toBe(200);
    await act(officers.desk, d.id, 'start');
    await act(officers.processor, d.id, 'forward');
    const countKs = async () =>
      (await system().deps.db.select().from(resultRegisterEntries).where(and(eq(resultRegisterEntries.agencyId, camThanh), eq(resultRegisterEntries.book, 'KS')))).length;
    const before = await countKs();

    const preview = await officers.leader.get(`/api/work/dossiers/${d.id}/result-preview.pdf`);
    expect(preview.statusCode).toBe(200);
    const text = pdfText(preview.rawPayload).replace(/\s+/g, ' ');
    for (const s of [PREVIEW_NOTICE, 'GIẤY KHAI SINH', 'NGƯỜI ĐƯỢC KHAI SINH', 'Trương Minh Quân', 'Số: (cấp khi ký)', 'Quyển số: (cấp khi ký)', 'Số định danh cá nhân: (cấp khi ký)', '(Chưa ký)']) {
      expect(text).toContain(s);
    }
    expect(await countKs()).toBe(before);

    // Signed: the next number of the book, on the same layout.
    await act(officers.leader, d.id, 'finish');
    expect(await countKs()).toBe(before + 1);
    const signed = pdfText((await officers.desk.get(`/api/dossiers/${d.id}/result.pdf`)).rawPayload);
    expect(signed).toMatch(new RegExp(`Số: ${before + 1}\\s`));
    expect(signed).not.toContain('(cấp khi ký)');
  });

  it('gives a rolled-back number back, and counts each book and each year from 1', async () => {
    const db = system().deps.db;
    const agency = newId();
    const take = (book: string, at: string) =>
      db.transaction((tx) => allocateEntry(tx, { agencyId: agency, dossierId: newId(), procedureCode: book, now: new Date(at), pin: null }));
    expect((await take('1.000894', '2026-03-01T03:00:00Z')).number).toBe(1);
    // A signing whose transaction fails after taking number 2 leaves no hole.
    await expect(
      db.transaction(async (tx) => {
        const e = await allocateEntry(tx, { agencyId: agency, dossierId: newId(), procedureCode: '1.000894', now: new Date('2026-03-01T03:00:00Z'), pin: null });
        expect(e.number).toBe(2);
        throw new Error('signing failed');
      }),
    ).rejects.toThrow('signing failed');
    expect((await take('1.000894', '2026-03-02T03:00:00Z')).number).toBe(2);
    // Another book of the same agency, and the same book in the next year (Vietnam time: 31/12/2026 17:30 UTC is 01/01/2027).
    expect(await take('1.000656', '2026-03-02T03:00:00Z')).toMatchObject({ book: 'KT', number: 1, volume: '01/2026' });
    expect(await take('1.000894', '2026-12-31T17:30:00Z')).toMatchObject({ book: 'KH', year: 2027, number: 1, volume: '01/2027' });
  });

  it('builds the personal identification number from the registering province, century, sex and year of birth', () => {
    expect(pinProvinceCode('51')).toBe('051');
    expect(pinProvinceCode('99')).toBeNull();
    expect(pinPrefix('051', '2026-10-30', 'Nam')).toBe('051226');
    expect(pinPrefix('001', '1999-01-02', 'Nữ')).toBe('001199');
    expect(pinPrefix('001', '2100-01-02', 'Nữ')).toBe('001500');
  });
});
