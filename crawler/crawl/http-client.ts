// Plain HTTP requests from Node (no browser): robots.txt, sitemaps, HEAD probes of documents and links, and
// the incremental audit's conditional requests (incremental.ts). They carry the same auth as the browser
// (headers, cookies, basic auth). `request` holds the crawl wing's one timeout: every request is aborted
// after `timeoutMs` with AbortSignal.timeout, which closes the connection too (browser work has its own
// limits in crawler/page/).
import type { AuthConfig } from './config.js';
import type { ErrorCode, PageError } from '../../rules-jis/types.js';

export interface HttpClientOptions {
  auth?: AuthConfig;
  userAgent?: string;
  timeoutMs?: number;
  /** Cookie header captured from the browser after a login script. */
  cookieHeader?: () => string | undefined;
}

export interface ProbeResult {
  status: number | null;
  contentType: string | null;
  size: number | null;
  finalUrl: string;
  error: PageError | null;
}

/** What a request may set besides the client's own headers. */
export interface RequestOptions {
  method?: 'GET' | 'HEAD';
  redirect: RequestRedirect;
  /** Added to (and overriding) the client's headers, e.g. If-None-Match. */
  headers?: Record<string, string>;
}

export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (compatible; jis-a11y/0.1; accessibility audit)';
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 10;

export class HttpClient {
  constructor(private opts: HttpClientOptions = {}) {}

  private headers(url: string): Record<string, string> {
    const h: Record<string, string> = { 'user-agent': this.opts.userAgent ?? DEFAULT_USER_AGENT, ...(this.opts.auth?.headers ?? {}) };
    const a = this.opts.auth;
    if (a?.basic) h.authorization = 'Basic ' + Buffer.from(`${a.basic.username}:${a.basic.password}`).toString('base64');
    const host = new URL(url).hostname;
    const cookies = (a?.cookies ?? []).filter((c) => !c.domain || host === c.domain.replace(/^\./, '') || host.endsWith('.' + c.domain.replace(/^\./, '')));
    const parts = cookies.map((c) => `${c.name}=${c.value}`);
    const extra = this.opts.cookieHeader?.();
    if (extra) parts.push(extra);
    if (parts.length) h.cookie = parts.join('; ');
    return h;
  }

  /** Every request of the crawl wing goes through here: the client's headers and its timeout. */
  request(url: string, opts: RequestOptions): Promise<Response> {
    return fetch(url, {
      method: opts.method,
      headers: { ...this.headers(url), ...opts.headers },
      redirect: opts.redirect,
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  }

  async getText(url: string): Promise<{ status: number; text: string } | null> {
    const res = await this.request(url, { redirect: 'follow' });
    return { status: res.status, text: await res.text() };
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
      if (res.status >= 400) out.error = { code: 'http-error', message: `${url} はエラー ${res.status} を返しました（リンク切れ）。` };
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
