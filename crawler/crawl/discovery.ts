// What enters the crawl's frontier (the store's request queue, crawler/store/sqlite/frontier.ts). A URL found
// anywhere (start URLs, the URL list, sitemaps, the links of an audited page) is admitted when it is a page or
// a document rather than an asset (rules-jis/url.ts classifyUrl), is in scope (scope.ts) and robots.txt allows
// it (robots.ts). The frontier itself ignores URLs it already has and caps the pages at maxPages. Seeding
// fills a new run's frontier from the start URLs, the URL list and the sitemaps. No URL keeps a userinfo part
// (url-credentials.ts): the normaliser strips it, and the URL list's and sitemaps' credentials for the crawl's
// origins become its basic auth.
import { readFileSync } from 'node:fs';
import { classifyUrl, normalizeUrl } from '../../rules-jis/url.js';
import type { FrontierEntry, Store } from '../store/store.js';
import type { CrawlConfig } from './config.js';
import type { HttpClient } from './http-client.js';
import { CRAWL_MESSAGES_JA as M, type CrawlLog } from './messages-ja.js';
import type { RobotsCache } from './robots.js';
import type { Scope } from './scope.js';
import { parseUrlList, readSitemaps } from './sitemap.js';
import { adoptUrlCredentials, withoutUserinfo } from './url-credentials.js';

/** A URL as the run keeps it (its query and trailing-slash policy), or null when `href` is not a crawlable URL. */
export type Normalize = (href: string, base?: string) => string | null;

export function normalizerFor(scope: Pick<CrawlConfig['scope'], 'query' | 'trailingSlash'>): Normalize {
  const opts = { query: scope.query, trailingSlash: scope.trailingSlash };
  return (href, base) => {
    const u = normalizeUrl(href, base, opts);
    return u && withoutUserinfo(u);
  };
}

/** Normalises every URL of a list, dropping those that are not crawlable. */
export function normalizeAll(hrefs: string[], normalize: Normalize, base?: string): string[] {
  return hrefs.map((h) => normalize(h, base)).filter((u): u is string => !!u);
}

export interface DiscoveryDeps {
  store: Store;
  runId: number;
  scope: Scope;
  robots: RobotsCache;
  maxPages: number;
}

export class Discovery {
  /** Pages this process added to the frontier (a new run's seeding stops once they reach maxPages). */
  private pagesAdded = 0;

  constructor(private deps: DiscoveryDeps) {}

  /** The frontier of a new run has as many pages as the run may audit: further URLs would be ignored. */
  get full(): boolean {
    return this.pagesAdded >= this.deps.maxPages;
  }

  /** Kind + scope + robots: the frontier entry for a discovered URL, or null when the crawl leaves it. */
  async admit(url: string, depth: number): Promise<Omit<FrontierEntry, 'parentUrl'> | null> {
    const kind = classifyUrl(url);
    if (kind === 'asset') return null;
    // documents are leaves attached to an audited page: depth does not limit them
    if (!this.deps.scope.inScope(url, kind === 'document' ? undefined : depth)) return null;
    if (!(await this.deps.robots.of(url)).isAllowed(url)) return null;
    return { url, depth, kind };
  }

  /** Admits each URL once and adds the admitted ones to the frontier. Returns how many were new there. */
  async enqueue(urls: string[], depth: number, parentUrl: string | null): Promise<number> {
    const items: FrontierEntry[] = [];
    for (const u of new Set(urls)) {
      const a = await this.admit(u, depth);
      if (a) items.push({ ...a, parentUrl });
    }
    const added = new Set(await this.deps.store.frontier.enqueue(this.deps.runId, items, this.deps.maxPages));
    this.pagesAdded += items.filter((i) => i.kind === 'page' && added.has(i.url)).length;
    return added.size;
  }
}

/** Where a new run's first URLs come from. */
export interface SeedSources {
  /** Its auth receives the credentials written into a URL of the list or a sitemap (the run's own config). */
  config: Pick<CrawlConfig, 'urlList' | 'sitemap' | 'sitemaps' | 'auth'>;
  /** The start URLs, normalised. */
  startUrls: string[];
  normalize: Normalize;
  http: HttpClient;
  robots: RobotsCache;
  /** The origins in scope: each one's sitemap is read. */
  origins: Iterable<string>;
  log: CrawlLog;
}

/** Fills a new run's frontier: the start URLs, then the URL list, then the sitemaps (all at depth 0). */
export async function seedFrontier(discovery: Discovery, s: SeedSources): Promise<void> {
  await discovery.enqueue(s.startUrls, 0, null);
  const origins = new Set(s.origins);
  const adopt = (href: string) => adoptUrlCredentials(href, s.config.auth, (u) => origins.has(new URL(u).origin), s.log);
  if (s.config.urlList) {
    // a relative line of the list is relative to the first start URL
    const list = normalizeAll(parseUrlList(readFileSync(s.config.urlList, 'utf8')).map(adopt), s.normalize, s.startUrls[0]);
    s.log(M.urlListAdded(await discovery.enqueue(list, 0, null)));
  }
  if (s.config.sitemap || s.config.sitemaps.length) await seedFromSitemaps(discovery, s, adopt);
}

/** URLs taken from a sitemap at a time: small, so that a crawl of 50 pages reads little more than 50 URLs. */
const SITEMAP_BATCH = 100;

/** The sitemaps' URLs, read as a stream and enqueued batch by batch until the frontier is full. */
async function seedFromSitemaps(discovery: Discovery, s: SeedSources, adopt: (href: string) => string): Promise<void> {
  let read = 0;
  let added = 0;
  let batch: string[] = [];
  const flush = async () => {
    added += await discovery.enqueue(normalizeAll(batch.map(adopt), s.normalize), 0, null);
    batch = [];
  };
  const urls = readSitemaps(await sitemapRoots(s), (u) => s.http.request(u, { redirect: 'follow' }), {
    onError: (u, m) => s.log(M.sitemapProblem(u, m)),
    onCut: s.log,
  });
  for await (const u of urls) {
    read++;
    batch.push(u);
    if (batch.length < SITEMAP_BATCH) continue;
    await flush();
    if (discovery.full) {
      s.log(M.sitemapStopped(read));
      break; // leaving the loop stops the reader: the rest is not downloaded
    }
  }
  if (batch.length) await flush();
  if (read) s.log(M.sitemapAdded(read, added));
}

/** The configured sitemaps, plus (with `sitemap` on) each origin's Sitemap: lines, or its /sitemap.xml when it has none. */
async function sitemapRoots(s: SeedSources): Promise<string[]> {
  const roots = new Set<string>(s.config.sitemaps);
  if (s.config.sitemap) {
    for (const origin of s.origins) {
      const fromRobots = await s.robots.sitemapsOf(origin);
      if (fromRobots.length) fromRobots.forEach((u) => roots.add(withoutUserinfo(new URL(u, origin).href)));
      else roots.add(origin + '/sitemap.xml');
    }
  }
  return [...roots];
}
