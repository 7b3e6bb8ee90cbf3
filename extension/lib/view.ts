// What the results view shows: findings grouped by 達成基準, filtered by level and kind. Pure.
// Labels come from rules-jis/labels-ja.ts, as in the reports.
import { criterion, compareCriterionIds } from '../../rules-jis/criteria.js';
import { ADVISORY_GROUP_JA } from '../../rules-jis/labels-ja.js';
import type { CriterionResult, Finding, FindingKind, Level, Outcome, PageResult } from '../../rules-jis/types.js';

export interface Filters {
  levels: Record<'A' | 'AA', boolean>;
  kinds: Record<FindingKind, boolean>;
}

export const DEFAULT_FILTERS: Filters = {
  levels: { A: true, AA: true },
  kinds: { violation: true, review: true, advisory: true },
};

export interface CriterionGroup {
  /** "1.1.1", or "" for advisories with no criterion behind them. */
  id: string;
  title: string;
  level: Level | null;
  outcome: Outcome | null;
  reason?: string;
  findings: Finding[];
}

const KIND_ORDER: Record<FindingKind, number> = { violation: 0, review: 1, advisory: 2 };

/** Groups the page's findings by criterion (a finding on two criteria shows under both). */
export function groupFindings(page: PageResult, filters: Filters = DEFAULT_FILTERS): CriterionGroup[] {
  const byId = new Map<string, CriterionResult>(page.criteria.map((c) => [c.id, c]));
  const groups = new Map<string, CriterionGroup>();
  const group = (id: string): CriterionGroup => {
    let g = groups.get(id);
    if (!g) {
      const c = id ? criterion(id) : undefined;
      const r = byId.get(id);
      g = {
        id,
        title: c ? c.ja : ADVISORY_GROUP_JA.title,
        level: c?.level ?? null,
        outcome: r?.outcome ?? null,
        reason: r?.reason,
        findings: [],
      };
      groups.set(id, g);
    }
    return g;
  };
  for (const f of page.findings) {
    if (!filters.kinds[f.kind]) continue;
    const ids = f.criteria.filter((id) => byId.has(id) || criterion(id));
    if (ids.length === 0) {
      group('').findings.push(f);
      continue;
    }
    for (const id of ids) {
      const level = criterion(id)?.level;
      if (level === 'A' || level === 'AA') {
        if (!filters.levels[level]) continue;
      }
      group(id).findings.push(f);
    }
  }
  for (const g of groups.values()) g.findings.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return [...groups.values()].sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : compareCriterionIds(a.id, b.id)));
}

export interface Summary {
  violations: number;
  reviews: number;
  advisories: number;
  outcomes: Record<Outcome, number>;
}

export function summarize(page: PageResult): Summary {
  const outcomes: Record<Outcome, number> = { fail: 0, review: 0, pass: 0, inapplicable: 0, untested: 0 };
  for (const c of page.criteria) outcomes[c.outcome]++;
  return {
    violations: page.findings.filter((f) => f.kind === 'violation').length,
    reviews: page.findings.filter((f) => f.kind === 'review').length,
    advisories: page.findings.filter((f) => f.kind === 'advisory').length,
    outcomes,
  };
}
