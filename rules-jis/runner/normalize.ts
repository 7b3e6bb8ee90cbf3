// axe results → our findings and per-rule stats, with each rule's metadata (kind, criteria, fix, help URL)
// from the catalogue (rules-jis/catalogue/). Pure: no DOM access, so it is testable in Node.
import type axeCore from 'axe-core';
import type { RuleIndex, RuleMeta } from '../catalogue/types.js';
import type { Finding, FindingKind, RuleStat } from '../types.js';
import { fillMessage } from '../catalogue/apply.js';
import { FRAME_JOIN, SHADOW_JOIN } from '../page/dom/locate.js';
import { uncheckableScheme } from '../rules/jis-frame-unchecked.js';

const SNIPPET_MAX = 300;

function selectorOf(target: axeCore.UnlabelledFrameSelector | axeCore.CrossTreeSelector | unknown): string {
  // target is an array: one entry per frame level; an entry is a string or (shadow DOM) an array of strings.
  if (!Array.isArray(target)) return String(target ?? '');
  return target.map((t) => (Array.isArray(t) ? t.join(SHADOW_JOIN) : String(t))).join(FRAME_JOIN);
}

function nodeMessages(node: axeCore.NodeResult): string {
  // `any` checks are alternatives (alt, aria-label, title…): listing them all reads as noise to an editor,
  // so keep the first (axe orders the primary technique first); `all`/`none` failures are each a problem.
  const parts = [...node.any.slice(0, 1), ...node.all, ...node.none].map((c) => c.message).filter(Boolean);
  return [...new Set(parts)].join(' / ');
}

/** The values axe's checks found on the node (color-contrast: contrastRatio, expectedContrastRatio …). */
function nodeData(node: axeCore.NodeResult): Record<string, string | number> {
  const data: Record<string, string | number> = {};
  for (const c of [...node.any, ...node.all, ...node.none]) {
    if (!c.data || typeof c.data !== 'object') continue;
    for (const [k, v] of Object.entries(c.data as Record<string, unknown>)) {
      if ((typeof v === 'string' || typeof v === 'number') && !(k in data)) data[k] = v;
    }
  }
  return data;
}

/**
 * Our plain wording of an axe rule (data/rules/axe.json `message`, 何が問題か), filled with what axe found;
 * null when the rule has none, or when a value it names is missing (then axe's own words, which say what it saw).
 */
function plainAxeMessage(rule: RuleMeta, kind: FindingKind, node: axeCore.NodeResult): string | null {
  if (kind === 'review' && rule.reviewMessage) return rule.reviewMessage;
  const data = nodeData(node);
  const variant = variantKey(rule, data);
  if (variant) return fillMessage(rule.variants![variant].message, data);
  if (rule.message === rule.title.ja) return null;
  const names = [...rule.message.matchAll(/\$\{data\.(\w+)\}/g)].map((m) => m[1]);
  if (names.some((n) => data[n] === undefined || data[n] === '')) return null;
  return fillMessage(rule.message, data);
}

/** The wording a variant check chose for this node (rules/axe-variants.ts), when the rule has it. */
function variantKey(rule: RuleMeta, data: Record<string, string | number>): string | null {
  const key = typeof data.variant === 'string' ? data.variant : '';
  return key && rule.variants && Object.hasOwn(rule.variants, key) ? key : null;
}

/** The fix of a finding: the variant's where a variant check chose one, else the rule's. */
function fixOf(rule: RuleMeta, node: axeCore.NodeResult): string {
  const key = rule.source === 'jis' ? null : variantKey(rule, nodeData(node));
  return (key && rule.variants![key].help) || rule.help;
}

/**
 * One finding per node. A jis rule's check message is the whole message (it is written for editors) and
 * its fix is preceded by why it matters. An axe rule with our plain wording gets that wording and the same
 * why + fix; one without keeps its Japanese name, then what axe saw.
 */
function toFinding(rule: RuleMeta, kind: FindingKind, node: axeCore.NodeResult, r: axeCore.Result): Finding {
  const detail = nodeMessages(node);
  const jis = rule.source === 'jis';
  const plain = jis ? null : plainAxeMessage(rule, kind, node);
  const title = detail ? `${rule.title.ja}：${detail}` : rule.title.ja;
  return {
    ruleId: rule.id,
    source: rule.source,
    kind,
    criteria: rule.criteria,
    impact: (node.impact ?? r.impact ?? null) as Finding['impact'],
    selector: selectorOf(node.target),
    html: node.html.length > SNIPPET_MAX ? node.html.slice(0, SNIPPET_MAX) + '…' : node.html,
    message: jis ? detail || rule.help : plain ?? title,
    help: rule.why ? `${rule.why} ${fixOf(rule, node)}` : fixOf(rule, node),
    helpUrl: rule.helpUrl,
  };
}

/**
 * A frame whose address is not a web page (file:, chrome:): jis-frame-unchecked already says it was not checked,
 * and why; axe's frame-tested would say it a second time for the same frame.
 */
function saidByFrameUnchecked(snippet: string): boolean {
  const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(snippet)?.[1];
  return !!src && uncheckableScheme(src) !== null;
}

/** One rule's outcome on the page, from the result lists axe put it in. */
export function normalizeAxeResults(results: axeCore.AxeResults, catalogue: RuleIndex): { findings: Finding[]; ruleStats: RuleStat[] } {
  const findings: Finding[] = [];
  const stats = new Map<string, RuleStat>();

  const add = (r: axeCore.Result, list: 'violations' | 'incomplete' | 'passes' | 'inapplicable') => {
    const rule = catalogue.get(r.id);
    let kind: FindingKind | null = list === 'violations' ? rule.kind : list === 'incomplete' ? 'review' : null;
    const nodes = kind ? r.nodes.filter((n) => !(r.id === 'frame-tested' && saidByFrameUnchecked(n.html))) : r.nodes;
    if (kind && nodes.length === 0) kind = null; // every such frame has its jis-frame-unchecked line already
    if (kind) for (const node of nodes) findings.push(toFinding(rule, kind, node, r));
    const result: RuleStat['result'] = kind ?? (list === 'passes' || list === 'incomplete' || list === 'violations' ? 'passed' : 'inapplicable');
    const prev = stats.get(r.id);
    // A rule can be in several lists (some nodes pass, some fail): keep the worst.
    if (!prev || RANK[result] > RANK[prev.result]) stats.set(r.id, { ruleId: r.id, source: rule.source, criteria: rule.criteria, result });
  };
  for (const r of results.violations) add(r, 'violations');
  for (const r of results.incomplete) add(r, 'incomplete');
  for (const r of results.passes) add(r, 'passes');
  for (const r of results.inapplicable) add(r, 'inapplicable');
  return { findings, ruleStats: [...stats.values()] };
}

const RANK: Record<RuleStat['result'], number> = { inapplicable: 0, passed: 1, advisory: 2, review: 3, violation: 4 };
