// The 試験実施期間 of a test and its check against the 表明日 (issue 14), pure date logic.
// The period runs from the earliest of the test's crawl starts and its judgements' dates to the latest of
// its crawl ends and judgements' dates (a judgement carried over from last year keeps its date, so the
// period shows that the result rests on it). The 表明日 (a JST calendar date) must be on or after the
// period's last day in JST. The store refuses an earlier 表明日 (crawler/store/tests.ts); the reports say
// 「表明日が試験実施期間より前です」 when one slips through (a report made before the test is closed).
// No DOM, no Node.
import { STATEMENT_BEFORE_PERIOD_JA } from './labels-ja.js';

/** ISO 8601 instants (UTC, as toISOString writes them). */
export interface TestPeriod {
  from: string;
  to: string;
}

/** What the period is made of. */
export interface PeriodInput {
  runs: { startedAt: string; finishedAt: string | null }[];
  /** The dates of the test's judgements (revoked ones left out by the caller). */
  judgementDates: string[];
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The JST calendar date (YYYY-MM-DD) of an instant. */
export function jstDate(iso: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${iso}`);
  return new Date(t + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-11-20 → 2026年11月20日. */
export function jaDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : ymd;
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isYmd(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The period of a test, or null when it has neither a run nor a judgement yet. */
export function testPeriod({ runs, judgementDates }: PeriodInput): TestPeriod | null {
  const starts = [...runs.map((r) => r.startedAt), ...judgementDates];
  const ends = [...runs.map((r) => r.finishedAt ?? r.startedAt), ...judgementDates];
  if (!starts.length) return null;
  const t = (s: string) => new Date(s).getTime();
  const from = starts.reduce((a, b) => (t(b) < t(a) ? b : a));
  const to = ends.reduce((a, b) => (t(b) > t(a) ? b : a));
  return { from: new Date(t(from)).toISOString(), to: new Date(t(to)).toISOString() };
}

/** The period as people read it: 2026年11月10日〜2026年11月20日. */
export function periodText(p: TestPeriod): string {
  const a = jstDate(p.from);
  const b = jstDate(p.to);
  return a === b ? jaDate(a) : `${jaDate(a)}〜${jaDate(b)}`;
}

/**
 * What is wrong with a 表明日 for this period, in Japanese, or null when nothing is: not a date, or before the
 * period's last day (JST). With no period yet, any real date passes.
 */
export function statementDateProblem(statementDate: string, period: TestPeriod | null): string | null {
  if (!isYmd(statementDate)) return `表明日「${statementDate}」を読めません。YYYY-MM-DD（例: 2026-12-01）で書いてください`;
  if (!period) return null;
  const end = jstDate(period.to);
  if (statementDate >= end) return null;
  return `${STATEMENT_BEFORE_PERIOD_JA}（表明日 ${jaDate(statementDate)}、試験実施期間 ${periodText(period)}）。表明日は ${jaDate(end)} 以降にしてください`;
}
