// Leases on runs on PostgreSQL (run_leases), as crawler/store/sqlite/leases.ts: each decision is one write
// transaction (after every other writer), so two crawls asking at the same moment get one answer each, on one
// machine or several. INSERT OR REPLACE is an upsert on run_id here.
import type { LeaseStore } from '../store.js';
import type { Lease, LeaseHolder, LeaseTerms } from '../types.js';
import { startUrlKey } from '../sqlite/leases.js';
import type { PgConnection, Q, Row } from './connection.js';
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

async function leaseOf(q: Q, runId: number): Promise<Lease | null> {
  const r = await q.get('SELECT * FROM run_leases WHERE run_id = ?', [runId]);
  return r ? toLease(r) : null;
}

async function put(tx: Q, runId: number, owner: LeaseHolder, now: Date, ttlMs: number, acquiredAt = now.toISOString()): Promise<Lease> {
  await tx.run(
    `INSERT INTO run_leases (run_id, token, host, pid, pid_space, acquired_at, heartbeat_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id) DO UPDATE SET token = excluded.token, host = excluded.host, pid = excluded.pid, pid_space = excluded.pid_space,
       acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at`,
    [runId, owner.token, owner.host, owner.pid, owner.pidSpace, acquiredAt, now.toISOString(), expiry(now, ttlMs)],
  );
  return (await leaseOf(tx, runId))!;
}

/** The live lease of a running run with the same start URLs, if any. */
async function liveRunOfSameSite(tx: Q, startUrls: readonly string[], now: Date): Promise<Lease | null> {
  const key = startUrlKey(startUrls);
  const rows = await tx.all(
    "SELECT l.*, r.start_urls FROM run_leases l JOIN runs r ON r.id = l.run_id WHERE r.status = 'running' AND l.expires_at > ? ORDER BY l.run_id",
    [now.toISOString()],
  );
  const same = rows.find((r) => {
    try {
      return startUrlKey(JSON.parse(r.start_urls as string) as string[]) === key;
    } catch {
      return false;
    }
  });
  return same ? toLease(same) : null;
}

export function pgLeases(c: PgConnection): LeaseStore {
  return {
    async acquire(runId, owner, terms) {
      return c.write(async (tx) => {
        const now = terms.now ?? new Date();
        const cur = await leaseOf(tx, runId);
        const same = cur?.token === owner.token;
        if (cur && !same && isLive(cur, now) && !terms.force) return { ok: false as const, holder: cur };
        const lease = await put(tx, runId, owner, now, terms.ttlMs, same ? cur.acquiredAt : undefined);
        return { ok: true as const, lease, replaced: cur && !same ? cur : null };
      });
    },

    async createLeasedRun(meta, owner, terms) {
      return c.write(async (tx) => {
        const now = terms.now ?? new Date();
        const holder = terms.force ? null : await liveRunOfSameSite(tx, meta.startUrls, now);
        if (holder) return { ok: false as const, holder, startUrls: meta.startUrls };
        const runId = await insertRun(tx, meta, now.toISOString());
        return { ok: true as const, runId, lease: await put(tx, runId, owner, now, terms.ttlMs) };
      });
    },

    async renew(runId, token, terms: LeaseTerms) {
      return c.write(async (tx) => {
        const now = terms.now ?? new Date();
        const n = await tx.run('UPDATE run_leases SET heartbeat_at = ?, expires_at = ? WHERE run_id = ? AND token = ?', [now.toISOString(), expiry(now, terms.ttlMs), runId, token]);
        return n ? leaseOf(tx, runId) : null;
      });
    },

    async release(runId, token) {
      return c.write(async (tx) => (await tx.run('DELETE FROM run_leases WHERE run_id = ? AND token = ?', [runId, token])) > 0);
    },

    async reap(runId, token) {
      return c.write(async (tx) => {
        if (!(await tx.run('DELETE FROM run_leases WHERE run_id = ? AND token = ?', [runId, token]))) return false;
        await tx.run("UPDATE runs SET status = 'interrupted', finished_at = NULL WHERE id = ? AND status = 'running'", [runId]);
        return true;
      });
    },

    async leaseOf(runId) {
      return leaseOf(c.q, runId);
    },

    async listLeases() {
      return (await c.q.all('SELECT * FROM run_leases ORDER BY run_id')).map(toLease);
    },
  };
}
