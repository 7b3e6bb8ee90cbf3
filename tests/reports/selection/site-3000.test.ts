// The representative list on a generated 3,000-URL site (twelve true layouts, eight forms and their thanks
// pages, a top page) stored in a real SQLite file: the suggestions are a few dozen pages a person can test,
// they include the top page and every form, each says why, and each template's page is the one with most to
// test. The old rule (one page per URL-shape template, the shortest URL) is measured beside it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../crawler/store/store.js';
import { selectablePages } from '../../../crawler/cli/selection-text.js';
import { applicableCount, hasForm, layoutKey, population, selectPages, suggestRepresentatives, templateKey, type SelectablePage } from '../../../reports/selection/index.js';
import { FORMS, ORIGIN, generateSite, storeSite } from './generated-site.js';

let store: Store;
let pages: SelectablePage[];
const site = generateSite();

beforeAll(async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jis-sel3000-')), 'store.sqlite');
  store = await openStore(file);
  const runId = await storeSite(store, site);
  pages = population(await selectablePages(store, runId));
}, 120_000);
afterAll(async () => store?.close());

describe('representative pages on a generated 3,000-URL site', () => {
  it('the site is what the test claims: about 3,000 audited pages, 12 layouts, 8 forms', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2900);
    expect(new Set(site.map((p) => p.layout)).size).toBe(12);
    expect(pages.filter(hasForm).map((p) => p.url).sort()).toEqual(FORMS.map((f) => `${ORIGIN}/form/${f}.html`).sort());
  });

  it('the old rule (shortest URL per URL-shape template) gives well over a hundred "representative" pages', () => {
    const oldKeys = new Set(pages.map((p) => templateKey(p)));
    expect(oldKeys.size).toBeGreaterThan(150);
  });

  it('suggests a few dozen pages: the top page, every form, and the templates clustered and capped', () => {
    const s = suggestRepresentatives(pages);
    const urls = s.pages.map((p) => p.url);
    expect(urls.length).toBeGreaterThanOrEqual(12);
    expect(urls.length).toBeLessThanOrEqual(50);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls[0]).toBe(`${ORIGIN}/`);
    expect(s.pages[0].reason).toBe('トップページ');
    for (const f of FORMS) expect(urls).toContain(`${ORIGIN}/form/${f}.html`);
    expect(urls.filter((u) => u.endsWith('-thanks.html'))).toEqual([]);
    // every suggestion says why, and every layout that holds most of the site has a page
    for (const p of s.pages) expect(p.reason.length).toBeGreaterThan(4);
    for (const layout of ['article', 'news', 'event', 'faq', 'sub'] as const) {
      expect(s.pages.some((p) => site.find((g) => g.url === p.url)!.layout === layout || (layout === 'article' && site.find((g) => g.url === p.url)!.layout === 'video')), layout).toBe(true);
    }
    expect(s.clusterCount).toBeLessThan(30);
    expect(s.templates.reduce((n, t) => n + t.count, 0)).toBe(pages.length);
  });

  it('a template is represented by its page with most criteria applicable, not its shortest URL', () => {
    const s = suggestRepresentatives(pages);
    const articleKey = layoutKey(pages.find((p) => p.url.endsWith('/kurashi/ichi/annai-annai.html'))!);
    const t = s.templates.find((x) => x.key === articleKey)!;
    expect(t).toBeTruthy();
    const rep = pages.find((p) => p.url === t.representative)!;
    const best = Math.max(...pages.filter((p) => layoutKey(p) === articleKey).map(applicableCount));
    expect(applicableCount(rep)).toBe(best);
    expect(site.find((g) => g.url === rep.url)!.layout).toBe('video');
    expect(s.pages.find((p) => p.url === rep.url)!.reason).toContain('テンプレート');
  });

  it('the person\'s list comes first and covers its templates; a typo is named, not dropped', () => {
    const s = selectPages(pages, { method: 'representative', representative: [`${ORIGIN}/bosai/ichi/`, '/bosai/ni/*.html', '/bosia/**'] });
    expect(s.pages[0]).toMatchObject({ url: `${ORIGIN}/bosai/ichi/`, kind: 'representative', reason: '利用者が指定' });
    expect(s.pages.slice(1, 26).every((p) => p.reason === '利用者が指定（/bosai/ni/*.html）')).toBe(true);
    expect(s.warnings.find((w) => w.code === 'unmatched-representative')!.message).toContain('「/bosia/**」');
    expect(s.urls).toContain(`${ORIGIN}/`);
  });

  it('a search box on every page does not make every page a "form" suggestion', () => {
    const withSearch = pages.map((p) => ({ ...p, criteria: p.criteria!.map((c) => (c.id === '3.3.2' ? { ...c, outcome: 'review' as const } : c)) }));
    const s = suggestRepresentatives(withSearch);
    expect(s.pages.length).toBeLessThanOrEqual(50);
    expect(s.notes.map((n) => n.code)).toContain('forms-grouped');
  });
});
