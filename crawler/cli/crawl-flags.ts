// The crawl command's flags that set config values, one row each: the flag, its Japanese help text and
// the config key it sets (a dotted path of schema/crawl-config.schema.json). The text given is turned
// into the value by the schema's type at that path (a number, a file path resolved against the current
// folder, a list for a flag given more than once), or by the row's parser where that is not enough; the
// result is validated by the same schema, so a mistake names the flag. Flags that set no config value
// (--config, --resume, --no-progress) are registered in crawl-command.ts.
import path from 'node:path';
import { Option } from 'commander';
import { crawlConfigSchema, type PartialCrawlConfig } from '../crawl/config.js';
import { deref, type JsonSchema } from '../../rules-jis/config/schema-paths.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { interactionCriteria } from '../../rules-jis/catalogue/interaction.js';
import { isPostgresLocation } from '../store/store.js';

/** The criteria the phase judges come from the catalogue, so the help cannot fall behind a new probe. */
export const NO_INTERACTION_HELP = `キーボード操作・画面の動き・200% 拡大の検査（${interactionCriteria().join(', ')}）を行わない`;

export interface CrawlFlag {
  /** As commander spells it: "--max-pages <n>", "--no-sitemap", "-l, --level <level>". */
  flags: string;
  /** The help text (crawl --help), Japanese. */
  help: string;
  /** The config key it sets, e.g. "scope.maxPages". */
  path: string;
  /** May be given more than once: the values make the array at `path` (or, parsed, the object). */
  many?: boolean;
  /** A switch that sets this value (--ignore-robots → robots: false). */
  value?: unknown;
  /** The text → the value, where the schema's type is not enough (seconds → ms, 「名前: 値」). */
  parse?: (text: string, flag: string) => unknown;
}

