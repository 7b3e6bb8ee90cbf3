// The `jis-a11y` command line. Each subcommand lives in its own module and registers itself here.
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import { registerCheckCommand } from './check-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerCrawlCommand } from './crawl-command.js';
import { registerReportCommand } from './report-command.js';
import { registerJudgeCommand } from './judge-command.js';
import { registerSelectCommand } from './test-select-command.js';
import { registerTestCommand } from './test-command.js';
import { registerUsersCommand } from './users-command.js';
import { EXIT, UsageError } from '../../rules-jis/exit-codes.js';
import { BrowserNotFoundError } from '../page/browser.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('jis-a11y')
    .description('JIS X 8341-3:2016 アクセシビリティ検査ツール / accessibility auditor for Japanese public-sector sites')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  registerCheckCommand(program);
  registerDemoCommand(program);
  registerServeCommand(program);
  registerCrawlCommand(program);
  registerReportCommand(program);
  registerJudgeCommand(program);
  registerTestCommand(program);
  registerSelectCommand(program.commands.find((c) => c.name() === 'test')!);
  registerUsersCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; every other commander error is a usage error.
      process.exitCode = err.exitCode === 0 ? 0 : EXIT.ERROR;
      return;
    }
    if (err instanceof UsageError || err instanceof BrowserNotFoundError) {
      console.error(`エラー: ${err.message}`);
    } else {
      const detail = err instanceof Error ? (process.env.JIS_A11Y_DEBUG ? (err.stack ?? err.message) : err.message) : String(err);
      console.error(`エラー: 実行中に予期しない問題が起きました: ${detail}`);
      console.error('もう一度実行しても同じなら、環境変数 JIS_A11Y_DEBUG=1 を付けて実行し、表示された内容を添えて管理者に連絡してください。');
    }
    process.exitCode = EXIT.ERROR;
  }
}
