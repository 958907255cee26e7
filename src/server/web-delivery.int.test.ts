// How the web reaches a phone on a slow line (issue 15): the built files are sent pre-compressed,
// hashed assets are cached for a year, the page shell never, and API answers are compressed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../../tests/support/system.js';

let sys: TestSystem;
let dist: string;
const shell = `<!doctype html><html lang="vi"><head><title>Cổng Dịch vụ công</title></head><body>${'<!-- padding -->'.repeat(100)}<div id="root"></div></body></html>`;
const script = `console.log(${JSON.stringify('Thủ tục hành chính '.repeat(200))});`;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dvc-web-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  const files: Record<string, string> = { 'index.html': shell, 'assets/index-AbC12xYz.js': script };
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dist, name), text);
    // As the build writes them (vite.config.ts, precompress).
    fs.writeFileSync(path.join(dist, `${name}.br`), zlib.brotliCompressSync(text));
    fs.writeFileSync(path.join(dist, `${name}.gz`), zlib.gzipSync(text));
  }
  sys = await startTestSystem({ env: { WEB_DIST: dist, SERVE_WEB: 'true' } });
});

afterAll(async () => {
  await sys?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  sys.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the built web', () => {
  it('sends a hashed script brotli-compressed, cached for a year, and the same bytes once decompressed', async () => {
    const res = await get('/assets/index-AbC12xYz.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 5);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that asks for no encoding', async () => {
    const gz = await get('/assets/index-AbC12xYz.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-AbC12xYz.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('never lets a browser keep the page shell, at its own address or at a client-side route', async () => {
    for (const url of ['/', '/thu-tuc', '/ho-so-cua-toi/123']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toContain('text/html');
      const body = res.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(res.rawPayload).toString() : res.body;
      expect(body, url).toContain('Cổng Dịch vụ công');
    }
  });

  it('compresses a JSON answer for a client that accepts it; a missing asset or API address is a 404 problem, not the shell', async () => {
    const res = await get('/api/procedures?page=1&pageSize=50', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    const list = JSON.parse(zlib.brotliDecompressSync(res.rawPayload).toString()) as { items: { name: string }[] };
    expect(list.items.map((p) => p.name)).toContain('Đăng ký khai sinh');
    for (const url of ['/api/khong-co', '/assets/index-OldBuild1.js']) {
      const missing = await get(url);
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json(), url).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
