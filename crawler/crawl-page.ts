// Gathers one page for the crawl: navigate, keep the response facts (status, type, size, hash of the
// HTML as served), audit with the shared engine (audit-page.ts), and collect links and navigation blocks
// for discovery and the site-level checks. Never throws: failures come back as `error`.
import { createHash } from 'node:crypto';
import type { HTTPResponse, Page } from 'puppeteer';
import { auditLoaded, checkResponse, navigationError, PageAuditError } from './audit-page.js';
import type { PageResult, PageError } from '../rules-jis/types.js';

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
  error: PageError | null;
  links: RawLink[];
  nav: RawNavBlock[];
  durationMs: number;
  /** The tab crashed or hung so badly that the page (and maybe the browser) should not be reused. */
  pageBroken: boolean;
}

export interface GatherOptions {
  target: 'A' | 'AA';
  navigationTimeoutMs: number;
  auditTimeoutMs: number;
  maxPageBytes: number;
}

/** Runs in the page: links with a name and whether they sit in a navigation area, plus nav blocks. */
function collectInPage(): { links: RawLink[]; nav: RawNavBlock[] } {
  const name = (a: Element): string => {
    const label = a.getAttribute('aria-label');
    if (label && label.trim()) return label.trim();
    let t = (a as HTMLElement).innerText ?? a.textContent ?? '';
    if (!t.trim()) t = [...a.querySelectorAll('img[alt]')].map((i) => i.getAttribute('alt') ?? '').join(' ');
    if (!t.trim()) t = a.getAttribute('title') ?? '';
    return t.replace(/\s+/g, ' ').trim().slice(0, 300);
  };
  const navSel = 'nav, [role="navigation"], header, footer, [role="banner"], [role="contentinfo"]';
  const links: RawLink[] = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    const href = (a as HTMLAnchorElement).href;
    if (!href) continue;
    links.push({ href, text: name(a), area: a.closest(navSel) ? 'nav' : 'main' });
  }
  const nav: RawNavBlock[] = [];
  const counts = new Map<string, number>();
  for (const n of document.querySelectorAll('nav, [role="navigation"]')) {
    if (n.parentElement?.closest('nav, [role="navigation"]')) continue; // nested: part of the outer block
    let key = n.tagName.toLowerCase();
    if (n.id) key += '#' + n.id;
    const label = n.getAttribute('aria-label') ?? (n.getAttribute('aria-labelledby') ? document.getElementById(n.getAttribute('aria-labelledby')!)?.textContent ?? '' : '');
    if (label.trim()) key += `[${label.trim()}]`;
    const i = (counts.get(key) ?? 0) + 1;
    counts.set(key, i);
    if (i > 1) key += `:${i}`;
    nav.push({ key, hrefs: [...n.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href) });
  }
  return { links, nav };
}

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
  const hardLimit = opts.navigationTimeoutMs + opts.auditTimeoutMs + 15_000;
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
    if (['crashed', 'timeout', 'audit-timeout'].includes(e.code)) out.pageBroken = true;
  } finally {
    clearTimeout(hardTimer);
    page.off('error', onCrash);
  }
  out.durationMs = Date.now() - started;
  return out;

  async function run(): Promise<void> {
    let response: HTTPResponse | null;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: opts.navigationTimeoutMs });
    } catch (err) {
      throw navigationError(url, err, opts.navigationTimeoutMs);
    }
    if (response) {
      out.status = response.status();
      out.contentType = response.headers()['content-type'] ?? null;
      out.finalUrl = response.url();
    }
    checkResponse(url, response);
    const buf = await response!.buffer().catch(() => null);
    if (buf) {
      out.bytes = buf.length;
      out.contentHash = createHash('sha256').update(buf).digest('hex');
    }
    if (out.bytes != null && out.bytes > opts.maxPageBytes) {
      throw new PageAuditError(
        'too-large',
        `${url} は ${(out.bytes / 1024 / 1024).toFixed(1)} MB あり、上限（${(opts.maxPageBytes / 1024 / 1024).toFixed(1)} MB）を超えるため検査しませんでした。ページを分割してください。`,
      );
    }
    const source = buf ? decodeHtml(buf, out.contentType) : undefined;
    out.result = await auditLoaded(page, source, { target: opts.target, auditTimeoutMs: opts.auditTimeoutMs });
    const collected = await page.evaluate(collectInPage);
    out.links = collected.links;
    out.nav = collected.nav;
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
