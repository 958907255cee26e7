// Issue 15, two tabs on one online draft: the draft carries a version raised by every save; a save
// or a submission from a tab holding an older version is refused with 409 DRAFT_VERSION_CONFLICT
// (and an audit row) instead of overwriting; sending the current version overwrites knowingly.
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../common/api/contract.js';
import type { saveDraft, startFiling } from '../../../common/api/dossiers.js';
import { agencyId, CHILD, citizenClient, ELECTRONIC, KHAI_SINH, prefilledValues, uploadPaper } from '../../../../tests/support/dossiers.js';
import type { Http } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { auditLog } from '../../platform/tables.js';
import { dossiers } from './tables.js';

const system = useTestSystem();

interface Problem {
  code: string;
  message: string;
  details?: { currentVersion: number | null; updatedAt: string | null };
}

let camThanh: string;
let h: Http;
beforeAll(async () => {
  camThanh = await agencyId(system().deps.db, '000.01.15.H48');
});
beforeEach(async () => {
  h = await citizenClient(system().app);
  await h.del(`/api/filing/${KHAI_SINH}/draft`);
});

const save = (baseVersion: number | null, childFullName: string) =>
  h.put(`/api/filing/${KHAI_SINH}/draft`, { agencyId: camThanh, formData: { childFullName }, documents: [], baseVersion });
const draftNow = async () => (await h.get(`/api/filing/${KHAI_SINH}`)).json<Reply<typeof startFiling>>().draft;
const conflictRows = async () =>
  system()
    .deps.db.select({ after: auditLog.after, entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'dossier.draft_conflict'), eq(auditLog.entityType, 'dossier_draft')));

describe('the version of an online draft', () => {
  it('starts at 1 and goes up by one with every save; the start of filing hands it out', async () => {
    const first = await save(null, 'Nguyễn Minh Khang');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Reply<typeof saveDraft>>().version).toBe(1);
    expect((await draftNow())?.version).toBe(1);
    const second = await save(1, 'Nguyễn Minh Khôi');
    expect(second.json<Reply<typeof saveDraft>>().version).toBe(2);
    const third = await save(2, 'Nguyễn Minh Khoa');
    expect(third.json<Reply<typeof saveDraft>>().version).toBe(3);
    const d = await draftNow();
    expect(d).toMatchObject({ version: 3, formData: { childFullName: 'Nguyễn Minh Khoa' } });
  });

  it('a save from a stale tab is refused with 409 DRAFT_VERSION_CONFLICT, the other tab’s text kept, and leaves an audit row', async () => {
    // Both tabs opened the draft at version 1; tab B saves first.
    await save(null, 'Nguyễn Minh Khang');
    expect((await save(1, 'Tab B: Nguyễn Minh Khôi')).statusCode).toBe(200);
    const before = (await conflictRows()).length;

    const stale = await save(1, 'Tab A: Nguyễn Minh Khoa');
    expect(stale.statusCode, stale.body).toBe(409);
    const problem = stale.json<Problem>();
    expect(problem.code).toBe('DRAFT_VERSION_CONFLICT');
    expect(problem.message).toBe('Bản nháp đã được thay đổi ở một cửa sổ khác. Hãy tải lại bản mới nhất, hoặc giữ nội dung của bạn để ghi đè.');
    expect(problem.details?.currentVersion).toBe(2);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await draftNow()).toMatchObject({ version: 2, formData: { childFullName: 'Tab B: Nguyễn Minh Khôi' } });

    const rows = await conflictRows();
    expect(rows).toHaveLength(before + 1);
    // Versions only: nothing the citizen typed goes into the log.
    expect(rows.map((r) => r.after)).toContainEqual({ operation: 'save', procedureCode: KHAI_SINH, heldVersion: 1, currentVersion: 2 });
  });

  it('a tab that knew of no draft does not overwrite one saved meanwhile by another tab', async () => {
    await save(null, 'Tab B: Nguyễn Minh Khôi');
    const stale = await save(null, 'Tab A: Nguyễn Minh Khoa');
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>()).toMatchObject({ code: 'DRAFT_VERSION_CONFLICT', details: { currentVersion: 1 } });
  });

  it('“Giữ nội dung của tôi”: saving again with the current version overwrites knowingly, and the other tab is now the stale one', async () => {
    await save(null, 'Nguyễn Minh Khang');
    await save(1, 'Tab B: Nguyễn Minh Khôi');
    const refused = await save(1, 'Tab A: Nguyễn Minh Khoa');
    const current = refused.json<Problem>().details!.currentVersion!;
    const forced = await save(current, 'Tab A: Nguyễn Minh Khoa');
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json<Reply<typeof saveDraft>>().version).toBe(3);
    expect(await draftNow()).toMatchObject({ version: 3, formData: { childFullName: 'Tab A: Nguyễn Minh Khoa' } });
    // Tab B still holds version 2.
    expect((await save(2, 'Tab B again')).json<Problem>()).toMatchObject({ code: 'DRAFT_VERSION_CONFLICT', details: { currentVersion: 3 } });
  });

  it('a draft submitted (or discarded) in another tab: the stale tab’s save is refused with no current version, and can start a new draft', async () => {
    await save(null, 'Nguyễn Minh Khang');
    expect((await h.del(`/api/filing/${KHAI_SINH}/draft`)).statusCode).toBe(204);
    const stale = await save(1, 'Tab A: Nguyễn Minh Khoa');
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().details?.currentVersion).toBeNull();
    expect((await save(null, 'Tab A: Nguyễn Minh Khoa')).json<Reply<typeof saveDraft>>().version).toBe(1);
  });

  it('a save without a version (an API client of before) is not checked: last write wins', async () => {
    await save(null, 'Nguyễn Minh Khang');
    await save(1, 'Nguyễn Minh Khôi');
    const res = await h.put(`/api/filing/${KHAI_SINH}/draft`, { agencyId: camThanh, formData: { childFullName: 'Không kèm phiên bản' }, documents: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json<Reply<typeof saveDraft>>().version).toBe(3);
  });
});

