// Gathers one page for the crawl: navigate, keep the response facts (status, type, size, hash of the
// HTML as served), audit with the shared engine (audit-page.ts), and collect links and navigation blocks
// for discovery and the site-level checks. Never throws: failures come back as `error`.
import { createHash } from 'node:crypto';
import type { HTTPResponse, Page, Protocol } from 'puppeteer';
import { tabSession } from './tab-setup.js';
import { auditLoaded, checkResponse, navigationError, PageAuditError } from './audit-page.js';
import { interactionAfterAudit, interactionBudgetMs, type InteractionSetting } from './interaction/after-audit.js';
import type { PageResult, PageError } from '../../rules-jis/types.js';

export interface RawLink {
  href: string;
  text: string;
  area: 'nav' | 'main';
}

export interface RawNavBlock {
  key: string;
  hrefs: string[];
}

export interface GatheredPage {
  url: string;
  finalUrl: string | null;
  status: number | null;
  contentType: string | null;
  bytes: number | null;
  contentHash: string | null;
  result: PageResult | null;
  /** The axe-core version that audited the page (set with `result`). */
  axeVersion?: string;
  error: PageError | null;
  links: RawLink[];
  nav: RawNavBlock[];
  durationMs: number;
  /** Validators of the served HTML and the stylesheets/scripts/frames the page uses (incremental audits). */
  etag?: string | null;
  lastModified?: string | null;
  assets?: string[];
  /** The tab crashed or hung so badly that the page (and maybe the browser) should not be reused. */
  pageBroken: boolean;
}

export interface GatherOptions {
  target: 'A' | 'AA';
  navigationTimeoutMs: number;
  auditTimeoutMs: number;
  maxPageBytes: number;
  /** Run the keyboard/interaction phase after the static audit (undefined: off). */
  interaction?: InteractionSetting;
}

/**
 * Runs in the page: links with a name and whether they sit in a navigation area, plus nav blocks.
 * Kept as source text: tsx/esbuild would otherwise wrap inner functions with a `__name` helper that does
 * not exist in the page.
 */
const COLLECT_IN_PAGE = `(() => {
  const name = (a) => {
    const label = a.getAttribute('aria-label');
    if (label && label.trim()) return label.trim();
    let t = a.innerText ?? a.textContent ?? '';
    if (!t.trim()) t = [...a.querySelectorAll('img[alt]')].map((i) => i.getAttribute('alt') ?? '').join(' ');
    if (!t.trim()) t = a.getAttribute('title') ?? '';
    return t.replace(/\\s+/g, ' ').trim().slice(0, 300);
  };
  const navSel = 'nav, [role="navigation"], header, footer, [role="banner"], [role="contentinfo"]';
  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    const href = a.href;
    if (!href || typeof href !== 'string') continue;
    links.push({ href, text: name(a), area: a.closest(navSel) ? 'nav' : 'main' });
  }
  const nav = [];
  const counts = new Map();
  for (const n of document.querySelectorAll('nav, [role="navigation"]')) {
    if (n.parentElement && n.parentElement.closest('nav, [role="navigation"]')) continue; // nested: part of the outer block
    let key = n.tagName.toLowerCase();
    if (n.id) key += '#' + n.id;
    const lb = n.getAttribute('aria-labelledby');
    const label = n.getAttribute('aria-label') ?? (lb ? (document.getElementById(lb)?.textContent ?? '') : '');
    if (label.trim()) key += '[' + label.trim() + ']';
    const i = (counts.get(key) ?? 0) + 1;
    counts.set(key, i);
    if (i > 1) key += ':' + i;
    nav.push({ key, hrefs: [...n.querySelectorAll('a[href]')].map((a) => a.href).filter((h) => typeof h === 'string') });
  }
  const assets = [];
  for (const e of document.querySelectorAll('link[rel~="stylesheet"][href], script[src], iframe[src], frame[src]')) {
    const u = e.href || e.src;
    if (typeof u === 'string' && u) assets.push(u);
  }
  return { links, nav, assets };
})()`;

