// The service configuration: jis-a11y.service.json (documented in docs/hook.md).
// Relative paths inside are relative to the file. Tokens may come from the environment instead of the file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { originOf } from '../hook/fence.js';

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
  schedules: ScheduleConfig[];
}

export const SERVICE_CONFIG_FILE = 'jis-a11y.service.json';

export function defaultServiceConfig(): ServiceConfig {
  return {
    host: '127.0.0.1',
    port: 8341,
    tokens: [],
    origins: [],
    store: path.resolve('jis-a11y-out', 'jis-a11y.sqlite'),
    limits: { bodyBytes: 2 * 1024 * 1024, requestTimeoutMs: 30_000, concurrency: 2, queueSize: 8 },
    reportsDir: path.resolve('jis-a11y-out', 'reports'),
    protectReports: false,
    schedules: [],
  };
}

type Partial2 = Partial<Omit<ServiceConfig, 'limits'>> & { limits?: Partial<ServiceConfig['limits']> };

export function mergeServiceConfig(...parts: (Partial2 | undefined)[]): ServiceConfig {
  const c = defaultServiceConfig();
  for (const p of parts) {
    if (!p) continue;
    const { limits, ...rest } = p;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) (c as unknown as Record<string, unknown>)[k] = v;
    if (limits) for (const [k, v] of Object.entries(limits)) if (v !== undefined) (c.limits as Record<string, number>)[k] = v as number;
  }
  const env = process.env.JIS_A11Y_TOKENS;
  if (env) c.tokens = [...c.tokens, ...env.split(',').map((s) => s.trim()).filter(Boolean)];
  return c;
}

export function loadServiceConfigFile(file: string): Partial2 {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new UsageError(`サービス設定ファイルが見つかりません: ${file}`);
  let raw: Partial2;
  try {
    raw = JSON.parse(readFileSync(abs, 'utf8')) as Partial2;
  } catch (e) {
    throw new UsageError(`サービス設定ファイルの JSON を読めません（${file}）: ${(e as Error).message}`);
  }
  const dir = path.dirname(abs);
  const rel = (p?: string) => (p ? path.resolve(dir, p) : p);
  return {
    ...raw,
    policy: rel(raw.policy),
    store: rel(raw.store),
    reportsDir: rel(raw.reportsDir),
    schedules: raw.schedules?.map((s) => ({ ...s, config: rel(s.config)! })),
  };
}

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
  const l = c.limits;
  for (const k of ['bodyBytes', 'requestTimeoutMs', 'concurrency'] as const) if (!(l[k] >= 1)) throw new UsageError(`limits.${k} は 1 以上です（指定: ${l[k]}）`);
  if (!(l.queueSize >= 0)) throw new UsageError(`limits.queueSize は 0 以上です（指定: ${l.queueSize}）`);
  for (const s of c.schedules) {
    if (!s.name || !s.cron || !s.config) throw new UsageError('schedules の各項目には name, cron, config が必要です。');
  }
}
