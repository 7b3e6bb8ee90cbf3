// Runs in SQLite: one row per crawl (runs table), its summary counted from the result tables.
import type { FindingKind } from '../../../rules-jis/types.js';
import type { RunStore } from '../store.js';
import type { ProgressCounts, Run, RunMeta, RunSummary } from '../types.js';
import type { Connection, Row } from './connection.js';
import { frontierCounts } from './frontier.js';
import { brokenLinkCount } from './results-read.js';
import { toRun } from '../rows.js';

const count = (c: Connection, sql: string, runId: number) => (c.stmt(sql).get(runId) as { n: number }).n;

function summary(c: Connection, runId: number): RunSummary {
  const p = c
    .stmt('SELECT COUNT(*) n, SUM(error_code IS NULL) ok, SUM(error_code IS NOT NULL) bad FROM pages WHERE run_id = ?')
    .get(runId) as { n: number; ok: number | null; bad: number | null };
  const findings: Record<FindingKind, number> = { violation: 0, review: 0, advisory: 0 };
  for (const r of c.stmt('SELECT kind, COUNT(*) n FROM findings WHERE run_id = ? GROUP BY kind').all(runId) as { kind: FindingKind; n: number }[]) {
    findings[r.kind] = r.n;
  }
  return {
    runId,
    frontier: frontierCounts(c, runId),
    pages: p.n,
    pagesAudited: p.ok ?? 0,
    pagesFailed: p.bad ?? 0,
    documents: count(c, 'SELECT COUNT(*) n FROM documents WHERE run_id = ?', runId),
    brokenLinks: brokenLinkCount(c, runId),
    findings,
    errors: count(c, 'SELECT COUNT(*) n FROM errors WHERE run_id = ?', runId),
  };
}

function progressCounts(c: Connection, runId: number): ProgressCounts {
  return {
    frontier: frontierCounts(c, runId),
    pagesFailed: count(c, 'SELECT COUNT(*) n FROM pages WHERE run_id = ? AND error_code IS NOT NULL', runId),
    documents: count(c, 'SELECT COUNT(*) n FROM documents WHERE run_id = ?', runId),
    errors: count(c, 'SELECT COUNT(*) n FROM errors WHERE run_id = ?', runId),
  };
}

/** A new run, 'running' (callers are in a write transaction: createRun here, createLeasedRun in ./leases.ts). */
export function insertRun(c: Connection, meta: RunMeta, startedAt: string): number {
  const r = c
    .stmt(
      `INSERT INTO runs (label, status, started_at, start_urls, config, tool_version, axe_version, browser, target)
       VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      meta.label ?? null,
      startedAt,
      JSON.stringify(meta.startUrls),
      JSON.stringify(meta.config ?? {}),
      meta.toolVersion ?? '',
      meta.axeVersion ?? '',
      meta.browser ?? '',
      meta.target ?? 'AA',
    );
  return Number(r.lastInsertRowid);
}

export function sqliteRuns(c: Connection): RunStore {
  const getRun = (runId: number): Run | null => {
    const r = c.stmt('SELECT * FROM runs WHERE id = ?').get(runId) as Row | undefined;
    return r ? toRun(r) : null;
  };

  return {
    async createRun(meta, startedAt = new Date().toISOString()) {
      return c.write(() => insertRun(c, meta, startedAt));
    },

    async updateRun(runId, patch) {
      c.write(() => {
        const cur = getRun(runId);
        if (!cur) throw new Error(`検査 #${runId} がありません。`);
        c.stmt('UPDATE runs SET status = ?, finished_at = ?, axe_version = ?, browser = ? WHERE id = ?').run(
          patch.status ?? cur.status,
          patch.finishedAt !== undefined ? patch.finishedAt : cur.finishedAt,
          patch.axeVersion ?? cur.axeVersion,
          patch.browser ?? cur.browser,
          runId,
        );
      });
    },

    async listRuns() {
      return (c.stmt('SELECT * FROM runs ORDER BY id DESC').all() as Row[]).map(toRun);
    },

    async getRun(runId) {
      return getRun(runId);
    },

    async latestRun(status) {
      const r = (status
        ? c.stmt('SELECT * FROM runs WHERE status = ? ORDER BY id DESC LIMIT 1').get(status)
        : c.stmt('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get()) as Row | undefined;
      return r ? toRun(r) : null;
    },

    async runSummary(runId) {
      return summary(c, runId);
    },

    async progressCounts(runId) {
      return progressCounts(c, runId);
    },
  };
}