describe('submitting from a stale tab', () => {
  async function body(draftVersion: number | null | undefined) {
    const formData = { ...(await prefilledValues(h)), ...CHILD };
    const documents = [
      { position: 1, fileId: await uploadPaper(h) },
      { position: 2, fileId: await uploadPaper(h) },
    ];
    return { agencyId: camThanh, formData, documents, delivery: ELECTRONIC, submissionKey: `draft-version-${Math.random().toString(36).slice(2)}`, draftVersion };
  }

  it('is refused the same way: no dossier, the newer draft stays; with the current version it is filed and the draft is gone', async () => {
    await save(null, 'Nguyễn Minh Khang');
    await save(1, 'Tab B: Nguyễn Minh Khôi');
    const count = async () => (await system().deps.db.select({ id: dossiers.id }).from(dossiers)).length;
    const dossiersBefore = await count();
    const auditBefore = (await conflictRows()).length;

    const stale = await h.post(`/api/filing/${KHAI_SINH}/submit`, await body(1));
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json<Problem>()).toMatchObject({ code: 'DRAFT_VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect(await count()).toBe(dossiersBefore);
    expect(await draftNow()).toMatchObject({ version: 2, formData: { childFullName: 'Tab B: Nguyễn Minh Khôi' } });
    const rows = await conflictRows();
    expect(rows).toHaveLength(auditBefore + 1);
    // (The rows of one test share the test clock's instant: found by what they say, not by order.)
    expect(rows.map((r) => r.after)).toContainEqual({ operation: 'submit', procedureCode: KHAI_SINH, heldVersion: 1, currentVersion: 2 });

    const ok = await h.post(`/api/filing/${KHAI_SINH}/submit`, await body(2));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await count()).toBe(dossiersBefore + 1);
    expect(await draftNow()).toBeNull();
  });

  it('a tab that knew of no draft does not submit over one saved meanwhile; with no draft at all it files', async () => {
    await save(null, 'Tab B: Nguyễn Minh Khôi');
    const stale = await h.post(`/api/filing/${KHAI_SINH}/submit`, await body(null));
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().code).toBe('DRAFT_VERSION_CONFLICT');
    await h.del(`/api/filing/${KHAI_SINH}/draft`);
    expect((await h.post(`/api/filing/${KHAI_SINH}/submit`, await body(null))).statusCode).toBe(201);
  });
});
