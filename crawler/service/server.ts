// The HTTP service (`jis-a11y serve`): POST /api/v1/check for the CMS, GET /healthz, the OpenAPI
// description, the generated reports read-only under /reports/, and the scheduled crawls.
// Untrusted input: Bearer token first (before the body is read), a body limit, a bounded queue in front of
// the sandbox browser (429 when full), a hard time limit per check (queue wait included).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import PQueue from 'p-queue';
import { PageAuditError } from '../page/audit-page.js';
import { BrowserNotFoundError } from '../page/browser.js';
import { checkSubmission } from '../hook/check-submission.js';
import { originOf, type FenceTarget } from '../hook/fence.js';
import { loadPolicy, type LoadedPolicy } from '../hook/policy.js';
import { Sandbox } from '../hook/sandbox.js';
import { openStore, type HookLog } from '../store/store.js';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import { makeTokenCheck } from './auth.js';
import type { ServiceConfig } from './config.js';
import { Scheduler, type SchedulerOptions } from './scheduler.js';

const OPENAPI = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'openapi.json'), 'utf8');

/** HTTP status for each way a check can end without a verdict. */
const STATUS_OF: Record<string, number> = {
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
  unreachable: 422,
  'navigation-failed': 422,
  'redirect-loop': 422,
  internal: 500,
};

export interface ServiceOptions {
  sandbox?: Sandbox;
  /** Tests: crawl hooks for the scheduler. */
  crawlHooks?: SchedulerOptions['crawlHooks'];
  log?: (line: string) => void;
}

