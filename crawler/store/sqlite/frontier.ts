// The crawl's request queue in SQLite (frontier table): one row per URL of a run, in discovery order (seq),
// taken shallowest first. Rows stay after they are done, so a resumed run knows what not to fetch again.
import type { Frontier } from '../store.js';
import type { FrontierKind, FrontierState } from '../types.js';
import type { Connection, Row } from './connection.js';

export function frontierCounts(c: Connection, runId: number): Record<FrontierState, number> {
  const out: Record<FrontierState, number> = { queued: 0, active: 0, done: 0, failed: 0 };
  for (const r of c.stmt('SELECT state, COUNT(*) n FROM frontier WHERE run_id = ? GROUP BY state').all(runId) as { state: FrontierState; n: number }[]) {
    out[r.state] = r.n;
  }
  return out;
}

/** Marks a URL's entry done or failed (a page or document was written for it). */
export function markFinished(c: Connection, runId: number, url: string, failed: boolean): void {
  c.stmt('UPDATE frontier SET state = ? WHERE run_id = ? AND url = ?').run(failed ? 'failed' : 'done', runId, url);
}

export function sqliteFrontier(c: Connection): Frontier {
  // enqueue runs once per audited page: the page count is cached (one crawl process writes a run), MAX(seq) is indexed
  const pageCount = new Map<number, number>();
  const pageEntries = (runId: number): number => {
    let n = pageCount.get(runId);
    if (n === undefined) {
      n = (c.stmt("SELECT COUNT(*) n FROM frontier WHERE run_id = ? AND kind = 'page'").get(runId) as { n: number }).n;
      pageCount.set(runId, n);
    }
    return n;
  };
  const maxSeq = (runId: number) => (c.stmt('SELECT COALESCE(MAX(seq), 0) s FROM frontier WHERE run_id = ?').get(runId) as { s: number }).s;

  return {
    async enqueue(runId, items, maxPages = Infinity) {
      const added: string[] = [];
      try {
        c.write(() => {
          let pages = pageEntries(runId);
          let seq = maxSeq(runId);
          const ins = c.stmt('INSERT OR IGNORE INTO frontier (run_id, seq, url, depth, kind, parent_url) VALUES (?, ?, ?, ?, ?, ?)');
          for (const it of items) {
            if (it.kind === 'page' && pages >= maxPages) continue;
            if (!ins.run(runId, seq + 1, it.url, it.depth, it.kind, it.parentUrl ?? null).changes) continue;
            seq++;
            if (it.kind === 'page') pages++;
            added.push(it.url);
          }
          pageCount.set(runId, pages);
        });
      } catch (e) {
        pageCount.delete(runId);
        throw e;
      }
      return added;
    },

    async takeQueued(runId, n) {
      return c.write(() => {
        const rows = c
          .stmt("SELECT url, depth, kind, attempts, parent_url FROM frontier WHERE run_id = ? AND state = 'queued' ORDER BY depth, seq LIMIT ?")
          .all(runId, n) as Row[];
        const upd = c.stmt("UPDATE frontier SET state = 'active' WHERE run_id = ? AND url = ?");
        for (const r of rows) upd.run(runId, r.url);
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
      c.write(() => c.stmt("UPDATE frontier SET state = 'queued', attempts = attempts + 1 WHERE run_id = ? AND url = ?").run(runId, url));
    },

    async resetActive(runId) {
      return c.write(() => c.stmt("UPDATE frontier SET state = 'queued' WHERE run_id = ? AND state = 'active'").run(runId).changes);
    },

    async frontierCounts(runId) {
      return frontierCounts(c, runId);
    },

    async markAlias(runId, url, depth) {
      return c.write(() => {
        const ins = c
          .stmt("INSERT OR IGNORE INTO frontier (run_id, seq, url, depth, kind, state) VALUES (?, ?, ?, ?, 'page', 'done')")
          .run(runId, maxSeq(runId) + 1, url, depth).changes;
        if (ins) pageCount.delete(runId);
        const upd = c.stmt("UPDATE frontier SET state = 'done' WHERE run_id = ? AND url = ? AND state = 'queued'").run(runId, url).changes;
        return ins + upd > 0;
      });
    },
  };
}
