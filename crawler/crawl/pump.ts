// Moves work from the frontier to the workers. The backlog stays in the store (crawler/store/sqlite/frontier.ts):
// the pump takes at most twice `concurrency` items at a time, marked active there, and runs each through two
// p-queues: the crawl's (at most `concurrency` items at once) and its host's (politeness: at most
// perHost.concurrency pages of one host at once, and perHost.delayMs or the host's robots.txt Crawl-delay
// between their starts). A stop signal ends the taking; the items in flight finish.
import PQueue from 'p-queue';
import type { FrontierItem } from '../store/store.js';

/** A robots.txt Crawl-delay above this many seconds counts as this many (a typo must not stall the crawl). */
const MAX_CRAWL_DELAY_S = 10;

export interface Politeness {
  /** Pages of one host at once. */
  concurrency: number;
  /** Milliseconds between the starts of two pages of one host (at least the host's Crawl-delay). */
  delayMs: number;
}

/** One p-queue per host, made when the host's first URL comes, with the host's politeness. */
export class HostQueues {
  private byHost = new Map<string, Promise<PQueue>>();

  constructor(
    private politeness: Politeness,
    /** The host's robots.txt Crawl-delay in seconds, if any. */
    private crawlDelayOf: (url: string) => Promise<number | undefined>,
  ) {}

  forUrl(url: string): Promise<PQueue> {
    const host = new URL(url).host;
    let q = this.byHost.get(host);
    // the promise is kept at once, so URLs of a new host that come together share one queue
    if (!q) this.byHost.set(host, (q = this.make(url)));
    return q;
  }

  private async make(url: string): Promise<PQueue> {
    const crawlDelay = await this.crawlDelayOf(url);
    const delay = Math.max(this.politeness.delayMs, crawlDelay ? Math.min(crawlDelay, MAX_CRAWL_DELAY_S) * 1000 : 0);
    const concurrency = this.politeness.concurrency;
    return new PQueue(delay > 0 ? { concurrency, interval: delay, intervalCap: 1 } : { concurrency });
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
      void queue.add(async () => {
        const hq = await o.hosts.forUrl(item.url);
        await hq.add(() => o.handle(item));
      });
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
