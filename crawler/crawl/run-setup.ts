// Opens the run a crawl works on: a new run (the config validated, stored with its secrets masked), or a
// run whose process died or was stopped (`--resume`): its stored config comes back with this process's
// secrets and output, and the items that were in flight go back to the frontier.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import { STORE_FILE_NAME } from '../store/paths.js';
import { openStore, type Run, type Store } from '../store/store.js';
import { redactConfig, validateConfig, type CrawlConfig } from './config.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';

/** The run a crawl works on, with the store it lives in (open: the caller closes it). */
export interface OpenedRun {
  store: Store;
  dbFile: string;
  runId: number;
  /** The new run's config, or the resumed run's stored one with this process's secrets and output. */
  config: CrawlConfig;
  resumed: boolean;
}

/** The SQLite file of a crawl: output.db, or jis-a11y.sqlite in the output folder. */
export function storeFile(config: CrawlConfig): string {
  return config.output.db ?? path.join(config.output.dir, STORE_FILE_NAME);
}

/** Opens the store and starts a new run, or continues `resume` (a run id, or true for the newest unfinished run). */
export async function openRun(input: CrawlConfig, resume: number | true | undefined, log: CrawlLog): Promise<OpenedRun> {
  const dbFile = storeFile(input);
  mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  mkdirSync(input.output.dir, { recursive: true });
  const store = await openStore(dbFile);
  try {
    const opened = resume !== undefined ? await resumeRun(store, resume, input, log) : await startRun(store, input, log);
    return { store, dbFile, ...opened };
  } catch (e) {
    await store.close();
    throw e;
  }
}

type RunPart = Pick<OpenedRun, 'runId' | 'config' | 'resumed'>;

async function startRun(store: Store, config: CrawlConfig, log: CrawlLog): Promise<RunPart> {
  validateConfig(config);
  const runId = await store.runs.createRun({ startUrls: config.startUrls, config: redactConfig(config), toolVersion: TOOL_VERSION, target: config.target, label: config.label });
  log(M.started(runId, config.startUrls));
  return { runId, config, resumed: false };
}

async function resumeRun(store: Store, resume: number | true, current: CrawlConfig, log: CrawlLog): Promise<RunPart> {
  const run = await runToResume(store, resume);
  const back = await store.frontier.resetActive(run.id);
  await store.runs.updateRun(run.id, { status: 'running', finishedAt: null });
  log(M.resumed(run.id, back));
  return { runId: run.id, config: restoreConfig(run.config as CrawlConfig, current), resumed: true };
}

/** The run to continue; throws (in Japanese) when there is none or it has finished. */
async function runToResume(store: Store, resume: number | true): Promise<Run> {
  const run =
    resume === true
      ? ((await store.runs.listRuns()).find((r) => r.status === 'running' || r.status === 'interrupted') ?? null)
      : await store.runs.getRun(resume);
  if (!run) throw new Error(resume === true ? M.noRunToResume() : M.noSuchRun(resume));
  if (run.status === 'finished') throw new Error(M.runFinishedAlready(run.id));
  return run;
}

/** The stored config of a run back as a CrawlConfig: secrets and output from the current config, -1 depth as no limit (config.ts redactConfig). */
function restoreConfig(stored: CrawlConfig, current: CrawlConfig): CrawlConfig {
  const c: CrawlConfig = { ...stored, scope: { ...stored.scope }, auth: current.auth, output: current.output };
  if (!(c.scope.maxDepth >= 0)) c.scope.maxDepth = Number.POSITIVE_INFINITY;
  return c;
}
