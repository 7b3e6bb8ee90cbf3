// Adds the 4.1.1 source-check findings to a page's DOM findings. Runs in the page (extension: no Node) and
// in Node (crawler, check, hook: the HTML is already there, and parse5 runs warm instead of cold per page).
import type { Finding, RuleStat } from '../types.js';
import { checkSource, SOURCE_DUP_ID_RULE_ID } from './parse-errors.js';

function idSelector(html: string): string {
  const m = /\sid\s*=\s*["']?([^"'\s>]+)/.exec(html);
  return m ? `[id="${m[1]}"]` : '';
}

/**
 * axe's DOM duplicate-id findings repeat what the source check found, with less to go on (no line):
 * where both report the same id, the source finding is kept.
 */
export function withSourceFindings(out: { findings: Finding[]; ruleStats: RuleStat[] }, source: string): { findings: Finding[]; ruleStats: RuleStat[] } {
  const src = checkSource(source);
  const srcIds = new Set(src.findings.filter((f) => f.ruleId === SOURCE_DUP_ID_RULE_ID).map((f) => f.selector));
  const kept = out.findings.filter((f) => !(f.ruleId.startsWith('duplicate-id') && srcIds.has(idSelector(f.html))));
  return { findings: [...kept, ...src.findings], ruleStats: [...out.ruleStats, ...src.ruleStats] };
}
