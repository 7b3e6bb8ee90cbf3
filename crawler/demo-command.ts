// `jis-a11y demo`: checks the sample Japanese pages in tests/fixtures/pages (until the crawler lands).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import type { Command } from 'commander';
import { runCheck } from './check-command.js';
import { formatPageText } from './format-text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('同梱のサンプルページを検査します / audit the embedded sample pages')
    .action(async () => {
      const dir = path.join(root, 'tests/fixtures/pages');
      const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort().map((f) => path.join(dir, f));
      const { result } = await runCheck(files, { format: 'text', level: 'AA', timeout: 30 });
      for (const p of result.pages) console.log(formatPageText(p, { showFindings: false }) + '\n');
      process.exitCode = 0;
    });
}
