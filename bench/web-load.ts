// The portal on a phone line (issue 15): Debian's Chromium opens portal pages against the running
// server with DevTools' "Fast 3G" network (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up) and a
// 4× CPU slowdown, with an empty cache, and records when the page became usable and what it
// downloaded. Also checks what a user never sees but pays for: compression and caching headers.
import { chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

interface PageLoad {
  name: string;
  path: string;
  /** Milliseconds from navigation to the moment the page's control could be used. */
  usableMs: number[];
  /** Bytes of JavaScript over the wire (compressed), and uncompressed. */
  jsWireBytes: number;
  jsBytes: number;
  requests: number;
}

export interface WebLoad {
  pages: PageLoad[];
  headers: { path: string; encoding: string; cacheControl: string }[];
  runs: number;
}

const PAGES: { name: string; path: string; usable: (p: Page) => Promise<unknown> }[] = [
  {
    name: 'Đăng nhập (login form usable)',
    path: '/dang-nhap',
    usable: (p) => p.getByRole('button', { name: /Đăng nhập/ }).first().waitFor({ state: 'visible' }),
  },
  {
    name: 'Trang chủ cổng (search box usable)',
    path: '/',
    usable: (p) => p.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).waitFor({ state: 'visible' }),
  },
  {
    name: 'Thủ tục hành chính (list shown)',
    path: '/thu-tuc',
    usable: (p) => p.getByRole('link', { name: /Đăng ký khai sinh/ }).first().waitFor({ state: 'visible' }),
  },
];

export async function measureWebLoad(base: string, runs: number, log: (s: string) => void): Promise<WebLoad> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const pages: PageLoad[] = [];
    for (const spec of PAGES) {
      const load: PageLoad = { name: spec.name, path: spec.path, usableMs: [], jsWireBytes: 0, jsBytes: 0, requests: 0 };
      for (let run = 0; run < runs; run++) {
        // A new context each run: an empty cache, as a first visit.
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', FAST_3G);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        const types = new Map<string, string>();
        let wire = 0;
        let raw = 0;
        let requests = 0;
        cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
        cdp.on('Network.dataReceived', (e) => {
          if (types.get(e.requestId) === 'Script') raw += e.dataLength;
        });
        cdp.on('Network.loadingFinished', (e) => {
          requests++;
          if (types.get(e.requestId) === 'Script') wire += e.encodedDataLength;
        });
        const started = Date.now();
        await page.goto(base + spec.path, { waitUntil: 'commit' });
        await spec.usable(page);
        load.usableMs.push(Date.now() - started);
        if (run === 0) {
          // Let the page settle (lazy chunks, the first API reads) before counting what it took.
          await page.waitForLoadState('networkidle');
          load.jsWireBytes = wire;
          load.jsBytes = raw;
          load.requests = requests;
        }
        await context.close();
      }
      log(`${spec.name}: usable in ${median(load.usableMs)} ms (median of ${runs}), JS ${kb(load.jsWireBytes)} over the wire`);
      pages.push(load);
    }
    return { pages, headers: await headersOf(base), runs };
  } finally {
    await browser.close();
  }
}

/** The encoding and caching the server gives the shell, a hashed script and an API answer. */
async function headersOf(base: string): Promise<WebLoad['headers']> {
  const html = await (await fetch(base + '/dang-nhap')).text();
  const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? '/assets/missing.js';
  const out: WebLoad['headers'] = [];
  for (const p of ['/dang-nhap', script, '/api/procedures?page=1&pageSize=20']) {
    const res = await fetch(base + p, { headers: { 'accept-encoding': 'br, gzip' } });
    await res.arrayBuffer();
    out.push({ path: p, encoding: res.headers.get('content-encoding') ?? '(none)', cacheControl: res.headers.get('cache-control') ?? '(none)' });
  }
  return out;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** Whether the two targets are met, from the pages measured (the first two are where visits start). */
function targetLines(w: WebLoad): string[] {
  const login = w.pages.find((p) => p.path === '/dang-nhap');
  const starts = w.pages.filter((p) => p.path === '/dang-nhap' || p.path === '/');
  if (!login || starts.length === 0) return [];
  const usable = median(login.usableMs);
  const js = Math.max(...starts.map((p) => p.jsWireBytes));
  return [
    `- Login usable < 3 s: **${(usable / 1000).toFixed(2)} s** — ${usable < 3000 ? 'met' : 'NOT met'}.`,
    `- First portal page JavaScript < 250 KB compressed: **${kb(js)}** (login or home page, the larger) — ${js < 250 * 1024 ? 'met' : 'NOT met'}.`,
  ];
}

export function webLoadSection(w: WebLoad): string[] {
  return [
    '<!-- web:start -->',
    '## The portal on a phone line (issue 15)',
    '',
    `Debian Chromium, 390 × 844, DevTools "Fast 3G" (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up),`,
    `${CPU_SLOWDOWN}× CPU slowdown, empty cache, against the bench server serving \`dist/web\` (\`npm run build:web\`).`,
    `"Usable" is the time from navigation until the page's control is visible; median of ${w.runs} runs.`,
    'Targets: login usable < 3 s; first portal page JavaScript < 250 KB compressed.',
    'Baseline, same machine and method before issue 15 (one bundle with the whole back office, no',
    'compression, no caching): login usable in 8.85 s (10.5 s in the issue), about 2 MB of JavaScript.',
    '',
    '| page | usable (median) | min – max | JS over the wire | JS uncompressed | requests |',
    '|---|---|---|---|---|---|',
    ...w.pages.map(
      (p) =>
        `| ${p.name} (\`${p.path}\`) | ${(median(p.usableMs) / 1000).toFixed(2)} s | ${(Math.min(...p.usableMs) / 1000).toFixed(2)} – ${(Math.max(...p.usableMs) / 1000).toFixed(2)} s | ${kb(p.jsWireBytes)} | ${kb(p.jsBytes)} | ${p.requests} |`,
    ),
    '',
    '| response | content-encoding | cache-control |',
    '|---|---|---|',
    ...w.headers.map((h) => `| \`${h.path.replace(/-[A-Za-z0-9_-]{8}\.js$/, '-[hash].js')}\` | ${h.encoding} | ${h.cacheControl} |`),
    '',
    'A response under 1 KB (the HTML shell is 0.9 KB) is sent uncompressed: compression starts at 1 KB.',
    '',
    ...targetLines(w),
    '<!-- web:end -->',
  ];
}
