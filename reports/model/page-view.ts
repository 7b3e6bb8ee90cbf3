// ページごとの問題 of the report model: for each page with a violation or a review, its title, link and 所属,
// and its findings grouped by criterion (violations first), each with the rule's Japanese title and what a
// person sees of the element. Built from the finding groups (finding-groups.ts), sharing their occurrence
// objects, so a crop added to an occurrence later (reports/crops.ts) shows in both views.
import type { CriterionGroup, ModelPage, Occurrence, RuleGroup } from '../model.js';
import type { JudgedOutcome } from '../../rules-jis/verdict.js';
import { compareWorst, sectionOf, type SectionMapping } from './org-sections.js';

export interface PageRuleItem {
  rule: Pick<RuleGroup, 'ruleId' | 'title' | 'kind' | 'help'>;
  occurrences: Occurrence[];
}

export interface PageCriterionView {
  id: string;
  level: CriterionGroup['level'];
  ja: string;
  /** The page's outcome for the criterion (judgements applied). */
  outcome: JudgedOutcome | null;
  violations: number;
  reviews: number;
  rules: PageRuleItem[];
}

export interface PageView {
  page: ModelPage;
  /** The 所属 (org-sections.ts). */
  section: string;
  criteria: PageCriterionView[];
}

function criterionView(page: ModelPage, g: CriterionGroup, items: PageRuleItem[]): PageCriterionView {
  const count = (k: RuleGroup['kind']) => items.filter((i) => i.rule.kind === k).reduce((n, i) => n + i.occurrences.length, 0);
  return {
    id: g.id,
    level: g.level,
    ja: g.ja,
    outcome: page.criteria.find((c) => c.id === g.id)?.outcome ?? null,
    violations: count('violation'),
    reviews: count('review'),
    rules: items,
  };
}

/**
 * Pages with violations or reviews, grouped by 所属 in the order of the mappings (その他 last), worst first
 * within one; each page's criteria with violations first, then by occurrences.
 */
export function buildPageViews(pages: readonly ModelPage[], groups: readonly CriterionGroup[], mappings: readonly SectionMapping[]): PageView[] {
  const perPage = new Map<string, Map<CriterionGroup, PageRuleItem[]>>();
  for (const g of groups) {
    for (const r of g.rules) {
      if (r.kind === 'advisory') continue;
      const byUrl = new Map<string, Occurrence[]>();
      for (const o of r.occurrences) byUrl.set(o.pageUrl, [...(byUrl.get(o.pageUrl) ?? []), o]);
      for (const [url, occurrences] of byUrl) {
        let crits = perPage.get(url);
        if (!crits) perPage.set(url, (crits = new Map()));
        const items = crits.get(g) ?? [];
        items.push({ rule: { ruleId: r.ruleId, title: r.title, kind: r.kind, help: r.help }, occurrences });
        crits.set(g, items);
      }
    }
  }
  const order = new Map([...new Set(mappings.map((m) => m.name))].map((n, i) => [n, i]));
  return pages
    .filter((p) => perPage.has(p.url))
    .map((p) => ({
      page: p,
      section: sectionOf(p.url, mappings),
      criteria: [...perPage.get(p.url)!.entries()]
        .map(([g, items]) => criterionView(p, g, items))
        .sort((a, b) => Number(b.violations > 0) - Number(a.violations > 0) || b.violations + b.reviews - (a.violations + a.reviews)),
    }))
    .sort((a, b) => (order.get(a.section) ?? 1e9) - (order.get(b.section) ?? 1e9) || compareWorst(a.page, b.page));
}
