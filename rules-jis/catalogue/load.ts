// From a rule data file (rules-jis/data/rules/*.json) to catalogue entries, and the lookup by id that every
// producer of findings uses. Browser-safe: the bundle loads the jis and source files through it.
import { understandingUrl } from '../criteria.js';
import type { RuleFile, RuleIndex, RuleMeta } from './types.js';

/** The entries of one data file, with the source and the default help URL filled in. */
export function loadRuleFile(file: RuleFile): RuleMeta[] {
  return file.rules.map((r) => ({ ...r, source: file.source, helpUrl: r.helpUrl ?? understandingUrl(r.criteria[0] ?? '') }));
}

export function ruleIndex(rules: readonly RuleMeta[]): RuleIndex {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return {
    all: rules,
    has: (id) => byId.has(id),
    get(id) {
      const r = byId.get(id);
      if (!r) throw new Error(`rule not in the catalogue: ${id}`);
      return r;
    },
  };
}
