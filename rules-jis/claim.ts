// The conformance claim (対応度) of a test, in the words of the guideline the body follows (情報通信アクセス協議会
// ウェブアクセシビリティ基盤委員会「ウェブコンテンツの JIS X 8341-3:2016 対応度表記ガイドライン」2021年4月版):
//   - a claim is stated only when the test is complete: every criterion of the target has a result on every
//     selected page (test-completeness.ts); until then the claim reads 「試験未完了（公開用ではありません）」;
//   - 準拠 when every criterion of the level is met; 一部準拠 otherwise, and only with a 今後の対応方針 (without
//     one, no claim is stated and the reason says why); never 「AA一部準拠」 while an A criterion fails;
//   - 配慮 does not rest on a test result, so it is never derived here (a body may choose it in its policy).
// What counts as met, failed or open is outcome algebra (verdict.ts claimStatus); the words are labels-ja.ts.
import { compareCriterionIds } from './criteria.js';
import { CLAIM_WORDS_JA as W } from './labels-ja.js';
import { testCompleteness, missingCount, type MissingResult, type PageOutcomes } from './test-completeness.js';
import { claimStatus, type ClaimStatus, type JudgedOutcome } from './verdict.js';
import type { Level, Target } from './types.js';

export interface ClaimInput {
  id: string;
  level: Level;
  outcome: JudgedOutcome;
}

export type ClaimKind = 'AA準拠' | 'A準拠・AA一部準拠' | 'A一部準拠' | 'A準拠';

/** stated: the 対応度 may be published; incomplete: results are missing; blocked: complete, but a claim needs more (今後の対応方針). */
export type ClaimState = 'stated' | 'incomplete' | 'blocked';

export interface Claim {
  state: ClaimState;
  /** The 対応度, or null when none may be stated. */
  kind: ClaimKind | null;
  /** The level fully met, or null (also when no claim is stated). */
  conformingLevel: 'A' | 'AA' | null;
  /** As published: 「JIS X 8341-3:2016 の適合レベルAAに準拠」, or 「試験未完了（公開用ではありません）」. */
  text: string;
  /** Short form for headings: 「適合レベルAAに準拠」 (the same words as `text` when no claim is stated). */
  short: string;
  /** The guideline named as it asks (title, publisher, edition); no definitions. */
  note: string;
  /** Why no claim is stated (null when stated). */
  reason: string | null;
  /** Criteria not met (fail on some page), by id. */
  failed: string[];
  /** Criteria still missing a result on some selected page, by id. */
  remaining: string[];
  /** Criterion → selected pages missing a result (empty when the caller gave no pages: then `remaining` says it). */
  missing: MissingResult[];
  /** The 今後の対応方針 shown with a 一部準拠 claim. */
  futurePlan: string | null;
  target: Target;
}

export interface ClaimOptions {
  /** Every selected page with its outcomes: completeness is checked per page (without it, per criterion only). */
  pages?: readonly PageOutcomes[];
  /** TestStatement.futurePlan (rules-jis/jis-test.ts): required before 一部準拠 is stated. */
  futurePlan?: string | null;
}

export const GUIDELINE_NOTE = `対応度の表記は、${W.guideline.publisher}「${W.guideline.title}」（${W.guideline.edition}）によります。`;

/** The 対応度 the results allow, worded: never 「AA一部準拠」 alone while an A criterion is not met. */
function kindOf(allA: boolean, allAA: boolean, target: Target): { kind: ClaimKind; short: string; level: Claim['conformingLevel'] } {
  if (target === 'A') return allA ? { kind: 'A準拠', short: '適合レベルAに準拠', level: 'A' } : { kind: 'A一部準拠', short: '適合レベルAに一部準拠', level: null };
  if (allA && allAA) return { kind: 'AA準拠', short: '適合レベルAAに準拠', level: 'AA' };
  if (allA) return { kind: 'A準拠・AA一部準拠', short: '適合レベルAに準拠、適合レベルAAに一部準拠', level: 'A' };
  return { kind: 'A一部準拠', short: '適合レベルAに一部準拠', level: null };
}

export function computeClaim(results: ClaimInput[], target: Target = 'AA', opts: ClaimOptions = {}): Claim {
  const sorted = results.filter((r) => r.level === 'A' || (target === 'AA' && r.level === 'AA')).sort((a, b) => compareCriterionIds(a.id, b.id));
  const withStatus = (s: ClaimStatus) => sorted.filter((r) => claimStatus(r.outcome) === s).map((r) => r.id);
  const failed = withStatus('failed');
  const completeness = opts.pages ? testCompleteness(opts.pages, target) : null;
  const remaining = completeness ? completeness.missing.map((m) => m.criterion) : withStatus('open');
  const expected = target === 'AA' ? 38 : 25;
  const futurePlan = opts.futurePlan?.trim() || null;
  const base = { failed, remaining, missing: completeness?.missing ?? [], futurePlan, target, note: GUIDELINE_NOTE };
  const complete = completeness ? completeness.complete : sorted.length === expected && remaining.length === 0;
  if (!complete) {
    const reason = completeness?.pages === 0 || sorted.length === 0 ? W.reasonNoPages : W.reasonIncomplete(remaining.length, completeness ? missingCount(completeness) : remaining.length);
    return { ...base, state: 'incomplete', kind: null, conformingLevel: null, text: W.incomplete, short: W.incomplete, reason };
  }
  const allMet = (level: Level) => sorted.filter((r) => r.level === level).every((r) => claimStatus(r.outcome) === 'met');
  const { kind, short, level } = kindOf(allMet('A'), allMet('AA'), target);
  const partial = kind !== 'AA準拠' && kind !== 'A準拠';
  if (partial && !futurePlan) {
    return { ...base, state: 'blocked', kind: null, conformingLevel: null, text: W.blocked, short: W.blocked, reason: W.reasonNoPlan };
  }
  return { ...base, state: 'stated', kind, conformingLevel: level, text: `${W.standard} の${short}`, short, reason: null };
}
