// Shared set-up for the interaction tests: one Chromium per test file, fixtures served from 127.0.0.1.
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from '../../crawler/page/browser.js';
import { ensureBundle } from '../../crawler/page/inject.js';
import { runInteractionPhase, type InteractionOptions, type InteractionResult } from '../../crawler/page/interaction/index.js';
import { servePages, type PageServer } from '../helpers/server.js';

const DIR = new URL('../fixtures/interaction/', import.meta.url);

export interface Harness {
  browser: Browser;
  server: PageServer;
  /** Open `path` on the server, mark the document, run the phase, check where the page is afterwards. */
  run(path: string, opts?: InteractionOptions): Promise<Run>;
  close(): Promise<void>;
}

export interface Run extends InteractionResult {
  url: string;
  /** URL after the phase. */
  urlAfter: string;
  /** The very same document is still loaded (a marker set before the phase survived). */
  sameDocument: boolean;
  /** Pages open in the browser after the phase (popups left behind would show here). */
  pagesAfter: number;
  pagesBefore: number;
}

export async function createHarness(extra: Record<string, string> = {}): Promise<Harness> {
  const routes: Record<string, string> = { ...extra };
  for (const f of readdirSync(DIR)) if (f.endsWith('.html')) routes['/' + f] = readFileSync(new URL(f, DIR), 'utf8');
  const server = await servePages(routes);
  const browser = await launchBrowser();
  return {
    browser,
    server,
    async run(path, opts = {}) {
      const page: Page = await browser.newPage();
      try {
        const url = server.url + path;
        await page.goto(url, { waitUntil: 'load' });
        await ensureBundle(page.mainFrame()); // as after the audit: the phase runs on a page that has the bundle
        await page.evaluate('window.__testMarker = 42');
        const pagesBefore = (await browser.pages()).length;
        const r = await runInteractionPhase(page, opts);
        await new Promise((res) => setTimeout(res, 100)); // a late popup would appear now
        const sameDocument = (await page.evaluate('window.__testMarker === 42').catch(() => false)) as boolean;
        return { ...r, url, urlAfter: page.url(), sameDocument, pagesBefore, pagesAfter: (await browser.pages()).length };
      } finally {
        await page.close().catch(() => {});
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export const of = (r: InteractionResult, ruleId: string, kind?: 'violation' | 'review') =>
  r.findings.filter((f) => f.ruleId === ruleId && (!kind || f.kind === kind));

export const statOf = (r: InteractionResult, ruleId: string) => r.ruleStats.find((s) => s.ruleId === ruleId)?.result;
