// A staging CMS behind basic auth, a token header, a session cookie and a login form: the crawl reaches
// every page with the configured auth and a login script, and keeps the per-host delay.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile, mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { collect, openStore } from '../../crawler/store/store.js';

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}｜検証環境</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

let server: http.Server;
let base: string;
let dir: string;
const seen: { path: string; at: number; method: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    const cookies = Object.fromEntries((req.headers.cookie ?? '').split(/;\s*/).filter(Boolean).map((c) => c.split('=') as [string, string]));
    if (req.headers.authorization !== 'Basic ' + Buffer.from('koho:himitsu').toString('base64')) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="staging"', 'content-type': 'text/plain' });
      return res.end('401');
    }
    if (req.headers['x-staging-token'] !== 'tok-123') {
      res.writeHead(403, { 'content-type': 'text/plain' });
      return res.end('403');
    }
    seen.push({ path: p, at: Date.now(), method: req.method ?? 'GET' });
    const html = (b: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(b);
    };
    if (p === '/robots.txt' || p === '/sitemap.xml') {
      res.writeHead(404);
      return res.end();
    }
    if (p === '/login' && req.method === 'POST') {
      res.writeHead(302, { location: '/members/', 'set-cookie': 'login=yes; Path=/; HttpOnly' });
      return res.end();
    }
    if (p === '/login') return html(page('ログイン', `<form method="post" action="/login"><label for="u">ユーザー名</label><input id="u" name="u"><button>ログイン</button></form>`));
    if (cookies.session !== 'ok') return html(page('セッションなし', '<p>cookie がありません</p>'));
    if (p.startsWith('/members/') && cookies.login !== 'yes') {
      res.writeHead(302, { location: '/login' });
      return res.end();
    }
    if (p === '/') return html(page('トップ', '<a href="/a">A</a> <a href="/b">B</a> <a href="/members/">会員</a>'));
    if (p === '/members/') return html(page('会員ページ', '<a href="/members/doc.pdf">会員向け資料（PDF形式：9バイト）</a>'));
    if (p === '/members/doc.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '9' });
      return res.end(req.method === 'HEAD' ? undefined : '%PDF-1.4\n');
    }
    if (p === '/a' || p === '/b') return html(page(`ページ${p}`, '<p>本文</p>'));
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end(page('なし', ''));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-crawl-auth-'));
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('crawl with auth', () => {
  it('uses basic auth, headers, cookies and a login script from the config file', async () => {
    writeFileSync(
      path.join(dir, 'login.mjs'),
      `export default async (page) => {
  await page.goto(${JSON.stringify(base + '/login')});
  await page.type('#u', 'koho');
  await Promise.all([page.waitForNavigation(), page.click('button')]);
};\n`,
    );
    writeFileSync(
      path.join(dir, 'jis-a11y.config.mjs'),
      `export default {
  site: ${JSON.stringify(base + '/')},
  concurrency: 2,
  perHost: { concurrency: 1, delayMs: 250 },
  auth: {
    basic: { username: 'koho', password: 'himitsu' },
    headers: { 'X-Staging-Token': 'tok-123' },
    cookies: [{ name: 'session', value: 'ok' }],
    loginScript: './login.mjs',
  },
  output: { dir: './out' },
};\n`,
    );
    const fileCfg = await loadConfigFile(path.join(dir, 'jis-a11y.config.mjs'));
    expect(fileCfg.output?.dir).toBe(path.join(dir, 'out'));
    const outcome = await runCrawl(mergeConfig(fileCfg));
    const store = await openStore(outcome.dbFile, { readonly: true });
    try {
      const pages = await collect(store.results.iteratePages(outcome.runId));
      expect(pages.map((p) => [new URL(p.url).pathname, p.title, p.error?.code ?? null]).sort()).toEqual(
        [
          ['/', 'トップ｜検証環境', null],
          ['/a', 'ページ/a｜検証環境', null],
          ['/b', 'ページ/b｜検証環境', null],
          ['/members/', '会員ページ｜検証環境', null],
        ].sort(),
      );
      // the document behind the login was probed with the session from the browser
      expect(await store.results.documentsOfRun(outcome.runId)).toMatchObject([{ type: 'PDF', status: 200, size: 9 }]);
      // secrets are not stored with the run
      const cfg = JSON.stringify((await store.runs.getRun(outcome.runId))!.config);
      expect(cfg).not.toContain('himitsu');
      expect(cfg).not.toContain('tok-123');
    } finally {
      await store.close();
    }
    // politeness: page requests to the host at least ~250 ms apart
    // Each page's crawl request, i.e. its first GET. Not counted: the login script's own visit (the redirect to
    // /members/ right after POST /login), and a page the keyboard phase loads again to put it back after a key
    // navigated it (not a new page fetched from the queue).
    const login = seen.findIndex((s) => s.method === 'POST' && s.path === '/login');
    const loginVisit = seen.findIndex((s, i) => i > login && s.method === 'GET' && s.path === '/members/');
    const firstHit = new Map<string, number>();
    seen.forEach((s, i) => {
      if (s.method === 'GET' && i !== loginVisit && ['/', '/a', '/b', '/members/'].includes(s.path) && !firstHit.has(s.path)) firstHit.set(s.path, s.at);
    });
    const pageHits = [...firstHit.values()].sort((a, b) => a - b);
    expect(pageHits).toHaveLength(4);
    for (let i = 1; i < pageHits.length; i++) expect(pageHits[i] - pageHits[i - 1]).toBeGreaterThanOrEqual(200);
  }, 120_000);
});
