// The crawl store: one SQLite file (better-sqlite3, WAL) that a crawl streams into and that the reports,
// the hook and the service read from. A crawl of tens of thousands of pages never sits in memory: each page
// is written in one transaction as soon as it is audited, so a SIGKILL loses at most the pages in flight,
// and `--resume` continues from the frontier table.
//
// Read API (for reports/ and the hook): listRuns, getRun, latestRun, runSummary, pagesOfRun / iteratePages,
// getPage, pageByUrl, findingsOfRun / iterateFindings, findingsOfPage, documentsOfRun, linksOfRun,
// brokenLinksOfRun, errorsOfRun, frontierCounts. All return plain objects with camelCase fields
// (types below); JSON columns are parsed.
import Database from 'better-sqlite3';
import type { CriterionResult, Finding, FindingKind, FindingSource, ErrorCode, PageError } from '../../rules-jis/types.js';

export const STORE_SCHEMA_VERSION = 1;

// ---------------------------------------------------------------------------------------------- types

export type RunStatus = 'running' | 'finished' | 'interrupted' | 'failed';

export interface RunMeta {
  startUrls: string[];
  /** The effective crawl configuration (auth secrets removed). */
  config: unknown;
  toolVersion?: string;
  axeVersion?: string;
  browser?: string;
  /** Conformance target, 'AA' by default. */
  target?: 'A' | 'AA';
  /** Free label, e.g. "2026年度 定期検査". */
  label?: string;
}

export interface Run extends Required<Omit<RunMeta, 'label'>> {
  id: number;
  label: string | null;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
}

export interface RunSummary {
  runId: number;
  /** Frontier entries (pages and documents) by state. */
  frontier: Record<FrontierState, number>;
  /** Page rows (audited or failed). */
  pages: number;
  /** Pages audited without error. */
  pagesAudited: number;
  /** Pages recorded with an error (HTTP error, timeout, crash …). */
  pagesFailed: number;
  documents: number;
  brokenLinks: number;
  findings: Record<FindingKind, number>;
  errors: number;
}

/** A page as stored. `error` set means it was not audited (criteria and findings are then empty). */
export interface StoredPage {
  id: number;
  runId: number;
  /** Normalised URL (the frontier key). */
  url: string;
  /** URL after redirects. */
  finalUrl: string | null;
  /** HTTP status of the main document, null when none came (network error, timeout). */
  status: number | null;
  contentType: string | null;
  title: string;
  lang: string;
  /** SHA-256 (hex) of the HTML as served; a human judgement stays valid while this is unchanged. */
  contentHash: string | null;
  bytes: number | null;
  depth: number;
  auditedAt: string;
  durationMs: number | null;
  error: PageError | null;
  /** Per-criterion outcomes: the page audit merged with the site-level checks of the run. */
  criteria: CriterionResult[];
  /** Navigation blocks seen on the page (for the 3.2.3 site check). */
  nav: NavBlock[];
}

export interface NavBlock {
  /** What identifies the block across pages: its label, id or landmark, e.g. "nav#gnav". */
  key: string;
  /** Link destinations in document order (normalised). */
  hrefs: string[];
}

export interface StoredFinding extends Finding {
  id: number;
  runId: number;
  pageId: number;
  pageUrl: string;
}

export interface DocumentLink {
  pageUrl: string;
  text: string;
}

/** A non-HTML document (PDF, Word, Excel …): inventoried, not audited. */
export interface StoredDocument {
  id: number;
  runId: number;
  url: string;
  /** 'PDF', 'Word', 'Excel', 'PowerPoint', 'CSV', 'ODF' … */
  type: string;
  contentType: string | null;
  /** Bytes (Content-Length), null when the server does not say. */
  size: number | null;
  status: number | null;
  error: PageError | null;
  checkedAt: string;
  /** Pages that link to it, with the link text. */
  linkedFrom: DocumentLink[];
}

export interface StoredLink {
  runId: number;
  fromUrl: string;
  toUrl: string;
  text: string;
  /** 'nav' for links inside nav/header/footer/role=navigation, 'main' otherwise. */
  area: 'nav' | 'main';
}

