// A local "site" origin for the hook tests: records every request it gets, serves pages, CSS and a slow
// image (/slow.png?ms=…) that holds the page's load event, and a held image (/hold.png?key=k&ms=…, 20 s by default)
// answered only when /release?key=k is requested, so a test page's load can wait for its worker.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingServer {
  url: string;
  hits: string[];
  set(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export async function recordingServer(routes: Record<string, string> = {}): Promise<RecordingServer> {
  const hits: string[] = [];
  const table = new Map<string, { body: string; type: string }>();
  const set = (p: string, body: string, type = 'text/html; charset=utf-8') => table.set(p, { body, type });
  const held = new Map<string, () => void>();
  const released = new Set<string>();
  for (const [p, b] of Object.entries(routes)) set(p, b, p.endsWith('.css') ? 'text/css' : undefined);
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '/');
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/slow.png') {
      const t = setTimeout(() => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(PNG);
      }, Number(u.searchParams.get('ms') ?? 1000));
      res.on('close', () => clearTimeout(t));
      return;
    }
    const key = u.searchParams.get('key') ?? '';
    if (u.pathname === '/release') {
      released.add(key);
      held.get(key)?.();
      res.writeHead(204);
      return res.end();
    }
    if (u.pathname === '/hold.png') {
      const answer = () => {
        clearTimeout(t);
        held.delete(key);
        if (!res.writableEnded) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      };
      const t = setTimeout(answer, Number(u.searchParams.get('ms') ?? 20_000));
      if (released.has(key)) return answer();
      held.set(key, answer);
      res.on('close', () => clearTimeout(t));
      return;
    }
    if (u.pathname.endsWith('.png')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(PNG);
    }
    const r = table.get(u.pathname);
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': r.type });
    res.end(r.body);
  });
  // WebSocket attempts arrive as 'upgrade', not 'request': record them too.
  server.on('upgrade', (req, socket) => {
    hits.push(`upgrade ${req.url ?? '/'}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    set,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
