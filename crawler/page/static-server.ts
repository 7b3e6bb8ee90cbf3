// A small static HTTP server on 127.0.0.1 for the sample site, file checks and tests (sirv + node:http).
// HTML files are served with the charset a browser would sniff from their bytes (html-bytes.ts), not
// sirv's fixed UTF-8: a Shift_JIS or EUC-JP page checked as a file must read as it does on the web server.
import { closeSync, existsSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { sniffEncoding } from './html-bytes.js';

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const HTML_FILE = /\.html?$/i;
/** Enough for the meta prescan (1024 bytes) and the guess for a page that declares nothing. */
const SNIFF_BYTES = 64 * 1024;

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    return buf.subarray(0, readSync(fd, buf, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** The file sirv serves for `pathname` (sirv's own order: as named, /index, .html, /index.html, .htm, /index.htm). */
function servedFile(dir: string, pathname: string, stats: Stats): string | undefined {
  const base = path.join(dir, pathname.replace(/\/$/, ''));
  for (const candidate of [base, `${base}/index`, `${base}.html`, `${base}/index.html`, `${base}.htm`, `${base}/index.htm`]) {
    if (!existsSync(candidate)) continue;
    const s = statSync(candidate);
    if (s.isFile() && s.ino === stats.ino && s.size === stats.size) return candidate;
  }
  return undefined;
}

/** `Content-Type: text/html; charset=<sniffed>` for HTML files; other files keep sirv's type. */
function setHtmlCharset(dir: string): (res: http.ServerResponse, pathname: string, stats: Stats) => void {
  return (res, pathname, stats) => {
    const file = servedFile(dir, pathname, stats);
    if (!file || !HTML_FILE.test(file)) return;
    try {
      res.setHeader('content-type', `text/html; charset=${sniffEncoding(readHead(file)).encoding}`);
    } catch {
      /* unreadable now: sirv's own type, and its own error when it reads the file */
    }
  };
}

export async function serveStatic(dir: string, opts: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const handler = sirv(root, { dev: true, etag: true, dotfiles: false, setHeaders: setHtmlCharset(root) });
  const server = http.createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><html lang="ja"><title>ページが見つかりません</title><h1>ページが見つかりません</h1>');
    }),
  );
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
