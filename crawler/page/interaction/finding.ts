// Turning a keyboard check's verdicts into the shared Finding / RuleStat shapes (rules-jis/types.ts), with the
// check's metadata (criterion, impact, message, fix, help URL) from its catalogue entry
// (rules-jis/data/rules/interaction.json).
import type { Finding, FindingKind, RuleStat } from '../../../rules-jis/types.js';
import { criterion } from '../../../rules-jis/criteria.js';
import { fillMessage, impactFor } from '../../../rules-jis/catalogue/apply.js';
import type { RuleMeta } from '../../../rules-jis/catalogue/types.js';

export interface Verdict {
  kind: FindingKind;
  selector: string;
  html: string;
  /** What happened on this page (Japanese): the catalogue message's `${data.what}`. */
  what: string;
  /** Overrides the catalogue's help when the fix depends on what was found. */
  help?: string;
}

export function toFinding(meta: RuleMeta, v: Verdict): Finding {
  const id = meta.criteria[0];
  const c = criterion(id);
  const title = c ? `${id} ${c.ja}` : id;
  return {
    ruleId: meta.id,
    source: 'interaction',
    kind: v.kind,
    criteria: meta.criteria,
    impact: impactFor(meta, v.kind),
    selector: v.selector,
    html: v.html,
    message: `【${title}】${fillMessage(meta.message, { what: v.what })}`,
    help: v.help ?? meta.help,
    helpUrl: meta.helpUrl,
  };
}

/** RuleStat from the verdicts: applicable=false → inapplicable. */
export function toStat(meta: RuleMeta, verdicts: Verdict[], applicable: boolean): RuleStat {
  const result: RuleStat['result'] = !applicable && !verdicts.length
    ? 'inapplicable'
    : verdicts.some((v) => v.kind === 'violation')
      ? 'violation'
      : verdicts.some((v) => v.kind === 'review')
        ? 'review'
        : 'passed';
  return { ruleId: meta.id, source: 'interaction', criteria: meta.criteria, result };
}

export interface CheckOutput {
  /** The check's catalogue entry (rules-jis/catalogue/interaction.ts). */
  meta: RuleMeta;
  verdicts: Verdict[];
  applicable: boolean;
}

export const label = (s: { name?: string; tag?: string; selector: string }) =>
  s.name ? `「${s.name}」` : `<${s.tag ?? ''}> ${s.selector}`;
