// Progress over time: this run against the previous finished run (new / fixed / remaining findings),
// and the per-criterion trend across runs and fiscal years (年度), with per-page rates beside the totals
// (a crawl twice as large has twice the findings; the rate says whether the site got better).
import { targetCriteria } from '../rules-jis/criteria.js';
import type { FindingKind } from '../rules-jis/types.js';
import { collect, type Run, type Store, type StoredFinding } from '../crawler/store/store.js';
import { sha256 } from '../crawler/store/hash.js';
import { fiscalYear } from './format.js';

/** A finding's identity across runs: page (without origin when it is the run's own), rule, selector, snippet. */
export function findingKey(f: Pick<StoredFinding, 'pageUrl' | 'ruleId' | 'selector' | 'html'>, origin: string): string {
  const page = f.pageUrl.startsWith(origin) ? f.pageUrl.slice(origin.length) : f.pageUrl;
  return [page, f.ruleId, f.selector, sha256(f.html.replace(/\s+/g, ' ').trim())].join('\n');
}

export interface ProgressItem {
  pageUrl: string;
  ruleId: string;
  kind: FindingKind;
  criteria: string[];
  selector: string;
  message: string;
}

export interface Progress {
  previousRun: Run;
  newFindings: ProgressItem[];
  fixed: ProgressItem[];
  remaining: number;
}

function originOf(run: Run): string {
  try {
    return new URL(run.startUrls[0]).origin;
  } catch {
    return '';
  }
}

const item = (f: StoredFinding): ProgressItem => ({ pageUrl: f.pageUrl, ruleId: f.ruleId, kind: f.kind, criteria: f.criteria, selector: f.selector, message: f.message });

export function previousRunOf(run: Run, runs: Run[]): Run | null {
  return runs.filter((r) => r.id < run.id && r.status === 'finished').sort((a, b) => b.id - a.id)[0] ?? null;
}

/** Violations and review findings of this run against the previous finished run. */
export async function buildProgress(store: Store, run: Run, runs: Run[]): Promise<Progress | null> {
  const prev = previousRunOf(run, runs);
  if (!prev) return null;
  const load = async (r: Run) => {
    const o = originOf(r);
    const m = new Map<string, StoredFinding>();
    for await (const f of store.results.iterateFindings(r.id)) if (f.kind !== 'advisory') m.set(findingKey(f, o), f);
    return m;
  };
  const now = await load(run);
  const before = await load(prev);
  // pages not audited in this run are not "fixed": they were not looked at
  const auditedNow = new Set((await collect(store.results.iteratePages(run.id))).filter((p) => !p.error).map((p) => p.url.slice(originOf(run).length)));
  const newFindings = [...now.entries()].filter(([k]) => !before.has(k)).map(([, f]) => item(f));
  const fixed = [...before.entries()]
    .filter(([k, f]) => !now.has(k) && auditedNow.has(f.pageUrl.slice(originOf(prev).length)))
    .map(([, f]) => item(f));
  const remaining = [...now.keys()].filter((k) => before.has(k)).length;
  return { previousRun: prev, newFindings, fixed, remaining };
}

export interface TrendPoint {
  runId: number;
  date: string;
  label: string;
  pages: number;
  violations: number;
  reviews: number;
  /** Pages failing each criterion. */
  failingPages: Record<string, number>;
  /** Criteria failing on at least one page. */
  failingCriteria: number;
  /** Rates that do not grow with the size of the crawl: findings per audited page (2 decimals). */
  perPage: { violations: number; reviews: number };
}

/** n per page, to 2 decimals (0 when no page was audited). */
export function perPageRate(n: number, pages: number): number {
  return pages > 0 ? Math.round((n / pages) * 100) / 100 : 0;
}

/** The share of pages, in percent to 1 decimal (0 when no page was audited). */
export function pageShare(n: number, pages: number): number {
  return pages > 0 ? Math.round((n / pages) * 1000) / 10 : 0;
}

export interface Trends {
  /** Finished runs up to this one (at most 12, oldest first). */
  runs: TrendPoint[];
  /** The last finished run of each fiscal year (oldest first). */
  years: (TrendPoint & { fiscalYear: number })[];
  criteria: string[];
}

export async function buildTrends(store: Store, run: Run, runs: Run[]): Promise<Trends> {
  const crits = targetCriteria(run.target ?? 'AA').map((c) => c.wcag);
  const chosen = runs
    .filter((r) => r.id <= run.id && (r.status === 'finished' || r.id === run.id))
    .sort((a, b) => a.id - b.id);
  const point = async (r: Run): Promise<TrendPoint> => {
    const failingPages: Record<string, number> = Object.fromEntries(crits.map((c) => [c, 0]));
    let pages = 0;
    for await (const p of store.results.iteratePages(r.id)) {
      if (p.error) continue;
      pages++;
      for (const c of p.criteria) if (c.outcome === 'fail' && c.id in failingPages) failingPages[c.id]++;
    }
    const s = await store.runs.runSummary(r.id);
    return {
      runId: r.id,
      date: r.finishedAt ?? r.startedAt,
      label: r.label ?? `#${r.id}`,
      pages,
      violations: s.findings.violation,
      reviews: s.findings.review,
      failingPages,
      failingCriteria: Object.values(failingPages).filter((n) => n > 0).length,
      perPage: { violations: perPageRate(s.findings.violation, pages), reviews: perPageRate(s.findings.review, pages) },
    };
  };
  const cache = new Map<number, Promise<TrendPoint>>();
  const get = (r: Run) => cache.get(r.id) ?? (cache.set(r.id, point(r)), cache.get(r.id)!);
  const byYear = new Map<number, Run>();
  for (const r of chosen) byYear.set(fiscalYear(r.finishedAt ?? r.startedAt), r);
  return {
    runs: await Promise.all(chosen.slice(-12).map(get)),
    years: await Promise.all([...byYear.entries()].sort(([a], [b]) => a - b).map(async ([fy, r]) => ({ ...(await get(r)), fiscalYear: fy }))),
    criteria: crits,
  };
}
