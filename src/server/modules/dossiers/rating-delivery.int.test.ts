// Issue 15: the satisfaction rating by criteria (each a level, the overall their lowest, once per
// dossier, counted in the unit's satisfaction figure; older single ratings kept by migration 0022),
// and "Hình thức nhận kết quả" chosen at submission (required online, by post with a checked
// address, shown back to the citizen and the officers, on the receipt).
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../common/api/contract.js';
import { getMyDossier, listAddressUnits, startFiling } from '../../../common/api/dossiers.js';
import { deskUploadPaper, getDeskDossier, unitStatistics } from '../../../common/api/dossiers-desk.js';
import { agencyId, CHILD, citizenClient, KHAI_SINH, submitKhaiSinh, uploadPaper, type Submitted } from '../../../../tests/support/dossiers.js';
import { Http, loggedIn } from '../../../../tests/support/http.js';
import { pdfText } from '../../../../tests/support/pdf.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { DOSSIER_STATUS } from '../../../common/dossier-status.js';
import { newId } from '../../platform/ids.js';
import { dossierRatings, dossiers } from './tables.js';

const system = useTestSystem();
const db = () => system().deps.db;

interface Problem {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
type Detail = Reply<typeof getMyDossier>;
type Stats = Reply<typeof unitStatistics>;

let camThanh: string;
let desk: Http;
beforeAll(async () => {
  camThanh = await agencyId(db(), '000.01.15.H48');
  desk = await loggedIn(system().app, 'officer', 'motcua.demo');
});

const all = (level: number) => ({ access: level, time: level, staff: level, result: level });

/** An online dossier of the demo citizen whose result was handed over (the workflow has its own tests). */
async function returned(h: Http): Promise<Submitted> {
  const res = await submitKhaiSinh(h, camThanh);
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json<Submitted>();
  await db().update(dossiers).set({ status: DOSSIER_STATUS.RESULT_RETURNED, returnedAt: new Date() }).where(eq(dossiers.id, d.id));
  return d;
}

const stats = async () => {
  const res = await desk.get(unitStatistics.url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Stats>().ratings;
};

describe('Đánh giá mức độ hài lòng by criteria', () => {
  it('asks a level for every criterion, each Rất hài lòng, Hài lòng or Không hài lòng, and only after the result', async () => {
    const h = await citizenClient(system().app);
    const open = await submitKhaiSinh(h, camThanh);
    const early = await h.post(`/api/my/dossiers/${open.json<Submitted>().id}/rating`, { criteria: all(3) });
    expect(early.json<Problem>().code).toBe('RATING_NOT_YET');

    const d = await returned(h);
    const missing = await h.post(`/api/my/dossiers/${d.id}/rating`, { criteria: { access: 3, time: 2 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Problem>()).toMatchObject({ code: 'RATING_CRITERION_MISSING', message: 'Hãy chọn mức độ hài lòng cho từng tiêu chí.', details: { criteria: ['staff', 'result'] } });
    const outOfRange = await h.post(`/api/my/dossiers/${d.id}/rating`, { criteria: { ...all(3), time: 4 } });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json<Problem>()).toMatchObject({ code: 'RATING_INVALID', details: { criteria: ['time'] } });
    // Nothing was stored by the refusals.
    expect(await db().$count(dossierRatings, eq(dossierRatings.dossierId, d.id))).toBe(0);
  });

  it('stores each criterion once, the overall level their lowest, shown to the citizen and the officer', async () => {
    const h = await citizenClient(system().app);
    const d = await returned(h);
    const res = await h.post(`/api/my/dossiers/${d.id}/rating`, { criteria: { access: 3, time: 2, staff: 3, result: 3 }, comment: '  Cán bộ hướng dẫn tận tình.  ' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rating: 2, label: 'Hài lòng', satisfied: true, comment: 'Cán bộ hướng dẫn tận tình.' });

    const again = await h.post(`/api/my/dossiers/${d.id}/rating`, { criteria: all(1) });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('RATING_EXISTS');

    const mine = (await h.get(`/api/my/dossiers/${d.id}`)).json<Detail>();
    expect(mine.rating?.criteria).toEqual([
      { key: 'access', label: 'Tiếp cận thông tin, thủ tục hành chính', level: 3, levelLabel: 'Rất hài lòng' },
      { key: 'time', label: 'Thời gian giải quyết', level: 2, levelLabel: 'Hài lòng' },
      { key: 'staff', label: 'Thái độ, hướng dẫn của cán bộ', level: 3, levelLabel: 'Rất hài lòng' },
      { key: 'result', label: 'Kết quả giải quyết và chi phí', level: 3, levelLabel: 'Rất hài lòng' },
    ]);
    const officers = (await desk.get(getDeskDossier.url.replace(':id', d.id))).json<Detail>();
    expect(officers.rating).toEqual(mine.rating);
  });

  it('counts a rating as satisfied only when no criterion is Không hài lòng, overall and per criterion', async () => {
    const before = await stats();
    const h = await citizenClient(system().app);
    // Three criteria Rất hài lòng, the waiting time Không hài lòng: not satisfied.
    const unhappy = await returned(h);
    expect((await h.post(`/api/my/dossiers/${unhappy.id}/rating`, { criteria: { ...all(3), time: 1 } })).json()).toMatchObject({ rating: 1, label: 'Không hài lòng', satisfied: false });
    const happy = await returned(h);
    expect((await h.post(`/api/my/dossiers/${happy.id}/rating`, { criteria: all(3) })).statusCode).toBe(201);

    const after = await stats();
    expect(after.total - before.total).toBe(2);
    expect(after.bad - before.bad).toBe(1);
    expect(after.veryGood - before.veryGood).toBe(1);
    const satisfiedBefore = (before.satisfiedShare ?? 0) * before.total;
    expect(after.satisfiedShare! * after.total).toBeCloseTo(satisfiedBefore + 1, 6);
    const time = (r: typeof before) => r.criteria.find((c) => c.key === 'time')!;
    const access = (r: typeof before) => r.criteria.find((c) => c.key === 'access')!;
    expect(time(after).rated - time(before).rated).toBe(2);
    // Thời gian giải quyết: one of the two new ratings satisfied; Tiếp cận thông tin: both.
    expect(time(after).satisfiedShare! * time(after).rated).toBeCloseTo((time(before).satisfiedShare ?? 0) * time(before).rated + 1, 6);
    expect(access(after).satisfiedShare! * access(after).rated).toBeCloseTo((access(before).satisfiedShare ?? 0) * access(before).rated + 2, 6);
  });

  it('keeps a rating given before criteria (one level): shown as such, counted by its level; the database refuses a wrong overall', async () => {
    const before = await stats();
    const h = await citizenClient(system().app);
    const d = await returned(h);
    const [row] = await db().select().from(dossiers).where(eq(dossiers.id, d.id));
    // What migration 0022 leaves of an old row: the one level, no criteria.
    await db().insert(dossierRatings).values({ dossierId: d.id, agencyId: row!.agencyId, applicantId: row!.applicantId, rating: 2, comment: 'Đánh giá cũ', at: new Date() });
    const mine = (await h.get(`/api/my/dossiers/${d.id}`)).json<Detail>();
    expect(mine.rating).toMatchObject({ rating: 2, label: 'Hài lòng', satisfied: true, criteria: null, comment: 'Đánh giá cũ' });
    const after = await stats();
    expect(after.good - before.good).toBe(1);
    expect(time(after).rated).toBe(time(before).rated);

    const other = await returned(h);
    await expect(
      db().insert(dossierRatings).values({ dossierId: other.id, agencyId: row!.agencyId, applicantId: row!.applicantId, rating: 3, accessLevel: 3, timeLevel: 1, staffLevel: 3, resultLevel: 3, at: new Date() }),
    ).rejects.toThrow();
    function time(r: typeof before) {
      return r.criteria.find((c) => c.key === 'time')!;
    }
  });

  it('migration 0022 keeps old single ratings as their overall level, with no criteria invented', async () => {
    const dir = new URL('../../db/migrations/', import.meta.url);
    const old = readFileSync(new URL('0013_dossier_workflow.sql', dir), 'utf8').split('--> statement-breakpoint')[0]!;
    const mine = readFileSync(new URL('0022_rating_criteria_delivery.sql', dir), 'utf8').split('--> statement-breakpoint');
    const schema = `m22_${newId().replace(/-/g, '').slice(0, 12)}`;
    await db().execute(sql.raw(`create schema ${schema}`));
    try {
      const rows = await db().transaction(async (tx) => {
        await tx.execute(sql.raw(`set local search_path to ${schema}`));
        await tx.execute(sql.raw(old));
        await tx.execute(sql.raw(`create table dossiers (id uuid primary key)`));
        await tx.execute(sql.raw(`insert into dossier_ratings values ('${newId()}', '${newId()}', '${newId()}', 1, 'Chậm', now()), ('${newId()}', '${newId()}', '${newId()}', 3, null, now())`));
        for (const statement of mine) await tx.execute(sql.raw(statement));
        const r = await tx.execute(sql.raw(`select rating, access_level, time_level, staff_level, result_level, comment from dossier_ratings order by rating`));
        return (r as unknown as { rows?: unknown[] }).rows ?? (r as unknown as unknown[]);
      });
      expect(rows).toEqual([
        { rating: 1, access_level: null, time_level: null, staff_level: null, result_level: null, comment: 'Chậm' },
        { rating: 3, access_level: null, time_level: null, staff_level: null, result_level: null, comment: null },
      ]);
    } finally {
      await db().execute(sql.raw(`drop schema ${schema} cascade`));
    }
  });
});

describe('Hình thức nhận kết quả', () => {
  const post = { recipientName: 'Nguyễn Văn An', phone: '0912 345 678', address: 'Số 12 phố Hàng Bài', communeCode: '', provinceCode: '01' };

  it('offers the 2025 provinces and the communes of one, and proposes the citizen’s own address', async () => {
    const h = await citizenClient(system().app);
    const provinces = (await h.get(listAddressUnits.url)).json<Reply<typeof listAddressUnits>>();
    expect(provinces).toHaveLength(34);
    expect(provinces).toContainEqual({ code: '01', name: 'Thành phố Hà Nội' });
    const communes = (await h.get(`${listAddressUnits.url}?province=01`)).json<Reply<typeof listAddressUnits>>();
    const hoanKiem = communes.find((c) => c.name === 'Phường Hoàn Kiếm');
    expect(hoanKiem).toBeDefined();
    expect((await new Http(system().app, '10.9.9.9').get(listAddressUnits.url)).statusCode).toBe(401);

    const start = (await h.get(startFiling.url.replace(':code', KHAI_SINH))).json<Reply<typeof startFiling>>();
    expect(start.deliveryPrefill).toMatchObject({ address: 'Số 12 phố Hàng Bài', communeCode: hoanKiem!.code, provinceCode: '01' });
    expect(start.deliveryPrefill.recipientName).toBeTruthy();
  });

  it('is required online, one of the three, and by post needs a full address in the chosen province', async () => {
    const h = await citizenClient(system().app);
    const code = async (delivery: unknown) => {
      const res = await submitKhaiSinh(h, camThanh, { delivery });
      expect(res.statusCode, res.body).toBe(400);
      return res.json<Problem>();
    };
    expect((await code(undefined)).code).toBe('DELIVERY_METHOD_REQUIRED');
    expect((await code({})).code).toBe('DELIVERY_METHOD_REQUIRED');
    expect((await code({ method: 'fax' })).code).toBe('DELIVERY_METHOD_INVALID');
    expect(await code({ method: 'post' })).toMatchObject({
      code: 'DELIVERY_ADDRESS_REQUIRED',
      details: { fields: ['address', 'communeCode', 'provinceCode', 'recipientName', 'phone'] },
    });
    expect(await code({ method: 'post', post: { ...post, communeCode: '00004', address: '  ' } })).toMatchObject({ code: 'DELIVERY_ADDRESS_REQUIRED', details: { fields: ['address'] } });
    expect((await code({ method: 'post', post: { ...post, communeCode: '00004', phone: '12345' } })).code).toBe('DELIVERY_PHONE_INVALID');
    // A Quảng Ngãi commune with Hà Nội.
    const quangNgai = (await h.get(`${listAddressUnits.url}?province=51`)).json<Reply<typeof listAddressUnits>>();
    expect((await code({ method: 'post', post: { ...post, communeCode: quangNgai[0]!.code } })).code).toBe('DELIVERY_ADDRESS_UNIT_INVALID');
    expect((await code({ method: 'post', post: { ...post, communeCode: '99999' } })).code).toBe('DELIVERY_ADDRESS_UNIT_INVALID');
  });

  it('by post: stored with the address, shown to the citizen and the officer, and printed on the receipt', async () => {
    const h = await citizenClient(system().app);
    const res = await submitKhaiSinh(h, camThanh, { delivery: { method: 'post', post: { ...post, communeCode: '00004' } } });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Submitted>();
    const mine = (await h.get(`/api/my/dossiers/${d.id}`)).json<Detail>();
    expect(mine.delivery).toEqual({
      method: 'post',
      label: 'Nhận qua dịch vụ bưu chính công ích',
      post: {
        recipientName: 'Nguyễn Văn An',
        phone: '0912345678',
        address: 'Số 12 phố Hàng Bài',
        communeCode: '00004',
        communeName: 'Phường Ba Đình',
        provinceCode: '01',
        provinceName: 'Thành phố Hà Nội',
        line: 'Số 12 phố Hàng Bài, Phường Ba Đình, Thành phố Hà Nội',
      },
    });
    const officers = (await desk.get(getDeskDossier.url.replace(':id', d.id))).json<Detail>();
    expect(officers.delivery).toEqual(mine.delivery);
    const receipt = pdfText((await h.get(`/api/dossiers/${d.id}/receipt.pdf`)).rawPayload).replace(/\s+/g, ' ');
    expect(receipt).toContain('Qua dịch vụ bưu chính công ích, gửi tới Nguyễn Văn An (0912345678), Số 12 phố Hàng Bài, Phường Ba Đình, Thành phố Hà Nội');
  });

  it('electronic: stored and shown; a dossier filed before the choice existed has none', async () => {
    const h = await citizenClient(system().app);
    const res = await submitKhaiSinh(h, camThanh, { delivery: { method: 'electronic', post: { ...post } } });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Submitted>();
    const mine = (await h.get(`/api/my/dossiers/${d.id}`)).json<Detail>();
    // The address of another choice is not kept.
    expect(mine.delivery).toEqual({ method: 'electronic', label: 'Nhận bản điện tử (trên Cổng Dịch vụ công)', post: null });
    const receipt = pdfText((await h.get(`/api/dossiers/${d.id}/receipt.pdf`)).rawPayload).replace(/\s+/g, ' ');
    expect(receipt).toContain('Bản điện tử');
    await db().update(dossiers).set({ deliveryMethod: null }).where(eq(dossiers.id, d.id));
    expect((await h.get(`/api/my/dossiers/${d.id}`)).json<Detail>().delivery).toBeNull();
  });

  it('at the desk: in person unless the citizen chooses otherwise, and by post the address is checked too', async () => {
    const who = (await desk.get('/api/desk/citizens?idNumber=001090000001')).json<{ account: { id: string } }>();
    const start = (await desk.get(`/api/desk/filing/${KHAI_SINH}?citizenId=${who.account.id}`)).json<{ agencies: { id: string }[]; prefill: { values: Record<string, string> }; deliveryPrefill: { provinceCode: string | null } }>();
    expect(start.deliveryPrefill.provinceCode).toBe('01');
    const documents = [
      { position: 1, fileId: await uploadPaper(desk, deskUploadPaper.url, 'to-khai.pdf') },
      { position: 2, fileId: await uploadPaper(desk, deskUploadPaper.url, 'chung-sinh.pdf') },
    ];
    const body = { citizenId: who.account.id, agencyId: start.agencies[0]!.id, formData: { ...start.prefill.values, ...CHILD }, documents };
    const noAddress = await desk.post(`/api/desk/filing/${KHAI_SINH}`, { ...body, submissionKey: `desk-post-${newId()}`, delivery: { method: 'post' } });
    expect(noAddress.json<Problem>().code).toBe('DELIVERY_ADDRESS_REQUIRED');
    const res = await desk.post(`/api/desk/filing/${KHAI_SINH}`, { ...body, submissionKey: `desk-default-${newId()}` });
    expect(res.statusCode, res.body).toBe(201);
    const d = (await desk.get(getDeskDossier.url.replace(':id', res.json<Submitted>().id))).json<Detail>();
    expect(d.delivery).toEqual({ method: 'in_person', label: 'Nhận trực tiếp tại Bộ phận Một cửa', post: null });
  });
});
