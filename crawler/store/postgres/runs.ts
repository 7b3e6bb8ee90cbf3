// Runs on PostgreSQL: one row per crawl (runs table), its summary counted from the result tables. The SQL is the
// SQLite store's (crawler/store/sqlite/runs.ts) but for SQLite's boolean sums, written as COUNT … FILTER here.
import type { FindingKind } from '../../../rules-jis/types.js';
import type { RunStore } from '../store.js';
import type { ProgressCounts, Run, RunMeta, RunSummary } from '../types.js';
import { toRun } from '../rows.js';
import type { PgConnection, Q } from './connection.js';
import { frontierCounts } from './frontier.js';
import { brokenLinkCount } from './results-read.js';

const count = async (q: Q, sql: string, runId: number) => (await q.get<{ n: number }>(sql, [runId]))!.n;

async function summary(q: Q, runId: number): Promise<RunSummary> {
  const p = (await q.get<{ n: number; ok: number; bad: number }>(
    'SELECT COUNT(*) n, COUNT(*) FILTER (WHERE error_code IS NULL) ok, COUNT(*) FILTER (WHERE error_code IS NOT NULL) bad FROM pages WHERE run_id = ?',
    [runId],
  ))!;
  const findings: Record<FindingKind, number> = { violation: 0, review: 0, advisory: 0 };
  for (const r of await q.all<{ kind: FindingKind; n: number }>('SELECT kind, COUNT(*) n FROM findings WHERE run_id = ? GROUP BY kind', [runId])) findings[r.kind] = r.n;
  return {
    runId,
    frontier: await frontierCounts(q, runId),
    pages: p.n,
    pagesAudited: p.ok,
    pagesFailed: p.bad,
    documents: await count(q, 'SELECT COUNT(*) n FROM documents WHERE run_id = ?', runId),
    brokenLinks: await brokenLinkCount(q, runId),
    findings,
    errors: await count(q, 'SELECT COUNT(*) n FROM errors WHERE run_id = ?', runId),
  };
}

async function progressCounts(q: Q, runId: number): Promise<ProgressCounts> {
  return {
    frontier: await frontierCounts(q, runId),
    pagesFailed: await count(q, 'SELECT COUNT(*) n FROM pages WHERE run_id = ? AND error_code IS NOT NULL', runId),
    documents: await count(q, 'SELECT COUNT(*) n FROM documents WHERE run_id = ?', runId),
    errors: await count(q, 'SELECT COUNT(*) n FROM errors WHERE run_id = ?', runId),
  };
}

/** A new run, 'running' (inside a write transaction). */
export async function insertRun(tx: Q, meta: RunMeta, startedAt: string): Promise<number> {
  const r = await tx.get<{ id: number }>(
    `INSERT INTO runs (label, status, started_at, start_urls, config, tool_version, axe_version, browser, target)
     VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      meta.label ?? null,
      startedAt,
      JSON.stringify(meta.startUrls),
      JSON.stringify(meta.config ?? {}),
      meta.toolVersion ?? '',
      meta.axeVersion ?? '',
      meta.browser ?? '',
      meta.target ?? 'AA',
    ],
  );
  return r!.id;
}

const getRun = async (q: Q, runId: number): Promise<Run | null> => {
  const r = await q.get('SELECT * FROM runs WHERE id = ?', [runId]);
  return r ? toRun(r) : null;
};

export function pgRuns(c: PgConnection): RunStore {
  return {
    async createRun(meta, startedAt = new Date().toISOString()) {
      return c.write((tx) => insertRun(tx, meta, startedAt));
    },

    async updateRun(runId, patch) {
      await c.write(async (tx) => {
        const cur = await getRun(tx, runId);
        if (!cur) throw new Error(`検査 #${runId} がありません。`);
        await tx.run('UPDATE runs SET status = ?, finished_at = ?, axe_version = ?, browser = ? WHERE id = ?', [
          patch.status ?? cur.status,
          patch.finishedAt !== undefined ? patch.finishedAt : cur.finishedAt,
          patch.axeVersion ?? cur.axeVersion,
          patch.browser ?? cur.browser,
          runId,
        ]);
      });
    },

    async listRuns() {
      return (await c.q.all('SELECT * FROM runs ORDER BY id DESC')).map(toRun);
    },

    async getRun(runId) {
      return getRun(c.q, runId);
    },

    async latestRun(status) {
      const r = status
        ? await c.q.get('SELECT * FROM runs WHERE status = ? ORDER BY id DESC LIMIT 1', [status])
        : await c.q.get('SELECT * FROM runs ORDER BY id DESC LIMIT 1');
      return r ? toRun(r) : null;
    },

    async runSummary(runId) {
      return summary(c.q, runId);
    },

    async progressCounts(runId) {
      return progressCounts(c.q, runId);
    },
  };
}
