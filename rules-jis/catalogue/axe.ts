// The catalogue entries of the axe-core rules we run, derived rather than copied: names and descriptions
// from axe's own metadata (getRules(), English) and its Japanese locale (axe-core/locales/ja.json),
// criteria, the Japanese fix hints and the few translations the locale lacks from our reviewed table
// (data/rules/axe.json via ../mapping.ts).
// The same function serves the bundle (runner/entry.ts) and the Node side (catalogue/index.ts, the docs).
import type axeCore from 'axe-core';
import { understandingUrl } from '../criteria.js';
import { axeRuleChanges, axeRuleCriteria, selectAxeRules } from '../mapping.js';
import type { Impact, RuleMeta } from './types.js';

/** What axe's getRules() gives for one rule, read before the Japanese locale is applied. */
export type AxeRuleInfo = Pick<axeCore.RuleMetadata, 'ruleId' | 'description' | 'help' | 'helpUrl' | 'tags'>;

/** What getRules() leaves out: the rule's impact, and whether its failures are reported for review only. */
export interface AxeRuleDetails {
  impact?: Impact;
  reviewOnFail?: boolean;
}

/** The part of an axe locale file this needs. */
export interface AxeLocale {
  rules?: Record<string, { description?: string; help?: string }>;
}

/**
 * Impact and reviewOnFail of every rule, from axe's rule objects (`axe._audit.rules`: not in axe's typed API,
 * stable across 4.x; tests/unit/catalogue.test.ts fails if an upgrade drops them). {} when absent.
 */
export function axeRuleDetails(axe: typeof axeCore): Record<string, AxeRuleDetails> {
  const audit = (axe as unknown as { _audit?: { rules?: { id: string; impact?: Impact; reviewOnFail?: boolean }[] } })._audit;
  return Object.fromEntries((audit?.rules ?? []).map((r) => [r.id, { impact: r.impact, reviewOnFail: r.reviewOnFail }]));
}

/** One catalogue entry per axe rule we run (selectAxeRules), in axe's order. */
export function axeRules(rules: AxeRuleInfo[], locale: AxeLocale, details: Record<string, AxeRuleDetails>): RuleMeta[] {
  const run = new Set(selectAxeRules(rules));
  return rules.filter((r) => run.has(r.ruleId)).map((r) => axeRuleMeta(r, locale, details[r.ruleId] ?? {}));
}

function axeRuleMeta(r: AxeRuleInfo, locale: AxeLocale, details: AxeRuleDetails): RuleMeta {
  const criteria = axeRuleCriteria(r.ruleId, r.tags);
  const change = axeRuleChanges[r.ruleId];
  // axe's own translation first; ours (data/rules/axe.json) only where the locale has none
  const ja = { ...change?.ja, ...locale.rules?.[r.ruleId] };
  const title = ja.help ?? r.help;
  const description = ja.description ?? r.description;
  return {
    id: r.ruleId,
    source: 'axe',
    criteria,
    // axe reports a reviewOnFail rule's failures as incomplete (要確認), never as violations
    kind: details.reviewOnFail ? 'review' : 'violation',
    // any axe rule lands in `incomplete` when a check cannot decide (or errors)
    review: true,
    impact: details.impact ?? 'moderate',
    title: { ja: title, en: r.help },
    description,
    // our plain wording (何が問題か) where the table has one, else axe's Japanese name of the rule
    message: change?.message ?? title,
    ...(change?.reviewMessage ? { reviewMessage: change.reviewMessage } : {}),
    ...(change?.why ? { why: change.why } : {}),
    help: change?.fix ?? description,
    ...(change?.variants ? { variants: Object.fromEntries(Object.entries(change.variants).map(([k, v]) => [k, { message: v.message, ...(v.fix ? { help: v.fix } : {}) }])) } : {}),
    helpUrl: criteria.length ? understandingUrl(criteria[0]) : r.helpUrl,
  };
}
