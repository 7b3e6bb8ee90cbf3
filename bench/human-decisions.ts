// `npm run bench:decisions`: the human decisions a yearly AA test of the sample site still leaves after automation
// (issue 14's goal: ≤ 150 for a 50-page test, out of 50 × 38 = 1,900 page × criterion cells). It crawls the embedded
// sample site (46 pages, every page selected) into a temporary store and counts, from the worksheet the testers
// fill (reports/worksheet.ts): the cells the checks left open, then the open cells once site criteria are decided
// once for the site, then once template criteria are decided once per CMS template (the template the crawl recognised,
// rules-jis/page/template-identity.ts; the URL-shape layout key for pages without one).
// Carry-over of unchanged content is not simulated here: in a second year the judgements of unchanged pages carry over
// (jis-a11y test carry-over), so only the changed pages' rows come back.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSampleSite } from '../crawler/cli/sample-site.js';
import { mergeConfig } from '../crawler/crawl/config.js';
import { runCrawl } from '../crawler/crawl/crawl.js';
import { collect, openStore } from '../crawler/store/store.js';
import { buildReportModel } from '../reports/model.js';
import { selectedPages, worksheetRows, type WorksheetRow } from '../reports/worksheet.js';
import { claimStatus } from '../rules-jis/verdict.js';
import { layoutKey } from '../reports/selection/template-key.js';
import { targetCriteria } from '../rules-jis/criteria.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jis-decisions-'));
const server = await serveSampleSite();
try {
  const db = path.join(dir, 'bench.sqlite');
  const outcome = await runCrawl(mergeConfig({ startUrls: [server.url], output: { dir, db }, label: 'bench:decisions' }));
  const store = await openStore(db, { readonly: true });
  try {
    const m = await buildReportModel(store, { runId: outcome.runId, testId: undefined });
    const pages = selectedPages(m);
    const rows = worksheetRows(m, pages);
    const open = (a: WorksheetRow['automated']) => claimStatus(a) === 'open';
    const cells = pages.length * targetCriteria('AA').length;
    const pageRows = rows.filter((r) => r.url !== null);
    const decided = pageRows.filter((r) => !open(r.automated)).length;
    const naive = pageRows.filter((r) => open(r.automated)).length + rows.filter((r) => r.url === null).length * pages.length;
    const withSite = rows.filter((r) => open(r.automated)).length;
    const byUrl = new Map(m.pages.map((p) => [p.url, p]));
    // the CMS template the crawl recognised (rules-jis/page/template-identity.ts); the URL-shape layout otherwise
    const stored = new Map((await collect(store.results.iteratePages(outcome.runId))).map((p) => [p.url, p.templateKey]));
    const layout = (url: string) => stored.get(url) ?? layoutKey({ url, title: byUrl.get(url)?.title, navKeys: [] });
    const units = new Set(rows.filter((r) => open(r.automated)).map((r) => (r.judgedPer === 'template' && r.url ? `${r.criterion} ${layout(r.url)}` : r.url === null ? `${r.criterion} site` : `${r.criterion} ${r.url}`)));
    console.log(`人による判断の数（サンプルサイト ${pages.length} ページ × AA 38 達成基準 = ${cells} セル）`);
    console.log(`  自動で決まったセル: ${decided}（${((100 * decided) / cells).toFixed(1)}%）`);
    console.log(`  残るセル（ページごとに判断した場合）: ${naive}`);
    console.log(`  サイト単位の達成基準をサイトで 1 回: ${withSite}`);
    console.log(`  さらにテンプレート単位の達成基準をテンプレートごとに 1 回: ${units.size}（目標: 50 ページで 150 以下）`);
  } finally {
    await store.close();
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
