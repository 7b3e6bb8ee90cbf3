// The results list an editor can scan (issue 16 item 1): one entry per rule × criterion set, with its count
// and the affected texts, ordered by severity. A finding on two criteria is one finding in one entry with
// both badges, so the counts of the list add up to the summary's. Pure apart from reading HTML snippets.
import { criterion, compareCriterionIds } from '../../rules-jis/criteria.js';
import type { Finding, FindingKind, Level, Outcome, PageResult } from '../../rules-jis/types.js';
import type { Filters } from './view.js';
import { snippetText } from './visible-text.js';

export interface GroupCriterion {
  id: string;
  title: string;
  level: Level | null;
  outcome: Outcome | null;
}

export interface RuleGroup {
  /** ruleId + kind + criteria: stable, unique within a page. */
  key: string;
  ruleId: string;
  kind: FindingKind;
  impact: Finding['impact'];
  criteria: GroupCriterion[];
  /** 何が問題か: the first finding's message (the rule's wording, filled for that element). */
  message: string;
  /** 直し方. */
  help: string;
  helpUrl: string;
  findings: Finding[];
  /** What a person sees of each finding's element (deduplicated, in page order; "" left out). */
  texts: string[];
}

const KIND_RANK: Record<FindingKind, number> = { violation: 0, review: 1, advisory: 2 };
const IMPACT_RANK: Record<string, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };

/** Whether the filters let the finding through: its kind, and at least one of its criteria's levels. */
export function passes(f: Finding, filters: Filters): boolean {
  if (!filters.kinds[f.kind]) return false;
  const levels = f.criteria.map((id) => criterion(id)?.level).filter((l): l is 'A' | 'AA' => l === 'A' || l === 'AA');
  return levels.length === 0 || levels.some((l) => filters.levels[l]);
}

function criteriaOf(f: Finding, outcomes: Map<string, Outcome>): GroupCriterion[] {
  return [...f.criteria].sort(compareCriterionIds).map((id) => {
    const c = criterion(id);
    return { id, title: c?.ja ?? id, level: c?.level ?? null, outcome: outcomes.get(id) ?? null };
  });
}

/** The severity order: 不適合 before 要確認 before 参考, then by impact, then by the first criterion. */
export function compareGroups(a: RuleGroup, b: RuleGroup): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    (IMPACT_RANK[a.impact ?? ''] ?? 4) - (IMPACT_RANK[b.impact ?? ''] ?? 4) ||
    (a.criteria.length === 0 ? 1 : 0) - (b.criteria.length === 0 ? 1 : 0) ||
    compareCriterionIds(a.criteria[0]?.id ?? '9.9.9', b.criteria[0]?.id ?? '9.9.9') ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/** One entry per rule × kind × criterion set, each finding once. */
export function groupByRule(page: PageResult, filters: Filters): RuleGroup[] {
  const outcomes = new Map(page.criteria.map((c) => [c.id, c.outcome]));
  const groups = new Map<string, RuleGroup>();
  for (const f of page.findings) {
    if (!passes(f, filters)) continue;
    const key = `${f.ruleId}|${f.kind}|${[...f.criteria].sort().join(',')}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, ruleId: f.ruleId, kind: f.kind, impact: f.impact, criteria: criteriaOf(f, outcomes), message: f.message, help: f.help, helpUrl: f.helpUrl, findings: [], texts: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
    if ((IMPACT_RANK[f.impact ?? ''] ?? 4) < (IMPACT_RANK[g.impact ?? ''] ?? 4)) g.impact = f.impact;
  }
  for (const g of groups.values()) g.texts = [...new Set(g.findings.map((f) => snippetText(f.html)).filter(Boolean))];
  return [...groups.values()].sort(compareGroups);
}

/** How many findings of each kind the list shows: the same numbers the summary and the badge count. */
export function countKinds(groups: RuleGroup[]): Record<FindingKind, number> {
  const n: Record<FindingKind, number> = { violation: 0, review: 0, advisory: 0 };
  for (const g of groups) n[g.kind] += g.findings.length;
  return n;
}
