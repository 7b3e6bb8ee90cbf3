// Progress of a crawl: a bar on a terminal (cli-progress), plain log lines otherwise (cron, CI, pipes).
import cliProgress from 'cli-progress';
import type { CrawlProgress } from '../crawl/crawl.js';

export interface ProgressReporter {
  update(p: CrawlProgress): void;
  log(line: string): void;
  stop(): void;
}

function eta(s: number | null): string {
  if (s == null || !Number.isFinite(s)) return '--:--';
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m % 60)}:${pad(Math.floor(s % 60))}` : `${pad(m)}:${pad(Math.floor(s % 60))}`;
}

export function createProgress(opts: { tty?: boolean; stream?: NodeJS.WriteStream; everyMs?: number } = {}): ProgressReporter {
  const stream = opts.stream ?? process.stderr;
  const tty = opts.tty ?? Boolean(stream.isTTY);
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: '検査中 [{bar}] {value}/{total} 件 | {rate} 件/秒 | エラー {errors} | 残り {etaText}',
        barCompleteChar: '█',
        barIncompleteChar: '░',
        hideCursor: true,
        stream,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rate: p.rate.toFixed(2), errors: p.errors, etaText: eta(p.etaSeconds) };
        if (!started) {
          bar.start(Math.max(1, p.discovered), p.done, payload);
          started = true;
        } else {
          bar.setTotal(Math.max(1, p.discovered));
          bar.update(p.done, payload);
        }
      },
      log(line) {
        if (started) {
          // cli-progress redraws the bar below the line
          stream.write('\r\x1b[K' + line + '\n');
        } else stream.write(line + '\n');
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  const every = opts.everyMs ?? 5_000;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < every && p.done < p.discovered) return;
      last = now;
      stream.write(
        `[進捗] ${p.done}/${p.discovered} 件完了 実行中 ${p.active} 件 ${p.rate.toFixed(2)} 件/秒 エラー ${p.errors} 件 残り ${eta(p.etaSeconds)}\n`,
      );
    },
    log(line) {
      stream.write(`${new Date().toISOString()} ${line}\n`);
    },
    stop() {},
  };
}
