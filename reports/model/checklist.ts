// The 達成基準チェックリスト of the report model: one row per criterion of the target level, its site-level
// outcome over the SELECTED pages (the ones published as tested), page counts per outcome, the judgements
// that decided it, and the 注記 printed beside it. Outcome algebra is rules-jis/verdict.ts's, not ours.
import { targetCriteria, type Criterion } from '../../rules-jis/criteria.js';
import { claimStatus, siteOutcome, type AppliedCriterion, type ClaimStatus } from '../../rules-jis/verdict.js';
import { RESULT_MARK_JA } from '../../rules-jis/labels-ja.js';
import type { Judgement } from '../../rules-jis/judgements.js';
import type { Outcome } from '../../rules-jis/types.js';
import type { ChecklistRow, ModelPage } from '../model.js';
import { isoDateJst } from '../format.js';

const OUTCOMES: Outcome[] = ['fail', 'review', 'untested', 'pass', 'inapplicable'];

/** Rows whose result is met (○), failed (×) or still open for a person (what keeps the claim from 準拠). */
export function byStatus(rows: ChecklistRow[], status: ClaimStatus): ChecklistRow[] {
  return rows.filter((r) => claimStatus(r.outcome) === status);
}

/** The 注記: why the result is what it is, then every judgement that decided it. */
function note(outcome: Outcome, count: Record<Outcome, number>, judgements: Judgement[]): string {
  const notes: string[] = [];
  if (outcome === 'fail') notes.push(`${count.fail} ページで不適合`);
  if (outcome === 'review') notes.push(`${count.review} ページで人による確認が必要`);
  if (outcome === 'untested') notes.push('自動検査の対象外。人による確認が必要');
  if (outcome === 'inapplicable') notes.push('対象となるコンテンツなし');
  for (const j of judgements) notes.push(`人による確認（${j.who || '確認者不明'}、${isoDateJst(j.when)}）${j.note ? '：' + j.note : ''}`);
  return notes.join('。');
}

function checklistRow(c: Criterion, selected: ModelPage[]): ChecklistRow {
  const per = selected.map((p) => p.criteria.find((x) => x.id === c.wcag)).filter((x): x is AppliedCriterion => !!x);
  const outcome = per.length ? siteOutcome(per.map((x) => x.outcome)) : 'untested';
  const count = Object.fromEntries(OUTCOMES.map((o) => [o, per.filter((x) => x.outcome === o).length])) as Record<Outcome, number>;
  const judgements = [...new Map(per.filter((x) => x.judgement).map((x) => [x.judgement!.id, x.judgement!])).values()];
  return {
    id: c.wcag,
    level: c.level,
    jaJis: c.jaJis,
    ja: c.ja,
    outcome,
    applicable: outcome !== 'inapplicable',
    resultMark: RESULT_MARK_JA[outcome],
    pages: count,
    violations: per.reduce((n, x) => n + x.counts.violation, 0),
    reviews: per.reduce((n, x) => n + x.counts.review, 0),
    judgements,
    note: note(outcome, count, judgements),
  };
}

/** The checklist over the selected pages, in the order of the standard. */
export function buildChecklist(pages: ModelPage[], target: 'A' | 'AA'): ChecklistRow[] {
  const selected = pages.filter((p) => p.selected);
  return targetCriteria(target).map((c) => checklistRow(c, selected));
}
