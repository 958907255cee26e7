// putUpload stores no archive that the zip-bomb guard has not checked: a route that forgot the
// guard fails in its tests instead of storing a bomb.
import { describe, expect, it } from 'vitest';
import { docx } from '../../../../tests/support/zip.js';
import type { Ctx } from '../context.js';
import { putUpload } from './stored.js';
import { guardArchiveUpload } from './zip-guard.js';

function fakeCtx() {
  const puts: string[] = [];
  const ctx = {
    deps: { clock: { now: () => new Date('2026-12-01T03:00:00Z') }, blobs: { put: async (key: string) => void puts.push(key), get: async () => Buffer.alloc(0) } },
    actor: null,
    requestId: 'req-1',
    ip: '127.0.0.1',
  } as unknown as Ctx;
  return { ctx, puts };
}

const meta = { originalName: 'cccd.docx', ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', purpose: 'id-scan', keyPrefix: 'id-scans', uploadedBy: '0190a000-0000-7000-8000-000000000001' };

describe('putUpload', () => {
  it('refuses to store an archive that did not pass guardArchiveUpload', async () => {
    const { ctx, puts } = fakeCtx();
    await expect(putUpload(ctx, docx(), meta)).rejects.toThrow('stored without guardArchiveUpload');
    expect(puts).toEqual([]);
  });

  it('stores the very bytes the guard checked, and any non-archive', async () => {
    const { ctx, puts } = fakeCtx();
    const data = docx();
    expect(await guardArchiveUpload(ctx, { data, fileName: 'cccd.docx' }, { kind: 'docx', purpose: 'id-scan' })).toBe('ok');
    const row = await putUpload(ctx, data, meta);
    expect(row).toMatchObject({ size: data.length, purpose: 'id-scan', storageKey: `id-scans/2026-12/${row.id}` });
    // A copy of the bytes was never checked.
    await expect(putUpload(ctx, Buffer.from(data), meta)).rejects.toThrow('stored without guardArchiveUpload');
    await putUpload(ctx, Buffer.from('%PDF-1.4\n%%EOF\n'), { ...meta, ext: 'pdf', mime: 'application/pdf' });
    expect(puts).toHaveLength(2);
  });
});
