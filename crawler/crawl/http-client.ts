// Plain HTTP requests from Node (no browser): robots.txt, sitemaps, HEAD probes of documents and links, and
// the incremental audit's conditional requests (incremental.ts). They carry the crawl's credentials (headers,
// cookies, basic auth, the login script's session) to the crawl's own origins only (crawler/page/credentials.ts),
// and follow redirects by hand so that each hop gets the credentials of its own origin: a redirect to another
// origin never carries them. `request` holds the crawl wing's one timeout: every request is aborted after
// `timeoutMs` with AbortSignal.timeout, which closes the connection too (browser work has its own limits in
// crawler/page/).
import type { Credentials } from '../page/credentials.js';
import type { ErrorCode, PageError } from '../../rules-jis/types.js';

export interface HttpClientOptions {
  /** The crawl's credentials and origins; without them no request carries any. */
  credentials?: Credentials;
  userAgent?: string;
  timeoutMs?: number;
  /** Cookie header captured from the browser after a login script (sent to the crawl's origins only). */
  cookieHeader?: () => string | undefined;
}

export interface ProbeResult {
  status: number | null;
  contentType: string | null;
  size: number | null;
  finalUrl: string;
  error: PageError | null;
  /** The Retry-After header of an error answer (429/503), when it has one. */
  retryAfter?: string | null;
}

/** What a request may set besides the client's own headers. */
export interface RequestOptions {
  method?: 'GET' | 'HEAD';
  /** follow: redirects followed here, hop by hop (each hop with its own origin's credentials); manual: the 3xx itself. */
  redirect: 'follow' | 'manual';
  /** Added to (and overriding) the client's headers, e.g. If-None-Match. */
  headers?: Record<string, string>;
}

export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (compatible; jis-a11y/0.1; accessibility audit)';
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 10;
/** robots.txt and other small texts: read up to this many bytes (Google reads 500 KiB of a robots.txt). */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** A status that asks us to come back later is no broken link. */
export const TRANSIENT_CAUSE: Record<number, string> = {
  429: 'アクセスが多すぎるため、サーバーが間隔を空けるよう求めています',
  502: 'サーバーが一時的に応答できません',
  503: 'サーバーが一時的に応答できません',
  504: 'サーバーが時間内に応答できませんでした',
};

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304;

export class HttpClient {
  constructor(private opts: HttpClientOptions = {}) {}

  /** The headers of one hop: the user agent for everyone, the credentials only for the crawl's origins. */
  private headers(url: string): Record<string, string> {
    const h: Record<string, string> = { 'user-agent': this.opts.userAgent ?? DEFAULT_USER_AGENT };
    const creds = this.opts.credentials;
    if (!creds?.allows(url)) return h;
    return { ...h, ...creds.headersFor(url, this.opts.cookieHeader?.() || undefined) };
  }

  /** One request without following redirects. */
  private once(url: string, opts: RequestOptions): Promise<Response> {
    return fetch(url, {
      method: opts.method,
      headers: { ...this.headers(url), ...opts.headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  }

  /**
   * Every request of the crawl wing goes through here: the client's headers and its timeout. With
   * `redirect: 'follow'`, each hop is a new request with the headers of its own origin; the response's `url`
   * is then the last hop's. Throws after MAX_REDIRECTS hops.
   */
  async request(url: string, opts: RequestOptions): Promise<Response> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await this.once(current, opts);
      const location = res.headers.get('location');
      if (opts.redirect === 'manual' || !isRedirect(res.status) || !location) return hop ? withUrl(res, current) : res;
      res.body?.cancel().catch(() => {});
      current = new URL(location, current).href;
    }
    throw new Error(`${url} のリダイレクトが ${MAX_REDIRECTS} 回を超えました（転送のループ）。`);
  }

  /** A small text (robots.txt): at most MAX_TEXT_BYTES are read, the rest is left unread. */
  async getText(url: string, maxBytes = MAX_TEXT_BYTES): Promise<{ status: number; text: string } | null> {
    const res = await this.request(url, { redirect: 'follow' });
    return { status: res.status, text: await readCapped(res, maxBytes) };
  }

  /**
   * HEAD (GET when HEAD is refused) with redirects followed by hand, so a loop is reported as such.
   * Never throws: network problems come back as `error`.
   */
  async probe(url: string): Promise<ProbeResult> {
    let current = url;
    const seen = new Set<string>();
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (seen.has(current)) return fail(url, null, 'redirect-loop', `${url} はリダイレクトを繰り返しています（転送のループ）。`);
      seen.add(current);
      let res: Response;
      try {
        res = await this.hop(current);
        if (res.status === 405 || res.status === 501) res = await this.hop(current, 'GET');
      } catch (e) {
        const m = (e as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
        return fail(url, null, m, m === 'timeout' ? `${url} から時間内に応答がありませんでした。` : `${url} に接続できません（${(e as Error).message}）。`);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        current = new URL(res.headers.get('location')!, current).href;
        continue;
      }
      const len = res.headers.get('content-length');
      const out: ProbeResult = {
        status: res.status,
        contentType: res.headers.get('content-type'),
        size: len != null && /^\d+$/.test(len) ? Number(len) : null,
        finalUrl: current,
        error: null,
      };
      if (res.status >= 400) {
        out.retryAfter = res.headers.get('retry-after');
        out.error = { code: 'http-error', message: `${url} はエラー ${res.status} を返しました（${TRANSIENT_CAUSE[res.status] ?? 'リンク切れ'}）。` };
      }
      return out;
    }
    return fail(url, null, 'redirect-loop', `${url} のリダイレクトが ${MAX_REDIRECTS} 回を超えました（転送のループ）。`);
  }

  /** One hop of a probe: the status and headers only (the body of a GET is not read). */
  private async hop(url: string, method: 'HEAD' | 'GET' = 'HEAD'): Promise<Response> {
    const res = await this.request(url, { method, redirect: 'manual' });
    if (method === 'GET') res.body?.cancel().catch(() => {});
    return res;
  }
}

function fail(url: string, status: number | null, code: ErrorCode, message: string): ProbeResult {
  return { status, contentType: null, size: null, finalUrl: url, error: { code, message } };
}

/** The response as if fetched from `url` (Response.url is read-only and empty for a hand-followed hop). */
function withUrl(res: Response, url: string): Response {
  Object.defineProperty(res, 'url', { value: url });
  return res;
}

/** The body as UTF-8 text, cut after `maxBytes` bytes. */
async function readCapped(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return '';
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    n += chunk.byteLength;
    if (n >= maxBytes) break; // leaving the loop cancels the rest of the body
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, maxBytes));
}