export async function gatherPage(page: Page, url: string, opts: GatherOptions): Promise<GatheredPage> {
  const started = Date.now();
  const out: GatheredPage = {
    url,
    finalUrl: null,
    status: null,
    contentType: null,
    bytes: null,
    contentHash: null,
    result: null,
    error: null,
    links: [],
    nav: [],
    durationMs: 0,
    pageBroken: false,
  };
  let onCrash: (e: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    onCrash = (e) => reject(new PageAuditError('crashed', `${url} の表示中にタブが異常終了しました（メモリ不足やスクリプトの暴走の可能性）: ${e.message}`));
  });
  crashed.catch(() => {});
  page.once('error', onCrash);
  const hardLimit = opts.navigationTimeoutMs + opts.auditTimeoutMs + interactionBudgetMs(opts.interaction) + 5_000;
  let hardTimer: NodeJS.Timeout | undefined;
  const hard = new Promise<never>((_, reject) => {
    hardTimer = setTimeout(
      () => reject(new PageAuditError('timeout', `${url} の検査が ${Math.round(hardLimit / 1000)} 秒以内に終わりませんでした（ページが応答しません）。`)),
      hardLimit,
    );
  });
  hard.catch(() => {});
  try {
    await Promise.race([run(), crashed, hard]);
  } catch (err) {
    const e = err instanceof PageAuditError ? err : navigationError(url, err, opts.navigationTimeoutMs);
    out.error = { code: e.code, message: e.message };
    if (['crashed', 'timeout', 'audit-timeout', 'too-large'].includes(e.code)) out.pageBroken = true;
  } finally {
    clearTimeout(hardTimer);
    page.off('error', onCrash);
  }
  out.durationMs = Date.now() - started;
  return out;

  function tooLarge(bytes: number): PageAuditError {
    return new PageAuditError(
      'too-large',
      `${url} は ${(bytes / 1024 / 1024).toFixed(1)} MB あり、上限（${(opts.maxPageBytes / 1024 / 1024).toFixed(1)} MB）を超えるため検査しませんでした。ページを分割するか、上限（maxPageBytes）を見直してください。`,
    );
  }

  async function run(): Promise<void> {
    let response: HTTPResponse | null;
    // a page announced as too big is given up as soon as its headers arrive, before the browser lays it out
    let onResponse: (r: HTTPResponse) => void = () => {};
    let rejectTooBig: (bytes: number) => void = () => {};
    const tooBig = new Promise<never>((_, reject) => {
      let settled = false;
      rejectTooBig = (bytes) => {
        if (settled) return;
        settled = true;
        out.bytes = bytes;
        reject(tooLarge(bytes));
      };
      onResponse = (r) => {
        if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) {
          const len = Number(r.headers()['content-length'] ?? NaN);
          if (len > opts.maxPageBytes) {
            out.status = r.status();
            out.contentType = r.headers()['content-type'] ?? null;
            out.finalUrl = r.url();
            rejectTooBig(len);
          }
        }
      };
    });
    tooBig.catch(() => {});
    page.on('response', onResponse);
    // without Content-Length (chunked), count the bytes of the main document as they arrive (CDP Network events)
    const docs = new Set<string>();
    let received = 0;
    const cdp = await tabSession(page);
    const mainId = (page.mainFrame() as unknown as { _id?: string })._id; // internal, but stable across puppeteer 2x
    const onResponseReceived = (e: Protocol.Network.ResponseReceivedEvent) => {
      if (e.type === 'Document' && (!mainId || e.frameId === mainId)) {
        docs.add(e.requestId);
        out.status = e.response.status;
        out.contentType = e.response.headers['content-type'] ?? e.response.headers['Content-Type'] ?? e.response.mimeType;
      }
    };
    const onDataReceived = (e: Protocol.Network.DataReceivedEvent) => {
      if (!docs.has(e.requestId)) return;
      received += e.dataLength;
      if (received > opts.maxPageBytes) rejectTooBig(received);
    };
    cdp?.on('Network.responseReceived', onResponseReceived);
    cdp?.on('Network.dataReceived', onDataReceived);
    try {
      response = await Promise.race([page.goto(url, { waitUntil: 'load', timeout: opts.navigationTimeoutMs }), tooBig]);
    } catch (err) {
      if (err instanceof PageAuditError) throw err;
      throw navigationError(url, err, opts.navigationTimeoutMs);
    } finally {
      page.off('response', onResponse);
      cdp?.off('Network.responseReceived', onResponseReceived);
      cdp?.off('Network.dataReceived', onDataReceived);
    }
    if (response) {
      out.status = response.status();
      out.contentType = response.headers()['content-type'] ?? null;
      out.finalUrl = response.url();
      out.etag = response.headers()['etag'] ?? null;
      out.lastModified = response.headers()['last-modified'] ?? null;
    }
    checkResponse(url, response);
    const buf = await response!.buffer().catch(() => null);
    if (buf) {
      out.bytes = buf.length;
      out.contentHash = createHash('sha256').update(buf).digest('hex');
    }
    if (out.bytes != null && out.bytes > opts.maxPageBytes) throw tooLarge(out.bytes);
    const source = buf ? decodeHtml(buf, out.contentType) : undefined;
    ({ result: out.result, axeVersion: out.axeVersion } = await auditLoaded(page, source, {
      target: opts.target,
      auditTimeoutMs: opts.auditTimeoutMs,
      afterAudit: interactionAfterAudit(opts.interaction),
    }));
    const collected = (await page.evaluate(COLLECT_IN_PAGE)) as { links: RawLink[]; nav: RawNavBlock[]; assets?: string[] };
    out.links = collected.links;
    out.nav = collected.nav;
    out.assets = collected.assets ?? [];
  }
}

/** Decodes served HTML by its charset (Content-Type, then <meta charset>); Shift_JIS/EUC-JP pages are common on older CMSs. */
export function decodeHtml(buf: Buffer, contentType: string | null): string {
  let cs = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (!cs) cs = /<meta[^>]+charset=["']?([\w-]+)/i.exec(buf.subarray(0, 2048).toString('latin1'))?.[1];
  try {
    return new TextDecoder((cs ?? 'utf-8').toLowerCase()).decode(buf);
  } catch {
    return new TextDecoder('utf-8').decode(buf);
  }
}
