// One page's audit: gather (browser) → judge (the pure result builder, rules-jis/result.ts). The crawler,
// `check` and the hook all use it.
import type { HTTPResponse, Page } from 'puppeteer';
import { auditedPage, errorAuditedPage, type AuditedPage, type ExtraFindings } from '../../rules-jis/result.js';
import type { InPageOutput } from '../../rules-jis/types.js';
import { ensureBundleEverywhere } from './inject.js';
import { callBundle, inFinalDocument } from './final-document.js';
import { withDeadline } from './deadline.js';
import { withSourceFindings } from '../../rules-jis/source/merge.js';
import { refreshHeaderFindings } from '../../rules-jis/source/refresh-header.js';
import { PageAuditError } from './page-error.js';
import { guardPage, hardLimitMs } from './page-guard.js';
import { watchPageSize } from './size-watch.js';
import { tooLargeMessage } from './page-limits.js';

export interface AuditOptions {
  target?: 'A' | 'AA';
  navigationTimeoutMs?: number;
  auditTimeoutMs?: number;
  /** Extra phase run after the static audit on the same page (e.g. keyboard interaction checks). */
  afterAudit?: (page: Page) => Promise<ExtraFindings>;
  /** The longest `afterAudit` may take, for the page's hard limit (default 60 s when afterAudit is set). */
  afterAuditBudgetMs?: number;
  /** auditUrl: a page whose HTML is larger is not audited (too-large); no limit when undefined. */
  maxPageBytes?: number;
  /** auditLoaded: the navigation response's headers (a `Refresh` header is judged as meta refresh is, 2.2.1). */
  responseHeaders?: Record<string, string>;
}

export { PageAuditError };

export const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** What an HTTP error status says, where it is not "missing or broken" (the crawl retries these later). */
const HTTP_ERROR_CAUSES: Record<number, string> = {
  429: 'アクセスが多すぎるため、サーバーが間隔を空けるよう求めています',
  502: 'サーバーが一時的に応答できません（ゲートウェイの障害）',
  503: 'サーバーが一時的に応答できません（混雑か保守）',
  504: 'サーバーが時間内に応答できませんでした（ゲートウェイのタイムアウト）',
};

/**
 * Makes sure every frame of the loaded page has the bundle (inject.ts), runs it in the main frame, and adds
 * the 4.1.1 source check, which runs here in Node on the HTML as served. A page that replaces its document
 * after load (Refresh: 0, location.replace) is audited where it ends (final-document.ts); the served HTML is
 * then another page's, so the source check is left out rather than run on the wrong page.
 */
export async function runBundle(page: Page, source: string | undefined, timeoutMs = 60_000): Promise<InPageOutput> {
  const { value: output, moved } = await inFinalDocument(page, async () => {
    await ensureBundleEverywhere(page);
    return withDeadline(
      callBundle(page, 'run'),
      timeoutMs,
      () => new PageAuditError('audit-timeout', `検査が ${Math.round(timeoutMs / 1000)} 秒以内に終わりませんでした（ページが重いか、スクリプトが止まっていません）。`),
    );
  });
  return typeof source === 'string' && !moved ? { ...output, ...withSourceFindings(output, source) } : output;
}

/** Classifies a navigation response; throws PageAuditError for pages that cannot be audited. */
export function checkResponse(url: string, response: HTTPResponse | null): void {
  if (!response) throw new PageAuditError('unreachable', `${url} から応答がありませんでした。`);
  const status = response.status();
  if (status >= 400) throw new PageAuditError('http-error', `${url} はエラー ${status} を返しました（${HTTP_ERROR_CAUSES[status] ?? 'ページが存在しないか、サーバーの障害です'}）。`);
  const type = response.headers()['content-type'] ?? '';
  if (type && !HTML_TYPES.test(type)) throw new PageAuditError('not-html', `${url} は HTML ではありません（${type.split(';')[0]}）。HTML のページだけを検査できます。`);
}

