// How far the crawl is: the counts from the store (crawler/store/sqlite/runs.ts progressCounts), the rate of
// this process and the time left at that rate. The terminal shows it (crawler/cli/progress.ts); the crawl
// reports it at most twice a second, since the counts are queries over the whole run.
import type { ProgressCounts, Store } from '../store/store.js';

export interface CrawlProgress {
  runId: number;
  /** Pages and documents finished (audited, inventoried or recorded with an error). */
  done: number;
  /** Everything discovered so far (frontier size). */
  discovered: number;
  active: number;
  /** Pages recorded with an error. */
  failed: number;
  documents: number;
  /** Errors including retried attempts. */
  errors: number;
  /** Finished items per second since this process started. */
  rate: number;
  /** Seconds left at the current rate (null when unknown). */
  etaSeconds: number | null;
  lastUrl?: string;
}

const REPORT_EVERY_MS = 500;

/** The progress of a run from its counts, given how many items this process finished in how many seconds. */
export function progressOf(runId: number, counts: ProgressCounts, processed: number, seconds: number, lastUrl?: string): CrawlProgress {
  const { frontier: s, pagesFailed, documents, errors } = counts;
  const done = s.done + s.failed;
  const discovered = s.queued + s.active + s.done + s.failed;
  const rate = seconds > 0 ? processed / seconds : 0;
  return {
    runId,
    done,
    discovered,
    active: s.active,
    failed: pagesFailed,
    documents,
    errors,
    rate,
    etaSeconds: rate > 0 ? (discovered - done) / rate : null,
    lastUrl,
  };
}

/** Counts the items this process finished and reports the run's progress to `onProgress`. */
export class ProgressMeter {
  readonly started = Date.now();
  /** Items (pages and documents) finished by this process. */
  processed = 0;
  private lastReport = 0;

  constructor(
    private store: Store,
    private runId: number,
    private onProgress?: (p: CrawlProgress) => void,
  ) {}

  /** One more item finished. */
  async itemDone(url: string): Promise<void> {
    this.processed++;
    await this.report(url);
  }

  /** At most twice a second, and always when forced. */
  async report(lastUrl?: string, force = false): Promise<void> {
    if (!this.onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    const counts = await this.store.runs.progressCounts(this.runId);
    this.onProgress(progressOf(this.runId, counts, this.processed, (Date.now() - this.started) / 1000, lastUrl));
  }

  /** This process's share of the run: how long it took and its pace. */
  summary(): { processed: number; durationMs: number; pagesPerSecond: number } {
    const durationMs = Date.now() - this.started;
    return { processed: this.processed, durationMs, pagesPerSecond: this.processed / Math.max(0.001, durationMs / 1000) };
  }
}
