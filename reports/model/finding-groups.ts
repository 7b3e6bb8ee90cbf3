// Findings of the report model grouped for reading: criterion → rule → occurrences, over every audited
// page (what to fix, not only the selected pages). Advisories and findings without a criterion go to one
// group of their own (ADVISORY_GROUP_JA), printed last. Each rule carries its Japanese title from the rule
// catalogue and each occurrence what a person sees of the element (visible-text.ts). The order is the
// fixer's: violations before reviews, then the pages affected, then the occurrences (sortRules, sortGroups).
import { CRITERIA } from '../../rules-jis/criteria.js';
import { ADVISORY_GROUP_JA } from '../../rules-jis/labels-ja.js';
import { ruleCatalogue } from '../../rules-jis/catalogue/index.js';
import type { FindingKind } from '../../rules-jis/types.js';
import type { StoredPage } from '../../crawler/store/store.js';
import type { CriterionGroup, RuleGroup } from '../model.js';
import type { FindingsByPage } from './pages.js';
import { visibleText } from './visible-text.js';

const KIND_ORDER: Record<FindingKind, number> = { violation: 0, review: 1, advisory: 2 };
const IMPACT_ORDER: Record<string, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };

/** The Japanese title of a rule (the catalogue's), or its id when the catalogue does not know it. */
export function ruleTitleJa(ruleId: string): string {
  const cat = ruleCatalogue();
  return cat.has(ruleId) ? cat.get(ruleId).title.ja : ruleId;
}

/** Violations before reviews (before advisories), then more pages, more occurrences, higher impact, id. */
export function compareRules(a: RuleGroup, b: RuleGroup): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    b.pages - a.pages ||
    b.occurrences.length - a.occurrences.length ||
    (IMPACT_ORDER[a.impact ?? ''] ?? 9) - (IMPACT_ORDER[b.impact ?? ''] ?? 9) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Criteria with violations first, then more pages affected, more occurrences, then the standard's order. */
export function compareGroups(a: CriterionGroup, b: CriterionGroup): number {
  return (
    Number(b.violations > 0) - Number(a.violations > 0) ||
    b.pages - a.pages ||
    b.violations + b.reviews - (a.violations + a.reviews) ||
    (ORDER.get(a.id) ?? 999) - (ORDER.get(b.id) ?? 999)
  );
}

/** The key of the advisory group among the criterion ids (an advisory has no A/AA criterion). */
const ADVISORY = ADVISORY_GROUP_JA.short;

const ORDER = new Map(CRITERIA.map((c, i) => [c.wcag, i]));

/** criterion id → (rule id + kind) → rule group with its occurrences, in the order findings come. */
function collectRules(audited: StoredPage[], findings: FindingsByPage): Map<string, Map<string, RuleGroup>> {
  const groups = new Map<string, Map<string, RuleGroup>>();
  for (const p of audited) {
    for (const f of findings.get(p.id) ?? []) {
      const crits = f.kind === 'advisory' || !f.criteria.length ? [ADVISORY] : f.criteria;
      for (const cid of crits) {
        let g = groups.get(cid);
        if (!g) groups.set(cid, (g = new Map()));
        const key = f.ruleId + '\n' + f.kind;
        let r = g.get(key);
        if (!r) g.set(key, (r = { ruleId: f.ruleId, title: ruleTitleJa(f.ruleId), kind: f.kind, impact: f.impact, help: f.help, helpUrl: f.helpUrl, message: f.message, pages: 0, occurrences: [] }));
        r.occurrences.push({ findingId: f.id, pageUrl: p.url, pageTitle: p.title ?? '', selector: f.selector, html: f.html, message: f.message, line: f.line, visible: visibleText(f.html) });
      }
    }
  }
  return groups;
}

/** One criterion's group: rules with their page counts, in the fixer's order (compareRules). */
function criterionGroup(cid: string, g: Map<string, RuleGroup>): CriterionGroup {
  const c = CRITERIA.find((x) => x.wcag === cid);
  const rules = [...g.values()].map((r) => ({ ...r, pages: new Set(r.occurrences.map((o) => o.pageUrl)).size })).sort(compareRules);
  const occurrences = (kind: RuleGroup['kind']) => rules.filter((r) => r.kind === kind).reduce((n, r) => n + r.occurrences.length, 0);
  return {
    id: cid,
    level: c?.level ?? null,
    jaJis: c?.jaJis ?? ADVISORY_GROUP_JA.title,
    ja: c?.ja ?? ADVISORY_GROUP_JA.short,
    violations: occurrences('violation'),
    reviews: occurrences('review'),
    pages: new Set(rules.flatMap((r) => (r.kind === 'advisory' ? [] : r.occurrences.map((o) => o.pageUrl)))).size,
    rules,
  };
}

/** Groups by criterion in the fixer's order (compareGroups), and the advisory group (null when there is none). */
export function groupFindings(audited: StoredPage[], findings: FindingsByPage): { findingGroups: CriterionGroup[]; advisories: CriterionGroup | null } {
  const groups = collectRules(audited, findings);
  const findingGroups = [...groups.entries()]
    .filter(([cid]) => cid !== ADVISORY)
    .map(([cid, g]) => criterionGroup(cid, g))
    .sort(compareGroups);
  const adv = groups.get(ADVISORY);
  return { findingGroups, advisories: adv ? criterionGroup(ADVISORY, adv) : null };
}
