// Template identity that survives content (issue 19): on a CMS site whose pages vary within each of its twelve
// layouts (current menu item, breadcrumb and side-menu lengths, inline page-id scripts, section classes, editor
// blocks and the scripts they bring), every layout is one template and no template mixes two layouts; the
// crawl stores each page's template and runs the keyboard phase once per template and new widget kind.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveVarietySite, type VarietySite } from '../../bench/cms-variety-site.js';
import { pageKeys, score } from '../../bench/template-identity.js';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { collect, openStore } from '../../crawler/store/store.js';

let site: VarietySite;
let dir: string;
beforeAll(async () => {
  site = await serveVarietySite(32);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-templates-'));
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('template identity', () => {
  it('groups the pages of a varied CMS site by their true layout: none split, none merged', async () => {
    const keys = await pageKeys(site.urls);
    const of = (f: (k: { makeup: string; template: string }) => string) => new Map([...keys].map(([u, k]) => [u, f(k)]));
    expect(score(of((k) => k.template), site.layouts)).toEqual({ groups: 12, split: 0, merged: 0 });
    // the old make-up split most layouts: the reason for the change
    expect(score(of((k) => k.makeup), site.layouts).split).toBeGreaterThan(6);
  }, 240_000);

  it('the crawl stores each page’s template and drives the keyboard once per template and new widget kind', async () => {
    const lines: string[] = [];
    const urls = site.urls.slice(0, 16); // every layout once, articles five times
    const config = mergeConfig({ startUrls: urls, output: { dir }, checkDocuments: false, sitemap: false, followLinks: false });
    const r = await runCrawl(config, { hooks: { onLog: (l) => lines.push(l) } });
    const store = await openStore(r.dbFile, { readonly: true });
    try {
      const pages = (await collect(store.results.iteratePages(r.runId))).filter((p) => !p.error);
      expect(pages.length).toBe(urls.length);
      expect(pages.every((p) => p.templateKey && p.widgetKey)).toBe(true);
      const byTemplate = new Map(pages.map((p) => [p.url, p.templateKey!]));
      expect(score(byTemplate, site.layouts)).toEqual({ groups: 12, split: 0, merged: 0 });
      // the keyboard phase: at least once per template, never more than once per template × widget set (a page made
      // only of widget kinds driven on earlier pages of its template is covered by them)
      const combos = new Set(pages.map((p) => `${p.templateKey} ${p.widgetKey}`)).size;
      const m = /部品の種類が新しい (\d+) ページで行い、検査済みの部品だけでできた (\d+) ページでは省きました/.exec(lines.join('\n'));
      expect(m).not.toBeNull();
      const [driven, skipped] = [Number(m![1]), Number(m![2])];
      expect(driven + skipped).toBe(pages.length);
      expect(driven).toBeGreaterThanOrEqual(12);
      expect(driven).toBeLessThanOrEqual(combos);
    } finally {
      await store.close();
    }
  }, 600_000);
});
