// One run's life in this process, from the moment its lease is held to the moment it is given back: the stop
// signal the crawl's parts obey (the caller's signal, or this run's own when something fatal happened), the
// first fatal failure (the store unusable, the lease taken over), the heartbeat (run-lease.ts), and the
// run's end when things go wrong: recorded 'interrupted' (resumable) unless another process owns it now.
// Every live run is also listed for the process guard of `crawl` and `demo` (crawler/cli/crawl-guard.ts):
// on an uncaught error, or a second Ctrl+C, `interruptLiveRuns` records them interrupted and frees their
// leases before the process exits, so no run is left 'running' for ever.
import type { OpenedRun } from './run-setup.js';
import type { CrawlLog } from './messages-ja.js';
import { LeaseKeeper } from './run-lease.js';

const live = new Set<RunLife>();

export class RunLife {
  private readonly stopper = new AbortController();
  private failure: Error | null = null;
  private readonly keeper: LeaseKeeper;
  private readonly onOuterAbort = () => this.stopper.abort();
  private ended = false;

  constructor(
    private run: OpenedRun,
    private outer: AbortSignal | undefined,
    log: CrawlLog,
  ) {
    if (outer?.aborted) this.stopper.abort();
    outer?.addEventListener('abort', this.onOuterAbort, { once: true });
    this.keeper = new LeaseKeeper(run.store, run.lease, run.leaseTtlMs, { log, onLost: (e) => this.fail(e) });
    this.keeper.start();
    live.add(this);
  }

  get runId(): number {
    return this.run.runId;
  }

  /** Stops the crawl taking new items: the caller's stop, or this run's own after a failure. */
  get signal(): AbortSignal {
    return this.stopper.signal;
  }

  /** Something the run cannot go on after: remembered (the first one) and the crawl stopped. */
  fail(e: Error): void {
    this.failure ??= e;
    this.stopper.abort();
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Best effort: the run recorded 'interrupted' (resumable), unless its lease was taken over. Returns whether it was. */
  async interrupt(): Promise<boolean> {
    this.stopper.abort();
    if (this.keeper.lost) return false;
    try {
      await this.run.store.runs.updateRun(this.run.runId, { status: 'interrupted', finishedAt: null });
      return true;
    } catch {
      return false;
    }
  }

  /** Stops the heartbeat and gives the lease back (best effort: a dead holder's lease is cleared by the next crawl). */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    live.delete(this);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
    await this.keeper.release().catch(() => {});
  }
}

/** For the process guard: every run this process is crawling, recorded interrupted and its lease given back. Returns their ids. */
export async function interruptLiveRuns(): Promise<number[]> {
  const ids: number[] = [];
  for (const life of [...live]) {
    if (await life.interrupt()) ids.push(life.runId);
    await life.end();
  }
  return ids;
}
