// Waiting out another process's lock on the store file. A crawl, `serve`, `check --html`, the sqlite3 shell or
// a backup tool may hold the write lock of the same file for seconds (issue 21 case 3: 12 s). SQLite's own
// busy handler waits synchronously, which would freeze the whole Node process (the service's /healthz and
// API, the crawl's browser protocol), so connection.ts gives it only a short wait (SQLITE_WAIT_MS) and the
// long wait happens here, asynchronously: every method of the store is retried on SQLITE_BUSY/SQLITE_LOCKED
// with growing pauses, up to a bound (60 s by default; JIS_A11Y_STORE_BUSY_TIMEOUT in seconds), then fails
// with a StoreBusyError (Japanese, transient). Retrying a whole method is safe because each method is one
// unit of work in one transaction (crawler/store/store.ts): a failed attempt has written nothing.
import { setTimeout as sleep } from 'node:timers/promises';
import { isBusySqliteError, StoreBusyError, storeErrorOf } from '../errors.js';

/** SQLite's own (synchronous, event-loop-blocking) wait for a lock, per attempt. */
export const SQLITE_WAIT_MS = 100;
/** How long the store waits for a lock in all, unless told otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MS = 60_000;
const FIRST_PAUSE_MS = 50;
const MAX_PAUSE_MS = 1_000;

export interface BusyPolicy {
  file: string;
  /** Give up (StoreBusyError) once this many milliseconds have passed since the first attempt. */
  timeoutMs: number;
}

/** The bound: JIS_A11Y_STORE_BUSY_TIMEOUT (seconds) when set to a positive number, else 60 s. */
export function defaultBusyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.JIS_A11Y_STORE_BUSY_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : DEFAULT_BUSY_TIMEOUT_MS;
}

function attempt<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * Runs `fn` (or awaits `first`, an attempt already started) and, while it fails because the file is locked,
 * runs it again after a pause that grows from 50 ms to 1 s. Errors other than a lock are translated
 * (storeErrorOf: a corrupt file → StoreCorruptError) and thrown at once.
 */
export async function patiently<T>(policy: BusyPolicy, fn: () => T | Promise<T>, first?: Promise<T>): Promise<T> {
  const started = Date.now();
  let pause = FIRST_PAUSE_MS;
  let current = first ?? attempt(fn);
  for (;;) {
    try {
      return await current;
    } catch (e) {
      if (!isBusySqliteError(e)) throw storeErrorOf(e, policy.file);
      const waited = Date.now() - started;
      if (waited >= policy.timeoutMs) throw new StoreBusyError(policy.file, waited, (e as { code: string }).code);
      // a little jitter, so two waiting processes do not retry in step
      await sleep(Math.min(pause * (0.75 + Math.random() / 2), policy.timeoutMs - waited));
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
      current = attempt(fn);
    }
  }
}

/**
 * The part (runs, frontier, results …) with every method made patient. A method that returns a promise is
 * retried whole; one that returns an async iterable is left as it is (its batches are read patiently:
 * ./results-read.ts `paged`).
 */
export function patientPart<T extends object>(part: T, policy: BusyPolicy): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(part)) {
    if (typeof value !== 'function') {
      out[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]) => {
      const call = () => method.apply(part, args);
      let r: unknown;
      try {
        r = call();
      } catch (e) {
        return patiently(policy, call, Promise.reject(e));
      }
      const thenable = typeof (r as { then?: unknown } | null)?.then === 'function';
      return thenable ? patiently(policy, call, r as Promise<unknown>) : r;
    };
  }
  return out as T;
}
