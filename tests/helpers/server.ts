// Serve in-memory pages from 127.0.0.1 for tests (each test states its pages inline).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  body: string | Buffer;
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface PageServer {
  url: string;
  /** Add or replace a route while the server runs. */
  set(path: string, route: Route | string): void;
  /** Every request the server received (method and path), in order. */
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export async function servePages(routes: Record<string, Route | string> = {}): Promise<PageServer> {
  const table = new Map<string, Route>();
  const set = (p: string, r: Route | string) => table.set(p, typeof r === 'string' ? { body: r } : r);
  for (const [p, r] of Object.entries(routes)) set(p, r);
  const requests: { method: string; path: string }[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    const route = table.get((req.url ?? '/').split('?')[0]);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="ja"><title>見つかりません</title><p>見つかりません</p>');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    set,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Wrap a body fragment into a complete Japanese page. */
export function jaPage(body: string, opts: { title?: string; lang?: string; head?: string } = {}): string {
  return `<!DOCTYPE html>
<html lang="${opts.lang ?? 'ja'}">
<head>
<meta charset="utf-8">
<title>${opts.title ?? 'テストページ | みどり県'}</title>
${opts.head ?? ''}
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
