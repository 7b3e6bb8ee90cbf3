// `jis-a11y crawl [url...]`: audit a whole site into the SQLite store (see docs/crawl.md). Exit codes: 0 the
// run finished without violations, 1 finished with violations (不適合), 2 anything else — a usage error, a run
// stopped (Ctrl+C, SIGTERM) or refused (another crawl holds it), a store that cannot be used, an uncaught
// error (crawl-guard.ts). An abnormal end never exits 1 and always leaves the run resumable.
import type { Command } from 'commander';
import { findConfigFile, loadConfigFile, mergeConfig } from '../crawl/config.js';
import { CRAWL_FLAGS, flagOption, flagsToConfig } from './crawl-flags.js';
import { runCrawl, type CrawlOutcome } from '../crawl/crawl.js';
import { withCrawlGuard } from './crawl-guard.js';
import { createProgress, type ProgressReporter } from './progress.js';
import { openStore } from '../store/store.js';
import { storeLabel } from './open-store.js';
import { EXIT, UsageError } from '../../rules-jis/exit-codes.js';
import { reportsAfterCrawl } from '../../reports/generate.js';

/** The flags that set no config value; the others are CRAWL_FLAGS (crawl-flags.ts), read by attribute name. */
interface CrawlFlags extends Record<string, unknown> {
  config?: string;
  resume?: string | boolean;
  force?: boolean;
  progress?: boolean;
}

export { flagsToConfig };

/** The crawl the flags (and the config file) describe, stopped by `signal` (Ctrl+C, SIGTERM: crawl-guard.ts). */
export async function crawlFromFlags(urls: string[], f: CrawlFlags, reporter: ProgressReporter, signal?: AbortSignal): Promise<CrawlOutcome> {
  const file = f.config ?? findConfigFile();
  const fromFile = file ? await loadConfigFile(file) : undefined;
  const config = mergeConfig(fromFile, flagsToConfig(urls, f));
  try {
    const resume = f.resume === undefined || f.resume === false ? undefined : f.resume === true ? true : Number(f.resume);
    if (typeof resume === 'number' && !Number.isInteger(resume)) throw new UsageError(`--resume には検査番号を指定してください（指定: ${f.resume}）`);
    return await runCrawl(config, { resume, force: f.force === true, hooks: { onProgress: (p) => reporter.update(p), onLog: (l) => reporter.log(l), signal } });
  } finally {
    reporter.stop();
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
      `  結果: ${storeLabel(outcome.dbFile)}`,
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
  const command = program
    .command('crawl')
    .description('サイト全体を巡回して検査し、結果を SQLite に保存します / crawl and audit a whole site')
    .argument('[urls...]', '開始 URL（設定ファイルで指定する場合は省略可）')
    .option('-c, --config <file>', '設定ファイル（jis-a11y.config.json / .mjs / .js）')
    .option('--resume [runId]', '中断した検査を再開する（番号を省略すると最新の中断した検査）')
    .option('--force', 'ほかの jis-a11y が実行中の検査でも引き継ぐ／同じサイトの検査が実行中でも新しく始める（そのプロセスが止まっていることを確かめてから）');
  for (const row of CRAWL_FLAGS) command.addOption(flagOption(row));
  command
    .option('--no-progress', '進捗バーを出さず、ログ行で表示する')
    .action(async (urls: string[], f: CrawlFlags) => {
      const reporter = createProgress({ tty: f.progress === false ? false : undefined });
      await withCrawlGuard({ say: (l) => reporter.log(l), beforeExit: () => reporter.stop() }, async (signal) => {
        const outcome = await crawlFromFlags(urls, f, reporter, signal);
        console.log(await summaryText(outcome));
        if (outcome.status === 'finished') console.log(await reportsAfterCrawl(outcome));
        process.exitCode = await crawlExitCode(outcome);
      });
    });
}
