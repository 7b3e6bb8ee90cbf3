// Judgements that contradict the automated results, refused when they are recorded (issue 14). Pure: the
// store (crawler/store/judgements.ts) hands in the pages of the run the judgement is made on, and every
// way in (`judge`, `judge --import` JSON / CSV / XLSX, the service) goes through that one store call.
//
// Two rules:
// - An automated violation is answered by fixing the page or by a recorded waiver, never by a contrary ○:
//   a ○ whose scope covers a page where the criterion failed automatically (site-wide ○ on 2.1.1 while a
//   page fails it; a page ○ on a failing page; a ○ on the violation itself) is refused with the failing
//   pages, unless it carries a `waiver` (the reason, shown in the public note).
// - 適用なし stays 適用なし: a ○ or × on a criterion that is 適用なし on every page the judgement covers is refused.
// No DOM, no Node.
import { INAPPLICABLE_JUDGEMENT_REFUSED_JA, RESULT_MARK_JA } from './labels-ja.js';
import { matchesPattern, normUrl, WAIVER_MIN_LENGTH, type JudgementInput } from './judgements.js';
import type { Outcome } from './types.js';

/** A page as the automated audit left it, as much of it as the check needs. */
export interface ConflictPage {
  url: string;
  /** The automated outcome of each criterion on the page (the store's page criteria, no judgement applied). */
  criteria: { id: string; outcome: Outcome }[];
  /** The page's violations (for a judgement on one finding); may be left out for other scopes. */
  violations?: { ruleId: string; selector: string; criteria: string[] }[];
}

export type ConflictKind = 'violation' | 'inapplicable';

export interface JudgementConflict {
  kind: ConflictKind;
  criterion: string;
  /** The pages that make the judgement wrong: where the criterion failed, or (inapplicable) every page covered. */
  pages: string[];
  /** Japanese: the reason and what to do. */
  message: string;
}

/** How many URLs a message names before 「ほか N ページ」. */
const URLS_SHOWN = 5;

function listUrls(urls: string[]): string {
  const shown = urls.slice(0, URLS_SHOWN).join('、');
  return urls.length > URLS_SHOWN ? `${shown} ほか ${urls.length - URLS_SHOWN} ページ` : shown;
}

/** The pages a site / pattern / page / finding judgement names. */
export function pagesCovered(j: JudgementInput, pages: ConflictPage[]): ConflictPage[] {
  const s = j.scope;
  switch (s.type) {
    case 'site':
      return pages;
    case 'pattern':
      return pages.filter((p) => matchesPattern(s.pattern, p.url));
    case 'page':
    case 'finding':
      return pages.filter((p) => normUrl(p.url) === normUrl(s.url));
    case 'element':
      return []; // decides only open cells (verdict.ts): an automated fail is never answered by it
  }
}

const outcomeOn = (p: ConflictPage, criterion: string): Outcome | undefined => p.criteria.find((c) => c.id === criterion)?.outcome;

/** A ○ on a finding that is itself a violation of the criterion. */
function passOnViolation(j: JudgementInput, covered: ConflictPage[]): string[] {
  const s = j.scope;
  if (s.type !== 'finding') return covered.filter((p) => outcomeOn(p, j.criterion) === 'fail').map((p) => p.url);
  return covered.filter((p) => (p.violations ?? []).some((v) => v.ruleId === s.ruleId && v.selector === s.selector && v.criteria.includes(j.criterion))).map((p) => p.url);
}

export function violationMessage(criterion: string, urls: string[]): string {
  return (
    `達成基準 ${criterion} に ○ は付けられません: 自動検査で不適合のページがあります（${urls.length} ページ: ${listUrls(urls)}）。` +
    `ページを直して検査し直すか、どうしても適合とする理由があるなら waiver（適用除外の理由、${WAIVER_MIN_LENGTH} 文字以上。試験結果の注記に載ります）を付けて記録してください。` +
    `一部のページだけを判断するなら、範囲を --page や --pattern で絞ってください`
  );
}

export function inapplicableMessage(criterion: string, result: JudgementInput['result'], urls: string[]): string {
  const mark = RESULT_MARK_JA[result === 'pass' ? 'pass' : 'fail'];
  return `${INAPPLICABLE_JUDGEMENT_REFUSED_JA}（達成基準 ${criterion} の ${mark}: 対象の ${urls.length} ページすべてで自動検査が適用なしと判定しています: ${listUrls(urls)}）`;
}

/**
 * The conflict a judgement would make with the automated results of `pages`, or null when there is none.
 * A judgement whose scope covers no audited page is not refused here (nothing contradicts it).
 */
export function judgementConflict(j: JudgementInput, pages: ConflictPage[]): JudgementConflict | null {
  const covered = pagesCovered(j, pages);
  if (!covered.length) return null;
  if (j.result === 'pass' && !j.waiver) {
    const failing = passOnViolation(j, covered);
    if (failing.length) return { kind: 'violation', criterion: j.criterion, pages: failing, message: violationMessage(j.criterion, failing) };
  }
  if ((j.result === 'pass' || j.result === 'fail') && j.scope.type !== 'finding' && covered.every((p) => outcomeOn(p, j.criterion) === 'inapplicable')) {
    const urls = covered.map((p) => p.url);
    return { kind: 'inapplicable', criterion: j.criterion, pages: urls, message: inapplicableMessage(j.criterion, j.result, urls) };
  }
  return null;
}
