// One document of the frontier (PDF, Word, Excel …, rules-jis/url.ts DOCUMENT_TYPES): documents are not
// audited, they are inventoried for the reports with their type, and, with checkDocuments on (the default),
// their status and size from a HEAD request (http-client.ts probe), so a broken document link is reported.
// A server that answers 429/502/503/504 asks us to come back later: the document is probed again within the
// run's retry policy, after its host's Retry-After (page-task.ts, host-pace.ts), instead of being reported broken.
import { DOCUMENT_TYPES, documentTypeFromContentType, extensionOf } from '../../rules-jis/url.js';
import type { FrontierItem, Store } from '../store/store.js';
import { parseRetryAfter } from './host-pace.js';
import type { HttpClient } from './http-client.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';
import { TRANSIENT_STATUSES, type RetryPolicy } from './page-task.js';
import type { HostQueues } from './pump.js';

/** The type stored when neither the extension nor the content type tells it. */
const UNKNOWN_TYPE = '不明';

export interface DocumentTaskDeps {
  store: Store;
  runId: number;
  http: HttpClient;
  /** Probe each document (status, size, type); off: inventory it by its extension only. */
  checkDocuments: boolean;
  /** With them, a "come back later" answer is retried after the host's Retry-After. */
  retry?: RetryPolicy;
  hosts?: HostQueues;
  log?: CrawlLog;
}

export class DocumentTask {
  constructor(private deps: DocumentTaskDeps) {}

  /** Inventories one document. `linkedType`: the type already known when a page link turned out to be one. */
  async run(item: FrontierItem, linkedType?: string): Promise<void> {
    const { store, runId, http } = this.deps;
    const checkedAt = new Date().toISOString();
    const ext = extensionOf(item.url);
    if (!this.deps.checkDocuments) {
      await store.results.saveDocument(runId, { url: item.url, type: linkedType ?? DOCUMENT_TYPES[ext] ?? UNKNOWN_TYPE, checkedAt });
      return;
    }
    const r = await http.probe(item.url);
    if (await this.retriedLater(item, r)) return;
    const type = DOCUMENT_TYPES[ext] ?? documentTypeFromContentType(r.contentType) ?? linkedType ?? (r.contentType?.split(';')[0] || UNKNOWN_TYPE);
    await store.results.saveDocument(runId, { url: item.url, type, contentType: r.contentType, size: r.size, status: r.status, error: r.error, checkedAt });
    if (r.error) await store.results.addError(runId, { url: item.url, code: r.error.code, message: r.error.message });
  }

  /** A 429/502/503/504: the attempt is recorded, the host slowed down, and the document queued again while retries last. */
  private async retriedLater(item: FrontierItem, r: Awaited<ReturnType<HttpClient['probe']>>): Promise<boolean> {
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
