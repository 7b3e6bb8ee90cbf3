// The site-wide crawl: seeds the frontier (start URLs, sitemaps, URL list), audits pages with a pool of
// tabs under p-queue, inventories documents, follows links within scope, streams everything into the
// store, and ends with the site-level checks. `resume` continues a run whose process died.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PQueue from 'p-queue';
import type { Browser } from 'puppeteer';
import { BrowserPool } from '../page/browser-pool.js';
import { redactConfig, validateConfig, type CrawlConfig } from './config.js';
import { STORE_FILE_NAME } from '../store/paths.js';
import { gatherPage, type GatheredPage, type GatherOptions } from '../page/gather-page.js';
import { HttpClient } from './http-client.js';
import { allowAll, loadRobots, type Robots } from './robots.js';
import { Scope } from './scope.js';
import { collectSitemapUrls, parseUrlList } from './sitemap.js';
import { runSiteChecks } from './site-checks.js';
import { openStore, type FrontierItem, type NavBlock } from '../store/store.js';
import { classifyUrl, DOCUMENT_TYPES, documentTypeFromContentType, extensionOf, normalizeUrl, type NormalizeOptions } from '../../rules-jis/url.js';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import { IncrementalAudit } from './incremental.js';
import { prepareTab } from '../page/tab-setup.js';
import { InteractionSampler } from '../page/interaction/sampling.js';
import type { Page } from 'puppeteer';

export interface CrawlProgress {
  runId: number;
  /** Pages and documents finished (audited, inventoried or recorded with an error). */
  done: number;
  /** Everything discovered so far (frontier size). */
  discovered: number;
  active: number;
  /** Pages recorded with an error. */
  failed: number;
  documents: number;
  /** Errors including retried attempts. */
  errors: number;
  /** Finished items per second since this process started. */
  rate: number;
  /** Seconds left at the current rate (null when unknown). */
  etaSeconds: number | null;
  lastUrl?: string;
}

export interface CrawlHooks {
  onProgress?: (p: CrawlProgress) => void;
  /** One line for the log (Japanese). */
  onLog?: (line: string) => void;
  /** Stops taking new URLs; pages in flight finish; the run is left 'interrupted' (resumable). */
  signal?: AbortSignal;
  /** Tests: replace the browser launch or the one-page gather. */
  launch?: () => Promise<Browser>;
  gather?: (page: Page, url: string, opts: GatherOptions) => Promise<GatheredPage>;
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
  hooks?: CrawlHooks;
}

/** Errors worth another attempt. */
const TRANSIENT = new Set(['timeout', 'audit-timeout', 'crashed', 'unreachable']);

export function storeFile(config: CrawlConfig): string {
  return config.output.db ?? path.join(config.output.dir, STORE_FILE_NAME);
}

/** The stored config of a run back as a CrawlConfig (secrets come from the current config). */
function restoreConfig(stored: CrawlConfig, current: CrawlConfig): CrawlConfig {
  const c: CrawlConfig = { ...stored, scope: { ...stored.scope }, auth: current.auth, output: current.output };
  if (!(c.scope.maxDepth >= 0)) c.scope.maxDepth = Number.POSITIVE_INFINITY;
  return c;
}

