// The site-wide crawl (`jis-a11y crawl`, the demo, the service's schedules), composed of parts with one job each:
//   run-setup.ts      open a new run, or resume one whose process died or was stopped, with the run's lease
//   run-life.ts       the run's life in this process: stop signal, fatal failure, lease heartbeat, bad ends
//   item-handler.ts   one frontier item; the store's transient trouble kept apart from the page's
//   discovery.ts      admit a URL (kind, scope, robots.txt), enqueue it; seed from start URLs, URL list, sitemaps
//   pump.ts           frontier → p-queue, with per-host politeness queues; stop on signal
//   page-task.ts      one page: reuse or gather, the retry policy, save, follow links
//   document-task.ts  one document: inventory, HEAD probe
//   progress.ts       counts, rate, ETA
//   site-checks.ts    the checks across pages, when the frontier is done
// What to visit (the frontier) and what was found (the results) are separate parts of the store
// (crawler/store/store.ts), so a run streams to disk, survives a crash and resumes.
import type { Browser } from 'puppeteer';
import { BrowserPool } from '../page/browser-pool.js';
import { Credentials } from '../page/credentials.js';
import { gatherPage } from '../page/gather-page.js';
import { InteractionSampler } from '../page/interaction/sampling.js';
import { prepareTab } from '../page/tab-setup.js';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import type { CrawlConfig } from './config.js';
import { Discovery, normalizeAll, normalizerFor, seedFrontier, type Normalize } from './discovery.js';
import { DocumentTask } from './document-task.js';
import { HttpClient } from './http-client.js';
import { IncrementalAudit } from './incremental.js';
import { itemHandler, outlastBusyStore } from './item-handler.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';
import { gatherOptionsFor, PageTask, RetryPolicy, type Gather } from './page-task.js';
import { ProgressMeter, type CrawlProgress } from './progress.js';
import { HostQueues, pumpFrontier } from './pump.js';
import { RobotsCache } from './robots.js';
import { RunLife } from './run-life.js';
import { openRun, type OpenedRun } from './run-setup.js';
import { Scope } from './scope.js';
import { runSiteChecks } from './site-checks.js';
import { CrawlScreenshots } from './screenshots.js';
import { liftUrlCredentials } from './url-credentials.js';

export type { CrawlProgress };

export interface CrawlHooks {
  onProgress?: (p: CrawlProgress) => void;
  /** One line for the log (Japanese). */
  onLog?: (line: string) => void;
  /** Stops taking new URLs; pages in flight finish; the run is left 'interrupted' (resumable). */
  signal?: AbortSignal;
  /** Tests: replace the browser launch or the one-page gather. */
  launch?: () => Promise<Browser>;
  gather?: Gather;
}

export interface CrawlOutcome {
  runId: number;
  dbFile: string;
  outputDir: string;
  status: 'finished' | 'interrupted';
  /** Items finished by this process. */
  processed: number;
  durationMs: number;
  pagesPerSecond: number;
}

export interface CrawlRunOptions {
  /** Continue a run: its id, or true for the newest unfinished run in the store. */
  resume?: number | true;
  /** Take the run from a live crawl, or start beside a live crawl of the same site (`--force`). */
  force?: boolean;
  hooks?: CrawlHooks;
}

/** The parts one crawl works with, made once per run. */
interface Crawl {
  run: OpenedRun;
  life: RunLife;
  log: CrawlLog;
  normalize: Normalize;
  /** The start URLs, normalised. */
  startUrls: string[];
  scope: Scope;
  robots: RobotsCache;
  http: HttpClient;
  /** The login script's session, as a Cookie header for Node's requests (empty without one). */
  session: { cookies: string };
  pool: BrowserPool;
  /** Per-host politeness: how many pages at once, the gap between starts, the slow-down after 429/503. */
  hosts: HostQueues;
  incremental: IncrementalAudit;
  sampler: InteractionSampler;
  discovery: Discovery;
  documents: DocumentTask;
  screenshots: CrawlScreenshots;
  pages: PageTask;
}

/**
 * Crawls a new run, or resumes one, to its end or until the signal stops it ('interrupted'). Throws (the run
 * left 'interrupted', resumable) when the run cannot go on: RunLeaseError when another live crawl holds the
 * run or crawls the same site into the same store, StoreBusyError when the store stays locked, and so on.
 */
export async function runCrawl(input: CrawlConfig, opts: CrawlRunOptions = {}): Promise<CrawlOutcome> {
  const hooks = opts.hooks ?? {};
  const log: CrawlLog = (s) => hooks.onLog?.(s);
  // credentials written into a URL never reach the store or the log (url-credentials.ts)
  const run = await openRun(liftUrlCredentials(input), { resume: opts.resume, force: opts.force }, log);
  const life = new RunLife(run, hooks.signal, log);
  try {
    const c = await assemble(run, life, hooks, log);
    if (await needsSeed(run)) {
      await seedFrontier(c.discovery, { config: run.config, startUrls: c.startUrls, normalize: c.normalize, http: c.http, robots: c.robots, origins: c.scope.origins, log });
    }
    const progress = new ProgressMeter(run.store, run.runId, hooks.onProgress);
    await crawlFrontier(c, progress);
    life.throwIfFailed();
    const status = life.signal.aborted ? 'interrupted' : 'finished';
    await finishRun(c, status);
    await progress.report(undefined, true).catch(() => {});
    return { runId: run.runId, dbFile: run.dbFile, outputDir: run.config.output.dir, status, ...progress.summary() };
  } catch (e) {
    await life.interrupt();
    throw e;
  } finally {
    await life.end();
    await run.store.close();
  }
}

