// `jis-a11y check --html <file|-> --base-url <url>`: the pre-publish hook for a CMS that can run a command.
// Prints the JSON verdict; exit 0 publish, 1 block, 2 error (crawler/exit-codes.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_STORE } from '../store/paths.js';
import { PageAuditError } from '../page/audit-page.js';
import { EXIT, UsageError } from '../../rules-jis/exit-codes.js';
import { checkSubmission } from './check-submission.js';
import { originOf } from './fence.js';
import { loadPolicy, POLICY_FILE_NAME } from './policy.js';
import { Sandbox } from './sandbox.js';
import { openStore, type Store } from '../store/store.js';


export interface HtmlCheckOptions {
  html: string;
  baseUrl?: string;
  policy?: string;
  origin?: string[];
  store?: string | false;
  level: 'A' | 'AA';
  timeout: number;
  output?: string;
}

async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  if (!existsSync(file)) throw new UsageError(`ファイルが見つかりません: ${file}`);
  return readFileSync(file, 'utf8');
}

/** Returns the process exit code; prints the verdict (or an error object) as JSON. */
export async function runHtmlCheck(o: HtmlCheckOptions): Promise<number> {
  if (!o.baseUrl) throw new UsageError('--html には --base-url（公開される予定の URL、例: https://www.pref.example.jp/kurashi/page.html）が必要です。');
  let baseOrigin: string;
  try {
    baseOrigin = originOf(o.baseUrl);
  } catch {
    throw new UsageError(`--base-url は http(s) の URL で指定してください（指定: ${o.baseUrl}）`);
  }
  const origins = o.origin?.length ? o.origin : [baseOrigin];
  for (const x of origins) {
    try {
      originOf(x);
    } catch {
      throw new UsageError(`--origin は http(s) のオリジンで指定してください（指定: ${x}）`);
    }
  }
  if (!origins.map(originOf).includes(baseOrigin)) origins.push(baseOrigin);
  const policyFile = o.policy ?? (existsSync(POLICY_FILE_NAME) ? POLICY_FILE_NAME : undefined);
  const policy = loadPolicy(policyFile);
  if (!policyFile) policy.target = o.level;
  const html = await readInput(o.html);
  if (!html.trim()) throw new UsageError('HTML が空です。');

  const store: Store | null = o.store === false ? null : await openStore(o.store ?? DEFAULT_STORE);
  const log = store?.hookLog ?? null;
  const sandbox = new Sandbox({ allowedOrigins: origins });
  const emit = (obj: unknown) => {
    const text = JSON.stringify(obj, null, 2);
    if (o.output) writeFileSync(o.output, text + '\n');
    else process.stdout.write(text + '\n');
  };
  try {
    const v = await checkSubmission(sandbox, { kind: 'html', html, baseUrl: o.baseUrl }, { policy, allowedOrigins: origins, deadlineMs: o.timeout * 1000, log, channel: 'cli', client: 'cli' });
    emit(v);
    console.error(v.summary);
    for (const e of v.expiredWaivers) console.error(`注意: ${e.message}`);
    return v.verdict === 'block' ? EXIT.FAIL : EXIT.PASS;
  } catch (err) {
    const e = err instanceof PageAuditError ? err : new PageAuditError('internal', (err as Error).message);
    emit({ verdict: 'error', error: { code: e.code, message: e.message } });
    console.error(`エラー: ${e.message}`);
    return EXIT.ERROR;
  } finally {
    await sandbox.close();
    await store?.close();
  }
}
