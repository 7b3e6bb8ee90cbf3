// `npm run bench:decisions`: the human decisions a yearly AA test of the sample site still leaves after automation
// (issue 14's goal: ≤ 150 for a 50-page test, out of 50 × 38 = 1,900 page × criterion cells). It crawls the embedded
// sample site (46 pages, every page selected) for a test in a temporary store and counts, from the worksheet the
// testers fill (reports/worksheet.ts), step by step:
//   1. the cells the checks left open, of them the ones the page's own content now decides (適用なし with its evidence:
//      no image for 1.4.5, no link for 2.4.4, nothing that can move or flash for 2.2.1/2.2.2/2.3.1);
//   2. site criteria once for the site, template criteria once per CMS template (the template the crawl recognised,
//      rules-jis/page/template-identity.ts; the URL-shape layout key for pages without one);
//   3. region-aware: a cell of a criterion judged element by element whose elements all lie in the template's parts
//      is decided once per template; only the content's cells stay per page;
//   4. element by element (rules-jis/decision-items.ts): a simulated tester goes down the worksheet page by page and
//      records `jis-a11y judge --elements-of` for every cell with elements not judged yet (crawler/store/
//      element-judgements.ts); a cell whose elements were all judged on earlier pages is not asked;
//   5. the second year: the tester records everything left, a few pages of the site change (bench/decisions-year2.ts),
//      the site is crawled for a new test, the unchanged judgements are carried over (`jis-a11y test carry-over`),
//      and what comes back is counted the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveSampleSite } from '../crawler/cli/sample-site.js';
import { mergeConfig } from '../crawler/crawl/config.js';
import { runCrawl } from '../crawler/crawl/crawl.js';
import { openStore, type Store } from '../crawler/store/store.js';
import { elementJudgements } from '../crawler/store/element-judgements.js';
import { planCarryOver } from '../crawler/store/carry-over.js';
import { buildReportModel } from '../reports/model.js';
import { selectedPages } from '../reports/worksheet.js';
import { targetCriteria } from '../rules-jis/criteria.js';
import { decisionItemRule } from '../rules-jis/decision-items.js';
import { countDecisions, finishYear, type DecisionCounts } from './decisions-count.js';
import { changedSampleSite, YEAR2_CHANGES } from './decisions-year2.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jis-decisions-'));
const db = path.join(dir, 'bench.sqlite');

async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Both years on the same origin (the same port), as a real site keeps its URLs. */
let port = 0;

async function crawlFor(testName: string, fiscalYear: number, siteDir?: string): Promise<{ runId: number; testId: number }> {
  const testId = await withStore(async (s) => (await s.tests.create({ name: testName, fiscalYear, target: 'AA' })).id);
  const server = await serveSampleSite({ dir: siteDir, port });
  port = Number(new URL(server.url).port);
  try {
    const outcome = await runCrawl(mergeConfig({ startUrls: [server.url], output: { dir, db }, label: 'bench:decisions' }));
    return { runId: outcome.runId, testId };
  } finally {
    await server.close();
  }
}

async function counts(runId: number, testId: number): Promise<DecisionCounts> {
  return withStore(async (s) => countDecisions(s, await buildReportModel(s, { runId, testId }), runId));
}

/** Step 4: the tester judges each cell's elements not judged yet, page by page; returns how many cells asked. */
async function judgeElements(runId: number, testId: number): Promise<number> {
  return withStore(async (s) => {
    const m = await buildReportModel(s, { runId, testId });
    let asked = 0;
    for (const p of selectedPages(m))
      for (const c of p.criteria.filter((c) => decisionItemRule(c.id) && c.items?.length && (c.outcome === 'review' || c.outcome === 'untested'))) {
        const inputs = await elementJudgements(s, { url: p.url, criterion: c.id, result: 'pass', who: 'bench', runId });
        if (!inputs.length) continue;
        asked++;
        await s.judgements.recordJudgements(inputs, { source: 'bench', testId, runId });
      }
    return asked;
  });
}

const n = (x: number) => x.toLocaleString('ja-JP');
try {
  const y1 = await crawlFor('令和8年度 試験（bench）', 2026);
  const before = await counts(y1.runId, y1.testId);
  const cells = before.pages * targetCriteria('AA').length;
  console.log(`人による判断の数（サンプルサイト ${before.pages} ページ × AA 38 達成基準 = ${n(cells)} セル）`);
  console.log(`  1. 自動で決まったセル: ${n(before.decided)}（${((100 * before.decided) / cells).toFixed(1)}%）うち、ページの内容から適用なしと決まったもの（1.4.5・2.4.4・2.2.1・2.2.2・2.3.1）: ${n(before.newlyInapplicable)}`);
  console.log(`     残るセル（ページごとに判断した場合）: ${n(before.naive)}`);
  console.log(`  2. サイト単位の達成基準をサイトで 1 回: ${n(before.withSite)}`);
  console.log(`     さらにテンプレート単位の達成基準をテンプレートごとに 1 回: ${n(before.withTemplate)}`);
  console.log(`  3. さらに要素ごとに判断する達成基準で、テンプレート部分だけのセルをテンプレートごとに 1 回: ${n(before.regionAware)}`);
  const asked = await judgeElements(y1.runId, y1.testId);
  const after = await counts(y1.runId, y1.testId);
  console.log(`  4. さらに同じ要素をサイトで 1 回（要素ごとの判断で聞かれたセル ${n(asked)} + 残り ${n(after.withTemplate)}）: ${n(asked + after.withTemplate)}（目標: 50 ページで 150 以下）`);
  await withStore((s) => finishYear(s, y1.runId, y1.testId));
  const site2 = changedSampleSite(dir);
  const y2 = await crawlFor('令和9年度 試験（bench）', 2027, site2);
  const carried = await withStore(async (s) => {
    const plan = await planCarryOver(s, { toTestId: y2.testId, fromTestId: y1.testId });
    const picks = plan.candidates.filter((c) => c.state === 'unchanged').map((c) => ({ judgementId: c.judgement.id, recheck: false }));
    await s.tests.carryOver(y2.testId, picks);
    return { picked: picks.length, changed: plan.candidates.filter((c) => c.state === 'changed').length, all: plan.candidates.length };
  });
  const back = await counts(y2.runId, y2.testId);
  const asked2 = await judgeElements(y2.runId, y2.testId);
  const after2 = await counts(y2.runId, y2.testId);
  console.log(`  5. 2 年目（${YEAR2_CHANGES.length} ページを変更: ${YEAR2_CHANGES.map((c) => c.what).join('、')}）`);
  console.log(`     引き継いだ判断 ${n(carried.picked)} / ${n(carried.all)} 件（ページが変わったため引き継がなかったもの ${n(carried.changed)} 件）`);
  console.log(`     引き継ぎの後に戻ってくる判断: ${n(asked2 + after2.withTemplate)}（要素ごとの判断で聞かれたセル ${n(asked2)} + 残り ${n(after2.withTemplate)}。引き継ぎ直後の未判断のセル ${n(back.naive)}）`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
