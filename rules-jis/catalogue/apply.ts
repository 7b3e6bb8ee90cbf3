// How a producer of findings uses a catalogue entry: fill its message templates with what the check found,
// and pick the impact for the kind of finding. Browser-safe (the 4.1.1 check runs in the bundle too).
import type { FindingKind } from '../types.js';
import type { Impact, RuleMeta, RuleVariant } from './types.js';

/** `${data.x}` → data.x (missing → ""). The same placeholder syntax axe-core fills for the jis rules. */
export function fillMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\$\{data\.(\w+)\}/g, (_, k: string) => String(data[k] ?? ''));
}

/** A rule's named wording, or its default message and help. */
export function variantOf(rule: RuleMeta, key?: string): Required<RuleVariant> {
  const v = key && rule.variants && Object.hasOwn(rule.variants, key) ? rule.variants[key] : undefined;
  if (key && !v) throw new Error(`rule ${rule.id} has no wording "${key}"`);
  return { kind: v?.kind ?? rule.kind, message: v?.message ?? rule.message, help: v?.help ?? rule.help };
}

/** The impact of one finding of the rule: a review may weigh less than a certain failure. */
export function impactFor(rule: RuleMeta, kind: FindingKind): Impact {
  return kind === 'review' && kind !== rule.kind ? rule.reviewImpact ?? rule.impact : rule.impact;
}
