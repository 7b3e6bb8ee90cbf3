// `jis-a11y check <url-or-file>...`: audit single pages and print or write the result.
// Every page is checked under hard limits (crawler/page/page-guard.ts via auditUrl): a page that crashes its
// renderer or never stops running script becomes an error result, the next page is still checked, and the
// command exits 2. Files are read as bytes first: larger than --max-page-bytes is too-large, bytes that are
// not text are not-html, and an HTML file is served with the charset a browser sniffs from it.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import type { Command } from 'commander';
import { launchBrowser } from '../page/browser.js';
import { auditUrl } from '../page/audit-page.js';
import { closePage } from '../page/page-guard.js';
import { decodeHtmlBytes, HtmlBytesError } from '../page/html-bytes.js';
import { tooLargeMessage } from '../page/page-limits.js';
import { withDeadline } from '../page/deadline.js';
import { interactionAfterAudit, interactionBudgetMs, type InteractionSetting } from '../page/interaction/after-audit.js';
import { serveStatic, type StaticServer } from '../page/static-server.js';
import { defaultConfig } from '../crawl/config.js';
import { auditResultOf, errorAuditedPage, type AuditedPage } from '../../rules-jis/result.js';
import { formatPageText } from './format-text.js';
import { UsageError, EXIT } from '../../rules-jis/exit-codes.js';
import type { AuditResult, PageError } from '../../rules-jis/types.js';
import { runHtmlCheck } from '../hook/html-check.js';
import { NO_INTERACTION_HELP } from './crawl-flags.js';
import { checkDocumentTarget, DOCUMENT_FILE } from './check-documents.js';

export interface CheckOptions {
  format: 'text' | 'json';
  output?: string;
  level: 'A' | 'AA';
  /** Seconds for loading a page. */
  timeout: number;
  /** Seconds for the audit of a loaded page (default the crawl's timeouts.auditMs, 60 s). */
  auditTimeout?: number;
  /** Keyboard/interaction phase (the CLI turns it on by default; off when undefined). */
  interaction?: InteractionSetting;
  /** A page (file or URL) larger than this is not audited (too-large); default the crawl's maxPageBytes. */
  maxPageBytes?: number;
}

/** One page to check: its URL (a local file is served from 127.0.0.1), and the error that rules it out beforehand. */
interface CheckTarget {
  url: string;
  error?: PageError;
  /** A PDF or Office file (path or URL as given): read by the document checks, not opened in the browser. */
  document?: string;
}

/** One static server per folder of the files checked, so relative CSS and images load. */
class FileServers {
  private servers = new Map<string, Promise<StaticServer>>();
  async urlOf(file: string): Promise<string> {
    const dir = path.dirname(file);
    if (!this.servers.has(dir)) this.servers.set(dir, serveStatic(dir));
    return (await this.servers.get(dir)!).url + encodeURIComponent(path.basename(file));
  }
  async close(): Promise<void> {
    await Promise.all([...this.servers.values()].map(async (s) => (await s.catch(() => null))?.close()));
  }
}

