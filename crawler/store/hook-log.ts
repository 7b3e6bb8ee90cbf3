// The verdict log: every pre-publish verdict and every waiver used (or refused as expired), in the same
// SQLite file as the crawl store (crawler/store.ts), in tables of its own (hook_*), created here.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS hook_verdicts (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  channel TEXT NOT NULL,            -- 'cli' | 'http'
  mode TEXT NOT NULL,               -- 'html' | 'url'
  url TEXT NOT NULL,
  content_hash TEXT,                -- SHA-256 of the submitted/served HTML
  verdict TEXT NOT NULL,            -- 'pass' | 'block' | 'error'
  blocking INTEGER NOT NULL DEFAULT 0,
  review INTEGER NOT NULL DEFAULT 0,
  advisory INTEGER NOT NULL DEFAULT 0,
  waived INTEGER NOT NULL DEFAULT 0,
  policy_source TEXT,
  policy_hash TEXT,
  client TEXT,                      -- remote address or 'cli'
  duration_ms INTEGER,
  error_code TEXT,
  error_message TEXT,
  result TEXT                       -- the verdict JSON
);
CREATE INDEX IF NOT EXISTS hook_verdicts_url ON hook_verdicts(url, at);
CREATE TABLE IF NOT EXISTS hook_waiver_uses (
  id INTEGER PRIMARY KEY,
  verdict_id INTEGER NOT NULL REFERENCES hook_verdicts(id),
  status TEXT NOT NULL,             -- 'applied' | 'expired'
  rule TEXT NOT NULL,
  page_pattern TEXT,
  waiver_selector TEXT,
  finding_selector TEXT NOT NULL,
  reason TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  expires TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS hook_waiver_uses_verdict ON hook_waiver_uses(verdict_id);
`;

/** What the log keeps of a verdict (crawler/hook/verdict.ts HookVerdict has this shape and more). */
export interface VerdictToLog {
  url: string;
  verdict: string;
  durationMs: number;
  counts: { blocking: number; review: number; advisory: number; waived: number };
  policy: { source: string; hash: string };
  waived: { selector: string; waiver: WaiverRef }[];
  expiredWaivers: { finding: { selector: string }; waiver: WaiverRef }[];
}

interface WaiverRef {
  rule: string;
  pagePattern?: string;
  selector?: string;
  reason: string;
  approvedBy: string;
  expires: string;
}

export interface LoggedVerdict {
  id: number;
  at: string;
  channel: string;
  mode: string;
  url: string;
  verdict: string;
  blocking: number;
  waived: number;
  errorCode: string | null;
}

export interface LoggedWaiverUse {
  verdictId: number;
  status: 'applied' | 'expired';
  rule: string;
  findingSelector: string;
  approvedBy: string;
  expires: string;
}

export class VerdictLog {
  private db: Database.Database;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000'); // the crawler writes to the same file
    this.db.exec(SCHEMA);
  }

  /** Logs a verdict and its waiver uses in one transaction; returns the verdict's id. */
  logVerdict(v: VerdictToLog, meta: { channel: 'cli' | 'http'; mode: 'html' | 'url'; source?: string; client?: string }): number {
    const tx = this.db.transaction(() => {
      const r = this.db
        .prepare(
          `INSERT INTO hook_verdicts (at, channel, mode, url, content_hash, verdict, blocking, review, advisory, waived, policy_source, policy_hash, client, duration_ms, result)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          new Date().toISOString(), meta.channel, meta.mode, v.url, hash(meta.source), v.verdict,
          v.counts.blocking, v.counts.review, v.counts.advisory, v.counts.waived, v.policy.source, v.policy.hash,
          meta.client ?? null, v.durationMs, JSON.stringify(v),
        );
      const id = Number(r.lastInsertRowid);
      const ins = this.db.prepare(
        `INSERT INTO hook_waiver_uses (verdict_id, status, rule, page_pattern, waiver_selector, finding_selector, reason, approved_by, expires)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const w of v.waived) ins.run(id, 'applied', w.waiver.rule, w.waiver.pagePattern ?? null, w.waiver.selector ?? null, w.selector, w.waiver.reason, w.waiver.approvedBy, w.waiver.expires);
      for (const e of v.expiredWaivers)
        ins.run(id, 'expired', e.waiver.rule, e.waiver.pagePattern ?? null, e.waiver.selector ?? null, e.finding.selector, e.waiver.reason, e.waiver.approvedBy, e.waiver.expires);
      return id;
    });
    return tx();
  }

  /** Requests that ended without a verdict (timeout, crash, refused origin) are logged too. */
  logError(meta: { channel: 'cli' | 'http'; mode: 'html' | 'url'; url: string; source?: string; client?: string; code: string; message: string; durationMs?: number }): number {
    const r = this.db
      .prepare(
        `INSERT INTO hook_verdicts (at, channel, mode, url, content_hash, verdict, client, duration_ms, error_code, error_message)
         VALUES (?, ?, ?, ?, ?, 'error', ?, ?, ?, ?)`,
      )
      .run(new Date().toISOString(), meta.channel, meta.mode, meta.url, hash(meta.source), meta.client ?? null, meta.durationMs ?? null, meta.code, meta.message);
    return Number(r.lastInsertRowid);
  }

  recentVerdicts(limit = 100): LoggedVerdict[] {
    return (this.db.prepare('SELECT * FROM hook_verdicts ORDER BY id DESC LIMIT ?').all(limit) as Record<string, unknown>[]).map((r) => ({
      id: r.id as number,
      at: r.at as string,
      channel: r.channel as string,
      mode: r.mode as string,
      url: r.url as string,
      verdict: r.verdict as string,
      blocking: r.blocking as number,
      waived: r.waived as number,
      errorCode: (r.error_code as string | null) ?? null,
    }));
  }

  waiverUses(verdictId: number): LoggedWaiverUse[] {
    return (this.db.prepare('SELECT * FROM hook_waiver_uses WHERE verdict_id = ? ORDER BY id').all(verdictId) as Record<string, unknown>[]).map((r) => ({
      verdictId,
      status: r.status as 'applied' | 'expired',
      rule: r.rule as string,
      findingSelector: r.finding_selector as string,
      approvedBy: r.approved_by as string,
      expires: r.expires as string,
    }));
  }

  close(): void {
    this.db.close();
  }
}

function hash(s: string | undefined): string | null {
  return s === undefined ? null : createHash('sha256').update(s).digest('hex');
}

export function openVerdictLog(file: string): VerdictLog {
  return new VerdictLog(file);
}