export interface Service {
  app: FastifyInstance;
  sandbox: Sandbox;
  queue: PQueue;
  verdictLog: HookLog;
  scheduler: Scheduler;
  policy: LoadedPolicy;
  /** Listens and returns the base URL ("http://127.0.0.1:8341"). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

function sendError(reply: FastifyReply, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  return reply.code(status).send({ verdict: 'error', error: { code, message } });
}

export async function createService(cfg: ServiceConfig, opts: ServiceOptions = {}): Promise<Service> {
  const log = opts.log ?? ((s: string) => console.error(s));
  const policy = loadPolicy(cfg.policy);
  const origins = cfg.origins.map(originOf);
  const tokenOk = makeTokenCheck(cfg.tokens);
  const sandbox = opts.sandbox ?? new Sandbox({ allowedOrigins: origins, onEvent: (e) => log(e.message) });
  const store = await openStore(cfg.store);
  const verdictLog = store.hookLog;
  const queue = new PQueue({ concurrency: cfg.limits.concurrency });
  mkdirSync(cfg.reportsDir, { recursive: true });
  const scheduler = new Scheduler(cfg.schedules, { store: cfg.store, reportsDir: cfg.reportsDir, log, crawlHooks: opts.crawlHooks });
  let closing = false;
  const startedAt = Date.now();

  const app = Fastify({
    bodyLimit: cfg.limits.bodyBytes,
    // Slow clients cannot hold a connection for ever: body upload + the check itself.
    requestTimeout: cfg.limits.requestTimeoutMs + 30_000,
    connectionTimeout: cfg.limits.requestTimeoutMs + 60_000,
    logger: false,
    return503OnClosing: true,
  });

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.getHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  // Authentication runs before the body is read: an anonymous client cannot make us parse 2 MB.
  app.addHook('onRequest', async (req, reply) => {
    const needsToken = (req.url.startsWith('/api/') && !req.url.startsWith('/api/v1/openapi.json')) || (cfg.protectReports && req.url.startsWith('/reports'));
    if (!needsToken) return;
    if (!tokenOk(req.headers.authorization)) {
      return sendError(reply, 401, 'unauthorized', '認証が必要です。Authorization: Bearer <トークン> ヘッダーを付けてください（トークンが違う場合も同じ応答です）。', {
        'www-authenticate': 'Bearer realm="jis-a11y"',
      });
    }
  });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const code = err.code ?? '';
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413)
      return sendError(reply, 413, 'body-too-large', `送信された本文が大きすぎます（上限 ${cfg.limits.bodyBytes.toLocaleString('ja-JP')} バイト）。ページを分割するか、管理者に上限を相談してください。`);
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415)
      return sendError(reply, 415, 'unsupported-media-type', 'Content-Type は application/json にしてください。');
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(reply, 400, 'empty-body', '本文が空です。{"html": "...", "baseUrl": "..."} か {"url": "..."} を JSON で送ってください。');
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError || err.statusCode === 400)
      return sendError(reply, 400, 'invalid-json', `本文の JSON を読めません（${err.message}）。{"html": "...", "baseUrl": "..."} か {"url": "..."} の形で送ってください。`);
    log(`内部エラー: ${err.stack ?? err.message}`);
    return sendError(reply, 500, 'internal', 'サービス内部でエラーが起きました。管理者に連絡してください。');
  });

  app.setNotFoundHandler((req, reply) => sendError(reply, 404, 'not-found', `${req.method} ${req.url.split('?')[0]} はありません。API の説明は /api/v1/openapi.json にあります。`));

  app.get('/healthz', async () => ({
    status: closing ? 'closing' : 'ok',
    version: TOOL_VERSION,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    browser: { connected: sandbox.connected(), launches: sandbox.launches, version: sandbox.browserVersion },
    queue: { running: queue.pending, waiting: queue.size, concurrency: cfg.limits.concurrency, queueSize: cfg.limits.queueSize },
    schedules: scheduler.status(),
  }));

  app.get('/api/v1/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(OPENAPI));

  app.post('/api/v1/check', async (req, reply) => {
    if (closing) return sendError(reply, 503, 'shutting-down', 'サービスを停止中です。しばらくしてから再送してください。', { 'retry-after': '30' });
    const body = req.body as Record<string, unknown> | null;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return sendError(reply, 400, 'invalid-body', '本文は JSON オブジェクトです: {"html": "...", "baseUrl": "..."} か {"url": "..."}。');
    let target: FenceTarget;
    const httpUrl = (v: unknown): string | null => {
      if (typeof v !== 'string') return null;
      try {
        originOf(v);
        return v;
      } catch {
        return null;
      }
    };
    if (body.url !== undefined) {
      if (body.html !== undefined) return sendError(reply, 400, 'invalid-body', '"url" と "html" は同時に指定できません。');
      const url = httpUrl(body.url);
      if (!url) return sendError(reply, 400, 'invalid-body', '"url" は http(s) の URL です。');
      target = { kind: 'url', url };
    } else {
      if (typeof body.html !== 'string' || !body.html.trim()) return sendError(reply, 400, 'invalid-body', '"html"（検査する HTML の文字列）がありません。');
      const baseUrl = httpUrl(body.baseUrl);
      if (!baseUrl) return sendError(reply, 400, 'invalid-body', '"baseUrl"（ページが公開される http(s) の URL）がありません。');
      target = { kind: 'html', html: body.html, baseUrl };
    }
    const origin = originOf(target.kind === 'html' ? target.baseUrl : target.url);
    if (!origins.includes(origin))
      return sendError(reply, 403, 'origin-not-allowed', `${origin} は検査を許可されたオリジンではありません（許可: ${origins.join(', ')}）。`);

    if (queue.size >= cfg.limits.queueSize) {
      const retry = Math.max(1, Math.ceil(((queue.size + queue.pending) / cfg.limits.concurrency) * 3));
      return sendError(reply, 429, 'busy', `混雑しています（検査待ちが上限の ${cfg.limits.queueSize} 件に達しました）。${retry} 秒ほど後に再送してください。`, { 'retry-after': String(retry) });
    }

    const arrival = Date.now();
    const ac = new AbortController();
    const limit = cfg.limits.requestTimeoutMs;
    const deadline = setTimeout(() => ac.abort(new PageAuditError('timeout', `制限時間（${Math.round(limit / 1000)} 秒）内に検査を始められませんでした（混雑）。再送してください。`)), limit);
    // A client that hung up does not need its page checked.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) ac.abort(new PageAuditError('aborted', '接続が切れたため検査を中止しました。'));
    });
    try {
      const verdict = await queue.add(
        () => {
          const remaining = limit - (Date.now() - arrival);
          if (remaining < 500) throw new PageAuditError('timeout', `制限時間（${Math.round(limit / 1000)} 秒）内に検査を始められませんでした（混雑）。再送してください。`);
          return checkSubmission(sandbox, target, { policy, allowedOrigins: origins, deadlineMs: remaining, log: verdictLog, channel: 'http', client: req.ip, signal: ac.signal });
        },
        { signal: ac.signal },
      );
      return reply.code(200).send(verdict);
    } catch (err) {
      let e: PageAuditError;
      if (err instanceof PageAuditError) e = err;
      else if (ac.signal.reason instanceof PageAuditError) e = ac.signal.reason;
      else if (err instanceof BrowserNotFoundError) e = new PageAuditError('browser-not-found', err.message);
      else {
        log(`検査中の内部エラー: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        e = new PageAuditError('internal', '検査中にサービス内部でエラーが起きました。');
      }
      const status = STATUS_OF[e.code] ?? 422;
      return sendError(reply, status, e.code, e.message, status === 503 ? { 'retry-after': '5' } : {});
    } finally {
      clearTimeout(deadline);
    }
  });

  app.post<{ Params: { name: string } }>('/api/v1/schedules/:name/run', async (req, reply) => {
    const name = req.params.name;
    if (!scheduler.has(name)) return sendError(reply, 404, 'not-found', `定期検査「${name}」は設定されていません。`);
    if (!scheduler.trigger(name)) return sendError(reply, 409, 'running', `定期検査「${name}」は実行中です。`);
    return reply.code(202).send({ started: name, message: `定期検査「${name}」を開始しました。` });
  });

  await app.register(fastifyStatic, { root: path.resolve(cfg.reportsDir), prefix: '/reports/', index: ['index.html'], dotfiles: 'deny', decorateReply: false });

  return {
    app,
    sandbox,
    queue,
    verdictLog,
    scheduler,
    policy,
    async listen() {
      await app.listen({ host: cfg.host, port: cfg.port });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
      scheduler.start();
      return `http://${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${port}`;
    },
    async close() {
      closing = true;
      await scheduler.stop();
      await app.close();
      await queue.onIdle();
      await sandbox.close();
      await store.close();
    },
  };
}
