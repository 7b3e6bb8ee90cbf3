// A real HTTP server on 127.0.0.1 with the workspace's data routes (ws-data) over a real SQLite store: the demo's
// store (`jis-a11y demo`, the sample site crawled in real Chromium, as tests/golden and tests/e2e build it),
// copied so each suite writes its own. Until the workspace's sign-in is merged, a test hook sets the signed-in
// person from headers (x-test-user, x-test-role), as the workspace contract says.
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../crawler/store/store.js';
import { Scheduler } from '../../crawler/service/scheduler.js';
import { installErrorHandlers } from '../../crawler/service/http-errors.js';
import type { WsDataDeps } from '../../crawler/service/workspace/deps.js';
import { testRoutes } from '../../crawler/service/workspace/test-routes.js';
import { queueRoutes } from '../../crawler/service/workspace/queue-routes.js';
import { approvalRoutes } from '../../crawler/service/workspace/approval-routes.js';
import { dashboardRoutes } from '../../crawler/service/workspace/dashboard-routes.js';
import type { Role } from '../../rules-jis/roles.js';
import { sharedDemoFolder } from '../helpers/shared-fixtures.js';

/** The demo's store (`jis-a11y demo`: a real crawl of the sample site), made once per test run and shared read only: copy it before writing. */
export async function demoStoreFile(): Promise<string> {
  return path.join(await sharedDemoFolder(), 'demo.sqlite');
}

export interface WsServer {
  base: string;
  store: Store;
  tmp: string;
  reportsDir: string;
  app: FastifyInstance;
  call(method: string, url: string, o?: { as?: Role; body?: unknown }): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

/** The routes over a copy of `storeFile` (or that file itself when `copy` is false). */
export async function startWsServer(storeFile: string, o: { copy?: boolean } = {}): Promise<WsServer> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-ws-data-'));
  const file = o.copy === false ? storeFile : path.join(tmp, 'store.sqlite');
  if (o.copy !== false) copyFileSync(storeFile, file);
  const store = await openStore(file);
  const reportsDir = path.join(tmp, 'reports');
  const scheduler = new Scheduler([], { store: file, reportsDir });
  const deps: WsDataDeps = { store, reportsDir, scheduler };
  const app = Fastify({ logger: false });
  installErrorHandlers(app, { bodyBytes: 1 << 20, log: () => undefined });
  app.addHook('onRequest', async (req) => {
    const login = req.headers['x-test-user'];
    if (typeof login === 'string') req.user = { id: 1, login, displayName: `${login} さん`, role: req.headers['x-test-role'] as Role, via: 'session' };
  });
  await app.register(
    async (api) => {
      await dashboardRoutes(api, deps);
      await testRoutes(api, deps);
      await queueRoutes(api, deps);
      await approvalRoutes(api, deps);
    },
    { prefix: '/api/v1' },
  );
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const call: WsServer['call'] = async (method, url, c = {}) => {
    const role = c.as ?? 'admin';
    const res = await fetch(base + url, {
      method,
      headers: { 'x-test-user': role === 'admin' ? 'kanri' : role === 'approver' ? 'shonin' : role === 'tester' ? 'kakunin' : 'etsuran', 'x-test-role': role, ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  return {
    base,
    store,
    tmp,
    reportsDir,
    app,
    call,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
