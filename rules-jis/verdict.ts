// All outcome algebra (docs/architecture.md "Outcomes"), pure and shared by every front door:
//   judgePage         findings + rule stats + page facts → the outcome of each A/AA criterion on a page
//   mergeSiteFindings a page's criteria + the site-level findings on it (crawler/crawl/site-checks.ts)
//   applyJudgements   human judgements over automated outcomes (precedence below): 適用なし stays, a fail
//                     yields only to a waiver, a judgement made on changed content gives 「再確認」 (recheck)
//   siteOutcome       the outcome of a criterion over many pages (reports/model.ts)
//   claimStatus       what counts as met for the 対応度 (claim.ts words it; test-completeness.ts says what is missing)
// No DOM, no Node: the extension and the reports import it as the crawler does.
import automation from './data/automation.json';
import applicability from './data/applicability.json';
import { criterion, isTargetCriterion, targetCriteria } from './criteria.js';
import { decisionItemRule, inapplicableByItems, itemCoverage } from './decision-items.js';
import { coversFinding, coversPage, isStaleFor, namesPage, type ElementScope, type JudgedFinding, type Judgement, type JudgementScope, type PageRef } from './judgements.js';
import { JUDGEMENT_RESULT_LABEL_JA, JUDGEMENT_SCOPE_LABEL_JA } from './labels-ja.js';
import type { CriterionCounts, CriterionResult, DecisionItem, Finding, FindingKind, Outcome, PageFacts, RuleStat, Target } from './types.js';

interface Decidable {
  requires: string[];
  mayBeInapplicable?: string[];
  reason: string;
}
const decidable = (automation as { decidable: Record<string, Decidable> }).decidable;
const inapplicableReasons: Record<string, { reason: string }> = {
  ...(applicability as { criteria: Record<string, { reason: string }> }).criteria,
  ...(applicability as unknown as { static: { criteria: Record<string, { reason: string }> } }).static.criteria,
};

// ------------------------------------------------------------------------------------------- order

/**
 * An outcome once human judgements are applied: the automated outcomes, plus `recheck` (「再確認」) where the
 * judgement that would decide a page was made on content that has since changed. Only applyJudgements makes it.
 */
export type JudgedOutcome = Outcome | 'recheck';

/** Order used for "worst of": fail > recheck > review > untested > inapplicable > pass. */
const OUTCOME_SEVERITY: Record<JudgedOutcome, number> = { pass: 0, inapplicable: 1, untested: 2, review: 3, recheck: 4, fail: 5 };

/** The worst of some outcomes (untested when there are none). */
export function worstOutcome<O extends JudgedOutcome>(outcomes: O[]): O {
  if (outcomes.length === 0) return 'untested' as O;
  return outcomes.reduce((a, b) => (OUTCOME_SEVERITY[b] > OUTCOME_SEVERITY[a] ? b : a));
}

/** A finding kind as an outcome of its criterion (an advisory changes nothing). */
function outcomeOfKind(kind: FindingKind): Outcome | null {
  return kind === 'violation' ? 'fail' : kind === 'review' ? 'review' : null;
}

// ------------------------------------------------------------------------------------------ a page

export interface VerdictInput {
  findings: Finding[];
  ruleStats: RuleStat[];
  facts: PageFacts;
  target?: Target;
}

/** The outcome of every criterion of the target on one page. Never `pass` because no rule fired. */
export function judgePage({ findings, ruleStats, facts, target = 'AA' }: VerdictInput): CriterionResult[] {
  return targetCriteria(target).map((c) => {
    const id = c.wcag;
    const counts = countKinds(findings.filter((f) => f.criteria.includes(id)));
    const stats = ruleStats.filter((s) => s.criteria.includes(id));
    const { outcome, reason } = criterionOutcome(id, counts, stats, facts);
    const frames = findings.filter((f) => f.criteria.includes(id) && UNCHECKED_FRAME_RULES.has(f.ruleId)).length;
    // key order is part of the JSON output (tests/golden)
    const result: CriterionResult = { id, level: c.level, outcome, counts, reason: frames && outcome === 'review' ? `${reason}（うち ${frames} 件は、中を検査できなかったフレームです）` : reason };
    // an open criterion judged element by element carries its elements (rules-jis/decision-items.ts)
    const items = facts.items?.[id];
    if (items && (outcome === 'review' || outcome === 'untested')) result.items = items;
    return result;
  });
}

