// The catalogue entries of the keyboard phase (data/rules/interaction.json), read by the checks in
// crawler/page/interaction/checks/ and turned into findings by crawler/page/interaction/finding.ts: a check
// describes what it saw in `data.what`, and the finding's message is 【criterion title】 + the filled message.
// A verdict may carry a more precise fix than the entry's help. Not in the in-page bundle: only the Node
// side drives the keyboard.
import data from '../data/rules/interaction.json';
import { compareCriterionIds } from '../criteria.js';
import { loadRuleFile, ruleIndex } from './load.js';
import type { RuleFile } from './types.js';

export const interactionRules = loadRuleFile(data as RuleFile);
export const interactionRule = ruleIndex(interactionRules).get;

/** The criteria the keyboard phase judges, in order ("1.4.4, 2.1.1, …"): what --no-interaction leaves out. */
export function interactionCriteria(): string[] {
  return [...new Set(interactionRules.flatMap((r) => r.criteria))].sort(compareCriterionIds);
}
