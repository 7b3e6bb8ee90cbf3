// Renders an untrusted page with its network fenced, then runs the shared one-page audit on it.
// HTML mode: the main document request for base-url is answered with the submitted HTML (so relative CSS
// and images resolve against the CMS); URL mode: the page is fetched from an allowed origin.
// Either way only the allowed origins may be fetched, every other request (other hosts, file:, ftp:, …)
// is refused, main-frame navigations after the first are refused, dialogs are dismissed and popups fail,
// and WebRTC is gone from every frame and worker (no-webrtc.ts). Below this, the sandbox browser's network
// namespace and egress proxy (egress/) hold whatever request interception does not see (WebSockets, UDP);
// the proxy's refusals for this context join the interception's in `refused`.
// The caller owns the browser context and the deadline (crawler/service/sandbox-pool.ts): a busy loop is
// ended by discarding the context, not here.
import type { BrowserContext, HTTPRequest, HTTPResponse, Page } from 'puppeteer';
import { auditLoaded, checkResponse, navigationError, PageAuditError } from '../page/audit-page.js';
import type { PageResult } from '../../rules-jis/types.js';
import { noWebRtc } from './no-webrtc.js';
import { egressRefusals } from './sandbox.js';

export type FenceTarget = { kind: 'html'; html: string; baseUrl: string } | { kind: 'url'; url: string };

export interface FenceOptions {
  /** Origins subresources may come from ("https://www.pref.example.jp"). */
  allowedOrigins: string[];
  target?: 'A' | 'AA';
  navigationTimeoutMs?: number;
  auditTimeoutMs?: number;
}

export interface FencedAudit {
  result: PageResult;
  /** The HTML audited (as submitted, or as served). */
  source: string | undefined;
  /** Requests refused by the fence (first 50), for the verdict's diagnostics. */
  refused: string[];
  /** Dialogs (alert/confirm/prompt) the page opened and that were dismissed. */
  dialogs: number;
}

/** Normalises "https://host:443/path" → "https://host"; throws on anything but http(s). */
export function originOf(u: string): string {
  const url = new URL(u);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`http(s) ではありません: ${u}`);
  return url.origin;
}

// Runs before any page script: window.open returns null and cannot be put back.
const NO_POPUPS = `(() => {
  const no = function () { return null; };
  for (const w of [window]) {
    try { Object.defineProperty(w, 'open', { value: no, writable: false, configurable: false }); } catch (e) {}
  }
})();`;

export async function auditFenced(context: BrowserContext, target: FenceTarget, opts: FenceOptions): Promise<FencedAudit> {
  const allowed = new Set(opts.allowedOrigins.map(originOf));
  const navTimeout = opts.navigationTimeoutMs ?? 20_000;
  const startUrl = target.kind === 'html' ? target.baseUrl : target.url;
  const startOrigin = originOf(startUrl);
  if (!allowed.has(startOrigin)) throw new PageAuditError('origin-not-allowed', `${startOrigin} は検査を許可されたオリジンではありません（許可: ${[...allowed].join(', ') || 'なし'}）。`);

  const refused: string[] = [];
  let dialogs = 0;
  let firstNav: HTTPRequest | null = null;
  const page: Page = await context.newPage();

  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss().catch(() => {});
  });
  await page.evaluateOnNewDocument(NO_POPUPS);
  await noWebRtc(page);
  await page.setRequestInterception(true);

  const refuse = (req: HTTPRequest) => {
    if (refused.length < 50) refused.push(req.url().slice(0, 300));
    void req.abort('blockedbyclient').catch(() => {});
  };
  const csp = `connect-src ${[...allowed].join(' ')}; form-action 'none'`;

  page.on('request', (req) => {
    const url = req.url();
    if (/^(data|blob):/i.test(url)) return void req.continue().catch(() => {});
    let origin: string;
    try {
      origin = originOf(url);
    } catch {
      return refuse(req); // file:, ftp:, chrome:, … never
    }
    const isMainNav = req.isNavigationRequest() && req.frame() === page.mainFrame();
    if (isMainNav) {
      // Only the first main-frame navigation (and, for a URL, its redirects) is allowed: a page that
      // navigates itself away would have another page audited in its name.
      const chain = req.redirectChain();
      const isFirst = firstNav === null && chain.length === 0;
      const isRedirectOfFirst = firstNav !== null && chain.length > 0 && chain[0] === firstNav && target.kind === 'url';
      if (!(isFirst || isRedirectOfFirst) || !allowed.has(origin)) {
        // Aborting a main-frame navigation would commit Chrome's error page in place of the page under
        // audit; a 204 answer makes the browser stay where it is, and nothing leaves the machine.
        if (isFirst || isRedirectOfFirst) return refuse(req);
        if (refused.length < 50) refused.push(url.slice(0, 300));
        return void req.respond({ status: 204, body: '' }).catch(() => {});
      }
      if (isFirst) firstNav = req;
      if (target.kind === 'html') {
        return void req
          .respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': csp }, body: Buffer.from(target.html, 'utf8') })
          .catch(() => {});
      }
      return void req.continue().catch(() => {});
    }
    if (!allowed.has(origin)) return refuse(req);
    return void req.continue().catch(() => {});
  });

  let onCrash: (e: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    onCrash = (e) => reject(new PageAuditError('crashed', `ページの表示中にタブが異常終了しました（メモリ不足やスクリプトの暴走の可能性）: ${e.message}`));
  });
  crashed.catch(() => {});
  page.once('error', onCrash);

  const run = async (): Promise<{ result: PageResult; source: string | undefined }> => {
    let response: HTTPResponse | null;
    try {
      response = await page.goto(startUrl, { waitUntil: 'load', timeout: navTimeout });
    } catch (err) {
      throw navigationError(startUrl, err, navTimeout);
    }
    checkResponse(startUrl, response);
    const source = target.kind === 'html' ? target.html : await response!.text().catch(() => undefined);
    const { result } = await auditLoaded(page, source, { target: opts.target ?? 'AA', auditTimeoutMs: opts.auditTimeoutMs ?? 30_000, responseHeaders: response!.headers() });
    return { result, source };
  };
  const { result, source } = await Promise.race([run(), crashed]);
  return { result, source, refused: [...refused, ...egressRefusals(context)].slice(0, 50), dialogs };
}
