// The conformance claim (対応度) of the 試験結果, computed from the site-level outcome of each criterion.
// Never typed by a person: the words follow WAIC's 対応度表記ガイドライン (準拠 / 一部準拠), and a level can
// only be 準拠 when every criterion of it (and of the levels below) is met. What counts as met, failed or
// still open is outcome algebra (verdict.ts claimStatus); this file only words the claim.
// A criterion still `review` or `untested` blocks 準拠 and is listed as remaining work.
import { criterion, compareCriterionIds } from './criteria.js';
import { claimStatus, type ClaimStatus } from './verdict.js';
import type { Level, Outcome, Target } from './types.js';

export interface ClaimInput {
  id: string;
  level: Level;
  outcome: Outcome;
}

export type ClaimKind = 'AA準拠' | 'A準拠・AA一部準拠' | 'A一部準拠' | 'A準拠';

export interface Claim {
  kind: ClaimKind;
  /** The level fully met, or null when not even A is met. */
  conformingLevel: 'A' | 'AA' | null;
  /** The 対応度 sentence as published, e.g. 「JIS X 8341-3:2016 の適合レベルAAに準拠」. */
  text: string;
  /** Short form for headings: 「適合レベルAAに準拠」. */
  short: string;
  /** WAIC's 注記 on the wording used. */
  note: string;
  /** Criteria not met (fail), by id. */
  failed: string[];
  /** Criteria that still need a person (review / untested), by id. */
  remaining: string[];
  target: Target;
}

export const WAIC_NOTE =
  '「準拠」「一部準拠」の表記は、ウェブアクセシビリティ基盤委員会（WAIC）の「ウェブコンテンツの JIS X 8341-3:2016 対応度表記ガイドライン」で定められた表記によります。';

export function computeClaim(results: ClaimInput[], target: Target = 'AA'): Claim {
  const inScope = results.filter((r) => r.level === 'A' || (target === 'AA' && r.level === 'AA'));
  const sorted = [...inScope].sort((a, b) => compareCriterionIds(a.id, b.id));
  const withStatus = (s: ClaimStatus) => sorted.filter((r) => claimStatus(r.outcome) === s).map((r) => r.id);
  const failed = withStatus('failed');
  const remaining = withStatus('open');
  const allMet = (level: Level) => sorted.filter((r) => r.level === level).every((r) => claimStatus(r.outcome) === 'met');
  const allA = allMet('A');
  const allAA = allMet('AA');
  let kind: ClaimKind;
  let short: string;
  let conformingLevel: Claim['conformingLevel'];
  if (target === 'A') {
    kind = allA ? 'A準拠' : 'A一部準拠';
    short = allA ? '適合レベルAに準拠' : '適合レベルAに一部準拠';
    conformingLevel = allA ? 'A' : null;
  } else if (allA && allAA) {
    kind = 'AA準拠';
    short = '適合レベルAAに準拠';
    conformingLevel = 'AA';
  } else if (allA) {
    // never "AA 一部準拠" alone: A is fully met, AA only partly
    kind = 'A準拠・AA一部準拠';
    short = '適合レベルAに準拠、適合レベルAAに一部準拠';
    conformingLevel = 'A';
  } else {
    // an A criterion is not met: the honest claim is A 一部準拠, whatever the AA criteria say
    kind = 'A一部準拠';
    short = '適合レベルAに一部準拠';
    conformingLevel = null;
  }
  const text = `JIS X 8341-3:2016 の${short}`;
  const notes = [WAIC_NOTE];
  if (kind !== 'AA準拠' && kind !== 'A準拠') {
    const parts: string[] = [];
    if (failed.length) parts.push(`満たしていない達成基準: ${failed.map(label).join('、')}`);
    if (remaining.length) parts.push(`確認が済んでいない達成基準: ${remaining.map(label).join('、')}`);
    notes.push(`「一部準拠」は、試験を実施した結果、一部の達成基準を満たしていないか確認が済んでいないことを示します。${parts.join('。')}。`);
  }
  return { kind, conformingLevel, text, short, note: notes.join(''), failed, remaining, target };
}

function label(id: string): string {
  const c = criterion(id);
  return c ? `${id} ${c.ja}` : id;
}
