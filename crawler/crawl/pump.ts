// Moves work from the frontier to the workers. The backlog stays in the store (crawler/store/sqlite/frontier.ts):
// the pump takes at most twice `concurrency` items at a time, marked active there, and runs each through two
// p-queues: the crawl's (at most `concurrency` items at once) and its host's (politeness: at most
// perHost.concurrency pages of one host at once), and then waits for the host's pace (host-pace.ts:
// perHost.delayMs or the host's robots.txt Crawl-delay between their starts, and the host's Retry-After and
// backoff after it answered 429/502/503/504). A stop signal ends the taking; the items in flight finish.
import PQueue from 'p-queue';
import type { FrontierItem } from '../store/store.js';
import { HostPace } from './host-pace.js';

/** A robots.txt Crawl-delay above this many seconds counts as this many (a typo must not stall the crawl). */
const MAX_CRAWL_DELAY_S = 10;

export interface Politeness {
  /** Pages of one host at once. */
  concurrency: number;
  /** Milliseconds between the starts of two pages of one host (at least the host's Crawl-delay). */
  delayMs: number;
}

/** A host's queue (how many of its pages at once) and pace (when the next one may start). */
interface Host {
  queue: PQueue;
  pace: HostPace;
}

/** One p-queue and pace per host, made when the host's first URL comes, with the host's politeness. */
export class HostQueues {
  private byHost = new Map<string, Promise<Host>>();

  constructor(
    private politeness: Politeness,
    /** The host's robots.txt Crawl-delay in seconds, if any. */
    private crawlDelayOf: (url: string) => Promise<number | undefined>,
  ) {}

  private host(url: string): Promise<Host> {
    const host = new URL(url).host;
    let h = this.byHost.get(host);
    // the promise is kept at once, so URLs of a new host that come together share one queue
    if (!h) this.byHost.set(host, (h = this.make(url)));
    return h;
  }

  private async make(url: string): Promise<Host> {
    const crawlDelay = await this.crawlDelayOf(url);
    const delay = Math.max(this.politeness.delayMs, crawlDelay ? Math.min(crawlDelay, MAX_CRAWL_DELAY_S) * 1000 : 0);
    return { queue: new PQueue({ concurrency: this.politeness.concurrency }), pace: new HostPace(delay) };
  }

  /** Runs `fn` for a URL in its host's queue, once the host's pace lets it start. */
  async run(url: string, fn: () => Promise<void>): Promise<void> {
    const h = await this.host(url);
    await h.queue.add(async () => {
      await h.pace.turn();
      await fn();
    });
  }

  /** The host of `url` asked us to slow down (429/502/503/504): returns how long its pages now wait, in ms. */
  async slowDown(url: string, retryAfterMs: number | null): Promise<number> {
    return (await this.host(url)).pace.slowDown(retryAfterMs);
  }

  /** A page of the host went well: its backoff shrinks. */
  async recovered(url: string): Promise<void> {
    (await this.host(url)).pace.recovered();
  }
}

export interface PumpOptions {
  /** Items run at once. */
  concurrency: number;
  /** Takes up to n queued items from the frontier (marking them active). */
  take: (n: number) => Promise<FrontierItem[]>;
  /** Runs one item; never throws (crawl.ts records what goes wrong). */
  handle: (item: FrontierItem) => Promise<void>;
  hosts: HostQueues;
  /** Stop taking new items. */
  signal?: AbortSignal;
}

/** Runs the frontier until it is empty (or the signal stops the taking) and every item taken has finished. */
export async function pumpFrontier(o: PumpOptions): Promise<void> {
  const queue = new PQueue({ concurrency: o.concurrency });
  for (;;) {
    const room = o.signal?.aborted ? 0 : o.concurrency * 2 - queue.size - queue.pending;
    const items = room > 0 ? await o.take(room) : [];
    for (const item of items) {
      void queue.add(() => o.hosts.run(item.url, () => o.handle(item)));
    }
    if (queue.size === 0 && queue.pending === 0) break;
    await nextOrAbort(queue, o.signal);
  }
  await queue.onIdle();
}

/** Resolves when the queue has finished an item (room for more) or the signal stops the crawl. */
function nextOrAbort(queue: PQueue, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      queue.off('next', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    queue.on('next', done);
    signal?.addEventListener('abort', done);
  });
}
