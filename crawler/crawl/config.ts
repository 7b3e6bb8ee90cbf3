// The crawl configuration: jis-a11y.config.json (or .js/.mjs exporting the object), merged with CLI flags.
// A scheduled job is then one command: `jis-a11y crawl --config jis-a11y.config.json`.
import { DEFAULT_SKIPPED_RESOURCES, type SkippedResource } from '../page/tab-setup.js';
import type { InteractionScope } from '../page/interaction/sampling.js';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { QueryPolicy } from '../../rules-jis/url.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import type { AuthConfig } from '../page/auth.js';

export type { AuthConfig };
import { DEFAULT_OUTPUT_DIR, STORE_FILE_NAME } from '../store/paths.js';


export interface CrawlConfig {
  /** Start URLs (the site's top page). */
  startUrls: string[];
  /** Read <origin>/sitemap.xml and the Sitemap: lines of robots.txt (default true). */
  sitemap: boolean;
  /** Extra sitemap URLs. */
  sitemaps: string[];
  /** A file with one URL a line. */
  urlList?: string;
  /** Follow links found in the rendered pages (default true). */
  followLinks: boolean;
  scope: {
    /** Extra origins that belong to the site (default: the start URLs' origins). */
    origins?: string[];
    include?: string[];
    exclude?: string[];
    maxPages: number;
    maxDepth: number;
    query: QueryPolicy;
    trailingSlash: 'keep' | 'add' | 'remove';
  };
  /** Honour robots.txt (default true). */
  robots: boolean;
  auth: AuthConfig;
  concurrency: number;
  /** Politeness: at most this many pages of one host at a time, and this many ms between their starts. */
  perHost: { concurrency: number; delayMs: number };
  timeouts: { navigationMs: number; auditMs: number };
  /** Retries of one URL after a transient error (timeout, crash, network), and the budget for the whole run. */
  retries: { perUrl: number; budget: number };
  /** A fresh browser after this many pages (memory leaks of long runs). */
  relaunchEvery: number;
  /** Pages bigger than this are recorded as too-large, not audited. */
  maxPageBytes: number;
  /** Check the size and status of documents (PDF …) with HEAD requests (default true). */
  checkDocuments: boolean;
  /** Resource types the browser does not load (default fonts and media; [] loads everything). */
  skipResources: SkippedResource[];
  target: 'A' | 'AA';
  /**
   * Reuse the stored result of a page whose served HTML and assets are unchanged since the previous finished
   * run of the same site (default true; `--full` audits every page again).
   */
  incremental: boolean;
  /** The keyboard/interaction phase after the static audit (2.1.1, 2.1.2, 2.4.3, 2.4.7, 3.2.1, 3.2.2). */
  interaction: {
    enabled: boolean;
    budgetMs: number;
    /** per-makeup (default): once per interactive make-up of the site (interaction/sampling.ts); every-page: on each page. */
    scope: InteractionScope;
  };
  output: {
    /** Output folder (default ./jis-a11y-out). */
    dir: string;
    /** SQLite file (default <dir>/jis-a11y.sqlite). */
    db?: string;
  };
  userAgent?: string;
  label?: string;
}

export type PartialCrawlConfig = Partial<Omit<CrawlConfig, 'scope' | 'auth' | 'perHost' | 'timeouts' | 'retries' | 'output' | 'interaction'>> & {
  interaction?: Partial<CrawlConfig['interaction']>;
  scope?: Partial<CrawlConfig['scope']>;
  auth?: AuthConfig;
  perHost?: Partial<CrawlConfig['perHost']>;
  timeouts?: Partial<CrawlConfig['timeouts']>;
  retries?: Partial<CrawlConfig['retries']>;
  output?: Partial<CrawlConfig['output']>;
  /** Shorthand for startUrls: [site]. */
  site?: string;
};

export function defaultConcurrency(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(8, n));
}


export function defaultConfig(): CrawlConfig {
  return {
    startUrls: [],
    sitemap: true,
    sitemaps: [],
    followLinks: true,
    scope: { maxPages: 10_000, maxDepth: Number.POSITIVE_INFINITY, query: 'strip-tracking', trailingSlash: 'keep' },
    robots: true,
    auth: {},
    concurrency: defaultConcurrency(),
    perHost: { concurrency: defaultConcurrency(), delayMs: 0 },
    timeouts: { navigationMs: 30_000, auditMs: 60_000 },
    retries: { perUrl: 2, budget: 100 },
    relaunchEvery: 500,
    maxPageBytes: 5 * 1024 * 1024,
    checkDocuments: true,
    skipResources: [...DEFAULT_SKIPPED_RESOURCES],
    target: 'AA',
    incremental: true,
    interaction: { enabled: true, budgetMs: 10_000, scope: 'per-makeup' },
    output: { dir: DEFAULT_OUTPUT_DIR },
  };
}

