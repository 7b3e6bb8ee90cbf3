// Reading results from PostgreSQL, as crawler/store/sqlite/results-read.ts: the big reads (pages, findings, links
// of a run) fetch keyset-paged batches, so memory stays at one batch and no cursor stays open between two items.
// Dialect: an optional filter's parameter is typed (?::text IS NULL), a derived table has an alias, and the run
// of the broken-link query is $1 (SQLite: @run).
import type { CriterionResult, Finding, FindingKind, FindingSource } from '../../../rules-jis/types.js';
import type { ResultStore } from '../store.js';
import type { BrokenLink, StoredDocument } from '../types.js';
import { json, pageError, toFinding, toPage } from '../rows.js';
import type { PgConnection, Q, Row } from './connection.js';

const BATCH = 500;

async function* paged<K>(fetch: (after: K | null) => Promise<Row[]>, keyOf: (last: Row) => K): AsyncGenerator<Row> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    if (rows.length < BATCH) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

const BROKEN_LINKS = `
  SELECT l.from_url, l.to_url, l.text, t.status, t.error_code, t.error_message FROM links l
  JOIN (
    SELECT url, status, error_code, error_message FROM pages WHERE run_id = $1
      AND (status >= 400 OR (status IS NULL AND error_code IN ('unreachable', 'timeout', 'redirect-loop', 'http-error')))
    UNION ALL
    SELECT url, status, error_code, error_message FROM documents WHERE run_id = $1
      AND (status >= 400 OR (status IS NULL AND error_code IS NOT NULL))
  ) t ON t.url = l.to_url
  WHERE l.run_id = $1`;

export async function brokenLinkCount(q: Q, runId: number): Promise<number> {
  return (await q.get<{ n: number }>(`SELECT COUNT(*) n FROM (${BROKEN_LINKS}) b`, [runId]))!.n;
}

const FINDINGS_OF_RUN = `SELECT f.*, p.url page_url FROM findings f JOIN pages p ON p.id = f.page_id
  WHERE f.run_id = ? AND (f.page_id, f.id) > (?, ?) AND (?::text IS NULL OR f.kind = ?) AND (?::text IS NULL OR f.source = ?)
  ORDER BY f.page_id, f.id LIMIT ${BATCH}`;

const LINKS_OF_RUN = `SELECT * FROM links WHERE run_id = ? AND (from_url, to_url, text, area) > (?, ?, ?, ?)
  AND (?::text IS NULL OR from_url = ?) AND (?::text IS NULL OR to_url = ?)
  ORDER BY from_url, to_url, text, area LIMIT ${BATCH}`;

const FINDINGS_OF_PAGE = 'SELECT f.*, p.url page_url FROM findings f JOIN pages p ON p.id = f.page_id WHERE f.page_id = ? ORDER BY f.id';

/** Pages and their findings. */
export function pageReads(c: PgConnection): Pick<ResultStore, 'iteratePages' | 'getPage' | 'pageByUrl' | 'pageAuditCriteria' | 'iterateFindings' | 'findingsOfPage'> {
  const pageRow = async (sql: string, args: unknown[]) => {
    const r = await c.q.get(sql, args);
    return r ? toPage(r) : null;
  };
  return {
    async *iteratePages(runId) {
      const sql = `SELECT * FROM pages WHERE run_id = ? AND id > ? ORDER BY id LIMIT ${BATCH}`;
      for await (const r of paged<number>((after) => c.q.all(sql, [runId, after ?? 0]), (r) => r.id as number)) yield toPage(r);
    },

    async getPage(pageId) {
      return pageRow('SELECT * FROM pages WHERE id = ?', [pageId]);
    },

    async pageByUrl(runId, url) {
      return pageRow('SELECT * FROM pages WHERE run_id = ? AND url = ?', [runId, url]);
    },

    async pageAuditCriteria(pageId) {
      const r = await c.q.get<{ page_criteria: string }>('SELECT page_criteria FROM pages WHERE id = ?', [pageId]);
      return json<CriterionResult[]>(r?.page_criteria, []);
    },

    async *iterateFindings(runId, filter = {}) {
      const k = filter.kind ?? null;
      const s = filter.source ?? null;
      const fetch = (after: [number, number] | null) => c.q.all(FINDINGS_OF_RUN, [runId, ...(after ?? [0, 0]), k, k, s, s]);
      for await (const r of paged(fetch, (r): [number, number] => [r.page_id as number, r.id as number])) yield toFinding(r);
    },

    async findingsOfPage(pageId) {
      return (await c.q.all(FINDINGS_OF_PAGE, [pageId])).map(toFinding);
    },
  };
}

const str = (v: unknown) => (v as string | null | undefined) ?? null;

function documentFinding(f: Row): Finding {
  return {
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
  };
}

/** A document row with the pages that link to it and its own findings. */
async function toDocument(q: Q, runId: number, r: Row): Promise<StoredDocument> {
  const links = await q.all('SELECT from_url, text FROM links WHERE run_id = ? AND to_url = ? ORDER BY from_url, text', [runId, r.url]);
  const findings = await q.all('SELECT * FROM document_findings WHERE run_id = ? AND document_url = ? ORDER BY id', [runId, r.url]);
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
    linkedFrom: links.map((l) => ({ pageUrl: l.from_url as string, text: l.text as string })),
    checked: r.checked === 1,
    format: str(r.format),
    etag: str(r.etag),
    lastModified: str(r.last_modified),
    contentHash: str(r.content_hash),
    title: str(r.title),
    lang: str(r.lang),
    pages: (r.pages as number | null) ?? null,
    reusedFrom: (r.reused_from as number | null) ?? null,
    findings: findings.map(documentFinding),
  };
}

/** What the run found around its pages: documents, links, broken links, errors. */
export function linkReads(c: PgConnection): Pick<ResultStore, 'documentsOfRun' | 'documentOfRun' | 'iterateLinks' | 'brokenLinksOfRun' | 'errorsOfRun'> {
  return {
    async documentsOfRun(runId) {
      const docs = await c.q.all('SELECT * FROM documents WHERE run_id = ? ORDER BY url', [runId]);
      const out: StoredDocument[] = [];
      for (const r of docs) out.push(await toDocument(c.q, runId, r));
      return out;
    },

    async documentOfRun(runId, url) {
      const r = await c.q.get('SELECT * FROM documents WHERE run_id = ? AND url = ?', [runId, url]);
      return r ? toDocument(c.q, runId, r) : null;
    },

    async *iterateLinks(runId, filter = {}) {
      const f = filter.fromUrl ?? null;
      const t = filter.toUrl ?? null;
      const fetch = (after: string[] | null) => c.q.all(LINKS_OF_RUN, [runId, ...(after ?? ['', '', '', '']), f, f, t, t]);
      for await (const r of paged(fetch, (r) => [r.from_url, r.to_url, r.text, r.area] as string[])) {
        yield { runId, fromUrl: r.from_url as string, toUrl: r.to_url as string, text: r.text as string, area: r.area as 'nav' | 'main' };
      }
    },

    async brokenLinksOfRun(runId) {
      return (await c.q.all(`${BROKEN_LINKS} ORDER BY l.from_url, l.to_url`, [runId])).map(
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
      return (await c.q.all('SELECT * FROM errors WHERE run_id = ? ORDER BY id', [runId])).map((r) => ({
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
