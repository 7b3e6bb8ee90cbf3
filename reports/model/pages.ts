// The audited pages of the report model: each page's findings read from the store once, the human
// judgements applied to its criteria (rules-jis/verdict.ts applyJudgements), which judgements were used
// and which went stale on changed content, and the pages with the most problems.
import { applyJudgements } from '../../rules-jis/verdict.js';
import { isStaleFor, type JudgedFinding, type Judgement } from '../../rules-jis/judgements.js';
import type { CriterionResult } from '../../rules-jis/types.js';
import type { Store, StoredFinding, StoredPage } from '../../crawler/store/store.js';
import { sha256 } from '../../crawler/store/hash.js';
import type { ModelPage, ReportModel } from '../model.js';

/** Findings of a run by page id, streamed from the store once. */
export type FindingsByPage = Map<number, StoredFinding[]>;

export async function findingsByPage(store: Store, runId: number): Promise<FindingsByPage> {
  const byPage: FindingsByPage = new Map();
  for await (const f of store.results.iterateFindings(runId)) {
    const a = byPage.get(f.pageId);
    if (a) a.push(f);
    else byPage.set(f.pageId, [f]);
  }
  return byPage;
}

export interface JudgedPages {
  pages: ModelPage[];
  /** Judgements that decided at least one criterion on one page. */
  used: Judgement[];
  /** Judgements made on content that has since changed, with the pages where that happened. */
  stale: ReportModel['judgements']['stale'];
}

/** The page as the report reads it: its criteria with the judgements applied, and its findings counted. */
export function toModelPage(
  p: Pick<ModelPage, 'id' | 'url' | 'title' | 'contentHash'>,
  automated: CriterionResult[],
  fs: JudgedFinding[],
  judgements: Judgement[],
  selected: boolean,
): ModelPage {
  const criteria = applyJudgements({ url: p.url, contentHash: p.contentHash }, automated, fs, judgements, sha256);
  return {
    id: p.id,
    url: p.url,
    title: p.title,
    contentHash: p.contentHash,
    criteria,
    violations: fs.filter((f) => f.kind === 'violation').length,
    reviews: fs.filter((f) => f.kind === 'review').length,
    advisories: fs.filter((f) => f.kind === 'advisory').length,
    failing: criteria.filter((c) => c.outcome === 'fail').map((c) => c.id),
    selected,
  };
}

function modelPage(p: StoredPage, fs: StoredFinding[], judgements: Judgement[], selected: boolean): ModelPage {
  return toModelPage(p, p.criteria, fs, judgements, selected);
}

/** Every audited page with judgements applied; `selected` marks the pages of the published test. */
export function judgePages(audited: StoredPage[], findings: FindingsByPage, judgements: Judgement[], selected: Set<string>): JudgedPages {
  const used = new Map<number, Judgement>();
  const stale = new Map<number, { judgement: Judgement; urls: string[] }>();
  const pages = audited.map((p) => {
    const page = modelPage(p, findings.get(p.id) ?? [], judgements, selected.has(p.url));
    for (const c of page.criteria) if (c.judgement) used.set(c.judgement.id, c.judgement);
    for (const j of judgements) {
      if (!isStaleFor(j, p)) continue;
      const s = stale.get(j.id) ?? { judgement: j, urls: [] };
      s.urls.push(p.url);
      stale.set(j.id, s);
    }
    return page;
  });
  return { pages, used: [...used.values()], stale: [...stale.values()] };
}

/** The ten pages with the most failing criteria, then violations, then reviews (URL order breaks ties). */
export function worstPages(pages: ModelPage[]): ModelPage[] {
  return pages
    .filter((p) => p.violations > 0 || p.reviews > 0)
    .sort((a, b) => b.failing.length - a.failing.length || b.violations - a.violations || b.reviews - a.reviews || (a.url < b.url ? -1 : 1))
    .slice(0, 10);
}
