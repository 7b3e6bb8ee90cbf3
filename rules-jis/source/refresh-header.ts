// 2.2.1 (F40/F41) from the navigation response: an HTTP `Refresh` header does what <meta http-equiv="refresh">
// does, where axe (which reads the DOM) cannot see it. A delay above 0 and below 20 hours (axe meta-refresh's
// bound) reloads or moves the page under the reader: the same violation as meta-refresh. `Refresh: 0; url=…` is a
// redirect, not a finding. Pure: the caller (crawler/page/audit-page.ts) hands in the header as served.
import { fillMessage, impactFor, variantOf } from '../catalogue/apply.js';
import { sourceRule } from '../catalogue/source.js';
import type { Finding, RuleStat } from '../types.js';

export const HTTP_REFRESH_RULE_ID = 'http-refresh';
/** axe's meta-refresh bound: 20 hours. */
const MAX_DELAY_S = 72000;

/** The delay (seconds) and target of a Refresh value (`30`, `30; url=/new/`, `30, URL='/new/'`); null when unreadable. */
export function parseRefresh(value: string): { delay: number; url: string | null } | null {
  const m = /^\s*(\d+(?:\.\d*)?)\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$/is.exec(value);
  if (!m) return null;
  const url = (m[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2').trim();
  return { delay: Math.floor(Number(m[1])), url: url || null };
}

/** The finding (and the rule's outcome) for the navigation response's headers; nothing when there is no Refresh. */
export function refreshHeaderFindings(headers: Record<string, string> | undefined): { findings: Finding[]; ruleStats: RuleStat[] } {
  const value = headers?.['refresh'];
  if (value === undefined) return { findings: [], ruleStats: [] };
  const rule = sourceRule(HTTP_REFRESH_RULE_ID);
  const parsed = parseRefresh(value);
  const stat = (result: RuleStat['result']): RuleStat[] => [{ ruleId: rule.id, source: rule.source, criteria: rule.criteria, result }];
  if (!parsed || parsed.delay <= 0 || parsed.delay >= MAX_DELAY_S) return { findings: [], ruleStats: stat('passed') };
  const w = variantOf(rule, parsed.url ? 'move' : undefined);
  const finding: Finding = {
    ruleId: rule.id,
    source: rule.source,
    kind: w.kind,
    criteria: [...rule.criteria],
    impact: impactFor(rule, w.kind),
    selector: '',
    html: `Refresh: ${value.slice(0, 200)}`,
    message: fillMessage(w.message, { value: value.trim().slice(0, 120), delay: parsed.delay, url: (parsed.url ?? '').slice(0, 120) }),
    help: rule.why ? `${rule.why} ${w.help}` : w.help,
    helpUrl: rule.helpUrl,
  };
  return { findings: [finding], ruleStats: stat('violation') };
}
