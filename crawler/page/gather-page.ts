// Gathers one page for the crawl: navigate, keep the response facts (status, type, size, hash of the
// HTML as served), audit with the shared engine (audit-page.ts), and collect links and navigation blocks
// for discovery and the site-level checks (rules-jis/page/collect.ts, in the bundle). Never throws:
// failures come back as `error`; a crashed or hung tab is caught by page-guard.ts, as in `check`.
import { createHash } from 'node:crypto';
import type { HTTPResponse, Page } from 'puppeteer';
import { watchPageSize } from './size-watch.js';
import { guardPage, hardLimitMs } from './page-guard.js';
import { tooLargeMessage } from './page-limits.js';
import { ensureBundle } from './inject.js';
import { callBundle, inFinalDocument } from './final-document.js';
import { auditLoaded, checkResponse, navigationError, PageAuditError } from './audit-page.js';
import { interactionAfterAudit, interactionBudgetMs, type InteractionSetting } from './interaction/after-audit.js';
import { templateKeys, type TemplateKeys } from './interaction/sampling.js';
import type { PageResult, PageError } from '../../rules-jis/types.js';
import type { RawLink, RawNavBlock } from '../../rules-jis/page/collect.js';

export type { RawLink, RawNavBlock } from '../../rules-jis/page/collect.js';

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
  /** The template and widget-set hashes (crawler/page/interaction/sampling.ts); undefined when unread. */
  template?: TemplateKeys;
  durationMs: number;
  /** Validators of the served HTML and the stylesheets/scripts/frames the page uses (incremental audits). */
  etag?: string | null;
  lastModified?: string | null;
  assets?: string[];
  /** The Retry-After header of the main response (a 429 or 503 asking us to come back later). */
  retryAfter?: string | null;
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

const BROKEN: readonly string[] = ['crashed', 'timeout', 'audit-timeout', 'too-large'];

export async function gatherPage(page: Page, url: string, opts: GatherOptions): Promise<GatheredPage> {
  const started = Date.now();
  const out: GatheredPage = { url, finalUrl: null, status: null, contentType: null, bytes: null, contentHash: null, result: null, error: null, links: [], nav: [], durationMs: 0, pageBroken: false };
  const hardLimit = hardLimitMs(opts.navigationTimeoutMs, opts.auditTimeoutMs, interactionBudgetMs(opts.interaction));
  try {
    await guardPage(page, url, hardLimit, () => loadAndAudit(page, url, opts, out));
  } catch (err) {
    const e = err instanceof PageAuditError ? err : navigationError(url, err, opts.navigationTimeoutMs);
    out.error = { code: e.code, message: e.message };
    out.pageBroken = BROKEN.includes(e.code);
  }
  out.durationMs = Date.now() - started;
  return out;
}

function tooLargeError(url: string, maxPageBytes: number): (bytes: number) => PageAuditError {
  return (bytes) => new PageAuditError('too-large', tooLargeMessage(url, maxPageBytes, bytes, 'maxPageBytes'));
}

/** Navigates, giving the page up as soon as it is known to be too big; keeps the response's facts in `out`. */
async function navigate(page: Page, url: string, opts: GatherOptions, out: GatheredPage): Promise<HTTPResponse | null> {
  const watch = await watchPageSize(page, opts.maxPageBytes, out, tooLargeError(url, opts.maxPageBytes));
  try {
    return await Promise.race([page.goto(url, { waitUntil: 'load', timeout: opts.navigationTimeoutMs }), watch.tooBig]);
  } catch (err) {
    throw navigationError(url, err, opts.navigationTimeoutMs);
  } finally {
    watch.stop();
  }
}

/** The response's validators, and the served HTML's size and hash. */
async function keepResponseFacts(response: HTTPResponse, out: GatheredPage): Promise<Buffer | null> {
  out.status = response.status();
  out.contentType = response.headers()['content-type'] ?? null;
  out.finalUrl = response.url();
  out.etag = response.headers()['etag'] ?? null;
  out.lastModified = response.headers()['last-modified'] ?? null;
  const buf = await response.buffer().catch(() => null);
  if (buf) {
    out.bytes = buf.length;
    out.contentHash = createHash('sha256').update(buf).digest('hex');
  }
  return buf;
}

async function loadAndAudit(page: Page, url: string, opts: GatherOptions, out: GatheredPage): Promise<void> {
  const response = await navigate(page, url, opts, out);
  if (response) {
    // kept for an error too: the crawl's retry policy reads the status and Retry-After of a 429/503
    out.status = response.status();
    out.retryAfter = response.headers()['retry-after'] ?? null;
  }
  checkResponse(url, response);
  const buf = await keepResponseFacts(response!, out);
  if (out.bytes != null && out.bytes > opts.maxPageBytes) throw tooLargeError(url, opts.maxPageBytes)(out.bytes);
  const source = buf ? decodeHtml(buf, out.contentType) : undefined;
  const interaction = interactionAfterAudit(opts.interaction);
  ({ result: out.result, axeVersion: out.axeVersion } = await auditLoaded(page, source, {
    target: opts.target,
    auditTimeoutMs: opts.auditTimeoutMs,
    responseHeaders: response!.headers(),
    afterAudit: async (p) => {
      // the template is read before the keyboard phase opens menus and moves focus
      out.template = await templateKeys(p).catch(() => undefined);
      return interaction ? interaction(p, out.template) : { findings: [], ruleStats: [] };
    },
  }));
  // the keyboard phase may have had to restore the document, or the page moved on: the collector comes with the bundle
  const { value: collected } = await inFinalDocument(page, async () => {
    await ensureBundle(page.mainFrame());
    return callBundle(page, 'collect');
  });
  out.links = collected.links;
  out.nav = collected.nav;
  out.assets = collected.assets;
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
