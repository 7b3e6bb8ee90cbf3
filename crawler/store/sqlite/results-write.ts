// Writing results in SQLite: a page with its findings and links, a document, an error. Each write also
// moves the URL's frontier entry, in the same transaction, so a crash never leaves a page stored but queued.
import type { Finding } from '../../../rules-jis/types.js';
import type { ResultStore } from '../store.js';
import type { PageRecord } from '../types.js';
import type { Connection } from './connection.js';
import { markFinished } from './frontier.js';

export function insertFindings(c: Connection, runId: number, pageId: number, findings: Finding[]): void {
  const ins = c.stmt(
    `INSERT INTO findings (run_id, page_id, rule_id, source, kind, criteria, impact, selector, html, message, help, help_url, line, col, region)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of findings) {
    ins.run(runId, pageId, f.ruleId, f.source, f.kind, JSON.stringify(f.criteria), f.impact, f.selector, f.html, f.message, f.help, f.helpUrl, f.line ?? null, f.column ?? null, f.region ?? null);
  }
}

/** Removes an earlier row of the same URL (a page audited again on resume) with its findings and links. */
function deletePage(c: Connection, runId: number, url: string): void {
  const old = c.stmt('SELECT id FROM pages WHERE run_id = ? AND url = ?').get(runId, url) as { id: number } | undefined;
  if (!old) return;
  c.stmt('DELETE FROM findings WHERE page_id = ?').run(old.id);
  c.stmt('DELETE FROM pages WHERE id = ?').run(old.id);
  c.stmt('DELETE FROM links WHERE run_id = ? AND from_url = ?').run(runId, url);
}

/** The body of savePage, for callers already in a transaction (./validators.ts carryOver). */
export function writePage(c: Connection, runId: number, p: PageRecord): number {
  return c.write(() => {
    deletePage(c, runId, p.url);
    const criteria = JSON.stringify(p.criteria ?? []);
    const r = c
      .stmt(
        `INSERT INTO pages (run_id, url, final_url, status, content_type, title, lang, content_hash, bytes, depth,
           audited_at, duration_ms, error_code, error_message, criteria, page_criteria, nav, template_key, widget_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        runId, p.url, p.finalUrl ?? null, p.status ?? null, p.contentType ?? null, p.title ?? '', p.lang ?? '',
        p.contentHash ?? null, p.bytes ?? null, p.depth, p.auditedAt, p.durationMs ?? null,
        p.error?.code ?? null, p.error?.message ?? null, criteria, criteria, JSON.stringify(p.nav ?? []),
        p.templateKey ?? null, p.widgetKey ?? null,
      );
    const pageId = Number(r.lastInsertRowid);
    insertFindings(c, runId, pageId, p.findings ?? []);
    const link = c.stmt('INSERT OR IGNORE INTO links (run_id, from_url, to_url, text, area) VALUES (?, ?, ?, ?, ?)');
    for (const l of p.links ?? []) link.run(runId, p.url, l.toUrl, l.text, l.area);
    markFinished(c, runId, p.url, !!p.error);
    return pageId;
  });
}

/**
 * How jis-a11y 0.2.0 recorded a store lock as a page's result: the crawl's "unexpected error" wrapped around
 * SQLite's message. Since then a lock is waited out or the page is redone, never stored as its result.
 */
const LOCK_FAILURE = `error_code = 'internal' AND (error_message LIKE '%database is locked%' OR error_message LIKE '%database table is locked%' OR error_message LIKE '%SQLITE_BUSY%')`;

/** The body of discardLockFailures. */
function discardLockFailures(c: Connection, runId: number): string[] {
  const urls = (c.stmt(`SELECT url FROM pages WHERE run_id = ? AND ${LOCK_FAILURE} ORDER BY id`).all(runId) as { url: string }[]).map((r) => r.url);
  const queue = c.stmt("UPDATE frontier SET state = 'queued' WHERE run_id = ? AND url = ? AND state IN ('failed', 'done', 'active')");
  for (const url of urls) {
    deletePage(c, runId, url);
    queue.run(runId, url);
  }
  return urls;
}

/** A document's findings replace whatever the run had stored for its URL. */
function writeDocumentFindings(c: Connection, runId: number, url: string, findings: readonly Finding[]): void {
  c.stmt('DELETE FROM document_findings WHERE run_id = ? AND document_url = ?').run(runId, url);
  const add = c.stmt(
    'INSERT INTO document_findings (run_id, document_url, rule_id, source, kind, criteria, impact, message, help, help_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const f of findings) add.run(runId, url, f.ruleId, f.source, f.kind, JSON.stringify(f.criteria), f.impact, f.message, f.help, f.helpUrl);
}

export function resultWrites(c: Connection): Pick<ResultStore, 'savePage' | 'saveDocument' | 'addError' | 'discardLockFailures'> {
  return {
    async savePage(runId, p) {
      return writePage(c, runId, p);
    },

    async saveDocument(runId, d) {
      c.write(() => {
        c.stmt(
          `INSERT OR REPLACE INTO documents (run_id, url, type, content_type, size, status, error_code, error_message, checked_at,
             checked, format, etag, last_modified, content_hash, title, lang, pages, reused_from)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          runId, d.url, d.type, d.contentType ?? null, d.size ?? null, d.status ?? null, d.error?.code ?? null, d.error?.message ?? null, d.checkedAt,
          d.checked ? 1 : 0, d.format ?? null, d.etag ?? null, d.lastModified ?? null, d.contentHash ?? null, d.title ?? null, d.lang ?? null, d.pages ?? null, d.reusedFrom ?? null,
        );
        writeDocumentFindings(c, runId, d.url, d.findings ?? []);
        markFinished(c, runId, d.url, !!d.error);
      });
    },

    async discardLockFailures(runId) {
      return c.write(() => discardLockFailures(c, runId));
    },

    async addError(runId, e) {
      c.write(() =>
        c.stmt('INSERT INTO errors (run_id, url, code, message, attempt, at) VALUES (?, ?, ?, ?, ?, ?)').run(
          runId, e.url, e.code, e.message, e.attempt ?? 1, e.at ?? new Date().toISOString(),
        ),
      );
    },
  };
}
