// The 達成基準チェックリスト of the report model: one row per criterion of the target level, its site-level
// outcome over the SELECTED pages (the ones published as tested), page counts per outcome, how the result was
// reached (自動 / 自動＋人 / 人: the judgements actually used), the waivers that answered an automated fail, and
// the 注記 printed beside it. Outcome algebra is rules-jis/verdict.ts's, not ours.
import { targetCriteria, type Criterion } from '../../rules-jis/criteria.js';
import { claimStatus, siteOutcome, type AppliedCriterion, type ClaimStatus, type JudgedOutcome } from '../../rules-jis/verdict.js';
import { RESULT_MARK_JA, type DecidedBy } from '../../rules-jis/labels-ja.js';
import type { Judgement } from '../../rules-jis/judgements.js';
import type { ChecklistRow, ModelPage, Waiver } from '../model.js';
import { isoDateJst } from '../format.js';

const OUTCOMES: JudgedOutcome[] = ['fail', 'recheck', 'review', 'untested', 'pass', 'inapplicable'];

/** Rows whose result is met (○), failed (×) or still open for a person (what keeps the claim from being stated). */
export function byStatus(rows: ChecklistRow[], status: ClaimStatus): ChecklistRow[] {
  return rows.filter((r) => claimStatus(r.outcome) === status);
}

const who = (j: Judgement) => `${j.who || '確認者不明'}、${isoDateJst(j.when)}`;

/**
 * The 注記: why the result is what it is, the waivers (their public reason), then the judgements that decided it
 * and agree with it — a ○ judgement's note is not printed under ×, where it would contradict the result.
 */
function note(outcome: JudgedOutcome, count: Record<JudgedOutcome, number>, judgements: Judgement[], waivers: Waiver[]): string {
  const notes: string[] = [];
  if (outcome === 'fail') notes.push(`${count.fail} ページで不適合`);
  if (outcome === 'recheck') notes.push(`${count.recheck} ページで内容が変わったため人による再確認が必要`);
  if (outcome === 'review') notes.push(`${count.review} ページで人による確認が必要`);
  if (outcome === 'untested') notes.push('自動検査の対象外。人による確認が必要');
  if (outcome === 'inapplicable') notes.push('対象となるコンテンツなし');
  for (const w of waivers) notes.push(`自動検査の不適合を例外として扱うページ ${w.urls.length}（理由: ${w.reason}。${who(w.judgement)}）`);
  const status = claimStatus(outcome);
  const agrees = (j: Judgement) => (status === 'failed' ? j.result === 'fail' : status === 'met' ? j.result !== 'fail' : true);
  for (const j of judgements.filter((j) => !j.waiver && agrees(j))) notes.push(`人による確認（${who(j)}）${j.note ? '：' + j.note : ''}`);
  return notes.join('。');
}

/** How the result was reached: no judgement used → 自動; judgements on every page → 人; both → 自動＋人. Null while open. */
function decidedBy(per: AppliedCriterion[], outcome: JudgedOutcome): DecidedBy | null {
  if (claimStatus(outcome) === 'open') return null;
  const byPerson = per.filter((x) => x.judgement).length;
  if (byPerson === 0) return 'automatic';
  return byPerson === per.length ? 'person' : 'automatic+person';
}

function waiversOf(per: { url: string; c: AppliedCriterion }[]): Waiver[] {
  const byJudgement = new Map<number, Waiver>();
  for (const { url, c } of per) {
    if (!c.waiver || !c.judgement) continue;
    const w = byJudgement.get(c.judgement.id) ?? { reason: c.waiver, judgement: c.judgement, urls: [] };
    w.urls.push(url);
    byJudgement.set(c.judgement.id, w);
  }
  return [...byJudgement.values()];
}

function checklistRow(c: Criterion, selected: ModelPage[]): ChecklistRow {
  const perPage = selected.flatMap((p) => {
    const x = p.criteria.find((x) => x.id === c.wcag);
    return x ? [{ url: p.url, c: x }] : [];
  });
  const per = perPage.map((x) => x.c);
  const outcome: JudgedOutcome = per.length ? siteOutcome(per.map((x) => x.outcome)) : 'untested';
  const count = Object.fromEntries(OUTCOMES.map((o) => [o, per.filter((x) => x.outcome === o).length])) as Record<JudgedOutcome, number>;
  const judgements = [...new Map(per.filter((x) => x.judgement).map((x) => [x.judgement!.id, x.judgement!])).values()];
  const waivers = waiversOf(perPage);
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
    decidedBy: decidedBy(per, outcome),
    waivers,
    note: note(outcome, count, judgements, waivers),
  };
}

/** The checklist over the selected pages, in the order of the standard. */
export function buildChecklist(pages: ModelPage[], target: 'A' | 'AA'): ChecklistRow[] {
  const selected = pages.filter((p) => p.selected);
  return targetCriteria(target).map((c) => checklistRow(c, selected));
}