/** A local file: usage errors for what is not an HTML file; too-large and not-html recorded as the page's error. */
async function fileTarget(t: string, servers: FileServers, maxPageBytes: number): Promise<CheckTarget> {
  const file = path.resolve(t);
  if (!existsSync(file)) throw new UsageError(`ファイルが見つかりません: ${t}`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new UsageError(`ファイルではありません: ${t}`);
  if (!/\.(x?html?)$/i.test(file)) throw new UsageError(`HTML ファイルではありません: ${t}（.html / .htm のファイル、または PDF・docx・xlsx・pptx を指定してください）`);
  const url = await servers.urlOf(file);
  if (stat.size > maxPageBytes) return { url, error: { code: 'too-large', message: tooLargeMessage(t, maxPageBytes, stat.size) } };
  try {
    decodeHtmlBytes(readFileSync(file), { name: t });
  } catch (e) {
    if (e instanceof HtmlBytesError) return { url, error: { code: 'not-html', message: e.message } };
    throw e;
  }
  return { url };
}

async function resolveTargets(targets: string[], servers: FileServers, maxPageBytes: number): Promise<CheckTarget[]> {
  const out: CheckTarget[] = [];
  for (const t of targets) {
    if (DOCUMENT_FILE.test(t.split(/[?#]/)[0])) {
      if (!/^https?:\/\//i.test(t) && !existsSync(t)) throw new UsageError(`ファイルが見つかりません: ${t}`);
      out.push({ url: t, document: t });
    } else if (/^https?:\/\//i.test(t)) out.push({ url: t });
    else if (/^[a-z]+:/i.test(t) && !/^[a-z]:\\/i.test(t)) throw new UsageError(`「${t}」は検査できません。http(s) の URL か HTML ファイルのパスを指定してください。`);
    else out.push(await fileTarget(t, servers, maxPageBytes));
  }
  return out;
}

/** Closes the browser; one that will not close in time is killed. */
async function closeBrowser(browser: Browser): Promise<void> {
  const closed = await withDeadline(browser.close(), 10_000, () => new Error('timeout')).then(
    () => true,
    () => false,
  );
  if (!closed) browser.process()?.kill('SIGKILL');
}

const HUNG = ['crashed', 'timeout', 'audit-timeout'];

/** One page in a fresh tab under the page's hard limits; the tab is closed even when the page hung. */
async function checkPage(browser: Browser, url: string, opts: CheckOptions, maxPageBytes: number): Promise<AuditedPage> {
  const page = await browser.newPage();
  let r: AuditedPage | undefined;
  try {
    r = await auditUrl(page, url, {
      target: opts.level,
      navigationTimeoutMs: opts.timeout * 1000,
      auditTimeoutMs: opts.auditTimeout !== undefined ? opts.auditTimeout * 1000 : defaultConfig().timeouts.auditMs,
      afterAudit: interactionAfterAudit(opts.interaction),
      afterAuditBudgetMs: interactionBudgetMs(opts.interaction),
      maxPageBytes,
    });
    return r;
  } finally {
    await closePage(page, !r || HUNG.includes(r.result.error?.code ?? ''));
  }
}

/**
 * The browser of one `check`, launched when the first HTML page needs it (documents alone never launch one);
 * a browser that died with the last page is replaced, so the next page is still checked.
 */
class LazyBrowser {
  private browser: Browser | null = null;
  /** The version of the browser used, undefined when none was launched. */
  version: string | undefined;
  async get(): Promise<Browser> {
    if (this.browser && !this.browser.connected) this.browser.process()?.kill('SIGKILL');
    if (!this.browser?.connected) {
      this.browser = await launchBrowser();
      this.version ??= await this.browser.version();
    }
    return this.browser;
  }
  async close(): Promise<void> {
    if (this.browser) await closeBrowser(this.browser);
  }
}

export async function runCheck(targets: string[], opts: CheckOptions): Promise<{ result: AuditResult; exitCode: number }> {
  const maxPageBytes = opts.maxPageBytes ?? defaultConfig().maxPageBytes;
  const servers = new FileServers();
  try {
    const resolved = await resolveTargets(targets, servers, maxPageBytes);
    // the browser is launched for the first page that needs it: PDF and Office files are read without one
    const browsers = new LazyBrowser();
    const pages: AuditedPage[] = [];
    try {
      for (const t of resolved) {
        if (t.error) {
          pages.push(errorAuditedPage(t.url, t.error));
          continue;
        }
        if (t.document) {
          pages.push(await checkDocumentTarget(t.document, { target: opts.level, timeoutMs: opts.timeout * 1000 }));
          continue;
        }
        const browser = await browsers.get();
        const r = await checkPage(browser, t.url, opts, maxPageBytes).catch((e: Error) => errorAuditedPage(t.url, { code: 'crashed', message: `${t.url} を開くタブを用意できませんでした（ブラウザが応答しません）: ${e.message}` }));
        // a URL that turned out to be a document (download.php?id=3 serving a PDF): the document checks read it
        const asDocument = r.result.error?.code === 'not-html' ? await checkDocumentTarget(t.url, { target: opts.level, timeoutMs: opts.timeout * 1000 }) : null;
        pages.push(asDocument && !asDocument.result.error ? asDocument : r);
      }
    } finally {
      await browsers.close();
    }
    const version = browsers.version ?? '';
    const result = auditResultOf(pages, { browser: version, target: opts.level });
    const exitCode = result.pages.some((p) => p.error) ? EXIT.ERROR : result.pages.some((p) => p.criteria.some((c) => c.outcome === 'fail')) ? EXIT.FAIL : EXIT.PASS;
    return { result, exitCode };
  } finally {
    await servers.close();
  }
}

/** The command's numeric options, checked: seconds and bytes must be positive. */
function positive(value: string, option: string, unit: string, integer = false): number {
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n))) throw new UsageError(`${option} は正の${integer ? '整数' : '数'}（${unit}）です（指定: ${value}）`);
  return n;
}

interface CheckFlags {
  format: string;
  output?: string;
  level: string;
  timeout: string;
  auditTimeout?: string;
  html?: string;
  baseUrl?: string;
  origin?: string[];
  policy?: string;
  store?: string | false;
  encoding?: string;
  maxPageBytes?: string;
  interaction: boolean;
  interactionBudget: string;
  focusOverlayDir?: string;
}

async function checkAction(targets: string[], o: CheckFlags): Promise<void> {
  if (!['text', 'json'].includes(o.format)) throw new UsageError(`--format は text か json です（指定: ${o.format}）`);
  if (!['A', 'AA'].includes(o.level)) throw new UsageError(`--level は A か AA です（指定: ${o.level}）`);
  const timeout = positive(o.timeout, '--timeout', '秒');
  const maxPageBytes = o.maxPageBytes === undefined ? defaultConfig().maxPageBytes : positive(o.maxPageBytes, '--max-page-bytes', 'バイト', true);
  const level = o.level as 'A' | 'AA';
  if (o.html !== undefined) {
    if (targets.length) throw new UsageError('--html と URL・ファイルの指定は同時に使えません。');
    if (o.auditTimeout !== undefined) throw new UsageError('--audit-timeout は URL・ファイルの検査で使います（--html では --timeout が検査全体の制限時間です）。');
    const store = typeof o.store === 'string' || o.store === false ? o.store : undefined;
    process.exitCode = await runHtmlCheck({ html: o.html, baseUrl: o.baseUrl, origin: o.origin, policy: o.policy, store, level, timeout, output: o.output, encoding: o.encoding, maxPageBytes });
    return;
  }
  if (o.encoding !== undefined) throw new UsageError('--encoding は --html と一緒に使います（ファイルの文字コードは <meta charset> から判定します）。');
  if (!targets.length) throw new UsageError('検査する URL か HTML ファイルを指定してください（公開前チェックは --html <ファイル> --base-url <URL>）。');
  const budget = positive(o.interactionBudget, '--interaction-budget', '秒');
  const auditTimeout = o.auditTimeout === undefined ? undefined : positive(o.auditTimeout, '--audit-timeout', '秒');
  const interaction = o.interaction ? { budgetMs: budget * 1000, overlayDir: o.focusOverlayDir ? path.resolve(o.focusOverlayDir) : undefined } : undefined;
  const { result, exitCode } = await runCheck(targets, { format: o.format as 'text' | 'json', output: o.output, level, timeout, auditTimeout, interaction, maxPageBytes });
  const text = o.format === 'json' ? JSON.stringify(result, null, 2) : result.pages.map((p) => formatPageText(p)).join('\n\n');
  if (o.output) {
    writeFileSync(o.output, text + '\n');
    console.error(`結果を書き出しました: ${o.output}`);
  } else {
    process.stdout.write(text + '\n');
  }
  for (const p of result.pages) if (p.error) console.error(`エラー: ${p.error.message}`);
  process.exitCode = exitCode;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('ページを検査します（URL または HTML ファイル。PDF・docx・xlsx・pptx の文書も）/ audit single pages and documents')
    .argument('[targets...]', 'URL、HTML ファイルのパス、または PDF・Office 文書（ファイルか URL）')
    .option('-f, --format <format>', '出力形式 text | json', 'text')
    .option('-o, --output <file>', '結果をファイルに書き出す')
    .option('-l, --level <level>', '目標の適合レベル A | AA', 'AA')
    .option('--timeout <seconds>', '読み込みのタイムアウト（秒）。--html では検査全体の制限時間', '30')
    .option('--audit-timeout <seconds>', '読み込んだページの検査の制限時間（秒、既定 60）。読み込み・検査・キーボード操作の検査の合計＋5 秒を過ぎたページは timeout として記録し、次のページへ進む')
    .option('--max-page-bytes <bytes>', 'これより大きいページ（ファイル・URL・--html）は検査せず too-large とする（バイト、既定 5242880 = 5 MB）')
    .option('--no-interaction', NO_INTERACTION_HELP)
    .option('--interaction-budget <seconds>', 'キーボード操作の検査に 1 ページで使う時間の上限（秒）', '10')
    .option('--focus-overlay-dir <dir>', 'フォーカス順序（番号付きのタブ移動）の画像を保存するフォルダー')
    // Pre-publish hook (crawler/hook/html-check.ts): JSON verdict, exit 0 publish / 1 block / 2 error.
    .option('--html <file>', '公開前チェック: HTML ファイル（- で標準入力）を検査し、公開可否を JSON で返す')
    .option('--base-url <url>', '--html のページが公開される URL（相対パスの CSS・画像はここから読む）')
    .option('--origin <origins...>', '--html で読み込みを許可するオリジン（既定: --base-url のオリジン）')
    .option('--encoding <label>', '--html の文字コード（shift_jis, euc-jp, utf-8 など）。既定は BOM と <meta charset> から判定')
    .option('--policy <file>', 'ポリシーファイル（既定: ./jis-a11y.policy.json があれば使う）')
    .option('--store <file>', '判定を記録する SQLite ファイル（既定: jis-a11y-out/jis-a11y.sqlite）')
    .option('--no-store', '判定を記録しない')
    .action(checkAction);
}
