// End to end: crawl the embedded sample site (tests/fixtures/site) in real headless Chromium and compare
// with tests/fixtures/site/expected.json: every seeded barrier found where written down, no violation on
// clean pages, robots.txt honoured, sitemap-only pages found, documents inventoried, broken links recorded.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl, type CrawlOutcome } from '../../crawler/crawl/crawl.js';
import { SAMPLE_SITE_DIR, serveSampleSite } from '../../crawler/cli/sample-site.js';
import type { StaticServer } from '../../crawler/page/static-server.js';
import { collect, openStore, type Store } from '../../crawler/store/store.js';

interface Expected {
  brokenLinks: { from: string; to: string }[];
  documents: string[];
  pages: Record<string, { mustFind: { ruleId: string; kind: string }[]; clean: boolean }>;
}
const expected = JSON.parse(readFileSync(path.join(SAMPLE_SITE_DIR, 'expected.json'), 'utf8')) as Expected;

let server: StaticServer;
let dir: string;
let outcome: CrawlOutcome;
let store: Store;
const requests = new Map<string, number>();

beforeAll(async () => {
  server = await serveSampleSite({ onRequest: (m, p) => m === 'GET' && requests.set(p, (requests.get(p) ?? 0) + 1) });
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-crawl-e2e-'));
  const config = mergeConfig({ startUrls: [server.url], concurrency: 2, output: { dir } });
  outcome = await runCrawl(config);
  store = await openStore(outcome.dbFile, { readonly: true });
  console.log(`sample site: ${outcome.processed} items in ${(outcome.durationMs / 1000).toFixed(1)} s = ${outcome.pagesPerSecond.toFixed(2)} items/s`);
}, 300_000);

