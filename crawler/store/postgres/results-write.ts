// Writing results on PostgreSQL, as crawler/store/sqlite/results-write.ts: a page with its findings and links, a
// document, an error; each write also moves the URL's frontier entry in the same transaction. New ids come from
// RETURNING id (SQLite: lastInsertRowid); INSERT OR IGNORE/REPLACE are ON CONFLICT clauses.
import type { Finding } from '../../../rules-jis/types.js';
import type { ResultStore } from '../store.js';
import type { PageRecord } from '../types.js';
import { insertMany, type PgConnection, type Q } from './connection.js';
import { markFinished } from './frontier.js';

const FINDING_COLUMNS = ['run_id', 'page_id', 'rule_id', 'source', 'kind', 'criteria', 'impact', 'selector', 'html', 'message', 'help', 'help_url', 'line', 'col', 'region'];

/** The findings of a page, in their order (ids ascending as the VALUES list goes). */
export async function insertFindings(tx: Q, runId: number, pageId: number, findings: readonly Finding[]): Promise<void> {
  const rows = findings.map((f) => [
    runId, pageId, f.ruleId, f.source, f.kind, JSON.stringify(f.criteria), f.impact, f.selector, f.html, f.message, f.help, f.helpUrl, f.line ?? null, f.column ?? null, f.region ?? null,
  ]);
  await insertMany(tx, 'findings', FINDING_COLUMNS, rows);
}

/** Removes an earlier row of the same URL (a page audited again on resume) with its findings and links. */
async function deletePage(tx: Q, runId: number, url: string): Promise<void> {
  const old = await tx.get<{ id: number }>('SELECT id FROM pages WHERE run_id = ? AND url = ?', [runId, url]);
  if (!old) return;
  await tx.run('DELETE FROM findings WHERE page_id = ?', [old.id]);
  await tx.run('DELETE FROM pages WHERE id = ?', [old.id]);
  await tx.run('DELETE FROM links WHERE run_id = ? AND from_url = ?', [runId, url]);
}

/** The body of savePage, inside a write transaction (./validators.ts carryOver uses it too). */
export async function writePage(tx: Q, runId: number, p: PageRecord): Promise<number> {
  await deletePage(tx, runId, p.url);
  const criteria = JSON.stringify(p.criteria ?? []);
  const r = await tx.get<{ id: number }>(
    `INSERT INTO pages (run_id, url, final_url, status, content_type, title, lang, content_hash, bytes, depth,
       audited_at, duration_ms, error_code, error_message, criteria, page_criteria, nav, template_key, widget_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      runId, p.url, p.finalUrl ?? null, p.status ?? null, p.contentType ?? null, p.title ?? '', p.lang ?? '',
      p.contentHash ?? null, p.bytes ?? null, p.depth, p.auditedAt, p.durationMs ?? null,
      p.error?.code ?? null, p.error?.message ?? null, criteria, criteria, JSON.stringify(p.nav ?? []),
      p.templateKey ?? null, p.widgetKey ?? null,
    ],
  );
  const pageId = r!.id;
  await insertFindings(tx, runId, pageId, p.findings ?? []);
  // a page may list the same link twice: one row, as SQLite's INSERT OR IGNORE keeps (one statement cannot touch a row twice)
  const links = new Map((p.links ?? []).map((l) => [JSON.stringify([l.toUrl, l.text, l.area]), [runId, p.url, l.toUrl, l.text, l.area]]));
  await insertMany(tx, 'links', ['run_id', 'from_url', 'to_url', 'text', 'area'], [...links.values()], 'ON CONFLICT DO NOTHING');
  await markFinished(tx, runId, p.url, !!p.error);
  return pageId;
}

// jis-a11y 0.2.0 recorded a SQLite lock as a page's result (crawler/store/sqlite/results-write.ts); a PostgreSQL
// store never held such rows, but a run copied over from a SQLite file might, so the same rule applies
const LOCK_FAILURE = `error_code = 'internal' AND (error_message LIKE '%database is locked%' OR error_message LIKE '%database table is locked%' OR error_message LIKE '%SQLITE_BUSY%')`;

async function discardLockFailures(tx: Q, runId: number): Promise<string[]> {
  const urls = (await tx.all<{ url: string }>(`SELECT url FROM pages WHERE run_id = ? AND ${LOCK_FAILURE} ORDER BY id`, [runId])).map((r) => r.url);
  for (const url of urls) {
    await deletePage(tx, runId, url);
    await tx.run("UPDATE frontier SET state = 'queued' WHERE run_id = ? AND url = ? AND state IN ('failed', 'done', 'active')", [runId, url]);
  }
  return urls;
}

/** A document's findings replace whatever the run had stored for its URL. */
async function writeDocumentFindings(tx: Q, runId: number, url: string, findings: readonly Finding[]): Promise<void> {
  await tx.run('DELETE FROM document_findings WHERE run_id = ? AND document_url = ?', [runId, url]);
  for (const f of findings) {
    await tx.run(
      'INSERT INTO document_findings (run_id, document_url, rule_id, source, kind, criteria, impact, message, help, help_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [runId, url, f.ruleId, f.source, f.kind, JSON.stringify(f.criteria), f.impact, f.message, f.help, f.helpUrl],
    );
  }
}

const DOCUMENT_COLUMNS = `run_id, url, type, content_type, size, status, error_code, error_message, checked_at,
  checked, format, etag, last_modified, content_hash, title, lang, pages, reused_from`;
// INSERT OR REPLACE: a new row (new id) replaces the old one, as in SQLite
const SAVE_DOCUMENT = `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function resultWrites(c: PgConnection): Pick<ResultStore, 'savePage' | 'saveDocument' | 'addError' | 'discardLockFailures'> {
  return {
    async savePage(runId, p) {
      return c.write((tx) => writePage(tx, runId, p));
    },

    async saveDocument(runId, d) {
      await c.write(async (tx) => {
        await tx.run('DELETE FROM documents WHERE run_id = ? AND url = ?', [runId, d.url]);
        await tx.run(SAVE_DOCUMENT, [
          runId, d.url, d.type, d.contentType ?? null, d.size ?? null, d.status ?? null, d.error?.code ?? null, d.error?.message ?? null, d.checkedAt,
          d.checked ? 1 : 0, d.format ?? null, d.etag ?? null, d.lastModified ?? null, d.contentHash ?? null, d.title ?? null, d.lang ?? null, d.pages ?? null, d.reusedFrom ?? null,
        ]);
        await writeDocumentFindings(tx, runId, d.url, d.findings ?? []);
        await markFinished(tx, runId, d.url, !!d.error);
      });
    },

    async discardLockFailures(runId) {
      return c.write((tx) => discardLockFailures(tx, runId));
    },

    async addError(runId, e) {
      await c.write((tx) =>
        tx.run('INSERT INTO errors (run_id, url, code, message, attempt, at) VALUES (?, ?, ?, ?, ?, ?)', [runId, e.url, e.code, e.message, e.attempt ?? 1, e.at ?? new Date().toISOString()]),
      );
    },
  };
}
