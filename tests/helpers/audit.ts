// Audit pages in a real headless Chromium for tests: one browser per test file.
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../../crawler/page/browser.js';
import { auditUrl, runBundle } from '../../crawler/page/audit-page.js';
import type { InPageOutput, PageResult } from '../../rules-jis/types.js';
import { servePages, type PageServer } from './server.js';

export interface Auditor {
  browser: Browser;
  server: PageServer;
  /** Serve `html` at a fresh path and audit it end to end (navigation, served source, bundle, verdict). */
  audit(html: string, opts?: { target?: 'A' | 'AA' }): Promise<PageResult>;
  /** Serve `html` and return the raw in-page output (findings + rule stats), without the verdict. */
  raw(html: string): Promise<InPageOutput>;
  close(): Promise<void>;
}

let seq = 0;

export async function createAuditor(): Promise<Auditor> {
  const browser = await launchBrowser();
  const server = await servePages();
  return {
    browser,
    server,
    async audit(html, opts = {}) {
      const path = `/p${++seq}.html`;
      server.set(path, html);
      const page = await browser.newPage();
      try {
        return (await auditUrl(page, server.url + path, { target: opts.target })).result;
      } finally {
        await page.close();
      }
    },
    async raw(html) {
      const path = `/r${++seq}.html`;
      server.set(path, html);
      const page = await browser.newPage();
      try {
        await page.goto(server.url + path, { waitUntil: 'load' });
        return await runBundle(page, html);
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
