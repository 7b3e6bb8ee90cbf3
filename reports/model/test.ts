// The yearly test (rules-jis/jis-test.ts) in the report model: with `testId`, the report shows the test's
// newest run, the test's judgements only (copies carried as 「再確認」 are listed, never applied), the test's
// statement under anything given on the command line, and the 試験実施期間 of the test's runs and judgements
// (rules-jis/test-period.ts); a 表明日 before that period's end is reported as a problem. Without a test,
// nothing changes: every judgement in the store and the run's own dates.
import type { Store, StoredPage } from '../../crawler/store/store.js';
import type { JisTest } from '../../rules-jis/jis-test.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { coversPage, isStaleFor, type Judgement } from '../../rules-jis/judgements.js';
import { statementDateProblem, type TestPeriod } from '../../rules-jis/test-period.js';
import type { ReportOptions, StatementOptions } from '../model.js';

export interface TestContext {
  test: JisTest | null;
  /** The run to report. */
  runId: number | undefined;
  /** The judgements to apply (the test's, without the 「再確認」 copies); undefined without a test. */
  judgements: Judgement[] | undefined;
  /** Every judgement of the test, for the list in the report. */
  all: Judgement[];
  recheck: Judgement[];
  statement: StatementOptions | undefined;
  /** What is wrong with the 表明日 the report shows. */
  problems: (statementDate: string) => string[];
}

function statementOf(test: JisTest, given: StatementOptions | undefined, period: TestPeriod | null): StatementOptions {
  const merged: StatementOptions = { ...test.statement, ...given };
  if (period) merged.period = period;
  return merged;
}

export async function testContext(store: Store, opts: ReportOptions): Promise<TestContext> {
  if (opts.testId === undefined) return { test: null, runId: opts.runId, judgements: undefined, all: [], recheck: [], statement: opts.statement, problems: () => [] };
  const test = await store.tests.get(opts.testId);
  if (!test) throw new UsageError(`試験 #${opts.testId} がストアにありません（jis-a11y test status --all で一覧を表示できます）。`);
  const runId = opts.runId ?? test.runIds.at(-1);
  if (runId === undefined) throw new UsageError(`試験 #${test.id}「${test.name}」にはまだ検査がありません。先に jis-a11y crawl を実行してください。`);
  const all = await store.tests.judgementsOf(test.id);
  const period = await store.tests.periodOf(test.id);
  return {
    test,
    runId,
    judgements: all.filter((j) => !j.recheck),
    all,
    recheck: all.filter((j) => j.recheck),
    statement: statementOf(test, opts.statement, period),
    problems: (date) => {
      const p = statementDateProblem(date, period);
      return p ? [p] : [];
    },
  };
}

/** 「再確認」 copies as stale judgements: the pages where their content changed, else every page they name. */
export function recheckStale(recheck: Judgement[], audited: StoredPage[]): { judgement: Judgement; urls: string[] }[] {
  return recheck.map((j) => {
    const changed = audited.filter((p) => isStaleFor(j, p)).map((p) => p.url);
    const named = audited.filter((p) => coversPage({ ...j, fingerprint: null }, p)).map((p) => p.url);
    return { judgement: j, urls: changed.length ? changed : named };
  });
}
