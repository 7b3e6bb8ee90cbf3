// Opens the run a crawl works on, with its lease: a new run (the config validated, stored with its secrets
// masked), or a run whose process died or was stopped (`--resume`): its stored config comes back with this
// process's secrets and output, the items that were in flight go back to the frontier, and so do pages whose
// only result was a store lock (0.2.0 recorded those as failures). Two crawls never work on one run: the
// run's lease (run-lease.ts) must be free, expired or held by a process known dead; and a new crawl is
// refused while a live crawl of the same start URLs writes into the same store (it would double the load on
// the site and split its results between two runs) — crawls of other sites only get a notice. Before
// deciding, leases of dead or expired holders are cleared and their runs recorded as interrupted.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import { STORE_FILE_NAME } from '../store/paths.js';
import { isPostgresLocation, openStore, type Lease, type LeaseHolder, type Run, type Store } from '../store/store.js';
import { redactConfig, validateConfig, type CrawlConfig } from './config.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';
import { holderIsGone, isExpired, leaseOwner, leaseTtlMs, RunLeaseError } from './run-lease.js';

/** The run a crawl works on, with the store it lives in (open: the caller closes it) and its lease (held: the caller releases it). */
export interface OpenedRun {
  store: Store;
  dbFile: string;
  runId: number;
  /** The new run's config, or the resumed run's stored one with this process's secrets and output. */
  config: CrawlConfig;
  resumed: boolean;
  lease: Lease;
  /** The lease's life without renewal (ms). */
  leaseTtlMs: number;
}

export interface OpenRunOptions {
  /** Continue a run: its id, or true for the newest unfinished run in the store. */
  resume?: number | true;
  /** Take the run even from a live crawl, or start beside a live crawl of the same site (`--force`). */
  force?: boolean;
  /** Tests: another holder identity or lease life. */
  owner?: LeaseHolder;
  ttlMs?: number;
}

/** The store of a crawl: output.db (a SQLite file or a postgres:// URL), or jis-a11y.sqlite in the output folder. */
export function storeFile(config: CrawlConfig): string {
  return config.output.db ?? path.join(config.output.dir, STORE_FILE_NAME);
}

/** Opens the store and starts a new run, or continues one; throws RunLeaseError (Japanese) when another live crawl is in the way. */
export async function openRun(input: CrawlConfig, opts: OpenRunOptions, log: CrawlLog): Promise<OpenedRun> {
  const dbFile = storeFile(input);
  if (!isPostgresLocation(dbFile)) mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  mkdirSync(input.output.dir, { recursive: true });
  const store = await openStore(dbFile);
  try {
    const claim: Claim = { owner: opts.owner ?? leaseOwner(), ttlMs: opts.ttlMs ?? leaseTtlMs(), force: opts.force ?? false };
    await clearDeadLeases(store, log);
    const opened = opts.resume !== undefined ? await resumeRun(store, opts.resume, input, claim, log) : await startRun(store, input, claim, log);
    return { store, dbFile, leaseTtlMs: claim.ttlMs, ...opened };
  } catch (e) {
    await store.close();
    throw e;
  }
}

interface Claim {
  owner: LeaseHolder;
  ttlMs: number;
  force: boolean;
}

type RunPart = Pick<OpenedRun, 'runId' | 'config' | 'resumed' | 'lease'>;

/** Leases whose holder has died (this machine) or gone silent (expired): removed, their runs left 'interrupted'. */
async function clearDeadLeases(store: Store, log: CrawlLog): Promise<void> {
  for (const l of await store.leases.listLeases()) {
    const expired = isExpired(l);
    if (!expired && !holderIsGone(l)) continue;
    if (await store.leases.reap(l.runId, l.token)) log(expired ? M.reapedExpired(l) : M.reapedDead(l));
  }
}

async function startRun(store: Store, config: CrawlConfig, claim: Claim, log: CrawlLog): Promise<RunPart> {
  validateConfig(config);
  const others = (await store.leases.listLeases()).filter((l) => !isExpired(l));
  const meta = { startUrls: config.startUrls, config: redactConfig(config), toolVersion: TOOL_VERSION, target: config.target, label: config.label };
  const r = await store.leases.createLeasedRun(meta, claim.owner, { ttlMs: claim.ttlMs, force: claim.force });
  if (!r.ok) throw new RunLeaseError(M.sameSiteRunning(r.holder, r.startUrls), r.holder);
  await store.tests.attachRunToOpenTest(r.runId); // the open yearly test (if any) uses this run's results (issue 14)
  if (others.length) log(M.otherCrawlsWriting(others.map((l) => l.runId)));
  log(M.started(r.runId, config.startUrls));
  return { runId: r.runId, config, resumed: false, lease: r.lease };
}

async function resumeRun(store: Store, resume: number | true, current: CrawlConfig, claim: Claim, log: CrawlLog): Promise<RunPart> {
  const run = await runToResume(store, resume);
  const got = await store.leases.acquire(run.id, claim.owner, { ttlMs: claim.ttlMs, force: claim.force });
  if (!got.ok) throw new RunLeaseError(M.runHeld(got.holder), got.holder);
  if (got.replaced && !isExpired(got.replaced)) log(M.forcedTakeover(got.replaced));
  const back = await store.frontier.resetActive(run.id);
  const reopened = await store.results.discardLockFailures(run.id);
  await store.runs.updateRun(run.id, { status: 'running', finishedAt: null });
  log(M.resumed(run.id, back));
  if (reopened.length) log(M.lockFailuresReopened(reopened.length));
  return { runId: run.id, config: restoreConfig(run.config as CrawlConfig, current), resumed: true, lease: got.lease };
}

/** The run to continue; throws (in Japanese) when there is none or it has finished. */
async function runToResume(store: Store, resume: number | true): Promise<Run> {
  const run =
    resume === true
      ? ((await store.runs.listRuns()).find((r) => r.status === 'running' || r.status === 'interrupted') ?? null)
      : await store.runs.getRun(resume);
  if (!run) throw new UsageError(resume === true ? M.noRunToResume() : M.noSuchRun(resume));
  if (run.status === 'finished') throw new UsageError(M.runFinishedAlready(run.id));
  return run;
}

/** The stored config of a run back as a CrawlConfig: secrets and output from the current config, -1 depth as no limit (config.ts redactConfig). */
function restoreConfig(stored: CrawlConfig, current: CrawlConfig): CrawlConfig {
  const c: CrawlConfig = { ...stored, scope: { ...stored.scope }, auth: current.auth, output: current.output };
  if (!(c.scope.maxDepth >= 0)) c.scope.maxDepth = Number.POSITIVE_INFINITY;
  return c;
}
