// The phase through the lead's page audit: auditUrl(..., { afterAudit }) merges our findings into the verdict.
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditUrl } from '../../crawler/page/audit-page.js';
import { launchBrowser } from '../../crawler/page/browser.js';
import { runInteractionPhase } from '../../crawler/page/interaction/index.js';
import { servePages, type PageServer } from '../helpers/server.js';

const fixture = (f: string) => readFileSync(new URL(`../fixtures/interaction/${f}`, import.meta.url), 'utf8');
let browser: Browser;
let server: PageServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await servePages({ '/outline-none.html': fixture('outline-none.html'), '/select-nav.html': fixture('select-nav.html') });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('interaction phase inside auditUrl (afterAudit)', () => {
  it('turns 2.4.7 and 3.2.2 into fail in the page verdict, with the static findings kept', async () => {
    for (const [path, crit] of [['/outline-none.html', '2.4.7'], ['/select-nav.html', '3.2.2']] as const) {
      const page = await browser.newPage();
      try {
        const { result } = await auditUrl(page, server.url + path, { afterAudit: (p) => runInteractionPhase(p, { budgetMs: 10_000 }) });
        expect(result.error).toBeUndefined();
        const c = result.criteria.find((x) => x.id === crit)!;
        expect(c.outcome, path).toBe('fail');
        expect(result.findings.some((f) => f.source === 'interaction' && f.criteria.includes(crit))).toBe(true);
        expect(page.url()).toBe(server.url + path);
      } finally {
        await page.close();
      }
    }
  });
});
