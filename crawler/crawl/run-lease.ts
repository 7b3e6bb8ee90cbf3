// The lease a crawl holds on its run (the store keeps it: crawler/store/sqlite/leases.ts). Who holds it
// (this process: host, PID, where that PID is meaningful, a random token), how long it lasts (60 s, or
// JIS_A11Y_LEASE_TTL in seconds), the heartbeat that renews it (every sixth of that), and how to tell that a
// holder is gone: its lease has expired, or it ran in this boot of this kernel and this PID namespace and its
// process no longer exists (a crawl killed with SIGKILL here is found dead at once; one on another machine or
// in another container, which may well have the same host name, only by expiry). When the heartbeat
// finds the lease taken over (expired while this process was stalled, or `--force`), the crawl is told to stop.
import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import { UsageError } from '../../rules-jis/exit-codes.js';
import type { Lease, LeaseHolder, Store } from '../store/store.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';

export const DEFAULT_LEASE_TTL_MS = 60_000;

/** The lease's life without renewal: JIS_A11Y_LEASE_TTL (seconds) when set to a positive number, else 60 s. */
export function leaseTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.JIS_A11Y_LEASE_TTL);
  return Number.isFinite(s) && s > 0 ? s * 1000 : DEFAULT_LEASE_TTL_MS;
}

/** A crawl could not have its run: another live crawl holds it (or holds a run of the same site). Exit 2. */
export class RunLeaseError extends UsageError {
  constructor(
    message: string,
    readonly holder: Lease,
  ) {
    super(message);
    this.name = 'RunLeaseError';
  }
}

/** This process lost its run's lease while crawling (another process took it over). Exit 2. */
export class LeaseLostError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'LeaseLostError';
  }
}

/** This boot of this kernel (random per boot, so never shared by two machines) and this process's PID namespace. */
function pidSpace(): string | null {
  try {
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()} ${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return null;
  }
}

/** This process as a new lease holder (a new token each time: one per run). */
export function leaseOwner(): LeaseHolder {
  return { token: randomUUID(), host: os.hostname(), pid: process.pid, pidSpace: pidSpace() };
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // a zombie (dead, not yet reaped by its parent) still answers kill(0)
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * The holder certainly no longer runs: same host, boot and PID namespace (so its PID means the same process here),
 * not this process, and no process with its PID. Anything uncertain counts as alive (its lease will expire).
 */
export function holderIsGone(l: Lease): boolean {
  const ns = pidSpace();
  if (l.host !== os.hostname() || !ns || l.pidSpace !== ns || l.pid === process.pid) return false;
  return !processExists(l.pid);
}

export const isExpired = (l: Lease, now = new Date()): boolean => l.expiresAt <= now.toISOString();

/** Keeps a run's lease alive while the crawl works, and gives it back at the end. */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | null = null;
  private renewing = false;
  /** The lease was taken over: the run is someone else's now. */
  lost = false;

  constructor(
    private store: Store,
    private lease: Lease,
    private ttlMs: number,
    private events: { log: CrawlLog; onLost: (error: LeaseLostError) => void },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.beat(), Math.max(200, Math.floor(this.ttlMs / 6)));
    this.timer.unref();
  }

  /** One heartbeat. A store too busy to renew is not a loss: the lease stays ours until it expires. */
  private async beat(): Promise<void> {
    if (this.renewing || this.lost) return;
    this.renewing = true;
    try {
      const renewed = await this.store.leases.renew(this.lease.runId, this.lease.token, { ttlMs: this.ttlMs });
      if (renewed) this.lease = renewed;
      else {
        this.lost = true;
        this.stop();
        const by = await this.store.leases.leaseOf(this.lease.runId).catch(() => null);
        this.events.onLost(new LeaseLostError(M.leaseLost(this.lease.runId, by)));
      }
    } catch (e) {
      this.events.log(M.leaseRenewFailed((e as Error).message));
    } finally {
      this.renewing = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops the heartbeat and gives the lease back (unless it was lost). */
  async release(): Promise<void> {
    this.stop();
    if (!this.lost) await this.store.leases.release(this.lease.runId, this.lease.token);
  }
}