/** Rules whose finding is a frame no check could enter: the criterion's reason says so (issue 16 item 3). */
const UNCHECKED_FRAME_RULES = new Set(['frame-tested', 'jis-frame-unchecked']);

function countKinds(findings: Finding[]): CriterionCounts {
  return {
    violation: findings.filter((f) => f.kind === 'violation').length,
    review: findings.filter((f) => f.kind === 'review').length,
    advisory: findings.filter((f) => f.kind === 'advisory').length,
  };
}

function criterionOutcome(id: string, counts: CriterionCounts, stats: RuleStat[], facts: PageFacts): { outcome: Outcome; reason: string } {
  if (counts.violation > 0) return { outcome: 'fail', reason: `不適合の箇所が ${counts.violation} 件あります` };
  if (counts.review > 0) return { outcome: 'review', reason: `人による確認が必要な箇所が ${counts.review} 件あります` };
  if (facts.inapplicable[id]) {
    return { outcome: 'inapplicable', reason: `${inapplicableReasons[id]?.reason ?? '対象となる内容がないため'}、適用されません` };
  }
  if (inapplicableByItems(id, facts.items?.[id], facts.itemsComplete)) {
    return { outcome: 'inapplicable', reason: `${decisionItemRule(id)!.reason}、適用されません` };
  }
  if (decidable[id] && isDecided(decidable[id], stats)) return { outcome: 'pass', reason: decidable[id].reason };
  if (stats.some((s) => s.result === 'passed')) {
    return { outcome: 'review', reason: '自動チェックでは問題が見つかりませんでしたが、自動では判定しきれないため人による確認が必要です' };
  }
  return { outcome: 'untested', reason: '自動チェックの対象がありません。人による確認が必要です' };
}

/** A criterion automation decides alone (data/automation.json) passes only when all its rules ran and passed. */
function isDecided(d: Decidable, stats: RuleStat[]): boolean {
  return d.requires.every((ruleId) => {
    const s = stats.find((x) => x.ruleId === ruleId);
    if (!s) return d.mayBeInapplicable?.includes(ruleId) ?? false;
    return s.result === 'passed' || (s.result === 'inapplicable' && (d.mayBeInapplicable?.includes(ruleId) ?? false));
  });
}

// ------------------------------------------------------------------------------- site-level findings

/**
 * Adds site-level findings (checks across pages) to a page's criteria: each counts, and a criterion with a
 * new violation or review becomes at least `fail` / `review`. A criterion of the target the page result
 * lacks is added (from `untested`) at the end.
 */
export function mergeSiteFindings(criteria: CriterionResult[], findings: Finding[], target: Target = 'AA'): CriterionResult[] {
  const byId = new Map(criteria.map((c) => [c.id, { ...c, counts: { ...c.counts } }]));
  for (const f of findings) {
    for (const id of f.criteria) {
      let c = byId.get(id);
      if (!c) {
        if (!isTargetCriterion(id, target)) continue;
        c = { id, level: criterion(id)!.level, outcome: 'untested', counts: { violation: 0, review: 0, advisory: 0 } };
        byId.set(id, c);
      }
      c.counts[f.kind]++;
      const next = worstOutcome([c.outcome, outcomeOfKind(f.kind) ?? c.outcome]);
      if (next !== c.outcome) {
        c.outcome = next;
        c.reason = 'サイト全体の検査（複数ページの比較）で確認が必要な点があります。';
      }
    }
  }
  return [...byId.values()];
}

// -------------------------------------------------------------------------------------- judgements
//
// Precedence on one page and criterion (docs/architecture.md "Outcomes": a judgement outranks review/untested, until the
// content it was made on changes):
//   automated inapplicable (適用なし stays 適用なし: a site-wide ○ does not make 3.3.x applicable on a page with no form)
//   automated violation (fail): stays fail, unless the deciding judgement is a ○ with a `waiver` (the reason is public)
//   finding judged fail  >  page > pattern > site judgement (the most specific, then the newest)
//   >  every review finding judged pass (→ pass)  >  automated review / untested.
// The deciding judgement is chosen among all that name the page; when it was made on content that has since changed,
// the outcome is `recheck` (「再確認」), never an older or less specific judgement's result. The same holds for a
// judgement on a review finding whose HTML has changed.

