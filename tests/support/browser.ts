// End-to-end support: the whole system on a random port (real outbox worker, real clock), and
// Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { OffsetClock } from '../../src/server/platform/clock.js';
import { startTestSystem, type TestSystem } from './system.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

export interface E2E {
  sys: TestSystem;
  /** The server's clock: real time, movable forward (pair with page.clock in the browser). */
  clock: OffsetClock;
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  /** Newest dev-outbox message to a phone/e-mail that matches, waiting for the worker to deliver it. */
  waitForMessage(to: string, pattern: RegExp, after?: Date): Promise<{ body: string; match: RegExpMatchArray }>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const clock = new OffsetClock();
  // Listening on the address it believes is its own (PUBLIC_URL), so VNeID returns here.
  const sys = await startTestSystem({ clock, worker: true, listen: true });
  const baseUrl = sys.baseUrl!;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    sys,
    clock,
    baseUrl,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, acceptDownloads: true, reducedMotion: 'reduce' });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      return { context, page };
    },
    async waitForMessage(to, pattern, after = new Date(0)) {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const res = await fetch(`${baseUrl}/api/dev/outbox`);
        const messages = (await res.json()) as { to: string; body: string; createdAt: string }[];
        for (const m of messages) {
          const match = m.to === to && new Date(m.createdAt) >= after ? m.body.match(pattern) : null;
          if (match) return { body: m.body, match };
        }
        await new Promise((r) => setTimeout(r, 150));
      }
      throw new Error(`no message to ${to} matching ${pattern}`);
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await sys.close();
    },
  };
}
