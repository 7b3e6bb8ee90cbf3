// Reading results from SQLite. The big reads (pages, findings, links of a run) are async iterators that
// fetch keyset-paged batches (`WHERE key > last ORDER BY key LIMIT n`): memory stays at one batch however
// large the run, and no statement stays open between two items, so the caller may write meanwhile
// (better-sqlite3 refuses a write while an iterate() cursor is open on the connection).
import type { CriterionResult, Finding, FindingKind, FindingSource } from '../../../rules-jis/types.js';
import type { ResultStore } from '../store.js';
import type { BrokenLink, StoredDocument } from '../types.js';
import type { Connection, Row } from './connection.js';
import { json, pageError, toFinding, toPage } from '../rows.js';

const BATCH = 500;

/**
 * Rows in batches: `fetch(after)` returns the next rows after the key `after` (null: from the start). Each
 * batch is read patiently (./busy.ts): a lock taken by another process between two batches is waited out.
 */
async function* paged<K>(c: Connection, fetch: (after: K | null) => Row[], keyOf: (last: Row) => K): AsyncGenerator<Row> {
  let after: K | null = null;
  for (;;) {
    const at = after;
    const rows = await c.patiently(() => fetch(at));
    yield* rows;
    if (rows.length < BATCH) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

// broken: a destination audited or inventoried in the run that answered ≥ 400 or not at all (a document that
// answered but could not be checked — too large, unreadable, password, slow body — is no broken link)
const BROKEN_LINKS = `
  SELECT l.from_url, l.to_url, l.text, t.status, t.error_code, t.error_message FROM links l
  JOIN (
    SELECT url, status, error_code, error_message FROM pages WHERE run_id = @run
      AND (status >= 400 OR (status IS NULL AND error_code IN ('unreachable', 'timeout', 'redirect-loop', 'http-error')))
    UNION ALL
    SELECT url, status, error_code, error_message FROM documents WHERE run_id = @run
      AND (status >= 400 OR (status IS NULL AND error_code IS NOT NULL))
  ) t ON t.url = l.to_url
  WHERE l.run_id = @run`;

export function brokenLinkCount(c: Connection, runId: number): number {
  return (c.stmt(`SELECT COUNT(*) n FROM (${BROKEN_LINKS})`).get({ run: runId }) as { n: number }).n;
}

const FINDINGS_OF_RUN = `SELECT f.*, p.url page_url FROM findings f JOIN pages p ON p.id = f.page_id
  WHERE f.run_id = ? AND (f.page_id, f.id) > (?, ?) AND (? IS NULL OR f.kind = ?) AND (? IS NULL OR f.source = ?)
  ORDER BY f.page_id, f.id LIMIT ${BATCH}`;

const LINKS_OF_RUN = `SELECT * FROM links WHERE run_id = ? AND (from_url, to_url, text, area) > (?, ?, ?, ?)
  AND (? IS NULL OR from_url = ?) AND (? IS NULL OR to_url = ?)
  ORDER BY from_url, to_url, text, area LIMIT ${BATCH}`;

/** Pages and their findings. */
export function pageReads(c: Connection): Pick<ResultStore, 'iteratePages' | 'getPage' | 'pageByUrl' | 'pageAuditCriteria' | 'iterateFindings' | 'findingsOfPage'> {
  const pageRow = (sql: string, ...args: unknown[]) => {
    const r = c.stmt(sql).get(...args) as Row | undefined;
    return r ? toPage(r) : null;
  };

  return {
    async *iteratePages(runId) {
      const sql = `SELECT * FROM pages WHERE run_id = ? AND id > ? ORDER BY id LIMIT ${BATCH}`;
      for await (const r of paged<number>(c, (after) => c.stmt(sql).all(runId, after ?? 0) as Row[], (r) => r.id as number)) yield toPage(r);
    },

    async getPage(pageId) {
      return pageRow('SELECT * FROM pages WHERE id = ?', pageId);
    },

    async pageByUrl(runId, url) {
      return pageRow('SELECT * FROM pages WHERE run_id = ? AND url = ?', runId, url);
    },

    async pageAuditCriteria(pageId) {
      const r = c.stmt('SELECT page_criteria FROM pages WHERE id = ?').get(pageId) as { page_criteria: string } | undefined;
      return json<CriterionResult[]>(r?.page_criteria, []);
    },

    async *iterateFindings(runId, filter = {}) {
      const k = filter.kind ?? null;
      const s = filter.source ?? null;
      const fetch = (after: [number, number] | null) => c.stmt(FINDINGS_OF_RUN).all(runId, ...(after ?? [0, 0]), k, k, s, s) as Row[];
      for await (const r of paged(c, fetch, (r): [number, number] => [r.page_id as number, r.id as number])) yield toFinding(r);
    },

    async findingsOfPage(pageId) {
      const sql = 'SELECT f.*, p.url page_url FROM findings f JOIN pages p ON p.id = f.page_id WHERE f.page_id = ? ORDER BY f.id';
      return (c.stmt(sql).all(pageId) as Row[]).map(toFinding);
    },
  };
}

const str = (v: unknown) => (v as string | null | undefined) ?? null;

/** A document row with the pages that link to it and its own findings. */
function toDocument(c: Connection, runId: number, r: Row): StoredDocument {
  const links = c.stmt('SELECT from_url, text FROM links WHERE run_id = ? AND to_url = ? ORDER BY from_url, text');
  const findings = c.stmt('SELECT * FROM document_findings WHERE run_id = ? AND document_url = ? ORDER BY id');
  return {
    id: r.id as number,
    runId,
    url: r.url as string,
    type: r.type as string,
    contentType: str(r.content_type),
    size: (r.size as number | null) ?? null,
    status: (r.status as number | null) ?? null,
    error: pageError(r.error_code, r.error_message),
    checkedAt: r.checked_at as string,
    linkedFrom: (links.all(runId, r.url) as Row[]).map((l) => ({ pageUrl: l.from_url as string, text: l.text as string })),
    checked: r.checked === 1,
    format: str(r.format),
    etag: str(r.etag),
    lastModified: str(r.last_modified),
    contentHash: str(r.content_hash),
    title: str(r.title),
    lang: str(r.lang),
    pages: (r.pages as number | null) ?? null,
    reusedFrom: (r.reused_from as number | null) ?? null,
    findings: (findings.all(runId, r.url) as Row[]).map(
      (f): Finding => ({
        ruleId: f.rule_id as string,
        source: f.source as FindingSource,
        kind: f.kind as FindingKind,
        criteria: json<string[]>(f.criteria, []),
        impact: (f.impact as Finding['impact']) ?? null,
        selector: '',
        html: '',
        message: f.message as string,
        help: f.help as string,
        helpUrl: f.help_url as string,
      }),
    ),
  };
}

/** What the run found around its pages: documents, links, broken links, errors. */
export function linkReads(c: Connection): Pick<ResultStore, 'documentsOfRun' | 'documentOfRun' | 'iterateLinks' | 'brokenLinksOfRun' | 'errorsOfRun'> {
  return {
    async documentsOfRun(runId) {
      const docs = c.stmt('SELECT * FROM documents WHERE run_id = ? ORDER BY url').all(runId) as Row[];
      return docs.map((r) => toDocument(c, runId, r));
    },

    async documentOfRun(runId, url) {
      const r = c.stmt('SELECT * FROM documents WHERE run_id = ? AND url = ?').get(runId, url) as Row | undefined;
      return r ? toDocument(c, runId, r) : null;
    },

    async *iterateLinks(runId, filter = {}) {
      const f = filter.fromUrl ?? null;
      const t = filter.toUrl ?? null;
      const fetch = (after: string[] | null) => c.stmt(LINKS_OF_RUN).all(runId, ...(after ?? ['', '', '', '']), f, f, t, t) as Row[];
      for await (const r of paged(c, fetch, (r) => [r.from_url, r.to_url, r.text, r.area] as string[])) {
        yield { runId, fromUrl: r.from_url as string, toUrl: r.to_url as string, text: r.text as string, area: r.area as 'nav' | 'main' };
      }
    },

    async brokenLinksOfRun(runId) {
      return (c.stmt(`${BROKEN_LINKS} ORDER BY l.from_url, l.to_url`).all({ run: runId }) as Row[]).map(
        (r): BrokenLink => ({
          fromUrl: r.from_url as string,
          toUrl: r.to_url as string,
          text: r.text as string,
          status: (r.status as number | null) ?? null,
          error: pageError(r.error_code, r.error_message),
        }),
      );
    },

    async errorsOfRun(runId) {
      return (c.stmt('SELECT * FROM errors WHERE run_id = ? ORDER BY id').all(runId) as Row[]).map((r) => ({
        id: r.id as number,
        runId,
        url: r.url as string,
        code: r.code as string,
        message: r.message as string,
        attempt: r.attempt as number,
        at: r.at as string,
      }));
    },
  };
}
