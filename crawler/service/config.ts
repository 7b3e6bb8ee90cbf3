// The service configuration: jis-a11y.service.json (documented in docs/hook.md). Its shape, defaults and
// the Japanese descriptions editors show live in schema/service-config.schema.json; ServiceConfig below
// is the same shape for TypeScript (tests/crawler/config.test.ts checks that both name the same keys).
// Relative paths inside are relative to the file. Tokens may come from the environment instead of the file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import schemaJson from '../../schema/service-config.schema.json';
import { ConfigSchema, readJsonConfig, type ConfigSource, type JsonSchema } from '../../rules-jis/config/validate.js';
import { mergeDeep } from '../../rules-jis/config/merge.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { originOf } from '../hook/fence.js';
import { isPostgresLocation } from '../store/store.js';

export interface ScheduleConfig {
  /** Name shown in logs and /healthz, e.g. "週次検査". */
  name: string;
  /** Cron expression (5 fields, or 6 with seconds), e.g. "0 2 * * 1" = every Monday 02:00. */
  cron: string;
  /** Time zone of the expression (default Asia/Tokyo). */
  timezone?: string;
  /** A crawl config file (jis-a11y.config.json), as used by `jis-a11y crawl --config`. */
  config: string;
}

/** The workspace's sign-in (docs/workspace.md 「利用者と権限」). */
export interface WorkspaceConfig {
  /**
   * Behind the organisation's web server that signs people in (SSO): the request header that names the signed-in
   * login (e.g. "X-Remote-User"). Believed only from `trustedProxies`.
   */
  trustedHeader?: string;
  /** Addresses / CIDRs of the web servers allowed to set `trustedHeader` (e.g. ["127.0.0.1", "10.0.0.0/24"]). */
  trustedProxies?: string[];
  /** A session ends after this many hours without use (default 8). */
  sessionHours: number;
  /** …and at the latest this many hours after sign-in (default 24). */
  sessionMaxHours: number;
}

export interface ServiceConfig {
  host: string;
  port: number;
  /** Bearer tokens accepted by the API (also JIS_A11Y_TOKENS, comma-separated). */
  tokens: string[];
  /** Site origins: the only origins submitted pages may load from, and the only ones URL mode checks. */
  origins: string[];
  /** Policy file (jis-a11y.policy.json); none → default policy. */
  policy?: string;
  /** SQLite file: verdict log, and the runs of the scheduled crawls. */
  store: string;
  limits: {
    /** Largest request body in bytes (413 above). */
    bodyBytes: number;
    /** Hard limit for one check, queue wait included (ms). */
    requestTimeoutMs: number;
    /** Checks run at the same time (browser contexts). */
    concurrency: number;
    /** Checks waiting beyond those running; more → 429. */
    queueSize: number;
  };
  /** Folder of generated reports, served read-only at /reports/. */
  reportsDir: string;
  /** Require the token for /reports/ too (default false: the reports are meant to be published). */
  protectReports: boolean;
  /**
   * Behind a reverse proxy: which proxy may set X-Forwarded-For/-Proto/-Host (fastify's `trustProxy`): false
   * (default, the service faces clients directly), true (any — only when nothing else can reach the port), or
   * the proxy's address / CIDR ("127.0.0.1", ["10.0.0.5", "10.1.0.0/16"]).
   */
  trustProxy?: boolean | string | string[];
  schedules: ScheduleConfig[];
  workspace: WorkspaceConfig;
}

export const SERVICE_CONFIG_FILE = 'jis-a11y.service.json';

/** What the file or the command line gives: any part of the config. */
export type PartialServiceConfig = Partial<Omit<ServiceConfig, 'limits' | 'workspace'>> & {
  limits?: Partial<ServiceConfig['limits']>;
  workspace?: Partial<WorkspaceConfig>;
  /** The schema, for editors; dropped when read. */
  $schema?: string;
};

export const serviceConfigSchema = new ConfigSchema<ServiceConfig>(schemaJson as JsonSchema);

const MERGED: ConfigSource = { label: 'サービス設定' };

/** The parts merged over the schema's defaults, validated; the default paths are relative to the current folder. */
function withDefaults(parts: (PartialServiceConfig | undefined)[]): ServiceConfig {
  const { $schema: _schema, ...merged } = mergeDeep(...parts);
  const c = serviceConfigSchema.check(merged, MERGED, { defaults: true });
  return { ...c, store: path.resolve(c.store), reportsDir: path.resolve(c.reportsDir) };
}

export function defaultServiceConfig(): ServiceConfig {
  return withDefaults([]);
}

/** File and flags over the defaults (later wins; arrays replace), plus the tokens of JIS_A11Y_TOKENS. */
export function mergeServiceConfig(...parts: (PartialServiceConfig | undefined)[]): ServiceConfig {
  const c = withDefaults(parts);
  const env = process.env.JIS_A11Y_TOKENS;
  if (env) c.tokens = [...c.tokens, ...env.split(',').map((s) => s.trim()).filter(Boolean)];
  return c;
}

/** Loads and validates a service config file; relative paths inside are made relative to its folder. */
export function loadServiceConfigFile(file: string): PartialServiceConfig {
  const abs = path.resolve(file);
  const source: ConfigSource = { label: 'サービス設定ファイル', file };
  const raw = readJsonConfig(() => readFileSync(abs, 'utf8'), source);
  const { $schema: _schema, ...cfg } = serviceConfigSchema.check<PartialServiceConfig>(raw, source);
  // store may be a postgres:// URL, not a path
  return serviceConfigSchema.mapPaths(cfg, (p) => (isPostgresLocation(p) ? p : path.resolve(path.dirname(abs), p)));
}

/** Before the service starts: what the schema cannot say (a token and an origin are needed), then the schema. */
export function validateServiceConfig(c: ServiceConfig): void {
  if (!c.tokens.length)
    throw new UsageError('API のトークンがありません。設定ファイルの "tokens" か環境変数 JIS_A11Y_TOKENS（カンマ区切り）で指定してください。');
  if (c.tokens.some((t) => t.length < 16)) throw new UsageError('トークンは 16 文字以上にしてください（推測されないように）。');
  if (!c.origins.length) throw new UsageError('サイトのオリジンがありません。設定ファイルの "origins"（例: ["https://www.pref.example.jp"]）で指定してください。');
  for (const o of c.origins) {
    try {
      originOf(o);
    } catch {
      throw new UsageError(`origins は http(s) のオリジンです（指定: ${o}）`);
    }
  }
  const w = c.workspace;
  if (w.trustedHeader && !w.trustedProxies?.length)
    throw new UsageError('workspace.trustedHeader を使うときは、そのヘッダーを付けてよいウェブサーバーのアドレスを workspace.trustedProxies（例 ["127.0.0.1"]）で指定してください。');
  if (w.sessionMaxHours < w.sessionHours)
    throw new UsageError(`workspace.sessionMaxHours（${w.sessionMaxHours}）は workspace.sessionHours（${w.sessionHours}）以上にしてください。`);
  serviceConfigSchema.check(c, MERGED);
}
