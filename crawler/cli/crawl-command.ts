// `jis-a11y crawl [url...]`: audit a whole site into the SQLite store (see docs/crawl.md).
import path from 'node:path';
import type { Command } from 'commander';
import { findConfigFile, loadConfigFile, mergeConfig, type CrawlConfig, type PartialCrawlConfig } from '../crawl/config.js';
import { runCrawl, type CrawlOutcome } from '../crawl/crawl.js';
import { createProgress } from './progress.js';
import { openStore } from '../store/store.js';
import { EXIT, UsageError } from '../../rules-jis/exit-codes.js';
import { reportsAfterCrawl } from '../../reports/generate.js';

interface CrawlFlags {
  config?: string;
  output?: string;
  db?: string;
  resume?: string | boolean;
  maxPages?: string;
  maxDepth?: string;
  include?: string[];
  exclude?: string[];
  query?: string;
  concurrency?: string;
  ignoreRobots?: boolean;
  sitemap?: boolean;
  sitemapUrl?: string[];
  urlList?: string;
  header?: string[];
  cookie?: string[];
  basicAuth?: string;
  loginScript?: string;
  timeout?: string;
  auditTimeout?: string;
  retries?: string;
  relaunchEvery?: string;
  delay?: string;
  level?: string;
  label?: string;
  progress?: boolean;
  full?: boolean;
  interaction?: boolean;
  interactionBudget?: string;
  loadAllResources?: boolean;
  interactionEveryPage?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function num(v: string | undefined, name: string, min = 0): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`${name} は ${min} 以上の数で指定してください（指定: ${v}）`);
  return n;
}