afterAll(async () => {
  await store?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const pathOf = (u: string) => new URL(u).pathname;

describe('crawl of the sample site', () => {
  it('finishes and audits every page once (robots.txt honoured)', async () => {
    expect(outcome.status).toBe('finished');
    const pages = await collect(store.results.iteratePages(outcome.runId));
    const audited = pages.filter((p) => !p.error).map((p) => pathOf(p.url)).sort();
    const want = Object.keys(expected.pages).filter((p) => !p.startsWith('/private/')).sort();
    expect(audited).toEqual(want);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    // /private/ is Disallowed: never requested
    expect(requests.get('/private/') ?? 0).toBe(0);
    // the page only listed in sitemap.xml was found
    expect(audited).toContain('/news/2026/news-sitemap-only.html');
    // index.html and / are one page
    expect(pages.filter((p) => pathOf(p.url) === '/' || pathOf(p.url) === '/index.html')).toHaveLength(1);
    for (const p of pages.filter((x) => !x.error)) {
      expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(p.criteria.length).toBeGreaterThan(30);
    }
    const run = (await store.runs.getRun(outcome.runId))!;
    expect(run.status).toBe('finished');
    expect(run.axeVersion).toMatch(/^4\./);
    expect(run.browser).not.toBe('');
  });

  it('finds every seeded barrier where expected.json says', async () => {
    const findings = await collect(store.results.iterateFindings(outcome.runId));
    const missing: string[] = [];
    for (const [p, exp] of Object.entries(expected.pages)) {
      if (p.startsWith('/private/')) continue;
      const here = findings.filter((f) => pathOf(f.pageUrl) === p);
      for (const m of exp.mustFind) {
        if (!here.some((f) => f.ruleId === m.ruleId && f.kind === m.kind)) missing.push(`${p}: ${m.ruleId} (${m.kind})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reports no violation on the pages written down as clean', async () => {
    const violations = (await collect(store.results.iterateFindings(outcome.runId, { kind: 'violation' })))
      .filter((f) => expected.pages[pathOf(f.pageUrl)]?.clean)
      .map((f) => `${pathOf(f.pageUrl)}: ${f.ruleId} ${f.selector}`);
    expect(violations).toEqual([]);
    for (const [p, exp] of Object.entries(expected.pages)) {
      if (!exp.clean || p.startsWith('/private/')) continue;
      const page = (await store.results.pageByUrl(outcome.runId, server.url.replace(/\/$/, '') + p))!;
      expect(page.criteria.filter((c) => c.outcome === 'fail').map((c) => `${p} ${c.id}`)).toEqual([]);
    }
  });

  it('inventories documents (type, size, link text, linking pages) and checks the PDF and Office ones', async () => {
    const docs = await store.results.documentsOfRun(outcome.runId);
    const ok = docs.filter((d) => !d.error);
    expect(ok.map((d) => pathOf(d.url)).sort()).toEqual([...expected.documents].sort());
    for (const d of ok) {
      expect(d.size).toBeGreaterThan(100);
      expect(d.linkedFrom.length).toBeGreaterThan(0);
      expect(d.linkedFrom[0].text).not.toBe('');
    }
    expect(ok.find((d) => d.url.endsWith('.xlsx'))?.type).toBe('Excel');
    expect(ok.find((d) => d.url.endsWith('keikaku-2026.pdf'))).toMatchObject({ type: 'PDF', contentType: 'application/pdf' });
    expect((await collect(store.results.iteratePages(outcome.runId))).some((p) => /\.(pdf|xlsx)$/.test(p.url))).toBe(false);
    // the demo's documents of issue 18 give their findings (tests/fixtures/documents/make-sample-docs.ts)
    const rules = (p: string) => ok.find((d) => pathOf(d.url) === p)!.findings.map((f) => f.ruleId).sort();
    expect(rules('/docs/bosai-guide-2026.pdf')).toEqual([]);
    expect(rules('/docs/hinanjo-ichiran.pdf')).toEqual(['pdf-no-lang', 'pdf-untagged']);
    expect(rules('/docs/higai-hokoku-scan.pdf')).toEqual(['pdf-image-only', 'pdf-no-lang', 'pdf-no-title', 'pdf-untagged']);
    expect(rules('/docs/bosai-tebiki.docx')).toEqual(['office-image-no-alt']);
    expect(ok.every((d) => d.checked)).toBe(true);
  });

  it('records broken links (pages and documents)', async () => {
    const broken = (await store.results.brokenLinksOfRun(outcome.runId)).map((b) => ({ from: pathOf(b.fromUrl), to: pathOf(b.toUrl), status: b.status }));
    expect(broken).toEqual(expected.brokenLinks.map((b) => ({ ...b, status: 404 })));
  });

  it('the site-level checks mark their criteria for review', async () => {
    const dup = (await store.results.pageByUrl(outcome.runId, server.url + 'event/event-05.html'))!;
    expect(dup.criteria.find((c) => c.id === '2.4.2')?.outcome).toBe('review');
    const nav = (await store.results.pageByUrl(outcome.runId, server.url + 'kyoiku/toshokan.html'))!;
    expect(nav.criteria.find((c) => c.id === '3.2.3')?.outcome).toBe('review');
    expect((await collect(store.results.iterateFindings(outcome.runId, { source: 'site' }))).every((f) => f.kind === 'review')).toBe(true);
  });
});

describe('robots.txt switch', () => {
  it('--ignore-robots audits a Disallowed page; the default does not', async () => {
    const base = { startUrls: [server.url + 'private/'], sitemap: false, followLinks: false, concurrency: 1 };
    const d2 = mkdtempSync(path.join(os.tmpdir(), 'jis-crawl-robots-'));
    try {
      const honoured = await runCrawl(mergeConfig(base, { output: { dir: d2, db: path.join(d2, 'a.sqlite') } }));
      const ignored = await runCrawl(mergeConfig(base, { robots: false, output: { dir: d2, db: path.join(d2, 'b.sqlite') } }));
      const a = await openStore(honoured.dbFile, { readonly: true });
      const b = await openStore(ignored.dbFile, { readonly: true });
      expect(await collect(a.results.iteratePages(honoured.runId))).toHaveLength(0);
      const pages = await collect(b.results.iteratePages(ignored.runId));
      expect(pages.map((p) => pathOf(p.url))).toEqual(['/private/']);
      expect((await collect(b.results.iterateFindings(ignored.runId))).some((f) => f.ruleId === 'image-alt')).toBe(true);
      await a.close();
      await b.close();
    } finally {
      rmSync(d2, { recursive: true, force: true });
    }
  });
});

describe('limits', () => {
  it('max pages and max depth bound the crawl', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'jis-crawl-limits-'));
    try {
      const few = await runCrawl(mergeConfig({ startUrls: [server.url], sitemap: false, concurrency: 2, scope: { maxPages: 3 }, output: { dir: d, db: path.join(d, 'a.sqlite') } }));
      const shallow = await runCrawl(
        mergeConfig({ startUrls: [server.url + 'kurashi/'], sitemap: false, concurrency: 2, scope: { maxDepth: 0 }, output: { dir: d, db: path.join(d, 'b.sqlite') } }),
      );
      const a = await openStore(few.dbFile, { readonly: true });
      const b = await openStore(shallow.dbFile, { readonly: true });
      expect(await collect(a.results.iteratePages(few.runId))).toHaveLength(3);
      expect((await collect(b.results.iteratePages(shallow.runId))).map((p) => pathOf(p.url))).toEqual(['/kurashi/']);
      await a.close();
      await b.close();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
