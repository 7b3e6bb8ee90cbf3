// The HTTP service (`jis-a11y serve`): POST /api/v1/check for the CMS, GET /healthz, the OpenAPI
// description, the generated reports read-only under /reports/, and the scheduled crawls. This file wires
// the parts; each has its own module: who may call what (auth.ts — decided on the matched route, deny by
// default), the check (check-route.ts, check-body.ts), errors (http-errors.ts), the request context for the
// process guard (process-guard.ts). Untrusted input: token first (before the body is read), a body limit,
// a bounded queue in front of the sandbox browser (429 when full), a hard time limit per check.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import PQueue from 'p-queue';
import { originOf } from '../hook/fence.js';
import { loadPolicy, type LoadedPolicy } from '../hook/policy.js';
import { Sandbox } from '../hook/sandbox.js';
import { openStore, type HookLog, type Store } from '../store/store.js';
import { TOOL_VERSION } from '../../rules-jis/version.js';
import { installAuthentication, makeTokenCheck, markRoutes, PUBLIC, type TokenCheck } from './auth.js';
import { registerCheckRoute } from './check-route.js';
import type { ServiceConfig } from './config.js';
import { clientErrorHandler, frameworkErrors, installErrorHandlers, NOT_FOUND_MESSAGE, sendError } from './http-errors.js';
import { installRequestContext } from './process-guard.js';
import { Scheduler, type SchedulerOptions } from './scheduler.js';
import { workspaceAppPlugin } from './workspace/app-static.js';
import { auditRoutes } from './workspace/audit-routes.js';
import { authRoutes } from './workspace/auth-routes.js';
import { WorkspaceAuth } from './workspace/authenticate.js';
import { usersRoutes } from './workspace/users-routes.js';
import { approvalRoutes } from './workspace/approval-routes.js';
import { dashboardRoutes } from './workspace/dashboard-routes.js';
import { queueRoutes } from './workspace/queue-routes.js';
import { testRoutes } from './workspace/test-routes.js';
import { evidenceRoutes } from './workspace/evidence-routes.js';
import { pageRoutes } from './workspace/page-routes.js';
import { ContentFiles } from '../store/files.js';

const OPENAPI = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'openapi.json'), 'utf8');

export interface ServiceOptions {
  sandbox?: Sandbox;
  /** Tests: crawl hooks for the scheduler. */
  crawlHooks?: SchedulerOptions['crawlHooks'];
  log?: (line: string) => void;
  /** Tests: more routes under /api/v1, with the API's authentication (e.g. one that throws asynchronously). */
  apiRoutes?: (api: FastifyInstance) => void;
  /** Tests: the clock of the workspace's sessions and sign-in limit (ms since the epoch). */
  now?: () => number;
}

