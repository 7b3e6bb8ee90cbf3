// What the benchmarks read back from a crawl's store, through the store's own read API (crawler/store is the one
// owner of the SQLite file: no SQL here). Each call opens the file read-only and closes it again, because the
// benchmarks read while a separate crawl process writes it.
import { openStore, type Store } from '../crawler/store/store.js';

async function withStore<T>(file: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(file, { readonly: true, busyTimeoutMs: 5_000 });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The newest run's wall time from its own start and finish stamps (undefined while unfinished). */
export function runWallMs(file: string): Promise<number | undefined> {
  return withStore(file, async (s) => {
    const r = await s.runs.latestRun();
    return r?.finishedAt ? Date.parse(r.finishedAt) - Date.parse(r.startedAt) : undefined;
  });
}

/** What the bench compares across tools: pages with an image-alt violation, violations, failed pages. */
export function findingTotals(file: string, runId?: number): Promise<{ imageAltPages: number; violations: number; errors: number }> {
  return withStore(file, async (s) => {
    const id = runId ?? (await s.runs.latestRun())!.id;
    const summary = await s.runs.runSummary(id);
    const altPages = new Set<number>();
    for await (const f of s.results.iterateFindings(id, { kind: 'violation' })) if (f.ruleId === 'image-alt') altPages.add(f.pageId);
    return { imageAltPages: altPages.size, violations: summary.findings.violation, errors: summary.pagesFailed };
  });
}

export interface PageTotals {
  pages: number;
  distinctUrls: number;
  /** Pages copied from the previous run unchanged (a reused page keeps its real audit's time: duration 0). */
  reused: number;
  errors: number;
}

/** Page rows of a run whose URL passes `keep` (default: the newest run, every page). */
export function pageTotals(file: string, keep: (url: string) => boolean = () => true, runId?: number): Promise<PageTotals> {
  return withStore(file, async (s) => {
    const id = runId ?? (await s.runs.latestRun())!.id;
    const urls = new Set<string>();
    const t: PageTotals = { pages: 0, distinctUrls: 0, reused: 0, errors: 0 };
    for await (const p of s.results.iteratePages(id)) {
      if (!keep(p.url)) continue;
      t.pages++;
      urls.add(p.url);
      if (p.durationMs === 0) t.reused++;
      if (p.error) t.errors++;
    }
    return { ...t, distinctUrls: urls.size };
  });
}

/** Every run's id and status, and the frontier entries still queued or active in the newest one. */
export function runsAndLeftovers(file: string): Promise<{ runs: { id: number; status: string }[]; left: number }> {
  return withStore(file, async (s) => {
    const runs = (await s.runs.listRuns()).map((r) => ({ id: r.id, status: r.status }));
    const latest = runs.length ? Math.max(...runs.map((r) => r.id)) : undefined;
    const counts = latest === undefined ? undefined : await s.frontier.frontierCounts(latest);
    return { runs, left: counts ? counts.queued + counts.active : 0 };
  });
}

/** Page rows of the newest run so far (0 before the crawl has made its file): the soak's progress. */
export async function pagesStored(file: string): Promise<number> {
  try {
    return await withStore(file, async (s) => {
      const r = await s.runs.latestRun();
      return r ? (await s.runs.runSummary(r.id)).pages : 0;
    });
  } catch {
    return 0;
  }
}

/** Templates the crawl recognised in its newest run, and the template × widget sets (one keyboard pass each). */
export function templateTotals(file: string, runId?: number): Promise<{ templates: number; templateWidgetSets: number; pagesWithTemplate: number }> {
  return withStore(file, async (s) => {
    const id = runId ?? (await s.runs.latestRun())!.id;
    const templates = new Set<string>();
    const pairs = new Set<string>();
    let pagesWithTemplate = 0;
    for await (const p of s.results.iteratePages(id)) {
      if (!p.templateKey) continue;
      pagesWithTemplate++;
      templates.add(p.templateKey);
      pairs.add(`${p.templateKey} ${p.widgetKey ?? ''}`);
    }
    return { templates: templates.size, templateWidgetSets: pairs.size, pagesWithTemplate };
  });
}