async function assemble(run: OpenedRun, life: RunLife, hooks: CrawlHooks, log: CrawlLog): Promise<Crawl> {
  const { store, runId, config } = run;
  const normalize = normalizerFor(config.scope);
  const startUrls = normalizeAll(config.startUrls, normalize);
  const scope = new Scope(startUrls, { origins: config.scope.origins, include: config.scope.include, exclude: config.scope.exclude, maxDepth: config.scope.maxDepth });
  // the credentials go to the crawl's own origins only (browser and Node alike)
  const credentials = new Credentials(config.auth, scope.origins);
  const pool = new BrowserPool({
    auth: config.auth,
    userAgent: config.userAgent,
    relaunchEvery: config.relaunchEvery,
    prepare: (page) => prepareTab(page, { skip: config.skipResources, credentials }),
    launch: hooks.launch,
    onEvent: (e) => log(e.message),
  });
  const session = { cookies: '' };
  const http = new HttpClient({ credentials, userAgent: config.userAgent, timeoutMs: config.timeouts.navigationMs, cookieHeader: () => session.cookies || undefined });
  const incremental = await IncrementalAudit.open(store, runId, http, {
    full: config.incremental === false,
    startUrls: config.startUrls,
    target: config.target,
    toolVersion: TOOL_VERSION,
    interaction: config.interaction?.enabled ?? false,
  });
  if (incremental.previousRunId != null) log(M.reusingPrevious(incremental.previousRunId));
  const robots = new RobotsCache((u) => http.getText(u), config.robots);
  const discovery = new Discovery({ store, runId, scope, robots, maxPages: config.scope.maxPages });
  const hosts = new HostQueues(config.perHost, async (url) => (await robots.of(url)).crawlDelaySeconds);
  const retry = new RetryPolicy(config.retries);
  const documents = new DocumentTask({
    store, runId, http, checkDocuments: config.checkDocuments, maxDocumentBytes: config.maxDocumentBytes,
    previousRunId: incremental.previousRunId, retry, hosts, log,
  });
  const sampler = new InteractionSampler();
  const screenshots = await CrawlScreenshots.open({ store, runId, dbFile: run.dbFile, mode: config.screenshots, startUrls, normalize, log });
  const pages = new PageTask({
    store,
    runId,
    log,
    pool,
    gather: hooks.gather ?? gatherPage,
    gatherOptions: gatherOptionsFor(config, sampler),
    incremental,
    discovery,
    normalize,
    scope,
    retry,
    hosts,
    documents,
    followLinks: config.followLinks,
    screenshots,
  });
  return { run, life, log, normalize, startUrls, scope, robots, http, session, pool, hosts, incremental, sampler, discovery, documents, screenshots, pages };
}

/** A new run is seeded; a resumed one has its frontier already, unless it stopped before seeding ended. */
async function needsSeed(run: OpenedRun): Promise<boolean> {
  if (!run.resumed) return true;
  const n = await run.store.frontier.frontierCounts(run.runId);
  return n.queued + n.active + n.done + n.failed === 0;
}

/** Logs in (when there is a login script), then runs the frontier until it is empty or the run is stopped. */
async function crawlFrontier(c: Crawl, progress: ProgressMeter): Promise<void> {
  const { store, runId, config } = c.run;
  const { signal } = c.life;
  try {
    await logIn(c);
    await progress.report(undefined, true).catch(() => {});
    await pumpFrontier({
      concurrency: config.concurrency,
      take: (n) => outlastBusyStore(() => store.frontier.takeQueued(runId, n), (redo) => c.log(M.storeBusyTake(redo)), signal),
      handle: itemHandler({ store, runId, log: c.log, pages: c.pages, documents: c.documents, progress, life: c.life }),
      hosts: c.hosts,
      signal,
    });
  } finally {
    await c.pool.close();
  }
}

/**
 * With a login script: the pool's first browser logs in now, and Node's requests from here on (document
 * probes, incremental checks) carry its session's cookies. A new run's seeding came before, without them.
 */
async function logIn(c: Crawl): Promise<void> {
  const first = c.startUrls[0];
  if (!c.run.config.auth.loginScript || !first) return;
  await c.pool.withPage(async () => ({ value: undefined, broken: false }));
  c.session.cookies = await c.pool.cookieHeader(first);
}

/** The run's closing lines, the site checks (only when the frontier was finished) and the run's status. */
async function finishRun(c: Crawl, status: 'finished' | 'interrupted'): Promise<void> {
  const { store, runId, config } = c.run;
  const { sampler, incremental } = c;
  if (sampler.skipped) c.log(M.keyboardSampled(sampler.makeups, sampler.skipped));
  if (incremental.stats.reused) c.log(M.reusedPages(incremental.stats.reused, incremental.stats.changed));
  const shots = c.screenshots.stats;
  if (shots.taken || shots.carried || shots.failed) c.log(M.screenshotsTaken(shots.taken, shots.carried, shots.failed));
  if (c.documents.stats.checked) c.log(M.documentsChecked(c.documents.stats.checked, c.documents.stats.reused, c.documents.stats.findings));
  if (status === 'finished') c.log(M.siteChecks(await runSiteChecks(store, runId, config.target)));
  await store.runs.updateRun(runId, {
    status,
    finishedAt: status === 'finished' ? new Date().toISOString() : null,
    axeVersion: c.pages.axeVersion || undefined,
    browser: c.pool.browserVersion || undefined,
  });
}