export interface Service {
  app: FastifyInstance;
  sandbox: Sandbox;
  queue: PQueue;
  verdictLog: HookLog;
  scheduler: Scheduler;
  policy: LoadedPolicy;
  /** The service's store (the workspace's users and audit log live in it). */
  store: Store;
  /** The workspace's sign-in (sessions, the sign-in limit). */
  workspace: WorkspaceAuth;
  /** Listens and returns the base URL ("http://127.0.0.1:8341"). */
  listen(): Promise<string>;
  /**
   * Starts the sandbox browser now instead of at the first check (`serve` calls it after listen): the CMS's
   * first request does not wait for a launch, and a browser that cannot start is reported at once.
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

interface Parts {
  cfg: ServiceConfig;
  opts: ServiceOptions;
  log: (line: string) => void;
  tokenOk: TokenCheck;
  origins: string[];
  policy: LoadedPolicy;
  sandbox: Sandbox;
  store: Store;
  workspace: WorkspaceAuth;
  queue: PQueue;
  scheduler: Scheduler;
  closing: () => boolean;
  startedAt: number;
}

function buildApp(cfg: ServiceConfig): FastifyInstance {
  return Fastify({
    bodyLimit: cfg.limits.bodyBytes,
    // Slow clients cannot hold a connection for ever: body upload + the check itself.
    requestTimeout: cfg.limits.requestTimeoutMs + 30_000,
    connectionTimeout: cfg.limits.requestTimeoutMs + 60_000,
    logger: false,
    return503OnClosing: true,
    trustProxy: cfg.trustProxy ?? false,
    genReqId: () => randomUUID().slice(0, 8),
    frameworkErrors,
    clientErrorHandler,
  });
}

/** /healthz: status and version for anyone (load balancers); queue, browser and schedules only with the token. */
function registerHealth(app: FastifyInstance, p: Parts): void {
  app.get('/healthz', PUBLIC, async (req) => {
    const status = p.closing() ? 'closing' : 'ok';
    if (!p.tokenOk(req.headers.authorization)) return { status, version: TOOL_VERSION };
    return {
      status,
      version: TOOL_VERSION,
      uptimeSeconds: Math.round((Date.now() - p.startedAt) / 1000),
      browser: { connected: p.sandbox.connected(), launches: p.sandbox.launches, version: p.sandbox.browserVersion },
      queue: { running: p.queue.pending, waiting: p.queue.size, concurrency: p.cfg.limits.concurrency, queueSize: p.cfg.limits.queueSize },
      schedules: p.scheduler.status(),
    };
  });
  app.get('/api/v1/openapi.json', PUBLIC, async (_req, reply) => reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(OPENAPI));
}

/** Everything under /api/v1 needs the token (routes and this prefix's 404 alike). */
async function apiPlugin(api: FastifyInstance, p: Parts): Promise<void> {
  api.setNotFoundHandler((_req, reply) => sendError(reply, 404, 'not-found', NOT_FOUND_MESSAGE));
  registerCheckRoute(api, { limits: p.cfg.limits, origins: p.origins, policy: p.policy, sandbox: p.sandbox, queue: p.queue, verdictLog: p.store.hookLog, closing: p.closing, log: p.log });
  api.post<{ Params: { name: string } }>('/schedules/:name/run', async (req, reply) => {
    const name = req.params.name;
    if (!p.scheduler.has(name)) return sendError(reply, 404, 'not-found', `定期検査「${name}」は設定されていません。`);
    // The crawl outlives the request: the scheduler runs it in the schedule's own context (process-guard.ts).
    if (!p.scheduler.trigger(name)) return sendError(reply, 409, 'running', `定期検査「${name}」は実行中です。`);
    return reply.code(202).send({ started: name, message: `定期検査「${name}」を開始しました。` });
  });
  const ws = { store: p.store, auth: p.workspace };
  await api.register(async (s) => authRoutes(s, ws));
  await api.register(async (s) => usersRoutes(s, ws));
  await api.register(async (s) => auditRoutes(s, ws));
  const wsData = { store: p.store, reportsDir: p.cfg.reportsDir, scheduler: p.scheduler };
  await dashboardRoutes(api, wsData);
  await testRoutes(api, wsData);
  await queueRoutes(api, wsData);
  await approvalRoutes(api, wsData);
  const files = { store: p.store, files: ContentFiles.of(p.cfg.store) };
  await api.register(async (s) => pageRoutes(s, files));
  await api.register(async (s) => evidenceRoutes(s, files));
  p.opts.apiRoutes?.(api);
}

/** The reports folder, read-only; public unless `protectReports`. Forbidden paths are 403/404 (http-errors.ts). */
async function reportsPlugin(scope: FastifyInstance, p: Parts): Promise<void> {
  markRoutes(scope, p.cfg.protectReports ? 'token' : 'public');
  await scope.register(fastifyStatic, { root: path.resolve(p.cfg.reportsDir), prefix: '/reports/', index: ['index.html'], dotfiles: 'deny', decorateReply: false });
}

export async function createService(cfg: ServiceConfig, opts: ServiceOptions = {}): Promise<Service> {
  const log = opts.log ?? ((s: string) => console.error(s));
  const origins = cfg.origins.map(originOf);
  const policy = loadPolicy(cfg.policy);
  const sandbox = opts.sandbox ?? new Sandbox({ allowedOrigins: origins, onEvent: (e) => log(e.message) });
  const store = await openStore(cfg.store);
  mkdirSync(cfg.reportsDir, { recursive: true });
  const scheduler = new Scheduler(cfg.schedules, { store: cfg.store, reportsDir: cfg.reportsDir, log, crawlHooks: opts.crawlHooks });
  let closing = false;
  const queue = new PQueue({ concurrency: cfg.limits.concurrency });
  const app = buildApp(cfg);
  await app.register(fastifyCookie, { hook: false });
  const workspace = new WorkspaceAuth({ store, config: cfg.workspace, parseCookie: (h) => app.parseCookie(h), now: opts.now });
  const p: Parts = { cfg, opts, log, tokenOk: makeTokenCheck(cfg.tokens), origins, policy, sandbox, store, workspace, queue, scheduler, closing: () => closing, startedAt: Date.now() };
  installRequestContext(app);
  installAuthentication(app, p.tokenOk, workspace);
  installErrorHandlers(app, { bodyBytes: cfg.limits.bodyBytes, log });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-request-id', req.id);
    if (!reply.getHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  registerHealth(app, p);
  await app.register(async (api) => apiPlugin(api, p), { prefix: '/api/v1' });
  await app.register(async (scope) => reportsPlugin(scope, p));
  await app.register(async (scope) => workspaceAppPlugin(scope));

  return {
    app,
    sandbox,
    queue,
    verdictLog: store.hookLog,
    scheduler,
    policy,
    store,
    workspace,
    async listen() {
      await app.listen({ host: cfg.host, port: cfg.port });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
      scheduler.start();
      return `http://${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${port}`;
    },
    async warmUp() {
      try {
        await sandbox.run(async () => undefined, cfg.limits.requestTimeoutMs);
      } catch (e) {
        log(`ブラウザーを事前に起動できませんでした（最初の検査のときにもう一度試します）: ${e instanceof Error ? e.message : String(e)}`);
      }
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
