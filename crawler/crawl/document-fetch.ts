// Downloading one document for the document checks: through the crawl's HTTP client (its credentials for the
// crawl's own origins, its time limit on the whole transfer, redirects hop by hop), conditional on the previous
// run's validators (a 304 is "unchanged"), and streamed with a size limit: a Content-Length over the limit is
// refused before any byte is read, and a body that grows past it is cut off there, so no document is ever held
// in memory beyond maxDocumentBytes.
import type { PageError } from '../../rules-jis/types.js';
import { TRANSIENT_CAUSE, type HttpClient } from './http-client.js';
import { CRAWL_MESSAGES_JA as M } from './messages-ja.js';

export interface FetchedDocument {
  status: number | null;
  contentType: string | null;
  /** Bytes: the Content-Length, or what was read. */
  size: number | null;
  etag: string | null;
  lastModified: string | null;
  /** The body, when it was read whole (status 200, within the limit). */
  bytes?: Buffer;
  /** 304 to the conditional request: the previous run's copy is current. */
  notModified?: boolean;
  retryAfter?: string | null;
  error?: PageError;
}

export interface FetchOptions {
  maxBytes: number;
  /** The previous run's validators of this URL. */
  known?: { etag: string | null; lastModified: string | null } | null;
  /** manual: a 3xx comes back as it is (the service's pre-publish check leaves redirects to its network fence). */
  redirect?: 'follow' | 'manual';
}

/** Never throws: network trouble comes back as `error`. */
export async function fetchDocument(http: HttpClient, url: string, opts: FetchOptions): Promise<FetchedDocument> {
  const headers: Record<string, string> = {};
  if (opts.known?.etag) headers['if-none-match'] = opts.known.etag;
  else if (opts.known?.lastModified) headers['if-modified-since'] = opts.known.lastModified;
  let res: Response;
  try {
    res = await http.request(url, { headers, redirect: opts.redirect ?? 'follow' });
  } catch (e) {
    return failed(e, url);
  }
  const len = res.headers.get('content-length');
  const out: FetchedDocument = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    size: len != null && /^\d+$/.test(len) ? Number(len) : null,
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
  };
  if (res.status === 304) return (cancel(res), { ...out, notModified: true });
  if (opts.redirect === 'manual' && res.status >= 300 && res.status < 400) return (cancel(res), out);
  if (res.status >= 400) {
    cancel(res);
    return { ...out, retryAfter: res.headers.get('retry-after'), error: { code: 'http-error', message: `${url} はエラー ${res.status} を返しました（${TRANSIENT_CAUSE[res.status] ?? 'リンク切れ'}）。` } };
  }
  if (out.size != null && out.size > opts.maxBytes) return (cancel(res), { ...out, error: { code: 'too-large', message: M.documentTooLarge(url, opts.maxBytes, out.size) } });
  try {
    const bytes = await readWithin(res, opts.maxBytes);
    if (!bytes) return { ...out, error: { code: 'too-large', message: M.documentTooLarge(url, opts.maxBytes) } };
    return { ...out, size: out.size ?? bytes.length, bytes };
  } catch (e) {
    return { ...out, error: failed(e, url).error }; // it answered: the status stays, the body did not come
  }
}

/** The body, or null as soon as it passes `maxBytes` (the rest is not read: leaving the loop cancels it). */
async function readWithin(res: Response, maxBytes: number): Promise<Buffer | null> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    n += chunk.byteLength;
    if (n > maxBytes) return null;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, n);
}

function cancel(res: Response): void {
  res.body?.cancel().catch(() => {});
}

function failed(e: unknown, url: string): FetchedDocument {
  const timeout = (e as Error).name === 'TimeoutError';
  return {
    status: null, contentType: null, size: null, etag: null, lastModified: null,
    error: timeout ? { code: 'timeout', message: M.documentTimeout(url) } : { code: 'unreachable', message: M.documentUnreachable(url, (e as Error).message) },
  };
}
