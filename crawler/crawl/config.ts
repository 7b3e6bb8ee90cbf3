// The crawl configuration: jis-a11y.config.json (or .js/.mjs exporting the object), merged with CLI flags.
// A scheduled job is then one command: `jis-a11y crawl --config jis-a11y.config.json`.
// The shape, the defaults and the Japanese descriptions editors show live in
// schema/crawl-config.schema.json; CrawlConfig below is the same shape for TypeScript
// (tests/crawler/config.test.ts checks that both name the same keys). A new option takes one schema
// entry, one row in crawler/cli/crawl-flags.ts if it has a flag, and its use.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import schemaJson from '../../schema/crawl-config.schema.json';
import { configNotFound, ConfigSchema, readJsonConfig, type ConfigSource, type JsonSchema } from '../../rules-jis/config/validate.js';
import { mergeDeep } from '../../rules-jis/config/merge.js';
import type { QueryPolicy } from '../../rules-jis/url.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import type { SkippedResource } from '../page/tab-setup.js';
import type { InteractionScope } from '../page/interaction/sampling.js';
import type { AuthConfig } from '../page/auth.js';
import { liftUrlCredentials, withoutUserinfo } from './url-credentials.js';
import type { ScreenshotMode } from './screenshots.js';
import { isPostgresLocation } from '../store/store.js';

export type { AuthConfig };

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
    /** Infinity when not given (JSON cannot write it; stored runs keep -1, see redactConfig). */
    maxDepth: number;
    query: QueryPolicy;
    trailingSlash: 'keep' | 'add' | 'remove';
  };
  /** Honour robots.txt (default true). */
  robots: boolean;
  auth: AuthConfig;
  /** Default: the CPU cores, at most 8 (defaultConcurrency). */
  concurrency: number;
  /** Politeness: at most this many pages of one host at a time, and this many ms between their starts. */
  perHost: {
    /** Default and upper bound: `concurrency`. */
    concurrency: number;
    delayMs: number;
  };
  timeouts: { navigationMs: number; auditMs: number };
  /** Retries of one URL after a transient error (timeout, crash, network), and the budget for the whole run. */
  retries: { perUrl: number; budget: number };
  /** A fresh browser after this many pages (memory leaks of long runs). */
  relaunchEvery: number;
  /** Pages bigger than this are recorded as too-large, not audited. */
  maxPageBytes: number;
  /** Download and check PDF and Office files, HEAD-probe the other documents (default true; false: inventory only). */
  checkDocuments: boolean;
  /** Documents bigger than this are recorded as too-large, not checked (default 50 MiB). */
  maxDocumentBytes: number;
  /** Resource types the browser does not load (default fonts and media; [] loads everything). */
  skipResources: SkippedResource[];
  target: 'A' | 'AA';
  /**
   * Reuse the stored result of a page whose served HTML and assets are unchanged since the previous finished
   * run of the same site (default true; `--full` audits every page again).
   */
  incremental: boolean;
  /** Screenshots for the workspace's page view (crawl/screenshots.ts): the test's selected pages and the top page (default), every page, or none. */
  screenshots: ScreenshotMode;
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
  /** URL prefix → 所属 for the report's per-section view (reports/model/org-sections.ts). */
  sections?: { prefix: string; name: string }[];
  userAgent?: string;
  label?: string;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** What a config file or the command line gives: any part of the config. */
export type PartialCrawlConfig = DeepPartial<CrawlConfig> & {
  /** Shorthand for startUrls: [site]. */
  site?: string;
  /** The schema, for editors; dropped when read. */
  $schema?: string;
};

export const crawlConfigSchema = new ConfigSchema<CrawlConfig>(schemaJson as JsonSchema);

export function defaultConcurrency(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(8, n));
}

/** The defaults the schema cannot hold: the machine's cores, and "no depth limit" (JSON has no Infinity). */
function withComputedDefaults(c: CrawlConfig): CrawlConfig {
  c.concurrency ??= defaultConcurrency();
  c.perHost.concurrency = Math.min(c.perHost.concurrency ?? defaultConcurrency(), c.concurrency);
  c.scope.maxDepth ??= Number.POSITIVE_INFINITY;
  return c;
}

