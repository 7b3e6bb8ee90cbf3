// Page verdict: findings + rule stats + page facts → the outcome of each A/AA criterion.
// Pure (no DOM, no Node), shared by the crawler, the hook, the extension and the reports.
import automation from './data/automation.json';
import applicability from './data/applicability.json';
import { targetCriteria } from './criteria.js';
import type { CriterionResult, Finding, Outcome, PageFacts, RuleStat } from './types.js';

interface Decidable {
  requires: string[];
  mayBeInapplicable?: string[];
  reason: string;
}
const decidable = (automation as { decidable: Record<string, Decidable> }).decidable;
const inapplicableReasons = (applicability as { criteria: Record<string, { reason: string }> }).criteria;

export interface VerdictInput {
  findings: Finding[];
  ruleStats: RuleStat[];
  facts: PageFacts;
  target?: 'A' | 'AA';
}

export const OUTCOME_LABEL_JA: Record<Outcome, string> = {
  fail: '不適合',
  review: '要確認',
  pass: '適合',
  inapplicable: '適用なし',
  untested: '未検査',
};

export const KIND_LABEL_JA = { violation: '不適合', review: '要確認', advisory: '参考' } as const;

/** Order used for "worst of": a site-level outcome is the worst page outcome. */
export const OUTCOME_SEVERITY: Record<Outcome, number> = { pass: 0, inapplicable: 1, untested: 2, review: 3, fail: 4 };

export function worstOutcome(outcomes: Outcome[]): Outcome {
  // A criterion inapplicable on some pages and passed on others passes; untested anywhere stays untested.
  if (outcomes.length === 0) return 'untested';
  return outcomes.reduce((a, b) => (OUTCOME_SEVERITY[b] > OUTCOME_SEVERITY[a] ? b : a));
}

export function judgePage({ findings, ruleStats, facts, target = 'AA' }: VerdictInput): CriterionResult[] {
  return targetCriteria(target).map((c) => {
    const id = c.wcag;
    const mine = findings.filter((f) => f.criteria.includes(id));
    const counts = {
      violation: mine.filter((f) => f.kind === 'violation').length,
      review: mine.filter((f) => f.kind === 'review').length,
      advisory: mine.filter((f) => f.kind === 'advisory').length,
    };
    const stats = ruleStats.filter((s) => s.criteria.includes(id));
    let outcome: Outcome;
    let reason: string;
    if (counts.violation > 0) {
      outcome = 'fail';
      reason = `不適合の箇所が ${counts.violation} 件あります`;
    } else if (counts.review > 0) {
      outcome = 'review';
      reason = `人による確認が必要な箇所が ${counts.review} 件あります`;
    } else if (facts.inapplicable[id]) {
      outcome = 'inapplicable';
      reason = `${inapplicableReasons[id]?.reason ?? '対象となる内容がないため'}、適用されません`;
    } else if (decidable[id] && isDecided(decidable[id], stats)) {
      outcome = 'pass';
      reason = decidable[id].reason;
    } else if (stats.some((s) => s.result === 'passed')) {
      outcome = 'review';
      reason = '自動チェックでは問題が見つかりませんでしたが、自動では判定しきれないため人による確認が必要です';
    } else {
      outcome = 'untested';
      reason = '自動チェックの対象がありません。人による確認が必要です';
    }
    return { id, level: c.level, outcome, counts, reason };
  });
}

function isDecided(d: Decidable, stats: RuleStat[]): boolean {
  return d.requires.every((ruleId) => {
    const s = stats.find((x) => x.ruleId === ruleId);
    if (!s) return d.mayBeInapplicable?.includes(ruleId) ?? false;
    return s.result === 'passed' || (s.result === 'inapplicable' && (d.mayBeInapplicable?.includes(ruleId) ?? false));
  });
}
