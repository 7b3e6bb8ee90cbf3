// `jis-a11y check --html <file|-> --base-url <url>`: the pre-publish hook for a CMS that can run a command.
// Prints the JSON verdict; exit 0 publish, 1 block, 2 error (rules-jis/exit-codes.ts). The input is read
// as bytes, never more than the page-size limit, and decoded as a browser would (decode-html.ts): a
// Shift_JIS page is judged on its text, a binary file or an oversized page is an error, not a verdict.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { DEFAULT_STORE } from '../store/paths.js';
import { PageAuditError } from '../page/audit-page.js';
import { encodingName, unknownEncodingMessage } from '../page/html-bytes.js';
import { EXIT, UsageError } from '../../rules-jis/exit-codes.js';
import { checkSubmission } from './check-submission.js';
import { decodeSubmittedHtml, submissionTooLarge, type SubmittedHtml } from './decode-html.js';
import { originOf } from './fence.js';
import { loadPolicy, POLICY_FILE_NAME } from './policy.js';
import { Sandbox } from './sandbox.js';
import { openStore, type HookLog, type Store } from '../store/store.js';

export interface HtmlCheckOptions {
  html: string;
  baseUrl?: string;
  policy?: string;
  origin?: string[];
  store?: string | false;
  level: 'A' | 'AA';
  timeout: number;
  output?: string;
  /** Encoding label that overrides the page's `<meta charset>` (`--encoding`). */
  encoding?: string;
  /** Larger input is refused as too-large (`--max-page-bytes`). */
  maxPageBytes: number;
}

/** The origins the page may load from: --origin, or the base URL's, always including the base URL's. */
function allowedOrigins(o: HtmlCheckOptions): { baseUrl: string; origins: string[] } {
  if (!o.baseUrl) throw new UsageError('--html には --base-url（公開される予定の URL、例: https://www.pref.example.jp/kurashi/page.html）が必要です。');
  let baseOrigin: string;
  try {
    baseOrigin = originOf(o.baseUrl);
  } catch {
    throw new UsageError(`--base-url は http(s) の URL で指定してください（指定: ${o.baseUrl}）`);
  }
  const origins = o.origin?.length ? [...o.origin] : [baseOrigin];
  for (const x of origins) {
    try {
      originOf(x);
    } catch {
      throw new UsageError(`--origin は http(s) のオリジンで指定してください（指定: ${x}）`);
    }
  }
  if (!origins.map(originOf).includes(baseOrigin)) origins.push(baseOrigin);
  return { baseUrl: o.baseUrl, origins };
}

/** Reads at most `maxBytes` from a stream; more is too-large (the rest is never buffered). */
async function readLimited(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c;
    total += chunk.length;
    if (total > maxBytes) throw submissionTooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The submitted page as text: a file or stdin, within the size limit, decoded by its encoding. */
async function readSubmission(o: HtmlCheckOptions): Promise<SubmittedHtml> {
  let bytes: Buffer;
  if (o.html === '-') {
    bytes = await readLimited(process.stdin, o.maxPageBytes);
  } else {
    if (!existsSync(o.html)) throw new UsageError(`ファイルが見つかりません: ${o.html}`);
    const size = statSync(o.html).size;
    if (size > o.maxPageBytes) throw submissionTooLarge(o.maxPageBytes, size);
    bytes = readFileSync(o.html);
  }
  const submitted = decodeSubmittedHtml(bytes, o.encoding);
  if (!submitted.html.trim()) throw new UsageError('HTML が空です。');
  return submitted;
}

/** An input that cannot be checked (too large, not HTML) is logged like any failed check. */
async function logInputError(log: HookLog | null, o: HtmlCheckOptions, e: PageAuditError, started: number): Promise<void> {
  try {
    await log?.logError({ channel: 'cli', mode: 'html', url: o.baseUrl!, client: 'cli', code: e.code, message: e.message, durationMs: Date.now() - started });
  } catch {
    /* the answer matters more than the log line */
  }
}

/** Returns the process exit code; prints the verdict (or an error object) as JSON. */
export async function runHtmlCheck(o: HtmlCheckOptions): Promise<number> {
  const started = Date.now();
  const { baseUrl, origins } = allowedOrigins(o);
  if (o.encoding !== undefined && !encodingName(o.encoding)) throw new UsageError(unknownEncodingMessage(o.encoding));
  const policyFile = o.policy ?? (existsSync(POLICY_FILE_NAME) ? POLICY_FILE_NAME : undefined);
  const policy = loadPolicy(policyFile);
  if (!policyFile) policy.target = o.level;

  const store: Store | null = o.store === false ? null : await openStore(o.store ?? DEFAULT_STORE);
  const log = store?.hookLog ?? null;
  const sandbox = new Sandbox({ allowedOrigins: origins });
  const emit = (obj: unknown) => {
    const text = JSON.stringify(obj, null, 2);
    if (o.output) writeFileSync(o.output, text + '\n');
    else process.stdout.write(text + '\n');
  };
  let input: SubmittedHtml | null = null;
  try {
    input = await readSubmission(o);
    if (input.encoding !== 'utf-8') console.error(`文字コード: ${input.encoding}`);
    const v = await checkSubmission(sandbox, { kind: 'html', html: input.html, baseUrl }, { policy, allowedOrigins: origins, deadlineMs: o.timeout * 1000, log, channel: 'cli', client: 'cli' });
    emit(v);
    console.error(v.summary);
    for (const e of v.expiredWaivers) console.error(`注意: ${e.message}`);
    return v.verdict === 'block' ? EXIT.FAIL : EXIT.PASS;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const e = err instanceof PageAuditError ? err : new PageAuditError('internal', (err as Error).message);
    if (!input) await logInputError(log, o, e, started);
    emit({ verdict: 'error', error: { code: e.code, message: e.message } });
    console.error(`エラー: ${e.message}`);
    return EXIT.ERROR;
  } finally {
    await sandbox.close();
    await store?.close();
  }
}