export interface AppliedCriterion extends Omit<CriterionResult, 'outcome'> {
  outcome: JudgedOutcome;
  /** The outcome before judgements. */
  automated: Outcome;
  /** The judgement that decided the outcome, if any. */
  judgement?: Judgement;
  /** The judgement that would decide but was made on content that has since changed (outcome `recheck`). */
  stale?: Judgement;
  /** The public reason of a recorded waiver that answered an automated fail (outcome `pass`). */
  waiver?: string;
  /** Review findings a person judged as no problem. */
  dismissed: number;
  /** For a cell judged element by element with some element judgements: the elements not judged yet. */
  openItems?: DecisionItem[];
}

/** SHA-256 (hex) of a finding's HTML, for snippet fingerprints: given by the Node side (crawler/store/judgements.ts). */
export type SnippetHash = (html: string) => string;

/** Applies judgements to one page's criteria. `findings` are that page's findings. */
export function applyJudgements(
  page: PageRef,
  criteria: CriterionResult[],
  findings: JudgedFinding[],
  judgements: Judgement[],
  snippetHash: SnippetHash,
): AppliedCriterion[] {
  const active = judgements.filter((j) => !j.revokedAt);
  return criteria.map((c) => {
    const base: AppliedCriterion = { ...c, automated: c.outcome, dismissed: 0 };
    if (c.outcome === 'inapplicable') return base;
    const mine = active.filter((j) => j.criterion === c.id);
    if (!mine.length) return base;
    const decision = pageDecision(mine, page);
    if (c.outcome === 'fail') return waived(base, decision);
    const reviews = findings.filter((f) => f.kind === 'review' && f.criteria.includes(c.id));
    const byFinding = judgeFindings(reviews, mine, snippetHash);
    if (byFinding.failed) {
      const { finding, judgement } = byFinding.failed;
      return { ...base, outcome: 'fail', reason: `人による確認で不適合と判断されました（${finding.selector || finding.ruleId}）`, judgement };
    }
    const dismissed = byFinding.dismissed;
    if (decision.judgement) return { ...base, outcome: decision.judgement.result, reason: judgedReason(decision.judgement), judgement: decision.judgement, dismissed };
    const stale = decision.stale ?? byFinding.stale;
    if (stale) return { ...base, outcome: 'recheck', reason: staleReason(stale), stale, dismissed };
    const byElements = c.counts.review === dismissed ? judgedByElements(base, mine) : undefined;
    if (byElements) return { ...byElements, dismissed };
    if (dismissed > 0 && dismissed === reviews.length && c.counts.review > 0 && c.outcome === 'review') {
      return { ...base, outcome: 'pass', reason: '要確認の箇所をすべて人が確認し、問題なしと判断されました', dismissed, counts: { ...c.counts, review: 0 } };
    }
    return { ...base, dismissed, counts: { ...c.counts, review: c.counts.review - dismissed } };
  });
}

/**
 * A cell judged element by element (rules-jis/decision-items.ts): decided when every element on it has an element
 * judgement (the newest per key), × when any is ×; otherwise it stays open and `openItems` says what is left to ask.
 * Only reached with no page decision and no review finding left open.
 */
function judgedByElements(base: AppliedCriterion, mine: Judgement[]): AppliedCriterion | undefined {
  if (!base.items?.length) return undefined;
  const onElements = mine.filter((j) => j.scope.type === 'element').sort(newestFirst);
  if (!onElements.length) return undefined;
  const cover = itemCoverage(base.items, onElements.map((j) => ({ key: (j.scope as ElementScope).key, result: j.result })));
  const deciding = onElements.find((j) => base.items!.some((it) => it.key === (j.scope as ElementScope).key));
  if (cover.failed.length) return { ...base, outcome: 'fail', reason: `人による確認で不適合と判断された要素があります（${cover.failed[0]!.label}）`, judgement: deciding, openItems: cover.open };
  if (cover.open.length) return { ...base, openItems: cover.open };
  return { ...base, outcome: 'pass', reason: `このページの ${base.items.length} 個の要素をすべて人が確認済みです（要素ごとの判断。同じ要素は一度だけ判断します）`, judgement: deciding, openItems: [] };
}

