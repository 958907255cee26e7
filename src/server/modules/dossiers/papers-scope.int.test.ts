// Issue 13, defect 13: the papers of a dossier follow the same scope rule as the dossier itself. The
// specialist who processes it opens them (it was 404); an officer of another unit still gets 404,
// and that out-of-scope attempt is audited.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyId, citizenClient, submitKhaiSinh, type Submitted } from '../../../../tests/support/dossiers.js';
import { loggedIn, PNG_1PX, tinyPdf } from '../../../../tests/support/http.js';
import { useTestSystem } from '../../../../tests/support/system.js';
import { auditLog } from '../../platform/tables.js';
import { workList } from '../../../common/api/dossiers-desk.js';

const system = useTestSystem();

const officer = (username: string) => loggedIn(system().app, 'officer', username);

/** An online "Đăng ký khai sinh" received at the desk of phường Cẩm Thành and handed to processing. */
async function inProcessing(): Promise<{ dossier: Submitted; papers: { fileId: string; fileName: string }[] }> {
  const h = await citizenClient(system().app);
  const res = await submitKhaiSinh(h, await agencyId(system().deps.db, '000.01.15.H48'));
  expect(res.statusCode, res.body).toBe(201);
  const dossier = res.json<Submitted>();
  const desk = await officer('motcua.demo');
  expect((await desk.post(`/api/desk/dossiers/${dossier.id}/receive`, {})).statusCode).toBe(200);
  expect((await desk.post(`/api/work/dossiers/${dossier.id}/actions/start`, {})).statusCode).toBe(200);
  const detail = (await h.get(`/api/my/dossiers/${dossier.id}`)).json<{ documents: { fileId: string; fileName: string }[] }>();
  expect(detail.documents).toHaveLength(2);
  return { dossier, papers: detail.documents };
}

describe('papers of a dossier in processing', () => {
  it('open for the specialist who processes it, as they were uploaded', async () => {
    const { dossier, papers } = await inProcessing();
    const xuly = await officer('xuly.demo');
    // The specialist has the dossier in the work list and opens it…
    const work = (await xuly.get(workList.url)).json<{ items: { id: string }[] }>();
    expect(work.items.map((i) => i.id)).toContain(dossier.id);
    const open = await xuly.get(`/api/desk/dossiers/${dossier.id}`);
    expect(open.statusCode, open.body).toBe(200);
    // …and each of its papers.
    const bytes: Record<string, Buffer> = { 'giay-to.pdf': tinyPdf(), 'chung-sinh.png': PNG_1PX };
    for (const p of papers) {
      const res = await xuly.get(`/api/papers/${p.fileId}`);
      expect(res.statusCode, `${p.fileName}: ${res.body}`).toBe(200);
      expect(res.rawPayload.equals(bytes[p.fileName]!)).toBe(true);
    }
  });

  it('stay hidden from an officer of another unit, and the attempt is audited', async () => {
    const { papers } = await inProcessing();
    const other = await officer('motcua2.demo');
    for (const p of papers) {
      const res = await other.get(`/api/papers/${p.fileId}`);
      expect(res.statusCode).toBe(404);
      const problem = res.json<{ code: string; requestId: string }>();
      expect(problem.code).toBe('FILE_NOT_FOUND');
      const rows = await system()
        .deps.db.select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.requestId, problem.requestId)));
      expect(rows).toEqual([expect.objectContaining({ actorName: 'motcua2.demo', entityId: p.fileId, after: expect.objectContaining({ code: 'FILE_NOT_FOUND', route: '/api/papers/:id' }) })]);
    }
  });
});
