// One page of the frontier, from the item to the stored result, with the retry policy built in (the
// Crawlee model: the request queue and the results are separate stores, the request handler owns retries).
//   1. unchanged since the previous run (incremental.ts): its result is copied, its links followed;
//   2. otherwise gathered in a tab of the pool (crawler/page/gather-page.ts: load, audit, collect links);
//   3. a failure is recorded as an attempt; a transient one (TRANSIENT_ERRORS, or an HTTP status of
//      TRANSIENT_STATUSES: the server asks us to come back later) goes back to the frontier while the URL has
//      attempts left and the run's retry budget lasts, and a "slow down" status (429/502/503/504) slows its
//      whole host, honouring Retry-After (host-pace.ts); a link that is not HTML but a document is
//      inventoried as one (document-task.ts);
//   4. otherwise the page is saved (page-record.ts) with its error or its findings; an audited page's links
//      are followed (discovery.ts) and its validators remembered for the next run.
import path from 'node:path';
import type { Page } from 'puppeteer';
import type { ErrorCode } from '../../rules-jis/types.js';
import type { BrowserPool } from '../page/browser-pool.js';
import type { GatheredPage, GatherOptions } from '../page/gather-page.js';
import type { InteractionSampler } from '../page/interaction/sampling.js';
import type { FrontierItem, Store } from '../store/store.js';
import type { CrawlConfig } from './config.js';
import type { Discovery, Normalize } from './discovery.js';
import type { DocumentTask } from './document-task.js';
import type { IncrementalAudit } from './incremental.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';
import { navBlocks, pageLinks, pageRecord } from './page-record.js';
import type { Scope } from './scope.js';
import { parseRetryAfter } from './host-pace.js';
import type { HostQueues } from './pump.js';
import type { CrawlScreenshots } from './screenshots.js';

/** Failures worth another attempt: the page may load next time (slow server, a tab or browser that died). */
export const TRANSIENT_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['timeout', 'audit-timeout', 'crashed', 'unreachable']);

/** HTTP statuses that ask the client to come back later (Too Many Requests, Bad Gateway, Service Unavailable, Gateway Timeout). */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Whether a failure may go away by itself: a transient error, or an http-error with a transient status. */
export function isTransient(code: ErrorCode, status?: number | null): boolean {
  return TRANSIENT_ERRORS.has(code) || (code === 'http-error' && status != null && TRANSIENT_STATUSES.has(status));
}

/** Retries of one URL (`perUrl`) and of the whole run (`budget`, so a dying site does not double the run). */
export class RetryPolicy {
  private left: number;

  constructor(private limits: { perUrl: number; budget: number }) {
    this.left = limits.budget;
  }

  /**
   * Whether an item that failed with `code` (and HTTP `status`) after `attempts` earlier attempts is tried
   * again; a retry spends the budget.
   */
  retry(code: ErrorCode, attempts: number, status?: number | null): boolean {
    if (!isTransient(code, status) || attempts >= this.limits.perUrl || this.left <= 0) return false;
    this.left--;
    return true;
  }
}

/** Loads, audits and collects one page in a tab (crawler/page/gather-page.ts gatherPage; tests replace it). */
export type Gather = (page: Page, url: string, opts: GatherOptions) => Promise<GatheredPage>;

/** The gather options of a run: its limits, and the keyboard phase once per make-up unless every page is asked for. */
export function gatherOptionsFor(config: CrawlConfig, sampler: InteractionSampler): GatherOptions {
  return {
    target: config.target,
    navigationTimeoutMs: config.timeouts.navigationMs,
    auditTimeoutMs: config.timeouts.auditMs,
    maxPageBytes: config.maxPageBytes,
    interaction: config.interaction.enabled
      ? {
          budgetMs: config.interaction.budgetMs,
          overlayDir: path.join(config.output.dir, 'focus-order'),
          sampler: config.interaction.scope === 'every-page' ? undefined : sampler,
        }
      : undefined,
  };
}

export interface PageTaskDeps {
  store: Store;
  runId: number;
  log: CrawlLog;
  pool: BrowserPool;
  gather: Gather;
  gatherOptions: GatherOptions;
  incremental: IncrementalAudit;
  discovery: Discovery;
  normalize: Normalize;
  scope: Scope;
  retry: RetryPolicy;
  /** The hosts' queues: a host that answers 429/502/503/504 is slowed down. */
  hosts: HostQueues;
  documents: DocumentTask;
  followLinks: boolean;
  /** Screenshots of the selected pages (crawl/screenshots.ts); none when absent. */
  screenshots?: CrawlScreenshots;
}

export class PageTask {
  /** The axe-core version that audited the run's first page (stored with the run). */
  axeVersion = '';

  constructor(private d: PageTaskDeps) {}

