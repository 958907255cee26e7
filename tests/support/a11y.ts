// What a phone user and a screen-reader user notice on a page, checked in Chromium: sideways
// scrolling, controls too small to touch, the page's name (title, one h1), and axe-core's WCAG
// 2.1 A/AA rules (the serious and critical findings, each with where it is).
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource: string = axe.source;

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Opens a page and waits until it has its heading and nothing more is loading. */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.locator('h1').first().waitFor();
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // Evaluated, not added as a <script>: the portal's CSP (script-src 'self') refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const inPage = (window as unknown as { axe: typeof axe }).axe;
    const r = await inPage.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** How many CSS pixels the page is wider than the window (0: no sideways scroll). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Visible buttons and text fields shorter than 44 px, described by their text or label. */
export function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>('button, .ant-btn, input[type=text], input[type=password], input[type=search], input[type=tel], input[type=email], input:not([type]), .ant-select-selector, .ant-picker');
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // A field inside a wrapper (antd affix/picker) is as tall as its wrapper: measure that.
      const box = (el.tagName === 'INPUT' && el.closest('.ant-input-affix-wrapper, .ant-picker, .ant-input-number, .ant-select')) || el;
      const h = box.getBoundingClientRect().height;
      if (h < 43.5) out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).placeholder ?? '').trim().slice(0, 40)}" ${Math.round(h)} px`);
    }
    return [...new Set(out)];
  });
}

/** The page's title and the texts of its h1 elements. */
export function pageNames(page: Page): Promise<{ title: string; h1: string[] }> {
  return page.evaluate(() => ({ title: document.title, h1: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? '') }));
}

/**
 * Everything on the page as it is now that a phone user or a screen-reader user would trip on, as
 * sentences (empty when nothing): sideways scroll, controls under 44 px (`phone`), not exactly one
 * h1, a title not of the form "<page> – <site>" (`site`), axe-core's serious and critical findings.
 */
export async function pageProblems(page: Page, opts: { site: string; phone: boolean; home?: boolean }): Promise<string[]> {
  const found: string[] = [];
  const overflow = await sidewaysOverflow(page);
  if (overflow > 0) found.push(`scrolls sideways by ${overflow} px`);
  const names = await pageNames(page);
  if (names.h1.length !== 1) found.push(`${names.h1.length} h1: ${names.h1.join(' | ')}`);
  else if (!opts.home && !names.title.endsWith(` – ${opts.site}`)) found.push(`title "${names.title}" does not name the page`);
  if (opts.phone) for (const small of await smallTouchTargets(page)) found.push(`small target: ${small}`);
  for (const f of await axeFindings(page)) found.push(`axe ${f.impact} ${f.id} (${f.help}): ${f.targets.join(', ')}`);
  return found;
}