/** A part as the schema sees it: `site` becomes startUrls, an unlimited depth is "not given". */
function asSchemaPart(p: PartialCrawlConfig | CrawlConfig | undefined): unknown {
  if (!p) return undefined;
  const { site, $schema: _schema, ...rest } = p as PartialCrawlConfig;
  const out: PartialCrawlConfig = site ? { ...rest, startUrls: [site] } : rest;
  if (out.scope?.maxDepth === Number.POSITIVE_INFINITY) out.scope = { ...out.scope, maxDepth: undefined };
  return out;
}

/** The merged config is checked as a whole: it may come from code (demo, scheduler, tests) as well. */
const MERGED: ConfigSource = { label: '設定' };

/**
 * Merges partial configs over the schema's defaults (later wins; arrays replace) and validates the result.
 * Credentials written into a start or sitemap URL move into auth.basic (url-credentials.ts).
 */
export function mergeConfig(...parts: (PartialCrawlConfig | CrawlConfig | undefined)[]): CrawlConfig {
  const merged = mergeDeep(...parts.map(asSchemaPart));
  return liftUrlCredentials(withComputedDefaults(crawlConfigSchema.check(merged, MERGED, { defaults: true })));
}

/** Every default: the schema's, then the computed ones. */
export function defaultConfig(): CrawlConfig {
  return mergeConfig();
}

export const CONFIG_FILE_NAMES = ['jis-a11y.config.json', 'jis-a11y.config.mjs', 'jis-a11y.config.js'];

/** Loads a config file (.json, or .js/.mjs with a default export), validated; relative paths inside are relative to the file. */
export async function loadConfigFile(file: string): Promise<PartialCrawlConfig> {
  const abs = path.resolve(file);
  const source: ConfigSource = { label: '設定ファイル', file };
  let raw: unknown;
  if (/\.json$/i.test(abs)) raw = readJsonConfig(() => readFileSync(abs, 'utf8'), source);
  else {
    if (!existsSync(abs)) throw configNotFound(source);
    const mod = (await import(pathToFileURL(abs).href)) as { default?: unknown };
    raw = mod.default ?? mod;
  }
  const { $schema: _schema, ...cfg } = crawlConfigSchema.check<PartialCrawlConfig>(raw, source);
  // output.db may be a postgres:// URL, not a path
  return crawlConfigSchema.mapPaths(cfg, (p) => (isPostgresLocation(p) ? p : path.resolve(path.dirname(abs), p)));
}

/** Looks for a config file in `dir` (used when --config is not given). */
export function findConfigFile(dir = process.cwd()): string | null {
  for (const n of CONFIG_FILE_NAMES) {
    const f = path.join(dir, n);
    if (existsSync(f)) return f;
  }
  return null;
}

/** Before a new run: a start URL is needed, and the whole config must fit the schema (it may be built in code). */
export function validateConfig(c: CrawlConfig): void {
  if (!c.startUrls.length) throw new UsageError('開始 URL がありません。`jis-a11y crawl <URL>` か設定ファイルの "site" / "startUrls" で指定してください。');
  crawlConfigSchema.check(asSchemaPart(c), MERGED);
}

/** The config as stored with the run: secrets (cookie values, headers, passwords, userinfo in URLs) masked. */
export function redactConfig(c: CrawlConfig): CrawlConfig {
  const mask = '***';
  const auth: AuthConfig = {};
  if (c.auth.cookies) auth.cookies = c.auth.cookies.map((k) => ({ ...k, value: mask }));
  if (c.auth.headers) auth.headers = Object.fromEntries(Object.keys(c.auth.headers).map((k) => [k, mask]));
  if (c.auth.basic) auth.basic = { username: c.auth.basic.username, password: mask };
  if (c.auth.loginScript) auth.loginScript = c.auth.loginScript;
  return {
    ...c,
    startUrls: c.startUrls.map(withoutUserinfo),
    sitemaps: c.sitemaps.map(withoutUserinfo),
    auth,
    scope: { ...c.scope, maxDepth: Number.isFinite(c.scope.maxDepth) ? c.scope.maxDepth : -1 },
  };
}
