// Serves the embedded sample site (tests/fixtures/site) on 127.0.0.1. robots.txt and sitemap*.xml hold
// absolute URLs with a placeholder origin (http://127.0.0.1:4173); they are rewritten to the real origin
// so the site works on any port.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { StaticServer } from '../page/static-server.js';

export const SAMPLE_SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/site');
export const SAMPLE_ORIGIN_PLACEHOLDER = 'http://127.0.0.1:4173';

export interface SampleSiteOptions {
  port?: number;
  dir?: string;
  /** Called for every request (tests count requests per path). */
  onRequest?: (method: string, path: string) => void;
}

export async function serveSampleSite(opts: SampleSiteOptions = {}): Promise<StaticServer> {
  const dir = opts.dir ?? SAMPLE_SITE_DIR;
  const handler = sirv(dir, { dev: true, etag: true, dotfiles: false });
  let origin = '';
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent((req.url ?? '/').split('?')[0]);
    opts.onRequest?.(req.method ?? 'GET', p);
    if (p === '/robots.txt' || /^\/sitemap[\w-]*\.xml$/.test(p)) {
      try {
        const body = readFileSync(path.join(dir, p), 'utf8').split(SAMPLE_ORIGIN_PLACEHOLDER).join(origin);
        res.setHeader('content-type', p.endsWith('.xml') ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      } catch {
        /* fall through to 404 */
      }
    }
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!DOCTYPE html><html lang="ja"><head><title>ページが見つかりません｜みどり県</title></head><body><main><h1>ページが見つかりません</h1></main></body></html>');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + '/',
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
