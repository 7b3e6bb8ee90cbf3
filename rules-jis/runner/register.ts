// Registers our Japanese checks into axe as custom rules, one check per rule: the code from
// rules-jis/rules/, the metadata (criteria tags, impact, messages) from the catalogue (data/rules/jis.json).
import type axeCore from 'axe-core';
import { jisChecks } from '../rules/index.js';
import type { JisCheck } from '../rules/types.js';
import { jisRules } from '../catalogue/jis.js';
import type { RuleMeta } from '../catalogue/types.js';
import { axeVariantChecks } from '../rules/axe-variants.js';

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

/** The ids of an axe rule's `any` checks (axe._audit: not in axe's typed API; [] when absent). */
function anyChecksOf(axe: typeof axeCore, ruleId: string): string[] {
  const audit = (axe as unknown as { _audit?: { rules?: { id: string; any?: ({ id: string } | string)[] }[] } })._audit;
  const rule = audit?.rules?.find((r) => r.id === ruleId);
  return (rule?.any ?? []).map((c) => (typeof c === 'string' ? c : c.id));
}

/**
 * Adds our variant checks (rules/axe-variants.ts) at the end of their axe rule's `any` list: they never pass, so
 * axe's own checks still decide; on a failing node they note which known pattern it shows.
 */
export function registerAxeVariants(axe: typeof axeCore): void {
  const checks = axeVariantChecks.filter((v) => anyChecksOf(axe, v.ruleId).length > 0);
  axe.configure({
    checks: checks.map((v) => ({
      id: v.checkId,
      evaluate: function (this: { data(d: unknown): void }, node: Element) {
        const found = v.detect(node);
        if (found) this.data(found);
        return false;
      } as unknown as string,
      metadata: { impact: 'minor', messages: { pass: '', fail: '', incomplete: '' } },
    })),
    rules: checks.map((v) => ({ id: v.ruleId, any: [...anyChecksOf(axe, v.ruleId), v.checkId] })),
  } as axeCore.Spec);
}
