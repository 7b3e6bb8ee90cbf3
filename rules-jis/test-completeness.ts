// Is the test (試験) complete? A 対応度 may be stated only when every criterion of the target level has a result
// on every selected page: an automated pass or fail, a person's judgement, or 適用なし. Anything else — 要確認
// (review), 未確認 (untested), 再確認 (a judgement made on content that has since changed), or no row at all — is
// missing, and this file says where: criterion → the pages still missing a result. Pure: the claim (claim.ts),
// the reports and `jis-a11y test status` use it the same way.
import { compareCriterionIds, targetCriteria } from './criteria.js';
import { claimStatus, type JudgedOutcome } from './verdict.js';
import type { Level, Target } from './types.js';

/** One selected page with the outcome of each criterion, judgements applied. */
export interface PageOutcomes {
  url: string;
  criteria: { id: string; outcome: JudgedOutcome }[];
}

/** Why a page still lacks a result for a criterion: its outcome, or `missing` when the page has no row for it. */
export type MissingState = Extract<JudgedOutcome, 'review' | 'untested' | 'recheck'> | 'missing';

export interface MissingResult {
  criterion: string;
  level: Level;
  /** The pages without a result, in selection order, each with why. */
  pages: { url: string; state: MissingState }[];
}

export interface Completeness {
  complete: boolean;
  /** Selected pages looked at. With none, the test is not complete. */
  pages: number;
  /** Criterion → pages missing a result (criteria in the order of the standard; only those with something missing). */
  missing: MissingResult[];
}

/** Every criterion of the target on every page: what still has no result. */
export function testCompleteness(pages: readonly PageOutcomes[], target: Target = 'AA'): Completeness {
  const missing: MissingResult[] = [];
  for (const c of targetCriteria(target)) {
    const lacking = pages.flatMap((p) => {
      const outcome = p.criteria.find((x) => x.id === c.wcag)?.outcome;
      if (outcome === undefined) return [{ url: p.url, state: 'missing' as const }];
      return claimStatus(outcome) === 'open' ? [{ url: p.url, state: outcome as MissingState }] : [];
    });
    if (lacking.length) missing.push({ criterion: c.wcag, level: c.level, pages: lacking });
  }
  missing.sort((a, b) => compareCriterionIds(a.criterion, b.criterion));
  return { complete: pages.length > 0 && missing.length === 0, pages: pages.length, missing };
}

/** Pages × criteria still missing a result (what `test status` and the claim count). */
export function missingCount(c: Completeness): number {
  return c.missing.reduce((n, m) => n + m.pages.length, 0);
}
