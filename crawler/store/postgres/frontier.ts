// The crawl's request queue on PostgreSQL (frontier table), as crawler/store/sqlite/frontier.ts: one row per URL of a
// run in discovery order (seq), taken shallowest first; rows stay after they are done. INSERT OR IGNORE is
// ON CONFLICT DO NOTHING here.
import type { Frontier } from '../store.js';
import type { FrontierKind, FrontierState } from '../types.js';
import type { PgConnection, Q, Row } from './connection.js';

export async function frontierCounts(q: Q, runId: number): Promise<Record<FrontierState, number>> {
  const out: Record<FrontierState, number> = { queued: 0, active: 0, done: 0, failed: 0 };
  for (const r of await q.all<{ state: FrontierState; n: number }>('SELECT state, COUNT(*) n FROM frontier WHERE run_id = ? GROUP BY state', [runId])) out[r.state] = r.n;
  return out;
}

/** Marks a URL's entry done or failed (a page or document was written for it). */
export async function markFinished(tx: Q, runId: number, url: string, failed: boolean): Promise<void> {
  await tx.run('UPDATE frontier SET state = ? WHERE run_id = ? AND url = ?', [failed ? 'failed' : 'done', runId, url]);
}

const maxSeq = async (tx: Q, runId: number) => (await tx.get<{ s: number }>('SELECT COALESCE(MAX(seq), 0) s FROM frontier WHERE run_id = ?', [runId]))!.s;

export function pgFrontier(c: PgConnection): Frontier {
  // enqueue runs once per audited page: the page count is cached as in the SQLite store (one crawl process writes a
  // run today; the shared queue of issue 20 will own the cap across workers), MAX(seq) is indexed
  const pageCount = new Map<number, number>();
  const pageEntries = async (tx: Q, runId: number): Promise<number> => {
    let n = pageCount.get(runId);
    if (n === undefined) {
      n = (await tx.get<{ n: number }>("SELECT COUNT(*) n FROM frontier WHERE run_id = ? AND kind = 'page'", [runId]))!.n;
      pageCount.set(runId, n);
    }
    return n;
  };
  return {
    async enqueue(runId, items, maxPages = Infinity) {
      return c.write(async (tx) => {
        const added: string[] = [];
        let pages = await pageEntries(tx, runId);
        let seq = await maxSeq(tx, runId);
        for (const it of items) {
          if (it.kind === 'page' && pages >= maxPages) continue;
          const n = await tx.run('INSERT INTO frontier (run_id, seq, url, depth, kind, parent_url) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [
            runId, seq + 1, it.url, it.depth, it.kind, it.parentUrl ?? null,
          ]);
          if (!n) continue;
          seq++;
          if (it.kind === 'page') pages++;
          added.push(it.url);
        }
        pageCount.set(runId, pages);
        return added;
      }).catch((e: unknown) => {
        pageCount.delete(runId);
        throw e;
      });
    },

    async takeQueued(runId, n) {
      return c.write(async (tx) => {
        const rows = await tx.all<Row>(
          "SELECT url, depth, kind, attempts, parent_url FROM frontier WHERE run_id = ? AND state = 'queued' ORDER BY depth, seq LIMIT ?",
          [runId, n],
        );
        for (const r of rows) await tx.run("UPDATE frontier SET state = 'active' WHERE run_id = ? AND url = ?", [runId, r.url]);
        return rows.map((r) => ({
          url: r.url as string,
          depth: r.depth as number,
          kind: r.kind as FrontierKind,
          attempts: r.attempts as number,
          parentUrl: (r.parent_url as string | null) ?? null,
        }));
      });
    },

    async requeue(runId, url) {
      await c.write((tx) => tx.run("UPDATE frontier SET state = 'queued', attempts = attempts + 1 WHERE run_id = ? AND url = ?", [runId, url]));
    },

    async resetActive(runId) {
      return c.write((tx) => tx.run("UPDATE frontier SET state = 'queued' WHERE run_id = ? AND state = 'active'", [runId]));
    },

    async frontierCounts(runId) {
      return frontierCounts(c.q, runId);
    },

    async markAlias(runId, url, depth) {
      return c.write(async (tx) => {
        const ins = await tx.run("INSERT INTO frontier (run_id, seq, url, depth, kind, state) VALUES (?, ?, ?, ?, 'page', 'done') ON CONFLICT DO NOTHING", [
          runId, (await maxSeq(tx, runId)) + 1, url, depth,
        ]);
        if (ins) pageCount.delete(runId);
        const upd = await tx.run("UPDATE frontier SET state = 'done' WHERE run_id = ? AND url = ? AND state = 'queued'", [runId, url]);
        return ins + upd > 0;
      });
    },
  };
}