/** A number where the text is one; otherwise the text, for the schema to report with the flag's name. */
function numberOr(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

const seconds = (text: string) => {
  const n = numberOr(text);
  return typeof n === 'number' ? n * 1000 : n;
};

function header(text: string, flag: string): Record<string, string> {
  const i = text.indexOf(':');
  if (i < 1) throw new UsageError(`${flag} は「名前: 値」の形で指定してください（指定: ${text}）`);
  return { [text.slice(0, i).trim()]: text.slice(i + 1).trim() };
}

function cookie(text: string, flag: string): { name: string; value: string } {
  const i = text.indexOf('=');
  if (i < 1) throw new UsageError(`${flag} は「名前=値」の形で指定してください（指定: ${text}）`);
  return { name: text.slice(0, i).trim(), value: text.slice(i + 1).trim() };
}

function basicAuth(text: string, flag: string): { username: string; password: string } {
  const i = text.indexOf(':');
  if (i < 0) throw new UsageError(`${flag} は「ユーザー名:パスワード」の形で指定してください`);
  return { username: text.slice(0, i), password: text.slice(i + 1) };
}

export const CRAWL_FLAGS: CrawlFlag[] = [
  { flags: '-o, --output <dir>', path: 'output.dir', help: '出力フォルダ（既定: ./jis-a11y-out）' },
  { flags: '--db <file>', path: 'output.db', help: 'ストア: SQLite ファイル（既定: <出力フォルダ>/jis-a11y.sqlite）か PostgreSQL の URL（postgres://…、docs/scale-out.md）' },
  { flags: '--max-pages <n>', path: 'scope.maxPages', help: '検査するページ数の上限' },
  { flags: '--max-depth <n>', path: 'scope.maxDepth', help: 'リンクをたどる深さの上限（開始 URL が 0）' },
  { flags: '--include <pattern>', path: 'scope.include', many: true, help: '対象にする URL（glob / re:正規表現、複数可）' },
  { flags: '--exclude <pattern>', path: 'scope.exclude', many: true, help: '対象外にする URL（glob / re:正規表現、複数可）' },
  { flags: '--query <policy>', path: 'scope.query', help: 'クエリ文字列の扱い keep | drop | strip-tracking' },
  { flags: '--concurrency <n>', path: 'concurrency', help: '同時に検査するページ数（既定: CPU コア数）' },
  { flags: '--delay <ms>', path: 'perHost.delayMs', help: '同じホストへのリクエストの間隔（ミリ秒）' },
  { flags: '--ignore-robots', path: 'robots', value: false, help: 'robots.txt を無視する（自組織のサイトのみ）' },
  { flags: '--no-sitemap', path: 'sitemap', help: 'sitemap.xml を読まない' },
  { flags: '--sitemap-url <url>', path: 'sitemaps', many: true, help: '追加のサイトマップ URL（複数可）' },
  { flags: '--url-list <file>', path: 'urlList', help: 'URL リストのファイル（1 行 1 URL）' },
  { flags: '--header <header>', path: 'auth.headers', many: true, parse: header, help: '追加の HTTP ヘッダー「名前: 値」（複数可）' },
  { flags: '--cookie <cookie>', path: 'auth.cookies', many: true, parse: cookie, help: 'Cookie「名前=値」（複数可）' },
  { flags: '--basic-auth <user:pass>', path: 'auth.basic', parse: basicAuth, help: 'ベーシック認証' },
  { flags: '--login-script <file>', path: 'auth.loginScript', help: 'ログイン用スクリプト（export default async (page) => {…}）' },
  { flags: '--timeout <seconds>', path: 'timeouts.navigationMs', parse: seconds, help: 'ページの読み込みタイムアウト（秒、既定 30）' },
  { flags: '--audit-timeout <seconds>', path: 'timeouts.auditMs', parse: seconds, help: '1 ページの検査のタイムアウト（秒、既定 60）' },
  { flags: '--retries <n>', path: 'retries.perUrl', help: '一時的なエラーの再試行回数（既定 2）' },
  { flags: '--relaunch-every <n>', path: 'relaunchEvery', help: 'このページ数ごとにブラウザを起動し直す（既定 500）' },
  { flags: '-l, --level <level>', path: 'target', help: '目標の適合レベル A | AA' },
  { flags: '--label <text>', path: 'label', help: '検査の名前（例: 2026年度 定期検査）' },
  { flags: '--no-interaction', path: 'interaction.enabled', help: NO_INTERACTION_HELP },
  { flags: '--interaction-budget <seconds>', path: 'interaction.budgetMs', parse: seconds, help: 'キーボード操作の検査に 1 ページで使う時間の上限（秒、既定 10）' },
  {
    flags: '--interaction-every-page',
    path: 'interaction.scope',
    value: 'every-page',
    help: 'キーボード操作の検査を全ページで行う（既定は、作り（CSS・スクリプト・操作できる要素の種類）が同じページのうち最初の 1 ページだけ）',
  },
  { flags: '--load-all-resources', path: 'skipResources', value: [], help: 'フォントと動画・音声も読み込む（既定では検査に不要なため読み込まない）' },
  { flags: '--no-check-documents', path: 'checkDocuments', help: 'リンクされた PDF・Office 文書の中身を検査せず、一覧に載せるだけにする' },
  { flags: '--max-document-bytes <n>', path: 'maxDocumentBytes', help: '中身を検査する文書の大きさの上限（バイト、既定 52428800 = 50 MiB）' },
  { flags: '--screenshots <mode>', path: 'screenshots', help: '作業画面用にページの画面を撮る: selected（試験で選んだページとトップページ、既定）| all | none' },
  { flags: '--full', path: 'incremental', value: false, help: '前回から変わっていないページも含めて全ページを検査し直す（既定は変わったページだけ）' },
];

/** The commander option of a row (a repeatable flag collects its values into a list). */
export function flagOption(row: CrawlFlag): Option {
  const opt = new Option(row.flags, row.help);
  return row.many ? opt.argParser((v: string, prev: string[] = []) => [...prev, v]) : opt;
}

/** One text as the value the schema expects at `schema`. */
function fromText(row: CrawlFlag, flag: string, text: string, schema: JsonSchema): unknown {
  if (row.parse) return row.parse(text, flag);
  if (schema.type === 'number' || schema.type === 'integer') return numberOr(text);
  if (schema['x-path']) return isPostgresLocation(text) ? text : path.resolve(text); // a store may be a postgres:// URL
  return text;
}

/** The config value a flag gives, or undefined when it was not given. */
function valueOf(row: CrawlFlag, given: unknown): unknown {
  const opt = new Option(row.flags);
  if (opt.negate) return given === false ? false : undefined; // commander sets `true` for an absent --no-x
  if (given === undefined || given === false) return undefined;
  if ('value' in row) return structuredClone(row.value);
  const schema = crawlConfigSchema.at(row.path)!;
  const flag = opt.long ?? row.flags;
  if (!row.many) return fromText(row, flag, String(given), schema);
  const item = schema.items ? deref(crawlConfigSchema.schema, schema.items) : {};
  const values = (given as string[]).map((t) => fromText(row, flag, t, item));
  return schema.type === 'object' ? Object.assign({}, ...values) : values;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys.at(-1)!] = value;
}

/** The flag that set a config path (or the path inside it), for messages. */
function flagFor(dotted: string): string | undefined {
  if (dotted.startsWith('startUrls')) return '開始 URL';
  const row = CRAWL_FLAGS.filter((r) => dotted === r.path || dotted.startsWith(`${r.path}.`) || dotted.startsWith(`${r.path}[`)).sort((a, b) => b.path.length - a.path.length)[0];
  if (!row) return undefined;
  const flag = new Option(row.flags).long ?? row.flags;
  return row.parse ? `${flag}（設定の ${row.path}）` : flag;
}

/** CLI flags as a partial config (only what was given), validated by the schema. */
export function flagsToConfig(urls: string[], flags: Record<string, unknown>): PartialCrawlConfig {
  const cfg: Record<string, unknown> = {};
  if (urls.length) cfg.startUrls = urls;
  for (const row of CRAWL_FLAGS) {
    const value = valueOf(row, flags[new Option(row.flags).attributeName()]);
    if (value !== undefined) setPath(cfg, row.path, value);
  }
  return crawlConfigSchema.check<PartialCrawlConfig>(cfg, { label: 'コマンドライン', nameOf: flagFor });
}
