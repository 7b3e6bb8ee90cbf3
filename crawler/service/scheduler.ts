// Scheduled crawls inside `jis-a11y serve`: each schedule is a cron expression (croner) and a crawl config
// file; a run goes into the service store, then the reports are regenerated. A run still going when its
// next time comes is not started twice (protect). The alternative without the service is a system
// cron/systemd timer calling `jis-a11y crawl --config …` (docs/hook.md).
import { Cron } from 'croner';
import { loadConfigFile, mergeConfig } from '../crawl/config.js';
import { runCrawl, type CrawlHooks } from '../crawl/crawl.js';
import type { ScheduleConfig } from './config.js';
import { runInContext } from './process-guard.js';
import { regenerateReports } from './reports-hook.js';

export interface ScheduleStatus {
  name: string;
  cron: string;
  next: string | null;
  running: boolean;
  lastRun: { runId: number | null; status: string; startedAt: string; finishedAt: string | null; message?: string } | null;
}

export interface SchedulerOptions {
  store: string;
  reportsDir: string;
  log?: (line: string) => void;
  /** Tests: replace the browser launch of the crawl. */
  crawlHooks?: Pick<CrawlHooks, 'launch' | 'gather'>;
}

interface Job {
  cfg: ScheduleConfig;
  cron: Cron;
  running: Promise<void> | null;
  last: ScheduleStatus['lastRun'];
}

export class Scheduler {
  private jobs = new Map<string, Job>();
  private abort = new AbortController();

  constructor(schedules: ScheduleConfig[], private opts: SchedulerOptions) {
    for (const s of schedules) {
      const cron = new Cron(s.cron, { timezone: s.timezone ?? 'Asia/Tokyo', protect: true, paused: true, name: `jis-a11y:${s.name}` }, () => {
        this.trigger(s.name);
      });
      this.jobs.set(s.name, { cfg: s, cron, running: null, last: null });
    }
  }

  start(): void {
    for (const j of this.jobs.values()) j.cron.resume();
  }

  has(name: string): boolean {
    return this.jobs.has(name);
  }

  /** Starts a run now. Returns false when that schedule is already running. */
  trigger(name: string): boolean {
    const j = this.jobs.get(name);
    if (!j) throw new Error(`定期検査「${name}」はありません。`);
    if (j.running) return false;
    // The run is its own unit of work for the process guard: an error that escapes it names the schedule.
    j.running = runInContext({ schedule: name }, () => this.runJob(j)).finally(() => (j.running = null));
    return true;
  }

  /** Resolves when the named (or every) running job has finished. */
  async idle(name?: string): Promise<void> {
    await Promise.all([...this.jobs.values()].filter((j) => !name || j.cfg.name === name).map((j) => j.running));
  }

  private async runJob(j: Job): Promise<void> {
    const log = (s: string) => this.opts.log?.(`[${j.cfg.name}] ${s}`);
    const startedAt = new Date().toISOString();
    j.last = { runId: null, status: 'running', startedAt, finishedAt: null };
    try {
      const file = await loadConfigFile(j.cfg.config);
      // Every run goes into the service's store, so the verdict log and the runs sit in one file.
      const config = mergeConfig(file, { output: { db: this.opts.store }, label: file.label ?? j.cfg.name });
      const outcome = await runCrawl(config, { hooks: { onLog: log, signal: this.abort.signal, ...this.opts.crawlHooks } });
      j.last = { runId: outcome.runId, status: outcome.status, startedAt, finishedAt: null };
      try {
        await regenerateReports(this.opts.store, outcome.runId, this.opts.reportsDir);
        log(`報告書を更新しました（検査 #${outcome.runId}）。`);
      } catch (e) {
        // The run itself is stored; a report that failed can be made later with `jis-a11y report`.
        const message = `報告書の生成に失敗しました（検査 #${outcome.runId}）: ${e instanceof Error ? e.message : String(e)}`;
        log(message);
        j.last = { ...j.last, message };
      }
      j.last = { ...j.last, finishedAt: new Date().toISOString() };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log(`定期検査に失敗しました: ${message}`);
      j.last = { runId: j.last?.runId ?? null, status: 'failed', startedAt, finishedAt: new Date().toISOString(), message };
    }
  }

  status(): ScheduleStatus[] {
    return [...this.jobs.values()].map((j) => ({
      name: j.cfg.name,
      cron: j.cfg.cron,
      next: j.cron.nextRun()?.toISOString() ?? null,
      running: !!j.running,
      lastRun: j.last,
    }));
  }

  /** Stops the timers; running crawls stop taking new pages and are left resumable. */
  async stop(): Promise<void> {
    for (const j of this.jobs.values()) j.cron.stop();
    this.abort.abort();
    await this.idle();
  }
}
