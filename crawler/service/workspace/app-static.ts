// The workspace web app's files (dist/workspace/, built by workspace/build.ts) served at / as public static files:
// the page itself holds no data, every piece of data comes through /api/v1/ws/ with the session. Only the files
// that exist at start-up get a route (`wildcard: false`), so an unknown path under /api/v1 still reaches the API's
// own deny-by-default 404 and is never answered by this plugin. Every answer carries a strict CSP: scripts and
// styles from this origin only (no inline script, no eval, no inline style), no framing of the app by others.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { markRoutes, PUBLIC } from '../auth.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WORKSPACE_DIR = path.join(ROOT, 'dist', 'workspace');

export const WORKSPACE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>画面が作成されていません | jis-a11y</title></head><body><main><h1>ワークスペースの画面が作成されていません</h1><p>${'`npm run build`'} を実行してから、サービスを起動し直してください（dist/workspace/ がありません）。</p></main></body></html>`;

/** Registers the app's files at / (a plugin of its own: the CSP and the public marking stay inside it). */
export async function workspaceAppPlugin(scope: FastifyInstance, opts: { dir?: string } = {}): Promise<void> {
  const dir = opts.dir ?? WORKSPACE_DIR;
  scope.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', WORKSPACE_CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });
  if (!existsSync(path.join(dir, 'index.html'))) {
    scope.get('/', PUBLIC, async (_req, reply) => reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT));
    return;
  }
  markRoutes(scope, 'public');
  await scope.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'], dotfiles: 'deny', decorateReply: false, cacheControl: false });
}
