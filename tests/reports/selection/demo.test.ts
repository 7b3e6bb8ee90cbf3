// The demo's representative selection, from a real crawl of the sample site (tests/fixtures/site) in headless
// Chromium: the form (/form/otoiawase.html) is selected, not only its thanks page, which the old rule
// (shortest URL per URL-shape template) picked instead; the top page is there; every page says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../crawler/store/store.js';
import { selectablePages } from '../../../crawler/cli/selection-text.js';
import { hasForm, population, selectPages, templateKey, type SelectablePage } from '../../../reports/selection/index.js';
import { buildReportModel } from '../../../reports/model.js';
import { testResultPage } from '../../../reports/test-result.js';
import { testResultDocument } from '../../../reports/test-result/document.js';
import { sampleCrawl } from '../../helpers/shared-fixtures.js';

let store: Store;
let runId: number;
let pages: SelectablePage[];
let origin: string;

beforeAll(async () => {
  // the default crawl of the sample site (two tabs, keyboard phase on), built once a run; our own copy of its store
  const crawl = await sampleCrawl();
  origin = new URL(crawl.siteUrl).origin;
  runId = crawl.runId;
  store = await openStore(crawl.dbFile);
  pages = population(await selectablePages(store, runId));
}, 300_000);
afterAll(async () => store?.close());

describe('the demo\'s representative pages', () => {
  it('the crawl stored the form as a page with input fields, and its thanks page without', () => {
    const form = pages.find((p) => p.url === `${origin}/form/otoiawase.html`)!;
    const thanks = pages.find((p) => p.url === `${origin}/form/thanks.html`)!;
    expect(hasForm(form)).toBe(true);
    expect(hasForm(thanks)).toBe(false);
    // the old rule: one page per URL-shape template, the shortest URL — the thanks page stood for the form
    const group = pages.filter((p) => templateKey(p) === templateKey(form));
    expect(group.map((p) => p.url)).toContain(thanks.url);
    expect([...group].sort((a, b) => a.url.length - b.url.length)[0].url).toBe(thanks.url);
  });

  it('the representative selection includes the form and the top page, each with why', () => {
    const s = selectPages(pages, { method: 'representative' });
    const form = s.pages.find((p) => p.url === `${origin}/form/otoiawase.html`);
    expect(form).toMatchObject({ kind: 'representative', reason: 'フォームがあるページ（入力欄あり）' });
    expect(s.pages.find((p) => p.url === `${origin}/`)).toMatchObject({ reason: 'トップページ' });
    expect(s.warnings.map((w) => w.code)).not.toContain('no-form-page');
    expect(s.urls.length).toBeLessThan(pages.length);
  });

  it('the 試験結果 lists the URIs as links marked 代表 / ランダム', async () => {
    const m = await buildReportModel(store, { runId, selection: { method: 'representative-random', n: 5, seed: 'demo' }, now: '2026-11-30T00:00:00Z' });
    const html = testResultPage(testResultDocument(m));
    expect(html).toMatch(new RegExp(`<a href="${origin}/form/otoiawase\\.html">[^<]*${origin}/form/otoiawase\\.html</a>（代表）`));
    expect(html.match(/<\/a>（ランダム）/g)).toHaveLength(5);
    expect(html).toContain('ランダムに選んだページは 5 ページです');
  });
});
