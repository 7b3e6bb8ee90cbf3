// One document of the frontier (PDF, Word, Excel …, rules-jis/url.ts DOCUMENT_TYPES). With checkDocuments on
// (the default), a PDF or Office file (docx/xlsx/pptx) is downloaded (document-fetch.ts: streamed under
// maxDocumentBytes, the crawl's credentials and time limit, after its host's politeness queue like a page),
// read and checked (crawler/page/documents/check-document.ts, rules-jis/documents/), and stored with its own
// findings; an unchanged file (304 to the previous run's validators, or the same SHA-256) keeps the previous
// run's findings without being read again. Other documents (CSV, old .doc/.xls, ODF …) are inventoried with
// their status and size from a HEAD request (http-client.ts probe), so a broken document link is reported.
// With checkDocuments off (--no-check-documents), every document is inventoried by its extension only.
// A server that answers 429/502/503/504 asks us to come back later: the document is tried again within the
// run's retry policy, after its host's Retry-After (page-task.ts, host-pace.ts), instead of being reported broken.
// A document that is malformed, huge, password-protected or slow is stored with its error and the crawl goes on.
import { createHash } from 'node:crypto';
import type { PageError } from '../../rules-jis/types.js';
import { DOCUMENT_TYPES, documentTypeFromContentType, extensionOf } from '../../rules-jis/url.js';
import { checkDocument, DEFAULT_DOCUMENT_TIMEOUT_MS } from '../page/documents/check-document.js';
import type { DocumentRecord, FrontierItem, Store, StoredDocument } from '../store/store.js';
import { fetchDocument } from './document-fetch.js';
import { parseRetryAfter } from './host-pace.js';
import type { HttpClient } from './http-client.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';
import { TRANSIENT_STATUSES, type RetryPolicy } from './page-task.js';
import type { HostQueues } from './pump.js';

/** The type stored when neither the extension nor the content type tells it. */
const UNKNOWN_TYPE = '不明';
/** Extensions whose content the document checks read. */
const CHECKED_EXT = new Set(['pdf', 'docx', 'docm', 'xlsx', 'xlsm', 'pptx', 'pptm']);
/** Types that may be a checkable file when the URL has no telling extension (download.php?id=3). */
const CHECKED_TYPES = new Set(['PDF', 'Word', 'Excel', 'PowerPoint']);
export const DEFAULT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export interface DocumentTaskDeps {
  store: Store;
  runId: number;
  http: HttpClient;
  /** Download and check PDF and Office files, probe the others; off: inventory by extension only. */
  checkDocuments: boolean;
  /** A document larger than this is not read (too-large). */
  maxDocumentBytes?: number;
  /** Reading one document (after the download) stops after this (timeout). */
  checkTimeoutMs?: number;
  /** The previous finished run of the site, whose unchanged documents are reused (incremental.ts). */
  previousRunId?: number | null;
  /** With them, a "come back later" answer is retried after the host's Retry-After. */
  retry?: RetryPolicy;
  hosts?: HostQueues;
  log?: CrawlLog;
}