/** Japanese message for a navigation failure thrown by puppeteer. */
export function navigationError(url: string, err: unknown, timeoutMs: number): PageAuditError {
  if (err instanceof PageAuditError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  if (/ERR_TOO_MANY_REDIRECTS/.test(msg)) return new PageAuditError('redirect-loop', `${url} はリダイレクトを繰り返しています（転送のループ）。`);
  if (/timeout/i.test(msg)) return new PageAuditError('timeout', `${url} の読み込みが ${Math.round(timeoutMs / 1000)} 秒以内に終わりませんでした。`);
  if (/ERR_CONNECTION_REFUSED|ERR_UNSAFE_PORT|ERR_NAME_NOT_RESOLVED|ERR_ADDRESS_UNREACHABLE|ERR_CONNECTION_RESET|ERR_INTERNET_DISCONNECTED/.test(msg))
    return new PageAuditError('unreachable', `${url} に接続できません（${msg.split(' at ')[0]}）。URL とサーバーの状態を確認してください。`);
  if (/crash|Target closed|detached/i.test(msg)) return new PageAuditError('crashed', `${url} の読み込み中にタブが異常終了しました。`);
  if (/ERR_ABORTED/.test(msg)) return new PageAuditError('not-html', `${url} はブラウザで表示できる HTML ではありません（ダウンロードされるファイルの可能性があります）。`);
  return new PageAuditError('navigation-failed', `${url} を開けませんでした: ${msg}`);
}

/**
 * auditUrl's hard limit for the whole page: loading, the audit, the after-audit phase, and 5 s for the
 * steps between. Past it, or when the tab crashes, the page is an error result (page-guard.ts).
 */
export function pageHardLimitMs(opts: AuditOptions): number {
  const afterAudit = opts.afterAudit ? (opts.afterAuditBudgetMs ?? 60_000) : 0;
  return hardLimitMs(opts.navigationTimeoutMs ?? 30_000, opts.auditTimeoutMs ?? 60_000, afterAudit);
}

/**
 * Navigate to a URL and audit it. Errors become a result with `error`, never a throw, and never a hang:
 * a crashed tab is 'crashed', a page past pageHardLimitMs is 'timeout'.
 */
export async function auditUrl(page: Page, url: string, opts: AuditOptions = {}): Promise<AuditedPage> {
  const navTimeout = opts.navigationTimeoutMs ?? 30_000;
  try {
    return await guardPage(page, url, pageHardLimitMs(opts), () => loadAndAudit(page, url, opts));
  } catch (err) {
    const e = err instanceof PageAuditError ? err : navigationError(url, err, navTimeout);
    return errorAuditedPage(url, { code: e.code, message: e.message });
  }
}

/**
 * Navigates, giving the page up as soon as it is known to be larger than opts.maxPageBytes: by its
 * Content-Length, or by the bytes counted as they arrive (size-watch.ts), before the browser lays it out.
 * (The body DevTools returns later is re-encoded text, not the bytes on the wire: not a size to judge.)
 */
async function navigate(page: Page, url: string, opts: AuditOptions): Promise<HTTPResponse | null> {
  const navTimeout = opts.navigationTimeoutMs ?? 30_000;
  const max = opts.maxPageBytes;
  const facts = { status: null, contentType: null, finalUrl: null, bytes: null };
  const watch = max ? await watchPageSize(page, max, facts, (bytes) => new PageAuditError('too-large', tooLargeMessage(url, max, bytes))) : null;
  try {
    const loading = page.goto(url, { waitUntil: 'load', timeout: navTimeout });
    return await (watch ? Promise.race([loading, watch.tooBig]) : loading);
  } catch (err) {
    throw navigationError(url, err, navTimeout);
  } finally {
    watch?.stop();
  }
}

async function loadAndAudit(page: Page, url: string, opts: AuditOptions): Promise<AuditedPage> {
  const response = await navigate(page, url, opts);
  checkResponse(url, response);
  // DevTools gives an HTML body as the text the browser decoded by its charset (header, BOM or meta), as
  // UTF-8: a Shift_JIS page arrives here already decoded, and decoding it again would garble it
  const source = await response!.text().catch(() => undefined);
  return await auditLoaded(page, source, { ...opts, responseHeaders: response!.headers() });
}

/** Audit the page already loaded in `page`, given the HTML as served. */
export async function auditLoaded(page: Page, source: string | undefined, opts: AuditOptions = {}): Promise<AuditedPage> {
  const output = withHeaderFindings(await runBundle(page, source, opts.auditTimeoutMs), opts.responseHeaders);
  const extra = opts.afterAudit ? await opts.afterAudit(page) : null;
  return auditedPage(output, { extra, target: opts.target ?? 'AA' });
}

/** Adds what the response headers show (a delayed `Refresh`: rules-jis/source/refresh-header.ts) to the page's findings. */
function withHeaderFindings(output: InPageOutput, headers: Record<string, string> | undefined): InPageOutput {
  const header = refreshHeaderFindings(headers);
  if (!header.ruleStats.length) return output;
  return { ...output, findings: [...output.findings, ...header.findings], ruleStats: [...output.ruleStats, ...header.ruleStats] };
}