/** Deep-merges partial configs over the defaults (later wins; arrays replace). */
export function mergeConfig(...parts: (PartialCrawlConfig | undefined)[]): CrawlConfig {
  const c = defaultConfig();
  for (const p of parts) {
    if (!p) continue;
    const { scope, auth, perHost, timeouts, retries, output, interaction, site, ...rest } = p;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) (c as unknown as Record<string, unknown>)[k] = v;
    if (site) c.startUrls = [site];
    if (scope) Object.assign(c.scope, stripUndef(scope));
    if (auth) c.auth = { ...c.auth, ...stripUndef(auth) };
    if (perHost) Object.assign(c.perHost, stripUndef(perHost));
    if (timeouts) Object.assign(c.timeouts, stripUndef(timeouts));
    if (retries) Object.assign(c.retries, stripUndef(retries));
    if (output) Object.assign(c.output, stripUndef(output));
    if (interaction) Object.assign(c.interaction, stripUndef(interaction));
  }
  if (c.perHost.concurrency > c.concurrency) c.perHost.concurrency = c.concurrency;
  return c;
}

function stripUndef<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const CONFIG_FILE_NAMES = ['jis-a11y.config.json', 'jis-a11y.config.mjs', 'jis-a11y.config.js'];

/** Loads a config file (.json, or .js/.mjs with a default export). Relative paths inside are relative to the file. */
export async function loadConfigFile(file: string): Promise<PartialCrawlConfig> {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new UsageError(`設定ファイルが見つかりません: ${file}`);
  let cfg: PartialCrawlConfig;
  if (/\.json$/i.test(abs)) {
    try {
      cfg = JSON.parse(readFileSync(abs, 'utf8')) as PartialCrawlConfig;
    } catch (e) {
      throw new UsageError(`設定ファイルの JSON を読めません（${file}）: ${(e as Error).message}`);
    }
  } else {
    const mod = (await import(pathToFileURL(abs).href)) as { default?: PartialCrawlConfig };
    cfg = mod.default ?? (mod as PartialCrawlConfig);
  }
  const dir = path.dirname(abs);
  if (cfg.urlList) cfg.urlList = path.resolve(dir, cfg.urlList);
  if (cfg.auth?.loginScript) cfg.auth = { ...cfg.auth, loginScript: path.resolve(dir, cfg.auth.loginScript) };
  if (cfg.output?.dir) cfg.output = { ...cfg.output, dir: path.resolve(dir, cfg.output.dir) };
  if (cfg.output?.db) cfg.output = { ...cfg.output, db: path.resolve(dir, cfg.output.db) };
  return cfg;
}

/** Looks for a config file in `dir` (used when --config is not given). */
export function findConfigFile(dir = process.cwd()): string | null {
  for (const n of CONFIG_FILE_NAMES) {
    const f = path.join(dir, n);
    if (existsSync(f)) return f;
  }
  return null;
}

export function validateConfig(c: CrawlConfig): void {
  if (!c.startUrls.length) throw new UsageError('開始 URL がありません。`jis-a11y crawl <URL>` か設定ファイルの "site" / "startUrls" で指定してください。');
  for (const u of c.startUrls) {
    if (!/^https?:\/\//i.test(u)) throw new UsageError(`開始 URL は http(s) の URL で指定してください: ${u}`);
  }
  if (!(c.concurrency >= 1)) throw new UsageError(`concurrency は 1 以上です（指定: ${c.concurrency}）`);
  if (!(c.scope.maxPages >= 1)) throw new UsageError(`maxPages は 1 以上です（指定: ${c.scope.maxPages}）`);
  if (!['keep', 'drop', 'strip-tracking'].includes(c.scope.query)) throw new UsageError(`query は keep / drop / strip-tracking のいずれかです（指定: ${c.scope.query}）`);
  if (!['A', 'AA'].includes(c.target)) throw new UsageError(`target は A か AA です（指定: ${c.target}）`);
  if (!['per-makeup', 'every-page'].includes(c.interaction.scope)) throw new UsageError(`interaction.scope は per-makeup か every-page です（指定: ${c.interaction.scope}）`);
  for (const r of c.skipResources ?? []) {
    if (!DEFAULT_SKIPPED_RESOURCES.includes(r)) throw new UsageError(`skipResources に指定できるのは ${DEFAULT_SKIPPED_RESOURCES.join(' / ')} です（指定: ${r}）`);
  }
}

/** The config as stored with the run: secrets (cookie values, headers, passwords) masked. */
export function redactConfig(c: CrawlConfig): CrawlConfig {
  const mask = '***';
  const auth: AuthConfig = {};
  if (c.auth.cookies) auth.cookies = c.auth.cookies.map((k) => ({ ...k, value: mask }));
  if (c.auth.headers) auth.headers = Object.fromEntries(Object.keys(c.auth.headers).map((k) => [k, mask]));
  if (c.auth.basic) auth.basic = { username: c.auth.basic.username, password: mask };
  if (c.auth.loginScript) auth.loginScript = c.auth.loginScript;
  return { ...c, auth, scope: { ...c.scope, maxDepth: Number.isFinite(c.scope.maxDepth) ? c.scope.maxDepth : -1 } };
}
