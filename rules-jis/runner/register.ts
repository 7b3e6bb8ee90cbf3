// Registers our Japanese checks into axe as custom rules, one check per rule: the code from
// rules-jis/rules/, the metadata (criteria tags, impact, messages) from the catalogue (data/rules/jis.json).
import type axeCore from 'axe-core';
import { jisChecks } from '../rules/index.js';
import type { JisCheck } from '../rules/types.js';
import { jisRules } from '../catalogue/jis.js';
import type { RuleMeta } from '../catalogue/types.js';

export const JIS_TAG = 'jis-a11y';

/** Each catalogue entry with its code, in the catalogue's order. Throws when one side lacks the other. */
export function pairJisRules(rules: readonly RuleMeta[] = jisRules, checks: readonly JisCheck[] = jisChecks): { meta: RuleMeta; check: JisCheck }[] {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const pairs = rules.map((meta) => {
    const check = byId.get(meta.id);
    if (!check) throw new Error(`no code for the jis rule ${meta.id} in rules-jis/rules/`);
    return { meta, check };
  });
  if (pairs.length !== checks.length) throw new Error('a check in rules-jis/rules/ has no entry in data/rules/jis.json');
  return pairs;
}

export function registerJisRules(axe: typeof axeCore): void {
  const pairs = pairJisRules();
  axe.configure({
    checks: pairs.map(({ meta, check }) => ({
      id: meta.id,
      evaluate: check.evaluate as unknown as string,
      metadata: {
        impact: meta.impact,
        messages: { pass: meta.passMessage ?? '', fail: meta.message, incomplete: meta.reviewMessage ?? meta.message },
      },
    })),
    rules: pairs.map(({ meta, check }) => ({
      id: meta.id,
      selector: check.selector,
      ...(check.matches ? { matches: check.matches as unknown as string } : {}),
      ...(check.excludeHidden === false ? { excludeHidden: false } : {}),
      any: [meta.id],
      tags: [JIS_TAG, ...meta.criteria.map((c) => 'wcag' + c.replace(/\./g, ''))],
      metadata: { description: meta.description, help: meta.help },
    })),
  } as axeCore.Spec);
}
