// axe results → our findings and per-rule stats. Pure: no DOM access, so it is testable in Node.
import type axeCore from 'axe-core';
import fixHints from '../data/axe-fix-ja.json';
import { axeRuleCriteria } from '../mapping.js';
import { understandingUrl } from '../criteria.js';
import type { Finding, FindingKind, RuleStat } from '../types.js';
import { jisRuleById, JIS_TAG } from './register.js';

const hints = fixHints as Record<string, string>;
const SNIPPET_MAX = 300;

function selectorOf(target: axeCore.UnlabelledFrameSelector | axeCore.CrossTreeSelector | unknown): string {
  // target is an array: one entry per frame level; an entry is a string or (shadow DOM) an array of strings.
  if (!Array.isArray(target)) return String(target ?? '');
  return target.map((t) => (Array.isArray(t) ? t.join(' ') : String(t))).join(' >>> ');
}

function nodeMessages(node: axeCore.NodeResult): string {
  // `any` checks are alternatives (alt, aria-label, title…): listing them all reads as noise to an editor,
  // so keep the first (axe orders the primary technique first); `all`/`none` failures are each a problem.
  const parts = [...node.any.slice(0, 1), ...node.all, ...node.none].map((c) => c.message).filter(Boolean);
  return [...new Set(parts)].join(' / ');
}

/** One rule's outcome on the page, from the result lists axe put it in. */
export function normalizeAxeResults(results: axeCore.AxeResults): { findings: Finding[]; ruleStats: RuleStat[] } {
  const findings: Finding[] = [];
  const stats = new Map<string, RuleStat>();

  const isJis = (r: axeCore.Result) => r.tags.includes(JIS_TAG);
  const criteriaOf = (r: axeCore.Result) =>
    isJis(r) ? jisRuleById(r.id)?.criteria ?? [] : axeRuleCriteria(r.id, r.tags);

  const add = (r: axeCore.Result, list: 'violations' | 'incomplete' | 'passes' | 'inapplicable') => {
    const source = isJis(r) ? 'jis' : 'axe';
    const criteria = criteriaOf(r);
    const jis = isJis(r) ? jisRuleById(r.id) : undefined;
    let kind: FindingKind | null = null;
    if (list === 'violations') kind = jis ? jis.failKind : 'violation';
    if (list === 'incomplete') kind = 'review';
    if (kind) {
      for (const node of r.nodes) {
        const detail = nodeMessages(node);
        findings.push({
          ruleId: r.id,
          source,
          kind,
          criteria,
          impact: (node.impact ?? r.impact ?? null) as Finding['impact'],
          selector: selectorOf(node.target),
          html: node.html.length > SNIPPET_MAX ? node.html.slice(0, SNIPPET_MAX) + '…' : node.html,
          message: jis ? detail || r.help : detail ? `${r.help}：${detail}` : r.help,
          help: jis ? `${jis.messages.why} ${jis.messages.help}` : hints[r.id] ?? r.description,
          helpUrl: jis || criteria.length ? understandingUrl(criteria[0] ?? '') : r.helpUrl,
        });
      }
    }
    const result: RuleStat['result'] =
      list === 'violations' ? (kind as RuleStat['result']) : list === 'incomplete' ? 'review' : list === 'passes' ? 'passed' : 'inapplicable';
    const prev = stats.get(r.id);
    // A rule can be in several lists (some nodes pass, some fail): keep the worst.
    if (!prev || RANK[result] > RANK[prev.result]) stats.set(r.id, { ruleId: r.id, source, criteria, result });
  };
  for (const r of results.violations) add(r, 'violations');
  for (const r of results.incomplete) add(r, 'incomplete');
  for (const r of results.passes) add(r, 'passes');
  for (const r of results.inapplicable) add(r, 'inapplicable');
  return { findings, ruleStats: [...stats.values()] };
}

const RANK: Record<RuleStat['result'], number> = { inapplicable: 0, passed: 1, advisory: 2, review: 3, violation: 4 };