  async run(item: FrontierItem): Promise<void> {
    if (await this.reuse(item)) return;
    const g = await this.gatherInTab(item);
    if (g.error && (await this.handledFailure(item, g))) return;
    if (!g.error) await this.d.hosts.recovered(item.url);
    await this.save(item, g);
  }

  /** An unchanged page: the previous run's result is copied into this run (by the store) and its links followed. */
  private async reuse(item: FrontierItem): Promise<boolean> {
    const prev = this.d.incremental.previousRunId;
    // a selected page without a picture from the previous run is audited afresh, so that it is photographed
    if (prev != null && (await this.d.screenshots?.needsFreshShot(prev, item.url))) return false;
    const reused = await this.d.incremental.tryReuse(item).catch(() => null);
    if (!reused) return false;
    if (prev != null) await this.d.screenshots?.carry(prev, item.url);
    if (this.d.followLinks) await this.d.discovery.enqueue(reused.links, item.depth + 1, item.url);
    return true;
  }

  /** The page in a tab of the pool; a browser that dies under it is the page's error, not the run's. */
  private gatherInTab(item: FrontierItem): Promise<GatheredPage> {
    return this.d.pool
      .withPage(async (page) => {
        const r = await this.d.gather(page, item.url, this.d.gatherOptions);
        if (!this.axeVersion && r.result && !r.error) this.axeVersion = r.axeVersion ?? '';
        // photographed in the same tab, still showing the page as audited
        if (!r.error && !r.pageBroken && this.d.screenshots?.wants(item.url)) await this.d.screenshots.take(page, item.url, r.result);
        return { value: r, broken: r.pageBroken };
      })
      .catch((e: Error) => browserDied(item.url, e));
  }

  /**
   * Records a failed attempt, then retries it or inventories it as a document (true: nothing more to do),
   * or logs it (false: the page is saved with its error).
   */
  private async handledFailure(item: FrontierItem, g: GatheredPage): Promise<boolean> {
    const { store, runId, log } = this.d;
    const error = g.error!;
    await store.results.addError(runId, { url: item.url, code: error.code, message: error.message, attempt: item.attempts + 1 });
    // the host asks us to slow down: all its pages wait (its Retry-After, or a growing backoff)
    const slowDown = error.code === 'http-error' && g.status != null && TRANSIENT_STATUSES.has(g.status);
    const waitMs = slowDown ? await this.d.hosts.slowDown(item.url, parseRetryAfter(g.retryAfter)) : null;
    if (this.d.retry.retry(error.code, item.attempts, g.status)) {
      await store.frontier.requeue(runId, item.url);
      log(M.retrying(item.url, item.attempts + 1, slowDown ? `${error.code} ${g.status}` : error.code, waitMs));
      return true;
    }
    if (error.code === 'not-html') {
      const type = await this.d.documents.typeOfNonHtml(item.url, g.contentType);
      if (type) {
        await this.d.documents.run(item, type);
        return true;
      }
    }
    log(M.pageError(error.code, error.message));
    return false;
  }

  /** Saves the page; an audited one is remembered for the next run and its links are followed. */
  private async save(item: FrontierItem, g: GatheredPage): Promise<void> {
    const { store, runId, normalize } = this.d;
    const links = pageLinks(g, normalize);
    const nav = navBlocks(g, normalize);
    if (!g.error) await this.markRedirectTarget(item, g.finalUrl);
    await store.results.savePage(runId, pageRecord(item, g, links, nav));
    if (g.error) return;
    await this.d.incremental.remember(item.url, { etag: g.etag ?? null, lastModified: g.lastModified ?? null, contentHash: g.contentHash, assets: g.assets ?? [] }).catch(() => {});
    if (this.d.followLinks) await this.d.discovery.enqueue(links.map((l) => l.toUrl), item.depth + 1, item.url);
  }

  /** A redirect within the site: the target was audited here, under the linked URL, so it is not queued for its own audit. */
  private async markRedirectTarget(item: FrontierItem, finalUrl: string | null): Promise<void> {
    const { store, runId } = this.d;
    const target = finalUrl ? this.d.normalize(finalUrl) : null;
    if (!target || target === item.url || !this.d.scope.inScope(target)) return;
    if (!(await store.results.pageByUrl(runId, target))) await store.frontier.markAlias(runId, target, item.depth);
  }
}

/** What a page gets when the browser died while it was gathered (it counts as a crash of the page: retried). */
function browserDied(url: string, e: Error): GatheredPage {
  return {
    url,
    finalUrl: null,
    status: null,
    contentType: null,
    bytes: null,
    contentHash: null,
    result: null,
    error: { code: 'crashed', message: M.browserDied(url, e.message) },
    links: [],
    nav: [],
    durationMs: 0,
    pageBroken: true,
  };
}
