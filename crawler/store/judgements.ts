// Human judgements kept in the crawl's SQLite file (its own table, created on first use), with the
// fingerprint of what was judged taken from the store: the content hash of the pages it names (newest
// audited version), or the element's snippet for a finding.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CrawlStore } from './crawl-store.js';
import {
  matchesPattern,
  normUrl,
  validateJudgement,
  type Fingerprint,
  type Judgement,
  type JudgementInput,
  type JudgementScope,
} from '../../rules-jis/judgements.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS judgements (
  id INTEGER PRIMARY KEY,
  criterion TEXT NOT NULL,
  result TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  who TEXT NOT NULL DEFAULT '',
  judged_at TEXT NOT NULL,
  scope TEXT NOT NULL,
  fingerprint TEXT,
  source TEXT NOT NULL DEFAULT 'cli',
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS judgements_criterion ON judgements(criterion);
`;

type Row = Record<string, unknown>;

/**
 * SHA-256 (hex) of a string: the fingerprint of a judged snippet, and what rules-jis/verdict.ts applyJudgements
 * is given to compare findings with it (the rules-jis side stays free of Node APIs for the extension).
 */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function ensureJudgementTables(db: Database.Database): void {
  if (db.readonly) return;
  db.exec(SCHEMA);
}

function hasTable(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'judgements'").get() !== undefined;
}

function toJudgement(r: Row): Judgement {
  return {
    id: r.id as number,
    criterion: r.criterion as string,
    result: r.result as Judgement['result'],
    note: r.note as string,
    who: r.who as string,
    when: r.judged_at as string,
    scope: JSON.parse(r.scope as string) as JudgementScope,
    fingerprint: r.fingerprint ? (JSON.parse(r.fingerprint as string) as Fingerprint) : null,
    source: r.source as string,
    revokedAt: (r.revoked_at as string | null) ?? null,
  };
}

/** All judgements (revoked ones too when asked), oldest first. */
export function listJudgements(store: CrawlStore, opts: { includeRevoked?: boolean } = {}): Judgement[] {
  if (!hasTable(store.db)) return [];
  const sql = opts.includeRevoked ? 'SELECT * FROM judgements ORDER BY id' : 'SELECT * FROM judgements WHERE revoked_at IS NULL ORDER BY id';
  return (store.db.prepare(sql).all() as Row[]).map(toJudgement);
}

/** The newest audited version of each page, across runs (for fingerprints). */
function latestPages(store: CrawlStore, runId?: number): Map<string, string | null> {
  const run = runId ?? store.latestRun('finished')?.id ?? store.latestRun()?.id;
  const m = new Map<string, string | null>();
  if (run === undefined) return m;
  for (const p of store.iteratePages(run)) if (!p.error) m.set(normUrl(p.url), p.contentHash);
  return m;
}

/** Computes the fingerprint of a judgement from the store (the run given, else the newest finished run). */
export function fingerprintFor(store: CrawlStore, j: JudgementInput, runId?: number): Fingerprint {
  const s = j.scope;
  if (s.type === 'site') return null;
  if (s.type === 'finding') {
    if (s.snippet) return { kind: 'snippet', hash: sha256(s.snippet) };
    const run = runId ?? store.latestRun('finished')?.id ?? store.latestRun()?.id;
    if (run === undefined) return null;
    const page = store.pageByUrl(run, s.url);
    const f = page ? store.findingsOfPage(page.id).find((x) => x.ruleId === s.ruleId && x.selector === s.selector) : undefined;
    return f ? { kind: 'snippet', hash: sha256(f.html) } : null;
  }
  if (s.type === 'page' && j.contentHash) return { kind: 'content', hashes: { [normUrl(s.url)]: j.contentHash } };
  const pages = latestPages(store, runId);
  const hashes: Record<string, string> = {};
  for (const [url, hash] of pages) {
    if (!hash) continue;
    if ((s.type === 'page' && url === normUrl(s.url)) || (s.type === 'pattern' && matchesPattern(s.pattern, url))) hashes[url] = hash;
  }
  return Object.keys(hashes).length ? { kind: 'content', hashes } : null;
}

/** Records judgements (validated) with their fingerprints, in one transaction. Returns the new ids. */
export function recordJudgements(store: CrawlStore, inputs: JudgementInput[], opts: { source?: string; runId?: number; now?: string } = {}): number[] {
  ensureJudgementTables(store.db);
  const ins = store.db.prepare(
    'INSERT INTO judgements (criterion, result, note, who, judged_at, scope, fingerprint, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const now = opts.now ?? new Date().toISOString();
  const tx = store.db.transaction(() =>
    inputs.map((raw) => {
      const j = validateJudgement(raw);
      const fp = fingerprintFor(store, j, opts.runId);
      return Number(ins.run(j.criterion, j.result, j.note ?? '', j.who ?? '', j.when!, JSON.stringify(j.scope), fp ? JSON.stringify(fp) : null, opts.source ?? 'cli', now).lastInsertRowid);
    }),
  );
  return tx();
}

export function revokeJudgement(store: CrawlStore, id: number, now = new Date().toISOString()): boolean {
  ensureJudgementTables(store.db);
  return store.db.prepare('UPDATE judgements SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
}