export interface BrokenLink {
  fromUrl: string;
  toUrl: string;
  text: string;
  status: number | null;
  error: PageError | null;
}

export interface StoredError {
  id: number;
  runId: number;
  url: string;
  code: string;
  message: string;
  attempt: number;
  at: string;
}

export type FrontierState = 'queued' | 'active' | 'done' | 'failed';
export type FrontierKind = 'page' | 'document';

export interface FrontierItem {
  url: string;
  depth: number;
  kind: FrontierKind;
  attempts: number;
  parentUrl: string | null;
}

/** What the crawler writes for one page, in one transaction. */
export interface PageRecord {
  url: string;
  finalUrl?: string | null;
  status?: number | null;
  contentType?: string | null;
  title?: string;
  lang?: string;
  contentHash?: string | null;
  bytes?: number | null;
  depth: number;
  auditedAt: string;
  durationMs?: number | null;
  error?: PageError | null;
  criteria?: CriterionResult[];
  nav?: NavBlock[];
  findings?: Finding[];
  links?: { toUrl: string; text: string; area: 'nav' | 'main' }[];
}

export interface DocumentRecord {
  url: string;
  type: string;
  contentType?: string | null;
  size?: number | null;
  status?: number | null;
  error?: PageError | null;
  checkedAt: string;
}

