// Findings of the report model grouped for reading: criterion → rule → occurrences, over every audited
// page (what to fix, not only the selected pages). Advisories and findings without a criterion go to one
// group of their own (ADVISORY_GROUP_JA), printed last.
import { CRITERIA } from '../../rules-jis/criteria.js';
import { ADVISORY_GROUP_JA } from '../../rules-jis/labels-ja.js';
import type { StoredPage } from '../../crawler/store/store.js';
import type { CriterionGroup, RuleGroup } from '../model.js';
import type { FindingsByPage } from './pages.js';

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
        if (!r) g.set(key, (r = { ruleId: f.ruleId, kind: f.kind, help: f.help, helpUrl: f.helpUrl, message: f.message, pages: 0, occurrences: [] }));
        r.occurrences.push({ pageUrl: p.url, pageTitle: p.title ?? '', selector: f.selector, html: f.html, message: f.message, line: f.line });
      }
    }
  }
  return groups;
}

/** One criterion's group: rules with their page counts, violations first, then by occurrences. */
function criterionGroup(cid: string, g: Map<string, RuleGroup>): CriterionGroup {
  const c = CRITERIA.find((x) => x.wcag === cid);
  const rules = [...g.values()]
    .map((r) => ({ ...r, pages: new Set(r.occurrences.map((o) => o.pageUrl)).size }))
    .sort((a, b) => (a.kind === b.kind ? b.occurrences.length - a.occurrences.length : a.kind === 'violation' ? -1 : 1));
  const occurrences = (kind: RuleGroup['kind']) => rules.filter((r) => r.kind === kind).reduce((n, r) => n + r.occurrences.length, 0);
  return {
    id: cid,
    level: c?.level ?? null,
    jaJis: c?.jaJis ?? ADVISORY_GROUP_JA.title,
    ja: c?.ja ?? ADVISORY_GROUP_JA.short,
    violations: occurrences('violation'),
    reviews: occurrences('review'),
    rules,
  };
}

/** Groups by criterion in the order of the standard, and the advisory group (null when there is none). */
export function groupFindings(audited: StoredPage[], findings: FindingsByPage): { findingGroups: CriterionGroup[]; advisories: CriterionGroup | null } {
  const groups = collectRules(audited, findings);
  const findingGroups = [...groups.entries()]
    .filter(([cid]) => cid !== ADVISORY)
    .sort(([a], [b]) => (ORDER.get(a) ?? 999) - (ORDER.get(b) ?? 999))
    .map(([cid, g]) => criterionGroup(cid, g));
  const adv = groups.get(ADVISORY);
  return { findingGroups, advisories: adv ? criterionGroup(ADVISORY, adv) : null };
}
