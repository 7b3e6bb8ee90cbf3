// `jis-a11y check` on a PDF or Office file (a local path, or an http(s) URL): the same document checks as the
// crawl (crawler/page/documents/check-document.ts; a URL is fetched like the crawl fetches documents, streamed
// under the size limit), given back as a PageResult so the text and JSON output, and the exit code, work as
// for a page: the document's findings, and per criterion fail / review / untested (never pass: the checks
// cover only part of what a criterion asks of a document).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fetchDocument } from '../crawl/document-fetch.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../crawl/document-task.js';
import { HttpClient } from '../crawl/http-client.js';
import { checkDocument } from '../page/documents/check-document.js';
import { tooLargeMessage } from '../page/page-limits.js';
import { documentAuditedPage } from '../page/documents/document-result.js';
import { errorAuditedPage, type AuditedPage } from '../../rules-jis/result.js';
import type { Target } from '../../rules-jis/types.js';

/** Names the document checks read: `check` sends these to the document checks instead of the browser. */
export { DOCUMENT_FILE } from '../page/documents/document-result.js';

export interface DocumentCheckOptions {
  target: Target;
  timeoutMs: number;
  maxBytes?: number;
}

/** A local file or a URL, checked; an error result (not a throw) when it cannot be read. */
export async function checkDocumentTarget(t: string, o: DocumentCheckOptions): Promise<AuditedPage> {
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const isUrl = /^https?:\/\//i.test(t);
  const url = isUrl ? t : `file://${path.resolve(t)}`;
  let bytes: Buffer;
  let contentType: string | null = null;
  if (isUrl) {
    const f = await fetchDocument(new HttpClient({ timeoutMs: o.timeoutMs }), t, { maxBytes });
    if (f.error || !f.bytes) return errorAuditedPage(url, f.error ?? { code: 'unreachable', message: `${t} を取得できません。` });
    bytes = f.bytes;
    contentType = f.contentType;
  } else {
    const size = statSync(t).size;
    if (size > maxBytes) return errorAuditedPage(url, { code: 'too-large', message: tooLargeMessage(t, maxBytes, size) });
    bytes = readFileSync(t);
  }
  const r = await checkDocument(bytes, { name: t, contentType, timeoutMs: Math.max(o.timeoutMs, 60_000) });
  return documentAuditedPage(url, t, r, o.target);
}
