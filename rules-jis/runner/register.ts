// Registers our Japanese checks (rules-jis/rules) into axe as custom rules, one check per rule.
import type axeCore from 'axe-core';
import { jisRules } from '../rules/index.js';
import type { JisRule } from '../types.js';

export const JIS_TAG = 'jis-a11y';

export function registerJisRules(axe: typeof axeCore, rules: JisRule[] = jisRules): void {
  axe.configure({
    checks: rules.map((r) => ({
      id: r.id,
      evaluate: r.evaluate as unknown as string,
      metadata: {
        impact: r.impact,
        messages: { pass: r.messages.pass ?? '', fail: r.messages.fail, incomplete: r.messages.review ?? r.messages.fail },
      },
    })),
    rules: rules.map((r) => ({
      id: r.id,
      selector: r.selector,
      ...(r.matches ? { matches: r.matches as unknown as string } : {}),
      any: [r.id],
      tags: [JIS_TAG, ...r.criteria.map((c) => 'wcag' + c.replace(/\./g, ''))],
      metadata: { description: r.messages.description, help: r.messages.help },
    })),
  } as axeCore.Spec);
}

export function jisRuleById(id: string): JisRule | undefined {
  return jisRules.find((r) => r.id === id);
}