// --------------------------------------------------------------------------------------------- schema

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  label TEXT,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  start_urls TEXT NOT NULL,
  config TEXT NOT NULL,
  tool_version TEXT NOT NULL DEFAULT '',
  axe_version TEXT NOT NULL DEFAULT '',
  browser TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT 'AA'
);
CREATE TABLE IF NOT EXISTS frontier (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  seq INTEGER NOT NULL,
  url TEXT NOT NULL,
  depth INTEGER NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued',
  attempts INTEGER NOT NULL DEFAULT 0,
  parent_url TEXT,
  PRIMARY KEY (run_id, url)
);
CREATE INDEX IF NOT EXISTS frontier_queue ON frontier(run_id, state, depth, seq);
CREATE INDEX IF NOT EXISTS frontier_seq ON frontier(run_id, seq);
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  url TEXT NOT NULL,
  final_url TEXT,
  status INTEGER,
  content_type TEXT,
  title TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT '',
  content_hash TEXT,
  bytes INTEGER,
  depth INTEGER NOT NULL DEFAULT 0,
  audited_at TEXT NOT NULL,
  duration_ms INTEGER,
  error_code TEXT,
  error_message TEXT,
  criteria TEXT NOT NULL DEFAULT '[]',
  page_criteria TEXT NOT NULL DEFAULT '[]',
  nav TEXT NOT NULL DEFAULT '[]',
  UNIQUE (run_id, url)
);
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  page_id INTEGER NOT NULL REFERENCES pages(id),
  rule_id TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  criteria TEXT NOT NULL,
  impact TEXT,
  selector TEXT NOT NULL,
  html TEXT NOT NULL,
  message TEXT NOT NULL,
  help TEXT NOT NULL,
  help_url TEXT NOT NULL,
  line INTEGER,
  col INTEGER
);
CREATE INDEX IF NOT EXISTS findings_run ON findings(run_id, kind);
CREATE INDEX IF NOT EXISTS findings_page ON findings(page_id);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  type TEXT NOT NULL,
  content_type TEXT,
  size INTEGER,
  status INTEGER,
  error_code TEXT,
  error_message TEXT,
  checked_at TEXT NOT NULL,
  UNIQUE (run_id, url)
);
CREATE TABLE IF NOT EXISTS links (
  run_id INTEGER NOT NULL,
  from_url TEXT NOT NULL,
  to_url TEXT NOT NULL,
  text TEXT NOT NULL,
  area TEXT NOT NULL,
  PRIMARY KEY (run_id, from_url, to_url, text, area)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS links_to ON links(run_id, to_url);
CREATE TABLE IF NOT EXISTS errors (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  attempt INTEGER NOT NULL DEFAULT 1,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS errors_run ON errors(run_id);
`;

// ---------------------------------------------------------------------------------------------- store

type Row = Record<string, unknown>;
const json = <T>(s: unknown, dflt: T): T => {
  if (typeof s !== 'string') return dflt;
  try {
    return JSON.parse(s) as T;
  } catch {
    return dflt;
  }
};
const err = (code: unknown, message: unknown): PageError | null =>
  typeof code === 'string' ? { code: code as ErrorCode, message: String(message ?? '') } : null;

function toRun(r: Row): Run {
  return {
    id: r.id as number,
    label: (r.label as string | null) ?? null,
    status: r.status as RunStatus,
    startedAt: r.started_at as string,
    finishedAt: (r.finished_at as string | null) ?? null,
    startUrls: json<string[]>(r.start_urls, []),
    config: json<unknown>(r.config, {}),
    toolVersion: r.tool_version as string,
    axeVersion: r.axe_version as string,
    browser: r.browser as string,
    target: r.target as 'A' | 'AA',
  };
}

function toPage(r: Row): StoredPage {
  return {
    id: r.id as number,
    runId: r.run_id as number,
    url: r.url as string,
    finalUrl: (r.final_url as string | null) ?? null,
    status: (r.status as number | null) ?? null,
    contentType: (r.content_type as string | null) ?? null,
    title: r.title as string,
    lang: r.lang as string,
    contentHash: (r.content_hash as string | null) ?? null,
    bytes: (r.bytes as number | null) ?? null,
    depth: r.depth as number,
    auditedAt: r.audited_at as string,
    durationMs: (r.duration_ms as number | null) ?? null,
    error: err(r.error_code, r.error_message),
    criteria: json<CriterionResult[]>(r.criteria, []),
    nav: json<NavBlock[]>(r.nav, []),
  };
}

function toFinding(r: Row): StoredFinding {
  const f: StoredFinding = {
    id: r.id as number,
    runId: r.run_id as number,
    pageId: r.page_id as number,
    pageUrl: r.page_url as string,
    ruleId: r.rule_id as string,
    source: r.source as FindingSource,
    kind: r.kind as FindingKind,
    criteria: json<string[]>(r.criteria, []),
    impact: (r.impact as Finding['impact']) ?? null,
    selector: r.selector as string,
    html: r.html as string,
    message: r.message as string,
    help: r.help as string,
    helpUrl: r.help_url as string,
  };
  if (r.line != null) f.line = r.line as number;
  if (r.col != null) f.column = r.col as number;
  return f;
}

export interface OpenStoreOptions {
  readonly?: boolean;
}

export class CrawlStore {
  readonly db: Database.Database;

  constructor(readonly file: string, opts: OpenStoreOptions = {}) {
    this.db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    if (!opts.readonly) {
      this.db.pragma('journal_mode = WAL');
      // NORMAL is durable across process crashes (SIGKILL) in WAL mode; only a power loss can drop the last commits
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.exec(SCHEMA);
      this.db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run('schemaVersion', String(STORE_SCHEMA_VERSION));
    }
    this.db.pragma('busy_timeout = 5000');
  }

  close(): void {
    this.db.close();
  }

  // ------------------------------------------------------------------------------------------- runs

  createRun(meta: RunMeta, startedAt = new Date().toISOString()): number {
    const r = this.db
      .prepare(
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

  updateRun(runId: number, patch: { status?: RunStatus; finishedAt?: string | null; axeVersion?: string; browser?: string }): void {
    const cur = this.getRun(runId);
    if (!cur) throw new Error(`run ${runId} がありません`);
    this.db
      .prepare('UPDATE runs SET status = ?, finished_at = ?, axe_version = ?, browser = ? WHERE id = ?')
      .run(
        patch.status ?? cur.status,
        patch.finishedAt !== undefined ? patch.finishedAt : cur.finishedAt,
        patch.axeVersion ?? cur.axeVersion,
        patch.browser ?? cur.browser,
        runId,
      );
  }

  /** All runs, newest first. */
  listRuns(): Run[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY id DESC').all() as Row[]).map(toRun);
  }

  getRun(runId: number): Run | null {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as Row | undefined;
    return r ? toRun(r) : null;
  }

  /** The newest run, or the newest with the given status. */
  latestRun(status?: RunStatus): Run | null {
    const r = (status
      ? this.db.prepare('SELECT * FROM runs WHERE status = ? ORDER BY id DESC LIMIT 1').get(status)
      : this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get()) as Row | undefined;
    return r ? toRun(r) : null;
  }

  runSummary(runId: number): RunSummary {
    const frontier = this.frontierCounts(runId);
    const p = this.db
      .prepare('SELECT COUNT(*) n, SUM(error_code IS NULL) ok, SUM(error_code IS NOT NULL) bad FROM pages WHERE run_id = ?')
      .get(runId) as { n: number; ok: number | null; bad: number | null };
    const findings: Record<FindingKind, number> = { violation: 0, review: 0, advisory: 0 };
    for (const r of this.db.prepare('SELECT kind, COUNT(*) n FROM findings WHERE run_id = ? GROUP BY kind').all(runId) as { kind: FindingKind; n: number }[]) {
      findings[r.kind] = r.n;
    }
    const one = (sql: string) => (this.db.prepare(sql).get(runId) as { n: number }).n;
    return {
      runId,
      frontier,
      pages: p.n,
      pagesAudited: p.ok ?? 0,
      pagesFailed: p.bad ?? 0,
      documents: one('SELECT COUNT(*) n FROM documents WHERE run_id = ?'),
      brokenLinks: this.brokenLinksOfRun(runId).length,
      findings,
      errors: one('SELECT COUNT(*) n FROM errors WHERE run_id = ?'),
    };
  }

  // --------------------------------------------------------------------------------------- frontier

  /**
   * Adds URLs to the frontier; URLs already there (any state) are ignored. `maxPages` caps the number
   * of page entries of the run (documents are not counted). Returns the URLs actually added.
   */
  enqueue(runId: number, items: { url: string; depth: number; kind: FrontierKind; parentUrl?: string | null }[], maxPages = Infinity): string[] {
    const added: string[] = [];
    const tx = this.db.transaction(() => {
      // runs once per audited page: the page count is cached (one crawl process writes a run), MAX(seq) is indexed
      let pages = this.pageEntries(runId);
      let seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) s FROM frontier WHERE run_id = ?').get(runId) as { s: number }).s;
      const ins = this.db.prepare(
        'INSERT OR IGNORE INTO frontier (run_id, seq, url, depth, kind, parent_url) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const it of items) {
        if (it.kind === 'page' && pages >= maxPages) continue;
        const r = ins.run(runId, seq + 1, it.url, it.depth, it.kind, it.parentUrl ?? null);
        if (r.changes) {
          seq++;
          if (it.kind === 'page') pages++;
          added.push(it.url);
        }
      }
      this.pageCount.set(runId, pages);
    });
    try {
      tx();
    } catch (e) {
      this.pageCount.delete(runId);
      throw e;
    }
    return added;
  }

  private pageCount = new Map<number, number>();

  /** Page entries in the run's frontier (cached after the first count). */
  private pageEntries(runId: number): number {
    let n = this.pageCount.get(runId);
    if (n === undefined) {
      n = (this.db.prepare("SELECT COUNT(*) n FROM frontier WHERE run_id = ? AND kind = 'page'").get(runId) as { n: number }).n;
      this.pageCount.set(runId, n);
    }
    return n;
  }

  /** Takes up to `n` queued entries (shallowest first, then in discovery order) and marks them active. */
  takeQueued(runId: number, n: number): FrontierItem[] {
    const tx = this.db.transaction(() => {
      const rows = this.db
        .prepare("SELECT url, depth, kind, attempts, parent_url FROM frontier WHERE run_id = ? AND state = 'queued' ORDER BY depth, seq LIMIT ?")
        .all(runId, n) as Row[];
      const upd = this.db.prepare("UPDATE frontier SET state = 'active' WHERE run_id = ? AND url = ?");
      for (const r of rows) upd.run(runId, r.url);
      return rows.map((r) => ({
        url: r.url as string,
        depth: r.depth as number,
        kind: r.kind as FrontierKind,
        attempts: r.attempts as number,
        parentUrl: (r.parent_url as string | null) ?? null,
      }));
    });
    return tx();
  }

  /** Puts an entry back in the queue after a failed attempt (attempts + 1). */
  requeue(runId: number, url: string): void {
    this.db.prepare("UPDATE frontier SET state = 'queued', attempts = attempts + 1 WHERE run_id = ? AND url = ?").run(runId, url);
  }

  /** On resume: entries that were in flight when the process died go back to the queue. */
  resetActive(runId: number): number {
    return this.db.prepare("UPDATE frontier SET state = 'queued' WHERE run_id = ? AND state = 'active'").run(runId).changes;
  }

  frontierCounts(runId: number): Record<FrontierState, number> {
    const out: Record<FrontierState, number> = { queued: 0, active: 0, done: 0, failed: 0 };
    for (const r of this.db.prepare('SELECT state, COUNT(*) n FROM frontier WHERE run_id = ? GROUP BY state').all(runId) as { state: FrontierState; n: number }[]) {
      out[r.state] = r.n;
    }
    return out;
  }

  /**
   * A page answered under another URL (redirect): that URL needs no audit of its own. Marks it done
   * (adding it when absent, taking it out of the queue when queued). Returns true when it changed anything.
   */
  markAlias(runId: number, url: string, depth: number): boolean {
    const tx = this.db.transaction(() => {
      const seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) s FROM frontier WHERE run_id = ?').get(runId) as { s: number }).s;
      const ins = this.db
        .prepare("INSERT OR IGNORE INTO frontier (run_id, seq, url, depth, kind, state) VALUES (?, ?, ?, ?, 'page', 'done')")
        .run(runId, seq + 1, url, depth).changes;
      if (ins) this.pageCount.delete(runId);
      const upd = this.db.prepare("UPDATE frontier SET state = 'done' WHERE run_id = ? AND url = ? AND state = 'queued'").run(runId, url).changes;
      return ins + upd > 0;
    });
    return tx();
  }

  frontierHas(runId: number, url: string): boolean {
    return this.db.prepare('SELECT 1 FROM frontier WHERE run_id = ? AND url = ?').get(runId, url) !== undefined;
  }

  // ----------------------------------------------------------------------------------------- writes

  /**
   * Writes one page with its findings and links and marks its frontier entry done (or failed when the
   * page has an error), atomically. Writing the same URL again replaces the earlier row.
   */
  savePage(runId: number, p: PageRecord): number {
    const tx = this.db.transaction(() => {
      const old = this.db.prepare('SELECT id FROM pages WHERE run_id = ? AND url = ?').get(runId, p.url) as { id: number } | undefined;
      if (old) {
        this.db.prepare('DELETE FROM findings WHERE page_id = ?').run(old.id);
        this.db.prepare('DELETE FROM pages WHERE id = ?').run(old.id);
        this.db.prepare('DELETE FROM links WHERE run_id = ? AND from_url = ?').run(runId, p.url);
      }
      const r = this.db
        .prepare(
          `INSERT INTO pages (run_id, url, final_url, status, content_type, title, lang, content_hash, bytes, depth,
             audited_at, duration_ms, error_code, error_message, criteria, page_criteria, nav)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          runId,
          p.url,
          p.finalUrl ?? null,
          p.status ?? null,
          p.contentType ?? null,
          p.title ?? '',
          p.lang ?? '',
          p.contentHash ?? null,
          p.bytes ?? null,
          p.depth,
          p.auditedAt,
          p.durationMs ?? null,
          p.error?.code ?? null,
          p.error?.message ?? null,
          JSON.stringify(p.criteria ?? []),
          JSON.stringify(p.criteria ?? []),
          JSON.stringify(p.nav ?? []),
        );
      const pageId = Number(r.lastInsertRowid);
      this.insertFindings(runId, pageId, p.findings ?? []);
      const link = this.db.prepare('INSERT OR IGNORE INTO links (run_id, from_url, to_url, text, area) VALUES (?, ?, ?, ?, ?)');
      for (const l of p.links ?? []) link.run(runId, p.url, l.toUrl, l.text, l.area);
      this.db
        .prepare('UPDATE frontier SET state = ? WHERE run_id = ? AND url = ?')
        .run(p.error ? 'failed' : 'done', runId, p.url);
      return pageId;
    });
    return tx();
  }

  insertFindings(runId: number, pageId: number, findings: Finding[]): void {
    const ins = this.db.prepare(
      `INSERT INTO findings (run_id, page_id, rule_id, source, kind, criteria, impact, selector, html, message, help, help_url, line, col)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of findings) {
      ins.run(runId, pageId, f.ruleId, f.source, f.kind, JSON.stringify(f.criteria), f.impact, f.selector, f.html, f.message, f.help, f.helpUrl, f.line ?? null, f.column ?? null);
    }
  }

  /** Replaces a page's criteria JSON (used by the site-level checks; the page audit's own result is kept apart). */
  setPageCriteria(pageId: number, criteria: CriterionResult[]): void {
    this.db.prepare('UPDATE pages SET criteria = ? WHERE id = ?').run(JSON.stringify(criteria), pageId);
  }

  /** The criteria as the page audit alone judged them (before the site-level checks were merged in). */
  pageAuditCriteria(pageId: number): CriterionResult[] {
    const r = this.db.prepare('SELECT page_criteria FROM pages WHERE id = ?').get(pageId) as { page_criteria: string } | undefined;
    return json<CriterionResult[]>(r?.page_criteria, []);
  }

  /** Removes findings of one source in a run (site checks are recomputed at the end of every run/resume). */
  deleteFindingsBySource(runId: number, source: FindingSource): number {
    return this.db.prepare('DELETE FROM findings WHERE run_id = ? AND source = ?').run(runId, source).changes;
  }

  saveDocument(runId: number, d: DocumentRecord): void {
    const tx = this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO documents (run_id, url, type, content_type, size, status, error_code, error_message, checked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(runId, d.url, d.type, d.contentType ?? null, d.size ?? null, d.status ?? null, d.error?.code ?? null, d.error?.message ?? null, d.checkedAt);
      this.db.prepare('UPDATE frontier SET state = ? WHERE run_id = ? AND url = ?').run(d.error ? 'failed' : 'done', runId, d.url);
    });
    tx();
  }

  addError(runId: number, e: { url: string; code: string; message: string; attempt?: number; at?: string }): void {
    this.db
      .prepare('INSERT INTO errors (run_id, url, code, message, attempt, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(runId, e.url, e.code, e.message, e.attempt ?? 1, e.at ?? new Date().toISOString());
  }

  // ------------------------------------------------------------------------------------------ reads

  /** Pages of a run in crawl order (id). For big runs prefer iteratePages. */
  pagesOfRun(runId: number): StoredPage[] {
    return [...this.iteratePages(runId)];
  }

  *iteratePages(runId: number): IterableIterator<StoredPage> {
    for (const r of this.db.prepare('SELECT * FROM pages WHERE run_id = ? ORDER BY id').iterate(runId) as IterableIterator<Row>) yield toPage(r);
  }

  getPage(pageId: number): StoredPage | null {
    const r = this.db.prepare('SELECT * FROM pages WHERE id = ?').get(pageId) as Row | undefined;
    return r ? toPage(r) : null;
  }

  pageByUrl(runId: number, url: string): StoredPage | null {
    const r = this.db.prepare('SELECT * FROM pages WHERE run_id = ? AND url = ?').get(runId, url) as Row | undefined;
    return r ? toPage(r) : null;
  }

  /** Findings of a run, optionally only one kind. For big runs prefer iterateFindings. */
  findingsOfRun(runId: number, filter: { kind?: FindingKind; source?: FindingSource } = {}): StoredFinding[] {
    return [...this.iterateFindings(runId, filter)];
  }

  *iterateFindings(runId: number, filter: { kind?: FindingKind; source?: FindingSource } = {}): IterableIterator<StoredFinding> {
    const sql = `SELECT f.*, p.url page_url FROM findings f JOIN pages p ON p.id = f.page_id
      WHERE f.run_id = ? AND (? IS NULL OR f.kind = ?) AND (? IS NULL OR f.source = ?) ORDER BY f.page_id, f.id`;
    const k = filter.kind ?? null;
    const s = filter.source ?? null;
    for (const r of this.db.prepare(sql).iterate(runId, k, k, s, s) as IterableIterator<Row>) yield toFinding(r);
  }

  findingsOfPage(pageId: number): StoredFinding[] {
    return (this.db
      .prepare('SELECT f.*, p.url page_url FROM findings f JOIN pages p ON p.id = f.page_id WHERE f.page_id = ? ORDER BY f.id')
      .all(pageId) as Row[]).map(toFinding);
  }

  documentsOfRun(runId: number): StoredDocument[] {
    const docs = this.db.prepare('SELECT * FROM documents WHERE run_id = ? ORDER BY url').all(runId) as Row[];
    const links = this.db.prepare('SELECT from_url, text FROM links WHERE run_id = ? AND to_url = ? ORDER BY from_url, text');
    return docs.map((r) => ({
      id: r.id as number,
      runId,
      url: r.url as string,
      type: r.type as string,
      contentType: (r.content_type as string | null) ?? null,
      size: (r.size as number | null) ?? null,
      status: (r.status as number | null) ?? null,
      error: err(r.error_code, r.error_message),
      checkedAt: r.checked_at as string,
      linkedFrom: (links.all(runId, r.url) as Row[]).map((l) => ({ pageUrl: l.from_url as string, text: l.text as string })),
    }));
  }

  /** Links found on the audited pages (within scope and out of it). */
  linksOfRun(runId: number, filter: { fromUrl?: string; toUrl?: string } = {}): StoredLink[] {
    const f = filter.fromUrl ?? null;
    const t = filter.toUrl ?? null;
    return (this.db
      .prepare('SELECT * FROM links WHERE run_id = ? AND (? IS NULL OR from_url = ?) AND (? IS NULL OR to_url = ?) ORDER BY from_url, to_url')
      .all(runId, f, f, t, t) as Row[]).map((r) => ({
      runId,
      fromUrl: r.from_url as string,
      toUrl: r.to_url as string,
      text: r.text as string,
      area: r.area as 'nav' | 'main',
    }));
  }

  /**
   * Links whose destination was checked and is broken: HTTP status ≥ 400, or no answer
   * (network error, timeout, redirect loop). Destinations outside the crawl scope are not checked.
   */
  brokenLinksOfRun(runId: number): BrokenLink[] {
    const sql = `
      SELECT l.from_url, l.to_url, l.text, t.status, t.error_code, t.error_message FROM links l
      JOIN (
        SELECT url, status, error_code, error_message FROM pages WHERE run_id = @run
          AND (status >= 400 OR (status IS NULL AND error_code IN ('unreachable', 'timeout', 'redirect-loop', 'http-error')))
        UNION ALL
        SELECT url, status, error_code, error_message FROM documents WHERE run_id = @run
          AND (status >= 400 OR error_code IS NOT NULL)
      ) t ON t.url = l.to_url
      WHERE l.run_id = @run ORDER BY l.from_url, l.to_url`;
    return (this.db.prepare(sql).all({ run: runId }) as Row[]).map((r) => ({
      fromUrl: r.from_url as string,
      toUrl: r.to_url as string,
      text: r.text as string,
      status: (r.status as number | null) ?? null,
      error: err(r.error_code, r.error_message),
    }));
  }

  errorsOfRun(runId: number): StoredError[] {
    return (this.db.prepare('SELECT * FROM errors WHERE run_id = ? ORDER BY id').all(runId) as Row[]).map((r) => ({
      id: r.id as number,
      runId,
      url: r.url as string,
      code: r.code as string,
      message: r.message as string,
      attempt: r.attempt as number,
      at: r.at as string,
    }));
  }
}

/** Opens (and creates, unless readonly) a store file. */
export function openStore(file: string, opts: OpenStoreOptions = {}): CrawlStore {
  return new CrawlStore(file, opts);
}
