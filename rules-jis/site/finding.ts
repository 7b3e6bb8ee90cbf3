// A site finding from a site rule's catalogue entry (rules-jis/data/rules/site.json): page-level (no
// selector), with the entry's criteria, kind, impact and help URL, and the chosen wording filled in.
import { fillMessage, impactFor, variantOf } from '../catalogue/apply.js';
import type { RuleMeta } from '../catalogue/types.js';
import type { Finding } from '../types.js';
import type { SiteFindings } from './types.js';

export function siteFinding(rule: RuleMeta, data: Record<string, string | number>, html = '', variant?: string): Finding {
  const w = variantOf(rule, variant);
  return {
    ruleId: rule.id,
    source: 'site',
    kind: w.kind,
    criteria: [...rule.criteria],
    impact: impactFor(rule, w.kind),
    selector: '',
    html,
    message: fillMessage(w.message, data),
    help: fillMessage(w.help, data),
    helpUrl: rule.helpUrl,
  };
}

/** Adds a finding to a page's list. */
export function addFinding(out: SiteFindings, pageId: number, f: Finding): void {
  out.set(pageId, [...(out.get(pageId) ?? []), f]);
}

/** Titles and link names compared across pages: NFKC, white space collapsed. */
export const normalizeName = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
