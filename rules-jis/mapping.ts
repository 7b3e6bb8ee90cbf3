// axe rule → JIS criteria, and which axe rules we run: derived from axe's own wcagXYZ tags, corrected by the
// reviewed table in data/rules/axe.json (schema/axe-rules.schema.json). Pure data logic, safe in the bundle.
import axeData from './data/rules/axe.json';
import { isTargetCriterion } from './criteria.js';

/** What we change about one axe rule (data/rules/axe.json). */
export interface AxeRuleChange {
  /** Run it although it has no WCAG 2.0 A/AA tag (e.g. the deprecated 4.1.1 duplicate-id rules). */
  include?: boolean;
  /** Never run it (e.g. axe's internal frame-tested). */
  exclude?: boolean;
  /** The criteria it judges, replacing those derived from its tags. */
  criteria?: string[];
  reason?: string;
  /** Japanese name and description for a rule axe-core's ja locale does not translate (yet). */
  ja?: { help: string; description: string };
  /** Japanese fix hint (what to do in the CMS), replacing axe's description in findings. */
  fix?: string;
  /** 何が問題か in plain Japanese, replacing axe's name and check messages in findings (`${data.x}` from axe's check data). */
  message?: string;
  /** What a person should check when axe could not decide (incomplete → 要確認). */
  reviewMessage?: string;
  /** Who is hurt and why (Japanese): put before the fix, as the jis rules do. */
  why?: string;
  /**
   * Wordings for a pattern one of our checks recognises on the failing node (rules-jis/rules/axe-variants.ts sets
   * `variant` in its check data): a message and a fix that name the pattern (select-name: 年/月/日 selects).
   */
  variants?: Record<string, { message: string; fix?: string }>;
}

export const axeRuleChanges = (axeData as { rules: Record<string, AxeRuleChange> }).rules;

/** "wcag111" → "1.1.1", "wcag1410" → "1.4.10"; other tags → null. */
export function criterionFromTag(tag: string): string | null {
  const m = /^wcag(\d)(\d)(\d+)$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/** The A/AA criteria an axe rule judges. */
export function axeRuleCriteria(ruleId: string, tags: string[]): string[] {
  const o = axeRuleChanges[ruleId];
  const ids = o?.criteria ?? tags.map(criterionFromTag).filter((x): x is string => x !== null);
  return [...new Set(ids)].filter((id) => isTargetCriterion(id, 'AA'));
}

/**
 * Which axe rules we run: every rule tagged WCAG 2.0 A or AA that is not experimental, plus the
 * changes marked `include` (e.g. the deprecated 4.1.1 duplicate-id rules), minus `exclude`.
 */
export function selectAxeRules(rules: { ruleId: string; tags: string[] }[]): string[] {
  return rules
    .filter((r) => {
      const o = axeRuleChanges[r.ruleId];
      if (o?.exclude) return false;
      if (o?.include) return true;
      if (r.tags.includes('experimental') || r.tags.includes('deprecated')) return false;
      return (r.tags.includes('wcag2a') || r.tags.includes('wcag2aa')) && axeRuleCriteria(r.ruleId, r.tags).length > 0;
    })
    .map((r) => r.ruleId);
}