/** What the run did with documents, for its last log lines. */
export interface DocumentStats {
  checked: number;
  reused: number;
  findings: number;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export class DocumentTask {
  readonly stats: DocumentStats = { checked: 0, reused: 0, findings: 0 };

  constructor(private deps: DocumentTaskDeps) {}

  /** One document. `linkedType`: the type already known when a page link turned out to be one. */
  async run(item: FrontierItem, linkedType?: string): Promise<void> {
    const { store, runId } = this.deps;
    const ext = extensionOf(item.url);
    if (!this.deps.checkDocuments) {
      await store.results.saveDocument(runId, { url: item.url, type: linkedType ?? DOCUMENT_TYPES[ext] ?? UNKNOWN_TYPE, checkedAt: new Date().toISOString() });
      return;
    }
    const checkable = CHECKED_EXT.has(ext) || (!(ext in DOCUMENT_TYPES) && CHECKED_TYPES.has(linkedType ?? ''));
    if (checkable) await this.download(item, linkedType);
    else await this.probe(item, linkedType);
  }

  /** Inventory with a HEAD request: status, size, type. */
  private async probe(item: FrontierItem, linkedType?: string): Promise<void> {
    const { store, runId, http } = this.deps;
    const checkedAt = new Date().toISOString();
    const r = await http.probe(item.url);
    if (await this.retriedLater(item, r)) return;
    const type = DOCUMENT_TYPES[extensionOf(item.url)] ?? documentTypeFromContentType(r.contentType) ?? linkedType ?? (r.contentType?.split(';')[0] || UNKNOWN_TYPE);
    await store.results.saveDocument(runId, { url: item.url, type, contentType: r.contentType, size: r.size, status: r.status, error: r.error, checkedAt });
    if (r.error) await store.results.addError(runId, { url: item.url, code: r.error.code, message: r.error.message });
  }

  /** Download, check (or reuse the previous run's result), store. */
  private async download(item: FrontierItem, linkedType?: string): Promise<void> {
    const { http } = this.deps;
    const prev = await this.previous(item.url);
    const f = await fetchDocument(http, item.url, { maxBytes: this.deps.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, known: prev });
    if (await this.retriedLater(item, f)) return;
    const type = DOCUMENT_TYPES[extensionOf(item.url)] ?? documentTypeFromContentType(f.contentType) ?? linkedType ?? UNKNOWN_TYPE;
    const base: DocumentRecord = { url: item.url, type, contentType: f.contentType, size: f.size, status: f.status, etag: f.etag, lastModified: f.lastModified, checkedAt: new Date().toISOString() };
    if (f.notModified && prev) return this.save({ ...reused(prev), ...base, status: prev.status, size: prev.size, contentType: prev.contentType, etag: f.etag ?? prev.etag, lastModified: f.lastModified ?? prev.lastModified });
    if (f.error || !f.bytes) return this.save({ ...base, error: f.error ?? null });
    const hash = sha256(f.bytes);
    if (prev?.contentHash === hash) return this.save({ ...reused(prev), ...base, contentHash: hash });
    const check = await checkDocument(f.bytes, { name: item.url, contentType: f.contentType, timeoutMs: this.deps.checkTimeoutMs ?? DEFAULT_DOCUMENT_TIMEOUT_MS });
    if (!check.format) return this.save(base); // not a format the checks know: inventoried only
    const facts = check.facts;
    await this.save({
      ...base,
      checked: !check.error,
      format: check.format,
      contentHash: hash,
      title: facts?.title ?? null,
      lang: facts?.lang ?? null,
      pages: facts?.format === 'pdf' ? facts.pages : null,
      findings: check.findings,
      error: check.error ?? null,
    });
  }

  /** The previous run's checked copy of this document, when there is one. */
  private async previous(url: string): Promise<StoredDocument | null> {
    const prevRun = this.deps.previousRunId;
    if (prevRun == null) return null;
    const d = await this.deps.store.results.documentOfRun(prevRun, url);
    return d?.checked && !d.error ? d : null;
  }

  private async save(d: DocumentRecord): Promise<void> {
    const { store, runId } = this.deps;
    await store.results.saveDocument(runId, d);
    if (d.checked) {
      this.stats.checked++;
      if (d.reusedFrom != null) this.stats.reused++;
      this.stats.findings += d.findings?.length ?? 0;
    }
    if (d.error) {
      await store.results.addError(runId, { url: d.url, code: d.error.code, message: d.error.message });
      this.deps.log?.(M.documentError(d.url, d.error.code, d.error.message));
    }
  }

  /** A 429/502/503/504: the attempt is recorded, the host slowed down, and the document queued again while retries last. */
  private async retriedLater(item: FrontierItem, r: { status: number | null; error?: PageError | null; retryAfter?: string | null }): Promise<boolean> {
    const { store, runId, retry, hosts } = this.deps;
    if (!retry || !hosts || !r.error || r.status == null || !TRANSIENT_STATUSES.has(r.status)) return false;
    await store.results.addError(runId, { url: item.url, code: r.error.code, message: r.error.message, attempt: item.attempts + 1 });
    const waitMs = await hosts.slowDown(item.url, parseRetryAfter(r.retryAfter));
    if (!retry.retry(r.error.code, item.attempts, r.status)) return false;
    await store.frontier.requeue(runId, item.url);
    this.deps.log?.(M.retrying(item.url, item.attempts + 1, `${r.error.code} ${r.status}`, waitMs));
    return true;
  }

  /**
   * A link queued as a page that the browser found not to be HTML: its document type, from the content type
   * the browser saw or else from a HEAD request; null when it is no document either.
   */
  async typeOfNonHtml(url: string, contentType: string | null): Promise<string | null> {
    const type = documentTypeFromContentType(contentType);
    if (type) return type;
    return documentTypeFromContentType((await this.deps.http.probe(url)).contentType);
  }
}

/** The previous run's result of an unchanged document, for this run. */
function reused(prev: StoredDocument): Partial<DocumentRecord> {
  return {
    checked: true,
    format: prev.format,
    contentHash: prev.contentHash,
    title: prev.title,
    lang: prev.lang,
    pages: prev.pages,
    findings: prev.findings,
    reusedFrom: prev.reusedFrom ?? prev.runId,
  };
}