/** CLI flags as a partial config (only what was given). */
export function flagsToConfig(urls: string[], f: CrawlFlags): PartialCrawlConfig {
  const headers: Record<string, string> = {};
  for (const h of f.header ?? []) {
    const i = h.indexOf(':');
    if (i < 1) throw new UsageError(`--header は「名前: 値」の形で指定してください（指定: ${h}）`);
    headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  const cookies = (f.cookie ?? []).map((c) => {
    const i = c.indexOf('=');
    if (i < 1) throw new UsageError(`--cookie は「名前=値」の形で指定してください（指定: ${c}）`);
    return { name: c.slice(0, i).trim(), value: c.slice(i + 1).trim() };
  });
  let basic: { username: string; password: string } | undefined;
  if (f.basicAuth) {
    const i = f.basicAuth.indexOf(':');
    if (i < 0) throw new UsageError('--basic-auth は「ユーザー名:パスワード」の形で指定してください');
    basic = { username: f.basicAuth.slice(0, i), password: f.basicAuth.slice(i + 1) };
  }
  const timeout = num(f.timeout, '--timeout', 1);
  const auditTimeout = num(f.auditTimeout, '--audit-timeout', 1);
  const cfg: PartialCrawlConfig = {
    startUrls: urls.length ? urls : undefined,
    urlList: f.urlList ? path.resolve(f.urlList) : undefined,
    sitemap: f.sitemap === false ? false : undefined,
    sitemaps: f.sitemapUrl,
    robots: f.ignoreRobots ? false : undefined,
    concurrency: num(f.concurrency, '--concurrency', 1),
    relaunchEvery: num(f.relaunchEvery, '--relaunch-every', 1),
    target: f.level as 'A' | 'AA' | undefined,
    label: f.label,
    incremental: f.full ? false : undefined,
    skipResources: f.loadAllResources ? [] : undefined,
    interaction: {
      enabled: f.interaction === false ? false : undefined,
      scope: f.interactionEveryPage ? 'every-page' : undefined,
      budgetMs: f.interactionBudget === undefined ? undefined : num(f.interactionBudget, '--interaction-budget', 1)! * 1000,
    },
    scope: {
      maxPages: num(f.maxPages, '--max-pages', 1),
      maxDepth: num(f.maxDepth, '--max-depth', 0),
      include: f.include,
      exclude: f.exclude,
      query: f.query as CrawlConfig['scope']['query'] | undefined,
    },
    perHost: { delayMs: num(f.delay, '--delay', 0) },
    timeouts: { navigationMs: timeout && timeout * 1000, auditMs: auditTimeout && auditTimeout * 1000 },
    retries: { perUrl: num(f.retries, '--retries', 0) },
    output: { dir: f.output ? path.resolve(f.output) : undefined, db: f.db ? path.resolve(f.db) : undefined },
  };
  if (Object.keys(headers).length || cookies.length || basic || f.loginScript) {
    cfg.auth = {
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(cookies.length ? { cookies } : {}),
      ...(basic ? { basic } : {}),
      ...(f.loginScript ? { loginScript: path.resolve(f.loginScript) } : {}),
    };
  }
  return cfg;
}

export async function crawlFromFlags(urls: string[], f: CrawlFlags): Promise<CrawlOutcome> {
  const file = f.config ?? findConfigFile();
  const fromFile = file ? await loadConfigFile(file) : undefined;
  const config = mergeConfig(fromFile, flagsToConfig(urls, f));
  const reporter = createProgress({ tty: f.progress === false ? false : undefined });
  const ac = new AbortController();
  const onSigint = () => {
    if (ac.signal.aborted) process.exit(EXIT.ERROR);
    reporter.log('中断します（実行中のページが終わるのを待っています。もう一度 Ctrl+C で即時終了）。');
    ac.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    const resume = f.resume === undefined || f.resume === false ? undefined : f.resume === true ? true : Number(f.resume);
    if (typeof resume === 'number' && !Number.isInteger(resume)) throw new UsageError(`--resume には検査番号を指定してください（指定: ${f.resume}）`);
    return await runCrawl(config, { resume, hooks: { onProgress: (p) => reporter.update(p), onLog: (l) => reporter.log(l), signal: ac.signal } });
  } finally {
    reporter.stop();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** The closing summary printed after a crawl. */
export async function summaryText(outcome: CrawlOutcome): Promise<string> {
  const store = await openStore(outcome.dbFile, { readonly: true });
  try {
    const s = await store.runs.runSummary(outcome.runId);
    const lines = [
      outcome.status === 'finished' ? `検査 #${outcome.runId} が完了しました。` : `検査 #${outcome.runId} を中断しました（--resume で再開できます）。`,
      `  検査したページ: ${s.pagesAudited} 件（エラー ${s.pagesFailed} 件）`,
      `  文書（PDF など）: ${s.documents} 件  リンク切れ: ${s.brokenLinks} 件`,
      `  不適合 ${s.findings.violation} 件 / 要確認 ${s.findings.review} 件 / 参考 ${s.findings.advisory} 件`,
      `  速さ: ${outcome.pagesPerSecond.toFixed(2)} 件/秒（${(outcome.durationMs / 1000).toFixed(1)} 秒）`,
      `  結果: ${path.resolve(outcome.dbFile)}`,
    ];
    return lines.join('\n');
  } finally {
    await store.close();
  }
}

/** 0: finished, no violation; 1: finished with violations (不適合); 2: interrupted. */
export async function crawlExitCode(outcome: CrawlOutcome): Promise<number> {
  if (outcome.status !== 'finished') return EXIT.ERROR;
  const store = await openStore(outcome.dbFile, { readonly: true });
  try {
    return (await store.runs.runSummary(outcome.runId)).findings.violation > 0 ? EXIT.FAIL : EXIT.PASS;
  } finally {
    await store.close();
  }
}

export function registerCrawlCommand(program: Command): void {
  program
    .command('crawl')
    .description('サイト全体を巡回して検査し、結果を SQLite に保存します / crawl and audit a whole site')
    .argument('[urls...]', '開始 URL（設定ファイルで指定する場合は省略可）')
    .option('-c, --config <file>', '設定ファイル（jis-a11y.config.json / .mjs / .js）')
    .option('-o, --output <dir>', '出力フォルダ（既定: ./jis-a11y-out）')
    .option('--db <file>', 'SQLite ファイル（既定: <出力フォルダ>/jis-a11y.sqlite）')
    .option('--resume [runId]', '中断した検査を再開する（番号を省略すると最新の中断した検査）')
    .option('--max-pages <n>', '検査するページ数の上限')
    .option('--max-depth <n>', 'リンクをたどる深さの上限（開始 URL が 0）')
    .option('--include <pattern>', '対象にする URL（glob / re:正規表現、複数可）', collect)
    .option('--exclude <pattern>', '対象外にする URL（glob / re:正規表現、複数可）', collect)
    .option('--query <policy>', 'クエリ文字列の扱い keep | drop | strip-tracking')
    .option('--concurrency <n>', '同時に検査するページ数（既定: CPU コア数）')
    .option('--delay <ms>', '同じホストへのリクエストの間隔（ミリ秒）')
    .option('--ignore-robots', 'robots.txt を無視する（自組織のサイトのみ）')
    .option('--no-sitemap', 'sitemap.xml を読まない')
    .option('--sitemap-url <url>', '追加のサイトマップ URL（複数可）', collect)
    .option('--url-list <file>', 'URL リストのファイル（1 行 1 URL）')
    .option('--header <header>', '追加の HTTP ヘッダー「名前: 値」（複数可）', collect)
    .option('--cookie <cookie>', 'Cookie「名前=値」（複数可）', collect)
    .option('--basic-auth <user:pass>', 'ベーシック認証')
    .option('--login-script <file>', 'ログイン用スクリプト（export default async (page) => {…}）')
    .option('--timeout <seconds>', 'ページの読み込みタイムアウト（秒、既定 30）')
    .option('--audit-timeout <seconds>', '1 ページの検査のタイムアウト（秒、既定 60）')
    .option('--retries <n>', '一時的なエラーの再試行回数（既定 2）')
    .option('--relaunch-every <n>', 'このページ数ごとにブラウザを起動し直す（既定 500）')
    .option('-l, --level <level>', '目標の適合レベル A | AA')
    .option('--label <text>', '検査の名前（例: 2026年度 定期検査）')
    .option('--no-progress', '進捗バーを出さず、ログ行で表示する')
    .option('--no-interaction', 'キーボード操作の検査（2.1.1, 2.1.2, 2.4.3, 2.4.7, 3.2.1, 3.2.2）を行わない')
    .option('--interaction-budget <seconds>', 'キーボード操作の検査に 1 ページで使う時間の上限（秒、既定 10）')
    .option('--interaction-every-page', 'キーボード操作の検査を全ページで行う（既定は、作り（CSS・スクリプト・操作できる要素の種類）が同じページのうち最初の 1 ページだけ）')
    .option('--load-all-resources', 'フォントと動画・音声も読み込む（既定では検査に不要なため読み込まない）')
    .option('--full', '前回から変わっていないページも含めて全ページを検査し直す（既定は変わったページだけ）')
    .action(async (urls: string[], f: CrawlFlags) => {
      const outcome = await crawlFromFlags(urls, f);
      console.log(await summaryText(outcome));
      if (outcome.status === 'finished') console.log(await reportsAfterCrawl(outcome));
      process.exitCode = await crawlExitCode(outcome);
    });
}