export async function runCrawl(input: CrawlConfig, opts: CrawlRunOptions = {}): Promise<CrawlOutcome> {
  const hooks = opts.hooks ?? {};
  const log = (s: string) => hooks.onLog?.(s);
  const dbFile = storeFile(input);
  mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  mkdirSync(input.output.dir, { recursive: true });
  const store = await openStore(dbFile);
  let runId: number;
  let config: CrawlConfig;
  let resumed = false;
  try {
    if (opts.resume !== undefined) {
      const run =
        opts.resume === true
          ? ((await store.runs.listRuns()).find((r) => r.status === 'running' || r.status === 'interrupted') ?? null)
          : await store.runs.getRun(opts.resume);
      if (!run) throw new Error(opts.resume === true ? '再開できる検査（中断した検査）がありません。' : `検査 #${opts.resume} がありません。`);
      if (run.status === 'finished') throw new Error(`検査 #${run.id} は完了しています。再開の必要はありません。`);
      runId = run.id;
      config = restoreConfig(run.config as CrawlConfig, input);
      const back = await store.frontier.resetActive(runId);
      await store.runs.updateRun(runId, { status: 'running', finishedAt: null });
      resumed = true;
      log(`検査 #${runId} を再開します（途中だった ${back} 件をやり直します）。`);
    } else {
      validateConfig(input);
      config = input;
      runId = await store.runs.createRun({ startUrls: config.startUrls, config: redactConfig(config), toolVersion: TOOL_VERSION, target: config.target, label: config.label });
      log(`検査 #${runId} を開始します: ${config.startUrls.join(', ')}`);
    }
  } catch (e) {
    await store.close();
    throw e;
  }

  const normOpts: NormalizeOptions = { query: config.scope.query, trailingSlash: config.scope.trailingSlash };
  const norm = (href: string, base?: string) => normalizeUrl(href, base, normOpts);
  const startUrls = config.startUrls.map((u) => norm(u)).filter((u): u is string => !!u);
  const scope = new Scope(startUrls, { origins: config.scope.origins, include: config.scope.include, exclude: config.scope.exclude, maxDepth: config.scope.maxDepth });
  const pool = new BrowserPool({
    auth: config.auth,
    userAgent: config.userAgent,
    relaunchEvery: config.relaunchEvery,
    origins: [...scope.origins],
    prepare: (page) => prepareTab(page, { skip: config.skipResources }),
    launch: hooks.launch,
    onEvent: (e) => log(e.message),
  });
  let loginCookies = '';
  const http = new HttpClient({ auth: config.auth, userAgent: config.userAgent, timeoutMs: config.timeouts.navigationMs, cookieHeader: () => loginCookies || undefined });

  const incremental = await IncrementalAudit.open(store, runId, http, {
    full: config.incremental === false,
    startUrls: config.startUrls,
    target: config.target,
    toolVersion: TOOL_VERSION,
    interaction: config.interaction?.enabled ?? false,
  });
  if (incremental.previousRunId != null) log(`前回の検査 #${incremental.previousRunId} から変わっていないページは、その結果を引き継ぎます（全ページ検査し直すには --full）。`);

  const robotsCache = new Map<string, Promise<Robots>>();
  const robotsOf = (url: string): Promise<Robots> => {
    if (!config.robots) return Promise.resolve(allowAll());
    const origin = new URL(url).origin;
    let r = robotsCache.get(origin);
    if (!r) robotsCache.set(origin, (r = loadRobots(origin, (u) => http.getText(u))));
    return r;
  };

  /** Scope + robots + type: what to put in the frontier for a discovered URL. */
  const admit = async (url: string, depth: number): Promise<{ url: string; depth: number; kind: 'page' | 'document' } | null> => {
    const kind = classifyUrl(url);
    if (kind === 'asset') return null;
    // documents are leaves attached to an audited page: depth does not limit them
    if (!scope.inScope(url, kind === 'document' ? undefined : depth)) return null;
    if (!(await robotsOf(url)).isAllowed(url)) return null;
    return { url, depth, kind };
  };

  const enqueue = async (urls: string[], depth: number, parentUrl: string | null): Promise<number> => {
    const items = [];
    for (const u of new Set(urls)) {
      const a = await admit(u, depth);
      if (a) items.push({ ...a, parentUrl });
    }
    return (await store.frontier.enqueue(runId, items, config.scope.maxPages)).length;
  };

  // ---- seed (a resumed run already has its frontier)
  const counts0 = await store.frontier.frontierCounts(runId);
  if (!resumed || counts0.queued + counts0.active + counts0.done + counts0.failed === 0) {
    await enqueue(startUrls, 0, null);
    if (config.urlList) {
      const list = parseUrlList(readFileSync(config.urlList, 'utf8'))
        .map((u) => norm(u, startUrls[0]))
        .filter((u): u is string => !!u);
      const n = await enqueue(list, 0, null);
      log(`URL リストから ${n} 件を追加しました。`);
    }
    if (config.sitemap || config.sitemaps.length) {
      const roots = new Set<string>(config.sitemaps);
      if (config.sitemap) {
        for (const origin of scope.origins) {
          const robots = await robotsOf(origin + '/');
          const fromRobots = config.robots ? robots.sitemaps : (await loadRobots(origin, (u) => http.getText(u))).sitemaps;
          if (fromRobots.length) fromRobots.forEach((s) => roots.add(new URL(s, origin).href));
          else roots.add(origin + '/sitemap.xml');
        }
      }
      const found = await collectSitemapUrls([...roots], (u) => http.getText(u), { onError: (u, m) => log(`${m}: ${u}`) });
      const n = await enqueue(found.map((u) => norm(u)).filter((u): u is string => !!u), 0, null);
      if (found.length) log(`サイトマップから ${found.length} 件の URL を読み、${n} 件を追加しました。`);
    }
  }

  // ---- run
  const queue = new PQueue({ concurrency: config.concurrency });
  const hostQueues = new Map<string, PQueue>();
  const hostQueue = async (url: string): Promise<PQueue> => {
    const host = new URL(url).host;
    let q = hostQueues.get(host);
    if (!q) {
      const crawlDelay = (await robotsOf(url)).crawlDelaySeconds;
      const delay = Math.max(config.perHost.delayMs, crawlDelay ? Math.min(crawlDelay, 10) * 1000 : 0);
      q = new PQueue(delay > 0 ? { concurrency: config.perHost.concurrency, interval: delay, intervalCap: 1 } : { concurrency: config.perHost.concurrency });
      hostQueues.set(host, q);
    }
    return q;
  };
  const gather = hooks.gather ?? gatherPage;
  const sampler = new InteractionSampler();
  const gatherOpts: GatherOptions = {
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
  let retryBudget = config.retries.budget;
  const started = Date.now();
  let processed = 0;
  let axeVersion = '';

  let lastProgress = 0;
  /** At most twice a second (the counts are queries over the whole run), and always when forced. */
  const progress = async (lastUrl?: string, force = false) => {
    if (!hooks.onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < 500) return;
    lastProgress = now;
    const { frontier: s, pagesFailed, documents, errors } = await store.runs.progressCounts(runId);
    const done = s.done + s.failed;
    const discovered = s.queued + s.active + s.done + s.failed;
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? processed / secs : 0;
    hooks.onProgress({
      runId,
      done,
      discovered,
      active: s.active,
      failed: pagesFailed,
      documents,
      errors,
      rate,
      etaSeconds: rate > 0 ? (discovered - done) / rate : null,
      lastUrl,
    });
  };

  const processDocument = async (item: FrontierItem, linkedType?: string) => {
    const now = new Date().toISOString();
    const ext = extensionOf(item.url);
    if (!config.checkDocuments) {
      await store.results.saveDocument(runId, { url: item.url, type: linkedType ?? DOCUMENT_TYPES[ext] ?? '不明', checkedAt: now });
      return;
    }
    const r = await http.probe(item.url);
    const type = DOCUMENT_TYPES[ext] ?? documentTypeFromContentType(r.contentType) ?? linkedType ?? (r.contentType?.split(';')[0] || '不明');
    await store.results.saveDocument(runId, { url: item.url, type, contentType: r.contentType, size: r.size, status: r.status, error: r.error, checkedAt: now });
    if (r.error) await store.results.addError(runId, { url: item.url, code: r.error.code, message: r.error.message });
  };

  const processPage = async (item: FrontierItem) => {
    const reused = await incremental.tryReuse(item).catch(() => null);
    if (reused) {
      if (config.followLinks) await enqueue(reused.links, item.depth + 1, item.url);
      return;
    }
    const g = await pool.withPage(async (page) => {
      const r = await gather(page, item.url, gatherOpts);
      if (!axeVersion && r.result && !r.error) axeVersion = r.axeVersion ?? '';
      return { value: r, broken: r.pageBroken };
    }).catch((e: Error): GatheredPage => ({
      url: item.url, finalUrl: null, status: null, contentType: null, bytes: null, contentHash: null, result: null,
      error: { code: 'crashed', message: `${item.url} の検査中にブラウザが異常終了しました: ${e.message}` }, links: [], nav: [], durationMs: 0, pageBroken: true,
    }));
    if (g.error) {
      await store.results.addError(runId, { url: item.url, code: g.error.code, message: g.error.message, attempt: item.attempts + 1 });
      if (TRANSIENT.has(g.error.code) && item.attempts < config.retries.perUrl && retryBudget > 0) {
        retryBudget--;
        await store.frontier.requeue(runId, item.url);
        log(`再試行します（${item.attempts + 1}回目の失敗: ${g.error.code}）: ${item.url}`);
        return;
      }
      // a link that turned out not to be a page: inventory it when it is a document
      if (g.error.code === 'not-html') {
        const type = documentTypeFromContentType(g.contentType);
        const probe = type ? null : await http.probe(item.url);
        const t = type ?? documentTypeFromContentType(probe?.contentType);
        if (t) {
          await processDocument(item, t);
          return;
        }
      }
      log(`エラー（${g.error.code}）: ${g.error.message}`);
    }
    const links: { toUrl: string; text: string; area: 'nav' | 'main' }[] = [];
    const seen = new Set<string>();
    for (const l of g.links) {
      const to = norm(l.href);
      if (!to) continue;
      const k = `${to}\n${l.text}\n${l.area}`;
      if (seen.has(k)) continue;
      seen.add(k);
      links.push({ toUrl: to, text: l.text, area: l.area });
    }
    const nav: NavBlock[] = g.nav.map((b) => ({ key: b.key, hrefs: b.hrefs.map((h) => norm(h)).filter((h): h is string => !!h) }));
    const res = g.result;
    // a redirect within the site: the target was audited here, under the URL that was linked
    const finalNorm = g.finalUrl ? norm(g.finalUrl) : null;
    if (!g.error && finalNorm && finalNorm !== item.url && scope.inScope(finalNorm) && !(await store.results.pageByUrl(runId, finalNorm))) await store.frontier.markAlias(runId, finalNorm, item.depth);
    await store.results.savePage(runId, {
      url: item.url,
      finalUrl: g.finalUrl,
      status: g.status,
      contentType: g.contentType,
      title: res?.title ?? '',
      lang: res?.lang ?? '',
      contentHash: g.contentHash,
      bytes: g.bytes,
      depth: item.depth,
      auditedAt: res?.auditedAt ?? new Date().toISOString(),
      durationMs: g.durationMs,
      error: g.error,
      criteria: res?.criteria ?? [],
      nav,
      findings: res?.findings ?? [],
      links,
    });
    if (!g.error) await incremental.remember(item.url, { etag: g.etag ?? null, lastModified: g.lastModified ?? null, contentHash: g.contentHash, assets: g.assets ?? [] }).catch(() => {});
    if (!g.error && config.followLinks) await enqueue(links.map((l) => l.toUrl), item.depth + 1, item.url);
  };

  const processItem = async (item: FrontierItem) => {
    try {
      if (item.kind === 'document') await processDocument(item);
      else await processPage(item);
    } catch (e) {
      // never lose the run over one URL: record it and move on
      const message = `${item.url} の処理中に予期しないエラーが起きました: ${(e as Error).message}`;
      await store.results.addError(runId, { url: item.url, code: 'internal', message });
      await store.results.savePage(runId, { url: item.url, depth: item.depth, auditedAt: new Date().toISOString(), error: { code: 'internal', message } });
      log(message);
    }
    processed++;
    await progress(item.url);
  };

  const stopped = () => hooks.signal?.aborted === true;
  try {
    if (!loginCookies && config.auth.loginScript && startUrls[0]) {
      // log in first, so robots/sitemap/document requests from Node carry the session too
      await pool.withPage(async () => ({ value: undefined, broken: false }));
      loginCookies = await pool.cookieHeader(startUrls[0]);
    }
    await progress(undefined, true);
    for (;;) {
      const room = stopped() ? 0 : config.concurrency * 2 - queue.size - queue.pending;
      const items = room > 0 ? await store.frontier.takeQueued(runId, room) : [];
      for (const item of items) {
        void queue.add(async () => {
          const hq = await hostQueue(item.url);
          await hq.add(() => processItem(item));
        });
      }
      if (queue.size === 0 && queue.pending === 0) break;
      await new Promise<void>((resolve) => {
        const done = () => {
          queue.off('next', done);
          hooks.signal?.removeEventListener('abort', done);
          resolve();
        };
        queue.on('next', done);
        hooks.signal?.addEventListener('abort', done);
      });
    }
    await queue.onIdle();
  } finally {
    await pool.close();
  }

  const status = stopped() ? 'interrupted' : 'finished';
  if (sampler.skipped) log(`キーボード操作の検査は、作りの異なる ${sampler.makeups} ページで行い、同じ作りの ${sampler.skipped} ページでは省きました（全ページで行うには --interaction-every-page）。`);
  if (incremental.stats.reused) log(`変わっていない ${incremental.stats.reused} ページは前回の結果を引き継ぎました（変わったページ ${incremental.stats.changed} 件は検査し直しました）。`);
  if (status === 'finished') {
    const n = await runSiteChecks(store, runId, config.target);
    log(`サイト全体の検査（タイトルの重複・ナビゲーションの順序・リンク名の一貫性）: 要確認 ${n} 件`);
  }
  await store.runs.updateRun(runId, {
    status,
    finishedAt: status === 'finished' ? new Date().toISOString() : null,
    axeVersion: axeVersion || undefined,
    browser: pool.browserVersion || undefined,
  });
  await progress(undefined, true);
  await store.close();
  const durationMs = Date.now() - started;
  return { runId, dbFile, outputDir: config.output.dir, status, processed, durationMs, pagesPerSecond: processed / Math.max(0.001, durationMs / 1000) };
}
