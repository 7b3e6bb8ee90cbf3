// Smoke run of the benchmark harness (bench/), so it cannot rot: a 2-page synthetic site, jis-a11y crawl
// the naive @axe-core/puppeteer loop and the bare axe.run loop (pa11y-ci is left out: it is installed on demand, from the network).
// Benchmarks are not tests: nothing here asserts a speed, only that every path runs and measures.
import { describe, expect, it } from 'vitest';
import { renderPage, startSite } from '../../bench/site-generator.js';
import { runBench } from '../../bench/run.js';
import { sampleTree } from '../../bench/proc.js';

describe('bench harness (smoke)', () => {
  it('generates pages of a prefectural template with validators and a sitemap', async () => {
    const html = renderPage(5, 10, 0, 1);
    expect(html).toContain('<html lang="ja">');
    expect(html).toMatch(/<nav aria-label="グローバルナビゲーション"/);
    expect(html).toMatch(/<table>/);
    expect(html).toMatch(/\/docs\/\d+\.pdf/);
    expect(renderPage(5, 10, 0, 1)).toBe(html); // deterministic
    expect(renderPage(5, 10, 1, 1)).not.toBe(html); // a new version is new content
    const site = await startSite({ pages: 3 });
    try {
      const sm = await (await fetch(site.sitemapUrl)).text();
      expect(sm.match(/<loc>/g)).toHaveLength(3);
      const r1 = await fetch(site.urls[1]!);
      const etag = r1.headers.get('etag')!;
      expect(etag).toBeTruthy();
      expect((await fetch(site.urls[1]!, { headers: { 'If-None-Match': etag } })).status).toBe(304);
      site.touchPages([1]);
      expect((await fetch(site.urls[1]!, { headers: { 'If-None-Match': etag } })).status).toBe(200);
    } finally {
      await site.close();
    }
  });

  it('samples a process tree from /proc', async () => {
    const s = sampleTree(process.pid, 50);
    await new Promise((r) => setTimeout(r, 120));
    const u = s.stop();
    expect(u.peakRssBytes).toBeGreaterThan(0);
    expect(u.samples.length).toBeGreaterThan(1);
  });

  it('runs jis-a11y crawl and the naive loop on the same site and reports figures', async () => {
    const r = await runBench({ pages: 2, pa11y: false, pa11yConcurrency: [], skipDefaultCrawl: true });
    for (const t of [r.jis, r.naive, r.bare]) {
      expect(t.pages).toBe(2);
      expect(t.pagesPerSecond).toBeGreaterThan(0);
      expect(t.usage.peakPssBytes).toBeGreaterThan(0);
      expect(t.errors).toBe(0);
    }
    expect(r.jis.usage.browserCpuSec).toBeGreaterThan(0);
    expect(Number.isFinite(r.fractionOfLimit)).toBe(true);
    // page 0 has an image without alt: both paths must find it (equal findings on the same pages)
    expect(r.jis.imageAltPages).toBe(1);
    expect(r.naive.imageAltPages).toBe(1);
    expect(r.bare.imageAltPages).toBe(1);
    expect(r.pa11y).toBeNull();
    expect(r.jisFull).toBeNull();
  }, 180_000);
});
