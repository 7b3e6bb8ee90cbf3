// Issue 21, case 4: the crawl's credentials (basic auth, a token header, a cookie) reach the crawl's own
// origin and nothing else. Two loopback origins (another port is another origin) record the headers they
// receive: the staging site (allowed) asks for every credential; the other origin is named by the staging
// site's robots.txt as a sitemap, serves a script, an image, an iframe, a redirect target of a page and of a
// document, and answers one image with a 401 challenge. It must never see a credential, and the challenge
// must not be answered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { HttpClient } from '../../crawler/crawl/http-client.js';
import { Credentials } from '../../crawler/page/credentials.js';
import { collect, openStore } from '../../crawler/store/store.js';

const BASIC = 'Basic ' + Buffer.from('koho:himitsu').toString('base64');
const TOKEN = 'tok-secret-123';
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}｜検証環境</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

interface Seen {
  path: string;
  authorization?: string;
  token?: string;
  cookie?: string;
}

let staging: http.Server;
let other: http.Server;
let A: string;
let B: string;
let dir: string;
const atA: Seen[] = [];
const atB: Seen[] = [];

const record = (req: http.IncomingMessage, into: Seen[]) =>
  into.push({
    path: (req.url ?? '/').split('?')[0],
    authorization: req.headers.authorization,
    token: req.headers['x-staging-token'] as string | undefined,
    cookie: req.headers.cookie,
  });

function stagingHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  record(req, atA);
  const p = (req.url ?? '/').split('?')[0];
  if (req.headers.authorization !== BASIC) {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="staging"', 'content-type': 'text/plain' });
    return void res.end('401');
  }
  if (req.headers['x-staging-token'] !== TOKEN || !/(^|;\s*)session=ok(;|$)/.test(req.headers.cookie ?? '')) {
    res.writeHead(403, { 'content-type': 'text/plain' });
    return void res.end('403');
  }
  const html = (b: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(b);
  };
  if (p === '/robots.txt') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    return void res.end(`User-agent: *\nAllow: /\nSitemap: ${B}/sitemap.xml\n`);
  }
  if (p === '/') {
    return html(
      page(
        'トップ',
        `<script src="${B}/script.js"></script>
<img src="${B}/logo.png" alt="ロゴ">
<img src="${B}/challenge.png" alt="認証画像">
<iframe src="${B}/frame.html" title="外部の地図"></iframe>
<p><a href="/kurashi/">くらし</a> <a href="/moved">移転</a> <a href="/shiryo.pdf">資料（PDF形式：1KB）</a></p>`,
      ),
    );
  }
  if (p === '/kurashi/') return html(page('くらし', '<p>本文</p>'));
  if (p === '/moved') {
    res.writeHead(302, { location: `${B}/moved.html` });
    return void res.end();
  }
  if (p === '/shiryo.pdf') {
    res.writeHead(302, { location: `${B}/shiryo.pdf` });
    return void res.end();
  }
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page('なし', ''));
}

function otherHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  record(req, atB);
  const p = (req.url ?? '/').split('?')[0];
  const send = (type: string, body: string | Buffer, status = 200) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  if (p === '/sitemap.xml') return send('application/xml', `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${A}/kurashi/</loc></url></urlset>`);
  if (p === '/script.js') return send('text/javascript', `fetch(${JSON.stringify(B + '/api')}).catch(() => {});`);
  if (p === '/logo.png') return send('image/png', Buffer.from('89504e470d0a1a0a', 'hex'));
  if (p === '/challenge.png') {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="other"', 'content-type': 'text/plain' });
    return void res.end('401');
  }
  if (p === '/frame.html') return send('text/html; charset=utf-8', `<!DOCTYPE html><html lang="ja"><title>地図</title><img src="${B}/frame-img.png" alt="地図">`);
  if (p === '/moved.html') return send('text/html; charset=utf-8', page('移転先', '<p>外部</p>'));
  if (p === '/shiryo.pdf') return send('application/pdf', '%PDF-1.4\n');
  send('text/plain', 'ok');
}

const listen = async (s: http.Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  staging = http.createServer(stagingHandler);
  other = http.createServer(otherHandler);
  A = await listen(staging);
  B = await listen(other);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-credentials-'));
});

afterAll(async () => {
  for (const s of [staging, other]) {
    s?.closeAllConnections();
    await new Promise((r) => s?.close(r));
  }
  rmSync(dir, { recursive: true, force: true });
});

const leaked = (s: Seen) => s.authorization !== undefined || s.token !== undefined || /session=ok/.test(s.cookie ?? '');

describe('credentials only for the crawl origins (issue 21 case 4)', () => {
  it('a crawl sends basic auth, headers and cookies to its origin and none to another origin', async () => {
    const config = mergeConfig({
      startUrls: [A + '/'],
      sitemap: true,
      concurrency: 1,
      auth: { basic: { username: 'koho', password: 'himitsu' }, headers: { 'X-Staging-Token': TOKEN }, cookies: [{ name: 'session', value: 'ok' }] },
      output: { dir: path.join(dir, 'crawl') },
    });
    const outcome = await runCrawl(config);
    const store = await openStore(outcome.dbFile, { readonly: true });
    try {
      const pages = await collect(store.results.iteratePages(outcome.runId));
      const byPath = Object.fromEntries(pages.map((p) => [new URL(p.url).pathname, p]));
      // the allowed origin got every credential: its pages were audited
      expect(byPath['/']?.error ?? null).toBeNull();
      expect(byPath['/']?.title).toBe('トップ｜検証環境');
      expect(byPath['/kurashi/']?.error ?? null).toBeNull();
    } finally {
      await store.close();
    }
    const paths = new Set(atB.map((s) => s.path));
    // the other origin was asked for each thing the test is about ...
    for (const p of ['/sitemap.xml', '/script.js', '/logo.png', '/challenge.png', '/frame.html', '/frame-img.png', '/moved.html', '/shiryo.pdf']) expect(paths, p).toContain(p);
    // ... and never saw a credential, nor an answer to its 401 challenge
    expect(atB.filter(leaked)).toEqual([]);
    expect(atB.filter((s) => s.path === '/challenge.png').every((s) => s.authorization === undefined)).toBe(true);
    // the allowed origin did: every request of the crawl to it carried them (the browser's and Node's)
    expect(atA.length).toBeGreaterThan(3);
    expect(atA.filter((s) => s.authorization === BASIC && s.token === TOKEN && /session=ok/.test(s.cookie ?? '')).length).toBe(atA.length);
  }, 120_000);

  it("Node's client follows a redirect to another origin without the credentials", async () => {
    atB.length = 0;
    const http = new HttpClient({ credentials: new Credentials({ basic: { username: 'koho', password: 'himitsu' }, headers: { 'X-Staging-Token': TOKEN } }, [A]), cookieHeader: () => 'session=ok' });
    const res = await http.request(A + '/moved', { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(res.url).toBe(B + '/moved.html');
    await res.text();
    const probe = await http.probe(A + '/shiryo.pdf');
    expect(probe).toMatchObject({ status: 200, finalUrl: B + '/shiryo.pdf' });
    expect(atB.map((s) => s.path)).toEqual(['/moved.html', '/shiryo.pdf']);
    expect(atB.filter(leaked)).toEqual([]);
  });
});
