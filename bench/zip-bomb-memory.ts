// How much memory the server uses while refusing zip bombs (2 MB uploads that unpack to 2 GiB) on
// the routes that accept Office files. Not a test: it prints process.memoryUsage() before and after
// each upload and the highest RSS seen while the request ran.
//
//   node --expose-gc --import tsx bench/zip-bomb-memory.ts
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { loadConfig } from '../src/server/config.js';
import { ManualClock } from '../src/server/platform/clock.js';
import { createSystem } from '../src/server/system.js';
import { Http } from '../tests/support/http.js';
import { deflated, docx, zeros, zip } from '../tests/support/zip.js';

const MiB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (n: number) => `${(n / MiB).toFixed(1)} MiB`;

async function measure(label: string, run: () => Promise<string>) {
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 2);
  const t0 = performance.now();
  const outcome = await run();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const after = process.memoryUsage();
  console.log(
    `${label}: ${outcome} in ${ms.toFixed(0)} ms | RSS ${mb(before.rss)} → ${mb(after.rss)} (peak +${mb(peakRss - before.rss)}) | heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} (peak +${mb(peakHeap - before.heapUsed)})`,
  );
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-zipbomb-'));
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: dataDir,
  DEMO_DATA: 'true',
  OUTBOX_WORKER: 'false',
  DVC_SECRET: randomBytes(32).toString('hex'),
  VNEID_SIM_PORT: '0',
  POPULATION_SIM_PORT: '0',
});
const system = await createSystem(config, { clock: new ManualClock(new Date()), inMemory: true, workerIntervalMs: 1000 });
try {
  const admin = new Http(system.app, '10.1.0.1');
  const officer = new Http(system.app, '10.1.0.2');
  if ((await admin.login('officer', 'admin.demo')).statusCode !== 200) throw new Error('admin login failed');
  if ((await officer.login('officer', 'motcua.demo')).statusCode !== 200) throw new Error('officer login failed');

  const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
  const sheet = await zeros('xl/worksheets/sheet1.xml', 2048);
  const image = await zeros('word/media/image1.png', 2048);
  const xlsxHonest = zip([deflated('[Content_Types].xml', types), sheet]);
  const xlsxLying = zip([deflated('[Content_Types].xml', types), { ...sheet, declaredSize: 19 * MiB }]);
  const docxLying = docx([{ ...image, declaredSize: 29 * MiB }]);
  console.log(`bombs: xlsx ${mb(xlsxHonest.length)}, docx ${mb(docxLying.length)}, each unpacking to ${mb(sheet.size)}`);
  await admin.token();
  await officer.token();

  const answer = (res: { statusCode: number; json: () => { code?: string } }) => `${res.statusCode} ${res.json().code ?? ''}`;
  for (let round = 1; round <= 2; round++) {
    await measure(`[${round}] officer import, honest central directory`, async () =>
      answer(await admin.upload('/api/admin/officer-imports', [{ name: 'bom.xlsx', data: xlsxHonest }])),
    );
    await measure(`[${round}] officer import, central directory claims 19 MiB`, async () =>
      answer(await admin.upload('/api/admin/officer-imports', [{ name: 'bom.xlsx', data: xlsxLying }])),
    );
    await measure(`[${round}] ID scan, central directory claims 29 MiB`, async () =>
      answer(await officer.upload('/api/citizen-account-requests/attachments', [{ name: 'bom.docx', data: docxLying }])),
    );
  }
  // The papers route (pdf/jpg/png only) lets file-type look into a zip; file-type 21 caps that itself.
  await measure('file-type alone on the docx bomb (papers route)', async () => `detected ${(await fileTypeFromBuffer(docxLying))?.ext}`);
} finally {
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