/** An automated fail stays fail unless the deciding judgement is a ○ that carries a waiver (with its reason). */
function waived(base: AppliedCriterion, decision: PageDecision): AppliedCriterion {
  const j = decision.judgement;
  if (!j || j.result !== 'pass' || !j.waiver?.trim()) return base;
  return { ...base, outcome: 'pass', reason: `自動検査の不適合を例外として扱う記録があります（理由: ${j.waiver.trim()}）`, judgement: j, waiver: j.waiver.trim() };
}

/** Finding judgements over a criterion's review findings: the first judged fail, how many were judged pass, and a judgement made on a finding's older HTML. */
function judgeFindings(
  reviews: JudgedFinding[],
  judgements: Judgement[],
  snippetHash: SnippetHash,
): { failed?: { finding: JudgedFinding; judgement: Judgement }; dismissed: number; stale?: Judgement } {
  const onFindings = judgements.filter((j) => j.scope.type === 'finding');
  let dismissed = 0;
  let stale: Judgement | undefined;
  if (!onFindings.length) return { dismissed };
  for (const f of reviews) {
    const hash = snippetHash(f.html);
    // the newest judgement on this element, whatever HTML it was made on
    const js = onFindings.filter((j) => coversFinding({ ...j, fingerprint: null }, f, hash)).sort(newestFirst);
    if (!js.length) continue;
    if (!coversFinding(js[0], f, hash)) {
      stale ??= js[0];
      continue;
    }
    if (js[0].result === 'fail') return { failed: { finding: f, judgement: js[0] }, dismissed };
    dismissed++;
  }
  return { dismissed, stale };
}

const SPECIFICITY: Record<JudgementScope['type'], number> = { finding: 3, element: 3, page: 2, pattern: 1, site: 0 };

/** The judgement that decides a page (the most specific, then the newest), or the stale one that would. */
interface PageDecision {
  judgement?: Judgement;
  stale?: Judgement;
}

function pageDecision(judgements: Judgement[], page: PageRef): PageDecision {
  const naming = judgements.filter((j) => namesPage(j, page)).sort((a, b) => SPECIFICITY[b.scope.type] - SPECIFICITY[a.scope.type] || newestFirst(a, b));
  for (const j of naming) {
    if (isStaleFor(j, page)) return { stale: j };
    if (coversPage(j, page)) return { judgement: j };
  }
  return {};
}

function staleReason(j: Judgement): string {
  return `人による確認（${j.who || '確認者不明'}、${j.when.slice(0, 10)}）の後に内容が変わったため、再確認が必要です`;
}

function judgedReason(j: Judgement): string {
  return `人による確認で「${JUDGEMENT_RESULT_LABEL_JA[j.result]}」と判断されました（${JUDGEMENT_SCOPE_LABEL_JA[j.scope.type]}、${j.who || '確認者不明'}、${j.when.slice(0, 10)}）`;
}

function newestFirst(a: Judgement, b: Judgement): number {
  return a.when < b.when ? 1 : a.when > b.when ? -1 : b.id - a.id;
}

// ------------------------------------------------------------------------------------ over a site

/**
 * A criterion's outcome over many pages: the worst page outcome, except that pass on some pages and
 * inapplicable on the others is pass. No page at all: untested.
 */
export function siteOutcome<O extends JudgedOutcome>(outcomes: O[]): O {
  const w = worstOutcome(outcomes);
  return w === 'inapplicable' && outcomes.includes('pass' as O) ? ('pass' as O) : w;
}

/** How a criterion stands for the claim (対応度): met (pass / inapplicable), failed, or still open for a person (review, untested, recheck). */
export type ClaimStatus = 'met' | 'failed' | 'open';

export function claimStatus(outcome: JudgedOutcome): ClaimStatus {
  if (outcome === 'pass' || outcome === 'inapplicable') return 'met';
  return outcome === 'fail' ? 'failed' : 'open';
}
