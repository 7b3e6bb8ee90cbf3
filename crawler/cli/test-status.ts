// `jis-a11y test status`: a yearly test in a few Japanese lines for the 広報広聴課 officer: the runs it uses,
// its 試験実施期間 and 表明日, its judgements (carried, 「再確認」), and what is still missing before a claim may be
// stated (criteria still 要確認 / 未確認 over the selected pages, from the report model: reports/model.ts).
import type { Store } from '../store/store.js';
import type { JisTest } from '../../rules-jis/jis-test.js';
import { JUDGED_OUTCOME_LABEL_JA, JUDGEMENT_RESULT_LABEL_JA, TEST_STATUS_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { selectionStatusLines } from './selection-text.js';
import { claimStatus } from '../../rules-jis/verdict.js';
import { jaDate, periodText, statementDateProblem } from '../../rules-jis/test-period.js';
import { buildReportModel } from '../../reports/model.js';
import { dateJa, fiscalYearJa } from '../../reports/format.js';
import type { Judgement } from '../../rules-jis/judgements.js';

/** 「試験 #2「令和8年度 試験」（令和8年度（2026年度）、目標 AA、実施中）」 */
export function testHeading(t: JisTest): string {
  const year = t.fiscalYear !== null ? `${fiscalYearJa(t.fiscalYear)}、` : '';
  return `試験 #${t.id}「${t.name}」（${year}目標 ${t.target}、${TEST_STATUS_LABEL_JA[t.status]}）`;
}

function judgementLine(js: Judgement[]): string {
  const results = js.filter((j) => !j.recheck);
  const by = (r: Judgement['result']) => results.filter((j) => j.result === r).length;
  const parts = (['pass', 'fail', 'inapplicable'] as const).map((r) => `${JUDGEMENT_RESULT_LABEL_JA[r]} ${by(r)}`).join('、');
  const carried = js.filter((j) => j.carriedFrom && !j.recheck).length;
  const recheck = js.filter((j) => j.recheck).length;
  const waivers = results.filter((j) => j.waiver).length;
  const extra = [carried ? `うち引き継ぎ ${carried} 件` : '', waivers ? `適用除外の理由つき ${waivers} 件` : '', recheck ? `ほかに「再確認」として引き継いだもの ${recheck} 件（結果には使いません）` : '']
    .filter(Boolean)
    .join('、');
  return `人による判断: ${results.length} 件（${parts}）${extra ? `、${extra}` : ''}`;
}

/** What the report model says is still open: criteria 要確認 / 未確認 over the selected pages. */
async function missingLines(store: Store, t: JisTest): Promise<string[]> {
  if (!t.runIds.length) return ['まだ検査がありません。jis-a11y crawl を実行すると、この試験の検査として記録されます。'];
  const m = await buildReportModel(store, { testId: t.id });
  // what blocks the claim is verdict.ts's to say (review, untested, 再確認), not a list of outcomes kept here
  const open = m.checklist.filter((r) => claimStatus(r.outcome) === 'open');
  const failed = m.checklist.filter((r) => claimStatus(r.outcome) === 'failed');
  const lines = [`判定（${m.pages.filter((p) => p.selected).length} ページ）: ${m.claim.text}`];
  if (failed.length) lines.push(`不適合の達成基準: ${failed.length} 件（${failed.map((r) => r.id).join('、')}）`);
  if (!open.length) {
    lines.push('すべての達成基準に結果があります。');
    return lines;
  }
  lines.push(`まだ結果のない達成基準: ${open.length} 件（人による確認が必要です）`);
  for (const r of open) {
    const counts = (['recheck', 'review', 'untested'] as const).filter((o) => r.pages[o]).map((o) => `${JUDGED_OUTCOME_LABEL_JA[o]} ${r.pages[o]} ページ`).join('、');
    lines.push(`  ${r.id} ${r.ja}（${counts}）`);
  }
  return lines;
}

export async function testStatusText(store: Store, t: JisTest): Promise<string> {
  const lines = [testHeading(t)];
  const runs = await Promise.all(t.runIds.map((id) => store.runs.getRun(id)));
  lines.push(
    runs.length
      ? `使う検査: ${runs.map((r) => (r ? `#${r.id}（${dateJa(r.startedAt)} 開始、${r.status === 'finished' ? '完了' : '未完了'}）` : '')).join('、')}`
      : '使う検査: まだありません',
  );
  const period = await store.tests.periodOf(t.id);
  lines.push(`試験実施期間: ${period ? periodText(period) : 'まだありません（検査と判断の日付から決まります）'}`);
  const date = t.statement.statementDate;
  lines.push(`表明日: ${date ? jaDate(date) : '未設定（jis-a11y test close で決まります）'}`);
  const problem = date ? statementDateProblem(date, period) : null;
  if (problem) lines.push(`注意: ${problem}`);
  lines.push(judgementLine(await store.tests.judgementsOf(t.id)));
  // the pages to test (JB.1.2): the stored selection of the test on its newest run, with its warnings
  const newest = t.runIds.at(-1);
  if (newest !== undefined) lines.push(...(await selectionStatusLines(store, t.id, newest)));
  lines.push(...(await missingLines(store, t)));
  return lines.join('\n');
}
