// The `jis-a11y` command line. Each subcommand lives in its own module and registers itself here. A run loads only
// the module of the command it names (the others pull in puppeteer, fastify, exceljs …: about 1 s of start-up each);
// help, a typo or no command load them all so the listing stays complete.
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import { EXIT, UsageError } from '../../rules-jis/exit-codes.js';
import { BrowserNotFoundError } from '../page/browser.js';

type Register = (program: Command) => void;

/** Command name → the module that registers it; `test` also brings its `select` subcommand. */
const COMMANDS: Record<string, () => Promise<Register[]>> = {
  check: async () => [(await import('./check-command.js')).registerCheckCommand],
  demo: async () => [(await import('./demo-command.js')).registerDemoCommand],
  serve: async () => [(await import('./serve-command.js')).registerServeCommand],
  crawl: async () => [(await import('./crawl-command.js')).registerCrawlCommand],
  report: async () => [(await import('./report-command.js')).registerReportCommand],
  judge: async () => [(await import('./judge-command.js')).registerJudgeCommand],
  test: async () => {
    const [t, s] = await Promise.all([import('./test-command.js'), import('./test-select-command.js')]);
    return [t.registerTestCommand, (program) => s.registerSelectCommand(program.commands.find((c) => c.name() === 'test')!)];
  },
  users: async () => [(await import('./users-command.js')).registerUsersCommand],
};

/** The program with every command (help, docs), or only `only`'s when the command line names one. */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command();
  program
    .name('jis-a11y')
    .description('JIS X 8341-3:2016 アクセシビリティ検査ツール / accessibility auditor for Japanese public-sector sites')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  const names = only && only in COMMANDS ? [only] : Object.keys(COMMANDS);
  for (const name of names) for (const register of await COMMANDS[name]()) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv[2]);
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
