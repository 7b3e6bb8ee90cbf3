// Turning a check's verdicts into the shared Finding / RuleStat shapes (rules-jis/types.ts).
import type { Finding, FindingKind, RuleStat } from '../../../rules-jis/types.js';
import { criterion, understandingUrl } from '../../../rules-jis/criteria.js';

export interface CheckMeta {
  id: string;
  /** One success criterion per check. */
  criterion: string;
  impact: NonNullable<Finding['impact']>;
  /** What the check looks at (Japanese), for reports and logs. */
  description: string;
  /** Why it matters to someone who cannot use a mouse (Japanese). */
  why: string;
  /** How to fix (Japanese). Individual findings may give a more precise one. */
  help: string;
}

export interface Verdict {
  kind: FindingKind;
  selector: string;
  html: string;
  /** What happened on this page (Japanese). `why` is appended. */
  what: string;
  /** Overrides meta.help when the fix depends on what was found. */
  help?: string;
}

export function toFinding(meta: CheckMeta, v: Verdict): Finding {
  const c = criterion(meta.criterion);
  const title = c ? `${meta.criterion} ${c.ja}` : meta.criterion;
  return {
    ruleId: meta.id,
    source: 'interaction',
    kind: v.kind,
    criteria: [meta.criterion],
    impact: v.kind === 'violation' ? meta.impact : meta.impact === 'critical' ? 'serious' : meta.impact === 'serious' ? 'moderate' : meta.impact,
    selector: v.selector,
    html: v.html,
    message: `【${title}】${v.what} ${meta.why}`,
    help: v.help ?? meta.help,
    helpUrl: understandingUrl(meta.criterion),
  };
}

/** RuleStat from the verdicts: applicable=false → inapplicable. */
export function toStat(meta: CheckMeta, verdicts: Verdict[], applicable: boolean): RuleStat {
  const result: RuleStat['result'] = !applicable && !verdicts.length
    ? 'inapplicable'
    : verdicts.some((v) => v.kind === 'violation')
      ? 'violation'
      : verdicts.some((v) => v.kind === 'review')
        ? 'review'
        : 'passed';
  return { ruleId: meta.id, source: 'interaction', criteria: [meta.criterion], result };
}

export interface CheckOutput {
  meta: CheckMeta;
  verdicts: Verdict[];
  applicable: boolean;
}

export const label = (s: { name?: string; tag?: string; selector: string }) =>
  s.name ? `「${s.name}」` : `<${s.tag ?? ''}> ${s.selector}`;
