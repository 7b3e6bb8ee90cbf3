// The process-level guard of `jis-a11y serve` (issue 21 cases 3 and 14): an error nobody caught — a promise
// rejected with no listener, a throw in a timer or event handler — used to end the process, and with it the
// CMS's pre-publish gate and every scheduled crawl. Now it is logged in Japanese, with the request id (or the
// schedule) it happened in, and the service keeps running when the error is recoverable; when it is not, the
// service is closed and the process exits 2 so a supervisor (systemd) restarts it.
//
// Which request: an AsyncLocalStorage context entered in `onRequest` and re-entered before the handler (body
// parsing runs in the socket's context, so the handler would otherwise lose it). Node runs both process
// handlers in the async context of the failed resource, so `getStore()` there names the request.
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface FailureContext {
  /** fastify's request id, also sent as `x-request-id`. */
  requestId?: string;
  /** The scheduled crawl the error came from. */
  schedule?: string;
}

export type FailureOrigin = 'uncaughtException' | 'unhandledRejection';

const als = new AsyncLocalStorage<FailureContext>();
const RESOURCE = Symbol('jis-a11y.request-resource');

/** Runs `fn` (and everything it starts) as part of `ctx`, e.g. a scheduled crawl. */
export function runInContext<T>(ctx: FailureContext, fn: () => T): T {
  return als.run(ctx, fn);
}

export function currentContext(): FailureContext | undefined {
  return als.getStore();
}

/** Every request (and what its handler starts: timers, promises, the check) runs in its own context. */
export function installRequestContext(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    als.run({ requestId: req.id }, () => {
      (req as FastifyRequest & { [RESOURCE]?: AsyncResource })[RESOURCE] = new AsyncResource('jis-a11y-request');
      done();
    });
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const resource = (req as FastifyRequest & { [RESOURCE]?: AsyncResource })[RESOURCE];
    if (resource) resource.runInAsyncScope(done);
    else done();
  });
}

/** Error names and codes that say "try again later", never "the process is broken". */
const TRANSIENT_NAMES = new Set(['StoreBusyError', 'PageAuditError', 'BrowserNotFoundError', 'TargetCloseError', 'ProtocolError', 'TimeoutError', 'AbortError']);
const TRANSIENT_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
  'SQLITE_LOCKED_SHAREDCACHE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
]);

/**
 * Recoverable: an error that marks itself `recoverable: true` (the store's typed errors may), a known
 * transient error, any unhandled rejection (the throw unwound through async functions: no half-done
 * synchronous state), and a throw inside one request or one scheduled crawl (that unit of work failed; the
 * service as a whole did not). Fatal: `recoverable: false`, or an unknown throw outside any request.
 */
export function isRecoverable(err: unknown, origin: FailureOrigin, ctx: FailureContext | undefined): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { recoverable?: unknown; name?: unknown; code?: unknown };
  if (e.recoverable === false) return false;
  if (e.recoverable === true) return true;
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  if (origin === 'unhandledRejection') return true;
  return !!(ctx?.requestId || ctx?.schedule);
}

/** One Japanese log line: where, what, and whether the service carries on. */
export function describeFailure(err: unknown, origin: FailureOrigin, ctx: FailureContext | undefined, recoverable: boolean): string {
  const where = ctx?.requestId ? `要求 ${ctx.requestId} の処理中` : ctx?.schedule ? `定期検査「${ctx.schedule}」の実行中` : '要求の外';
  const kind = origin === 'unhandledRejection' ? '処理されなかった Promise の拒否' : '捕捉されなかった例外';
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  const next = recoverable ? 'サービスは動作を続けます。' : '回復できないエラーのため、サービスを停止します（終了コード 2）。';
  return `${where}に${kind}が起きました。${next}\n${detail}`;
}

export interface GuardOptions {
  log: (line: string) => void;
  /** Called once for a fatal error: close what can be closed, then end the process. */
  onFatal: (err: unknown) => void;
}

/** Installs the two process handlers; returns a function that removes them. */
export function installProcessGuard(o: GuardOptions): () => void {
  let fatal = false;
  const handle = (origin: FailureOrigin) => (err: unknown) => {
    const ctx = als.getStore();
    const recoverable = !fatal && isRecoverable(err, origin, ctx);
    o.log(describeFailure(err, origin, ctx, recoverable));
    if (recoverable || fatal) return;
    fatal = true;
    o.onFatal(err);
  };
  const onException = handle('uncaughtException');
  const onRejection = handle('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
