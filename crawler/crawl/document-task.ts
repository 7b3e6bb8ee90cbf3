// One document of the frontier (PDF, Word, Excel …, rules-jis/url.ts DOCUMENT_TYPES): documents are not
// audited, they are inventoried for the reports with their type, and, with checkDocuments on (the default),
// their status and size from a HEAD request (http-client.ts probe), so a broken document link is reported.
import { DOCUMENT_TYPES, documentTypeFromContentType, extensionOf } from '../../rules-jis/url.js';
import type { FrontierItem, Store } from '../store/store.js';
import type { HttpClient } from './http-client.js';

/** The type stored when neither the extension nor the content type tells it. */
const UNKNOWN_TYPE = '不明';

export interface DocumentTaskDeps {
  store: Store;
  runId: number;
  http: HttpClient;
  /** Probe each document (status, size, type); off: inventory it by its extension only. */
  checkDocuments: boolean;
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
    const type = DOCUMENT_TYPES[ext] ?? documentTypeFromContentType(r.contentType) ?? linkedType ?? (r.contentType?.split(';')[0] || UNKNOWN_TYPE);
    await store.results.saveDocument(runId, { url: item.url, type, contentType: r.contentType, size: r.size, status: r.status, error: r.error, checkedAt });
    if (r.error) await store.results.addError(runId, { url: item.url, code: r.error.code, message: r.error.message });
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
