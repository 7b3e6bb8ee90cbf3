// POST /api/v1/check: the CMS's pre-publish gate. Reads the body (check-body.ts), refuses origins outside the
// allow-list (403), answers 429 when the bounded queue in front of the sandbox browser is full, and runs the
// check under one hard time limit that includes the queue wait. A client that hangs up cancels its check.
// `Server-Timing` says how long the request waited in the queue and how long the check itself took. A URL of a
// PDF or Office file is read by the document checks (check-document.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type PQueue from 'p-queue';
import { PageAuditError } from '../page/audit-page.js';
import { BrowserNotFoundError } from '../page/browser.js';
import type { FenceTarget } from '../hook/fence.js';
import type { LoadedPolicy } from '../hook/policy.js';
import type { Sandbox } from '../hook/sandbox.js';
import type { HookLog } from '../store/store.js';
import type { ServiceConfig } from './config.js';
import { readCheckBody } from './check-body.js';
import { sendError } from './http-errors.js';
import { checkPageOrDocument } from './check-document.js';

/** HTTP status for each way a check can end without a verdict. */
export const STATUS_OF: Record<string, number> = {
  'origin-not-allowed': 403,
  timeout: 504,
  'audit-timeout': 504,
  aborted: 504,
  'browser-crashed': 503,
  'shutting-down': 503,
  'browser-not-found': 503,
  'browser-launch-failed': 503,
  crashed: 422,
  'http-error': 422,
  'not-html': 422,
  'too-large': 422,
  'document-unreadable': 422,
  'document-encrypted': 422,
  unreachable: 422,
  'navigation-failed': 422,
  'redirect-loop': 422,
  internal: 500,
};

export interface CheckRouteDeps {
  limits: ServiceConfig['limits'];
  origins: string[];
  policy: LoadedPolicy;
  sandbox: Sandbox;
  queue: PQueue;
  verdictLog: HookLog;
  closing: () => boolean;
  log: (line: string) => void;
}

const seconds = (ms: number) => Math.round(ms / 1000);

/** The answer when the time limit passes: still waiting for a free slot (busy) or checking (too slow a page). */
function deadlineError(limitMs: number, started: boolean): PageAuditError {
  return started
    ? new PageAuditError('timeout', `検査が制限時間（${seconds(limitMs)} 秒）内に終わりませんでした。ページのスクリプトが止まらないか、読み込みが遅すぎます。`)
    : new PageAuditError('timeout', `制限時間（${seconds(limitMs)} 秒）内に検査を始められませんでした（混雑）。再送してください。`);
}

function asAuditError(err: unknown, signal: AbortSignal, deps: CheckRouteDeps, req: FastifyRequest): PageAuditError {
  if (err instanceof PageAuditError) return err;
  if (signal.reason instanceof PageAuditError) return signal.reason;
  if (err instanceof BrowserNotFoundError) return new PageAuditError('browser-not-found', err.message);
  deps.log(`検査中の内部エラー（要求 ${req.id}）: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new PageAuditError('internal', `検査中にサービス内部でエラーが起きました（要求 ID ${req.id}）。`);
}

async function runCheck(deps: CheckRouteDeps, req: FastifyRequest, reply: FastifyReply, target: FenceTarget): Promise<FastifyReply> {
  const { limits, queue } = deps;
  const arrival = performance.now();
  let startedAt = 0;
  const ac = new AbortController();
  const deadline = setTimeout(() => ac.abort(deadlineError(limits.requestTimeoutMs, startedAt > 0)), limits.requestTimeoutMs);
  // A client that hung up does not need its page checked.
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) ac.abort(new PageAuditError('aborted', '接続が切れたため検査を中止しました。'));
  });
  const timing = () => {
    const now = performance.now();
    const wait = (startedAt || now) - arrival;
    reply.header('server-timing', `queue;dur=${wait.toFixed(0)}, check;dur=${(startedAt ? now - startedAt : 0).toFixed(0)}`);
  };
  try {
    const verdict = await queue.add(
      () => {
        startedAt = performance.now();
        const remaining = Math.floor(limits.requestTimeoutMs - (startedAt - arrival));
        if (remaining < 500) throw deadlineError(limits.requestTimeoutMs, false);
        return checkPageOrDocument(deps.sandbox, target, { policy: deps.policy, allowedOrigins: deps.origins, deadlineMs: remaining, log: deps.verdictLog, channel: 'http', client: req.ip, signal: ac.signal });
      },
      { signal: ac.signal },
    );
    timing();
    return reply.code(200).send(verdict);
  } catch (err) {
    timing();
    const e = asAuditError(err, ac.signal, deps, req);
    const status = STATUS_OF[e.code] ?? 422;
    return sendError(reply, status, e.code, e.message, status === 503 ? { 'retry-after': '5' } : {});
  } finally {
    clearTimeout(deadline);
  }
}

export function registerCheckRoute(api: FastifyInstance, deps: CheckRouteDeps): void {
  api.post('/check', async (req, reply) => {
    if (deps.closing()) return sendError(reply, 503, 'shutting-down', 'サービスを停止中です。しばらくしてから再送してください。', { 'retry-after': '30' });
    const body = readCheckBody(req.body);
    if (!body.ok) return sendError(reply, 400, body.code, body.message);
    if (!deps.origins.includes(body.origin))
      return sendError(reply, 403, 'origin-not-allowed', `${body.origin} は検査を許可されたオリジンではありません（許可: ${deps.origins.join(', ')}）。`);
    const { queue, limits } = deps;
    if (queue.size >= limits.queueSize) {
      const retry = Math.max(1, Math.ceil(((queue.size + queue.pending) / limits.concurrency) * 3));
      return sendError(reply, 429, 'busy', `混雑しています（検査待ちが上限の ${limits.queueSize} 件に達しました）。${retry} 秒ほど後に再送してください。`, { 'retry-after': String(retry) });
    }
    if (body.encoding) reply.header('x-source-encoding', body.encoding);
    return runCheck(deps, req, reply, body.target);
  });
}
