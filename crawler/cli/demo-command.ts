// `jis-a11y demo`: serves the embedded sample site (a miniature prefectural CMS site, tests/fixtures/site)
// on 127.0.0.1, crawls it into an output folder as the run of a test 「デモ試験」 (issue 14) and prints where the
// results are and the next steps of the manual half.
import path from 'node:path';
import { rmSync } from 'node:fs';
import type { Command } from 'commander';
import { mergeConfig } from '../crawl/config.js';
import { runCrawl } from '../crawl/crawl.js';
import { summaryText } from './crawl-command.js';
import { withCrawlGuard } from './crawl-guard.js';
import { createProgress } from './progress.js';
import { serveSampleSite } from './sample-site.js';
import { REPORT_FILES, reportsAfterCrawl } from '../../reports/generate.js';
import { openStore } from '../store/store.js';
import { EXIT } from '../../rules-jis/exit-codes.js';

export const DEMO_TEST_NAME = 'デモ試験';

/** The demo's run belongs to a test (issue 14), so its outputs show what a yearly test shows. */
async function createDemoTest(db: string): Promise<void> {
  const store = await openStore(db);
  try {
    await store.tests.create({ name: DEMO_TEST_NAME, fiscalYear: null, target: 'AA' });
  } finally {
    await store.close();
  }
}

/** What a person does next: the manual half of the test. */
function nextSteps(db: string, outDir: string): string {
  const rel = path.relative(process.cwd(), db) || db;
  return [
    '次の一歩（人による確認。自動検査だけでは試験は完了しません）:',
    `  1. 作業票 ${path.join(path.relative(process.cwd(), outDir) || '.', REPORT_FILES.xlsx)} と試験結果ページで「要確認」「未確認」の達成基準を確かめる`,
    `  2. 確かめた結果を記録する: jis-a11y judge --store ${rel} --import <記入した CSV / JSON>`,
    `  3. 残りを確かめる: jis-a11y test status --store ${rel}`,
    `  4. 報告書を作り直す: jis-a11y report --store ${rel}`,
  ].join('\n');
}

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
      await createDemoTest(db);
      console.log(`サンプルサイトを ${server.url} で公開しました。試験「${DEMO_TEST_NAME}」として巡回・検査します…`);
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
          if (outcome.status === 'finished') console.log(nextSteps(db, outDir));
          process.exitCode = outcome.status === 'finished' ? EXIT.PASS : EXIT.ERROR;
        });
      } finally {
        reporter.stop();
        await server.close();
      }
    });
}
