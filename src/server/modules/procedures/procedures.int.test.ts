import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Http } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import type { Reply } from '../../../common/api/contract.js';
import { getProcedure, listProcedures } from '../../../common/api/procedures.js';
import { searchKey } from '../../../common/text.js';
import { newId } from '../../platform/ids.js';
import { publicationDelay, seedDemoProcedures } from './service.js';
import { procedures } from './tables.js';

const system = useTestSystem();

type Page = Reply<typeof listProcedures>;

describe('Danh mục thủ tục hành chính (public)', () => {
  const anyone = () => new Http(system().app, '10.6.0.1');

  it('lists the five demo procedures in force, to anyone', async () => {
    const res = await anyone().get('/api/procedures');
    expect(res.statusCode).toBe(200);
    const body = res.json<Page>();
    expect(body.total).toBe(5);
    expect(body.items.map((i) => i.name)).toEqual(expect.arrayContaining(['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Đăng ký khai tử', 'Cấp bản sao trích lục hộ tịch']));
  });

  it('finds a procedure by words without accents, by code, and by field', async () => {
    const names = async (q: string) => (await anyone().get(`/api/procedures?${q}`)).json<Page>().items.map((i) => i.name);
    expect(await names('q=khai%20sinh')).toEqual(['Đăng ký khai sinh']);
    expect(await names('q=DANG%20KY%20KET%20HON')).toEqual(['Đăng ký kết hôn']);
    expect(await names('q=trich%20luc%20ho%20tich')).toEqual(['Cấp bản sao trích lục hộ tịch']);
    expect(await names('q=1.001193')).toEqual(['Đăng ký khai sinh']);
    expect(await names(`field=${encodeURIComponent('Chứng thực')}`)).toHaveLength(1);
    expect(await names('q=ho%20chieu')).toEqual([]);
  });

  it('shows a procedure with its documents, time and fees', async () => {
    const res = await anyone().get('/api/procedures/1.001193');
    expect(res.json<Reply<typeof getProcedure>>()).toMatchObject({
      name: 'Đăng ký khai sinh',
      processingDays: 0,
      fullyOnline: true,
      onlineFiling: true,
      fees: [{ amountVnd: 0 }],
      documents: [
        { name: 'Tờ khai đăng ký khai sinh', required: true, quantity: '01 bản chính' },
        { required: true, quantity: '01 bản chính' },
      ],
    });
    expect((await anyone().get('/api/procedures/9.999999')).json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
  });

  it('drops an expired or unpublished procedure from the public catalogue by itself', async () => {
    const db = system().deps.db;
    const now = system().clock.now();
    const base = {
      nameSearch: searchKey('Thủ tục thử nghiệm'),
      field: 'Hộ tịch',
      level: 'commune',
      implementingAgency: 'Ủy ban nhân dân cấp xã',
      processingDays: 3,
      fees: [],
      fullyOnline: true,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    };
    await db.insert(procedures).values([
      { ...base, id: newId(), code: '9.000001', name: 'Thủ tục thử nghiệm đã hết hiệu lực', effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', status: 'published' },
      { ...base, id: newId(), code: '9.000002', name: 'Thủ tục thử nghiệm chưa công bố', effectiveFrom: '2025-01-01', status: 'draft' },
      { ...base, id: newId(), code: '9.000003', name: 'Thủ tục thử nghiệm còn hiệu lực', effectiveFrom: '2025-01-01', status: 'published' },
    ]);
    const names = (await anyone().get('/api/procedures?q=thu%20nghiem')).json<Page>().items.map((i) => i.name);
    expect(names).toEqual(['Thủ tục thử nghiệm còn hiệu lực']);
    expect((await anyone().get('/api/procedures/9.000001')).statusCode).toBe(404);
    // Without an e-form it is shown, but not offered for online filing.
    expect((await anyone().get('/api/procedures/9.000003')).json<Reply<typeof getProcedure>>()).toMatchObject({ onlineFiling: false });
    await db.delete(procedures).where(eq(procedures.code, '9.000003'));
  });

  it('loads the demo catalogue once', async () => {
    expect(await seedDemoProcedures(system().deps.db, system().clock)).toBe(0);
  });
});

describe('publicationDelay (the 10-working-day publication rule)', () => {
  it('counts working days from the decision to publication, across Tết 2026', () => {
    // Decision Fri 06/02/2026; published Mon 23/02: 9–13/2 (5) + 23/2 (1) = 6 working days.
    expect(publicationDelay({ decisionDate: '2026-02-06', publishedAt: new Date('2026-02-23T02:00:00Z') }, new Date())).toEqual({ workingDays: 6, late: false });
    // Decision Mon 02/02/2026, still unpublished on Wed 25/02: 3–13/2 (9) + 23–25/2 (3) = 12 → late.
    expect(publicationDelay({ decisionDate: '2026-02-02', publishedAt: null }, new Date('2026-02-25T02:00:00Z'))).toEqual({ workingDays: 12, late: true });
    expect(publicationDelay({ decisionDate: null, publishedAt: null }, new Date())).toBeNull();
  });
});
