// `jis-a11y demo`: serves the embedded sample site (a miniature prefectural CMS site, tests/fixtures/site)
// on 127.0.0.1, crawls it into an output folder and prints where the results are.
import path from 'node:path';
import { rmSync } from 'node:fs';
import type { Command } from 'commander';
import { mergeConfig } from '../crawl/config.js';
import { runCrawl } from '../crawl/crawl.js';
import { summaryText } from './crawl-command.js';
import { withCrawlGuard } from './crawl-guard.js';
import { createProgress } from './progress.js';
import { serveSampleSite } from './sample-site.js';
import { reportsAfterCrawl } from '../../reports/generate.js';
import { EXIT } from '../../rules-jis/exit-codes.js';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('同梱のサンプルサイト（架空の「みどり県」）を巡回・検査します / crawl the embedded sample site')
    .option('-o, --output <dir>', '出力フォルダ', 'jis-a11y-out')
    .option('--concurrency <n>', '同時に検査するページ数')
    .option('--no-progress', '進捗バーを出さず、ログ行で表示する')
    .action(async (o: { output: string; concurrency?: string; progress?: boolean }) => {
      const server = await serveSampleSite();
      const outDir = path.resolve(o.output);
      const db = path.join(outDir, 'demo.sqlite');
      // a demo starts fresh each time
      for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, { force: true });
      console.log(`サンプルサイトを ${server.url} で公開しました。巡回・検査します…`);
      const reporter = createProgress({ tty: o.progress === false ? false : undefined });
      try {
        const config = mergeConfig({
          startUrls: [server.url],
          output: { dir: outDir, db },
          concurrency: o.concurrency ? Number(o.concurrency) : undefined,
          label: 'デモ（サンプルサイト）',
        });
        // the crawl's process guard (crawl-guard.ts): Ctrl+C stops gracefully, an uncaught error exits 2
        await withCrawlGuard({ say: (l) => reporter.log(l), beforeExit: () => reporter.stop() }, async (signal) => {
          const outcome = await runCrawl(config, { hooks: { onProgress: (p) => reporter.update(p), onLog: (l) => reporter.log(l), signal } });
          reporter.stop();
          console.log(await summaryText(outcome));
          if (outcome.status === 'finished') console.log(await reportsAfterCrawl(outcome));
          console.log(`出力フォルダ: ${outDir}`);
          process.exitCode = outcome.status === 'finished' ? EXIT.PASS : EXIT.ERROR;
        });
      } finally {
        reporter.stop();
        await server.close();
      }
    });
}
