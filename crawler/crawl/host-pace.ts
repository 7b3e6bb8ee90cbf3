// The pace of one host: when its next page may start (issue 21 case 9). A host that answers 429, 502, 503 or
// 504 is asking us to slow down, so: no request to it before its Retry-After (seconds or an HTTP date,
// capped at MAX_RETRY_AFTER_MS), and a gap between its pages that doubles with each such answer (within
// MAX_BACKOFF_MS) and shrinks slowly again (by a quarter per page that went well). On top of this the
// configured politeness: perHost.delayMs or the robots.txt Crawl-delay between two starts. pump.ts keeps one
// per host beside the host's p-queue (which bounds how many of its pages run at once).

/** The longest Retry-After honoured: a larger one (or a date far ahead) counts as this. */
export const MAX_RETRY_AFTER_MS = 120_000;
/** The gap added after a first "slow down" without Retry-After, and the most the gap grows to. */
export const MIN_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 60_000;

/** Retry-After in milliseconds from now (delta-seconds or an HTTP date), capped; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  const v = value?.trim();
  if (!v) return null;
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class HostPace {
  /** Earliest start of the next page (the politeness gap after the previous start). */
  private next = 0;
  /** No page starts before this (the host's Retry-After, or the backoff). */
  private blockedUntil = 0;
  /** The extra gap between pages while the host is slowing us down. */
  private backoffMs = 0;

  constructor(private baseGapMs: number) {}

  /** The gap between two starts now: the configured one plus the backoff. */
  get gapMs(): number {
    return this.baseGapMs + this.backoffMs;
  }

  /** Waits until a page of this host may start, and takes that start. */
  async turn(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const start = Math.max(this.next, this.blockedUntil);
      if (start <= now) {
        this.next = now + this.gapMs;
        return;
      }
      // woken, the page checks again: a Retry-After that came meanwhile moves its start further
      await sleep(start - now);
    }
  }

  /** The host answered "slow down" (429/502/503/504), with its Retry-After in ms if it gave one. Returns the wait. */
  slowDown(retryAfterMs: number | null, now = Date.now()): number {
    this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(MIN_BACKOFF_MS, this.backoffMs * 2));
    const wait = Math.max(retryAfterMs ?? 0, this.backoffMs);
    this.blockedUntil = Math.max(this.blockedUntil, now + wait);
    return wait;
  }

  /** A page of the host went well: the backoff shrinks by a quarter (and ends below MIN_BACKOFF_MS / 4). */
  recovered(): void {
    this.backoffMs = this.backoffMs < MIN_BACKOFF_MS / 4 ? 0 : Math.floor(this.backoffMs * 0.75);
  }
}
