// Leases on runs in SQLite (run_leases table, migration 3): which process is crawling a run, until when.
// Each decision is one IMMEDIATE transaction, so two crawls asking at the same moment get one answer each:
// the lease is granted when the run has none, an expired one, one of the same holder (token), or when
// forced. A new run is created together with its lease, after checking that no live crawl of the same
// start URLs holds one (two crawls of one site into one store would double the load on the site and split
// its results between two runs). Whether a holder's process is dead is the crawl's question
// (crawler/crawl/run-lease.ts); the store only keeps the facts and applies the clock.
import type { LeaseStore } from '../store.js';
import type { Lease, LeaseHolder, LeaseTerms } from '../types.js';
import type { Connection, Row } from './connection.js';
import { insertRun } from './runs.js';

const toLease = (r: Row): Lease => ({
  runId: r.run_id as number,
  token: r.token as string,
  host: r.host as string,
  pid: r.pid as number,
  pidSpace: (r.pid_space as string | null) ?? null,
  acquiredAt: r.acquired_at as string,
  heartbeatAt: r.heartbeat_at as string,
  expiresAt: r.expires_at as string,
});

const isLive = (l: Lease, now: Date) => l.expiresAt > now.toISOString();
const expiry = (now: Date, ttlMs: number) => new Date(now.getTime() + ttlMs).toISOString();

/** One start URL as compared between runs: parsed and printed again (case of the host, default port), else as given. */
function canonical(u: string): string {
  try {
    return new URL(u).href;
  } catch {
    return u;
  }
}

/** The start URLs of a run as a set, for "the same site". */
export const startUrlKey = (urls: readonly string[]): string => JSON.stringify([...new Set(urls.map(canonical))].sort());

function leaseOf(c: Connection, runId: number): Lease | null {
  const r = c.stmt('SELECT * FROM run_leases WHERE run_id = ?').get(runId) as Row | undefined;
  return r ? toLease(r) : null;
}

function put(c: Connection, runId: number, owner: LeaseHolder, now: Date, ttlMs: number, acquiredAt = now.toISOString()): Lease {
  c.stmt(
    `INSERT OR REPLACE INTO run_leases (run_id, token, host, pid, pid_space, acquired_at, heartbeat_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(runId, owner.token, owner.host, owner.pid, owner.pidSpace, acquiredAt, now.toISOString(), expiry(now, ttlMs));
  return leaseOf(c, runId)!;
}

/** The live lease of a running run with the same start URLs, if any. */
function liveRunOfSameSite(c: Connection, startUrls: readonly string[], now: Date): Lease | null {
  const key = startUrlKey(startUrls);
  const rows = c
    .stmt("SELECT l.*, r.start_urls FROM run_leases l JOIN runs r ON r.id = l.run_id WHERE r.status = 'running' AND l.expires_at > ? ORDER BY l.run_id")
    .all(now.toISOString()) as Row[];
  const same = rows.find((r) => {
    try {
      return startUrlKey(JSON.parse(r.start_urls as string) as string[]) === key;
    } catch {
      return false;
    }
  });
  return same ? toLease(same) : null;
}

export function sqliteLeases(c: Connection): LeaseStore {
  return {
    async acquire(runId, owner, terms) {
      return c.write(() => {
        const now = terms.now ?? new Date();
        const cur = leaseOf(c, runId);
        const same = cur?.token === owner.token;
        if (cur && !same && isLive(cur, now) && !terms.force) return { ok: false as const, holder: cur };
        const lease = put(c, runId, owner, now, terms.ttlMs, same ? cur.acquiredAt : undefined);
        return { ok: true as const, lease, replaced: cur && !same ? cur : null };
      });
    },

    async createLeasedRun(meta, owner, terms) {
      return c.write(() => {
        const now = terms.now ?? new Date();
        const holder = terms.force ? null : liveRunOfSameSite(c, meta.startUrls, now);
        if (holder) return { ok: false as const, holder, startUrls: meta.startUrls };
        const runId = insertRun(c, meta, now.toISOString());
        return { ok: true as const, runId, lease: put(c, runId, owner, now, terms.ttlMs) };
      });
    },

    async renew(runId, token, terms: LeaseTerms) {
      return c.write(() => {
        const now = terms.now ?? new Date();
        const n = c
          .stmt('UPDATE run_leases SET heartbeat_at = ?, expires_at = ? WHERE run_id = ? AND token = ?')
          .run(now.toISOString(), expiry(now, terms.ttlMs), runId, token).changes;
        return n ? leaseOf(c, runId) : null;
      });
    },

    async release(runId, token) {
      return c.write(() => c.stmt('DELETE FROM run_leases WHERE run_id = ? AND token = ?').run(runId, token).changes > 0);
    },

    async reap(runId, token) {
      return c.write(() => {
        if (!c.stmt('DELETE FROM run_leases WHERE run_id = ? AND token = ?').run(runId, token).changes) return false;
        c.stmt("UPDATE runs SET status = 'interrupted', finished_at = NULL WHERE id = ? AND status = 'running'").run(runId);
        return true;
      });
    },

    async leaseOf(runId) {
      return leaseOf(c, runId);
    },

    async listLeases() {
      return (c.stmt('SELECT * FROM run_leases ORDER BY run_id').all() as Row[]).map(toLease);
    },
  };
}
