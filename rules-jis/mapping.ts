// axe rule → JIS criteria: derived from axe's own wcagXYZ tags, corrected by the reviewed table in
// data/axe-overrides.json. Pure data logic, safe in the browser bundle.
import overridesData from './data/axe-overrides.json';
import { isTargetCriterion } from './criteria.js';

interface Override {
  include?: boolean;
  exclude?: boolean;
  criteria?: string[];
  reason: string;
}
const overrides = (overridesData as { rules: Record<string, Override> }).rules;

/** "wcag111" → "1.1.1", "wcag1410" → "1.4.10"; other tags → null. */
export function criterionFromTag(tag: string): string | null {
  const m = /^wcag(\d)(\d)(\d+)$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/** The A/AA criteria an axe rule judges. */
export function axeRuleCriteria(ruleId: string, tags: string[]): string[] {
  const o = overrides[ruleId];
  const ids = o?.criteria ?? tags.map(criterionFromTag).filter((x): x is string => x !== null);
  return [...new Set(ids)].filter((id) => isTargetCriterion(id, 'AA'));
}

/**
 * Which axe rules we run: every rule tagged WCAG 2.0 A or AA that is not experimental, plus the
 * overrides marked `include` (e.g. the deprecated 4.1.1 duplicate-id rules), minus `exclude`.
 */
export function selectAxeRules(rules: { ruleId: string; tags: string[] }[]): string[] {
  return rules
    .filter((r) => {
      const o = overrides[r.ruleId];
      if (o?.exclude) return false;
      if (o?.include) return true;
      if (r.tags.includes('experimental') || r.tags.includes('deprecated')) return false;
      return (r.tags.includes('wcag2a') || r.tags.includes('wcag2aa')) && axeRuleCriteria(r.ruleId, r.tags).length > 0;
    })
    .map((r) => r.ruleId);
}
