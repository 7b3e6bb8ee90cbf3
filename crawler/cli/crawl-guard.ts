// The process guard of `jis-a11y crawl` and `demo`: however the process ends, the run it was crawling is
// left resumable and the exit code says "error" (2), never "finished, with violations" (1) and never
// "running" in the store for ever.
//   - Ctrl+C or SIGTERM: the crawl stops taking pages, the pages in flight finish, the run is recorded
//     'interrupted' and the command ends with 2 (crawlExitCode). A second Ctrl+C ends at once, after
//     recording the run interrupted (at most a few seconds).
//   - An error nobody caught (uncaughtException, unhandledRejection; Node would exit 1 with a stack trace):
//     a Japanese message, the run recorded 'interrupted' and its lease given back (crawler/crawl/run-life.ts
//     interruptLiveRuns, waiting out a busy store), then exit 2.
// `serve` has its own guard (crawler/service/): there, one failed request or schedule must not end the process.
import { setTimeout as sleep } from 'node:timers/promises';
import { EXIT } from '../../rules-jis/exit-codes.js';
import { interruptLiveRuns } from '../crawl/run-life.js';

export interface CrawlGuardOptions {
  /** A line for the person while the crawl runs (through the progress display, so the bar is not garbled). */
  say: (line: string) => void;
  /** Before the guard ends the process: stop the progress display. */
  beforeExit?: () => void;
}

/** A second Ctrl+C: how long recording the run may take before the process ends anyway. */
const QUICK_END_MS = 3_000;
/** An uncaught error: the store may be busy (it waits up to 60 s); after this the process ends anyway. */
const FATAL_END_MS = 90_000;

const STOPPING = '中断します（実行中のページが終わるのを待っています。もう一度 Ctrl+C で即時終了）。';
const STOP_NOW = 'すぐに終了します。';
const recorded = (runId: number) => `検査 #${runId} を中断しました。「中断」として記録したので、jis-a11y crawl --resume ${runId} で続きから再開できます。`;
const DEBUG_HINT = 'もう一度起きる場合は、環境変数 JIS_A11Y_DEBUG=1 を付けて実行し、表示された内容を添えて管理者に連絡してください。';

function fatalText(e: unknown): string {
  const detail = e instanceof Error ? (process.env.JIS_A11Y_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
  return `エラー: 予期しない問題が起きたため、処理を止めます（${detail}）。`;
}

/** Records the live runs interrupted (within `boundMs`), says so and ends the process with 2. */
async function endNow(o: CrawlGuardOptions, head: string, tail: string | null, boundMs: number): Promise<never> {
  o.beforeExit?.();
  console.error(head);
  setTimeout(() => process.exit(EXIT.ERROR), boundMs + 1_000); // kept ref'd: the process ends here, with 2, whatever else happens
  const ids = await Promise.race([interruptLiveRuns(), sleep(boundMs).then(() => [] as number[])]);
  for (const id of ids) console.error(recorded(id));
  if (tail) console.error(tail);
  process.exit(EXIT.ERROR);
}

/**
 * Runs `fn` (the crawl and what follows it) with the guard in place. `fn` gets the signal that Ctrl+C and
 * SIGTERM abort (pass it to runCrawl). The handlers are removed when `fn` ends.
 */
export async function withCrawlGuard<T>(o: CrawlGuardOptions, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  let ending = false;
  const end = (head: string, tail: string | null, boundMs: number) => {
    if (ending) process.exit(EXIT.ERROR); // asked twice: no more waiting
    ending = true;
    ac.abort();
    void endNow(o, head, tail, boundMs);
  };
  const onSignal = () => {
    if (ac.signal.aborted) return end(STOP_NOW, null, QUICK_END_MS);
    o.say(STOPPING);
    ac.abort();
  };
  const onFatal = (e: unknown) => end(fatalText(e), DEBUG_HINT, FATAL_END_MS);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  try {
    return await fn(ac.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
}
