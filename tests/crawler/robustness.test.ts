// Pages that go wrong: hanging, busy-looping, crashing tab, killed browser, redirect loop, 500, 10 MB,
// not HTML. Each is recorded with its error (Japanese message) and the run goes on to the good pages.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchBrowser } from '../../crawler/page/browser.js';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { gatherPage, type GatherOptions } from '../../crawler/page/gather-page.js';
import { runCrawl, type CrawlOutcome } from '../../crawler/crawl/crawl.js';
import { collect, openStore, type Store, type StoredPage } from '../../crawler/store/store.js';

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}｜テスト県</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const TROUBLE = ['/hang', '/busy', '/crash', '/kill-browser', '/loop-a', '/error500', '/huge', '/huge-cl', '/report', '/blob', '/moved', '/ok1', '/ok2', '/ok3', '/ok4'];

let server: http.Server;
let base: string;
const hung: http.ServerResponse[] = [];
const hits = new Map<string, number>();

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const p = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET') hits.set(p, (hits.get(p) ?? 0) + 1);
  const html = (body: string, status = 200) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
  switch (p) {
    case '/':
      return html(page('トップ', `<ul>${TROUBLE.map((t) => `<li><a href="${t}">${t.slice(1)} のページ</a></li>`).join('')}</ul>`));
    case '/robots.txt':
    case '/sitemap.xml':
      return html('', 404);
    case '/hang':
      hung.push(res); // never answers
      return;
    case '/busy':
      // loads, then the renderer never comes back (the audit cannot run)
      return html(page('無限ループ', `<script>addEventListener('load', () => setTimeout(() => { for (;;) {} }, 10));</script><p>重いページ</p>`));
    case '/crash':
    case '/kill-browser':
      return html(page(p.slice(1), '<p>このページの検査中にタブかブラウザが落ちます。</p><p><a href="/ok5">次のページ</a></p>'));
    case '/loop-a':
      res.writeHead(302, { location: '/loop-b' }).end();
      return;
    case '/loop-b':
      res.writeHead(302, { location: '/loop-a' }).end();
      return;
    case '/moved':
      res.writeHead(301, { location: '/moved-target' }).end();
      return;
    case '/moved-target':
      return html(page('移転先', '<p>移転したページ</p>'));
    case '/error500':
      return html(page('サーバーエラー', '<p>内部エラー</p>'), 500);
    case '/huge': // 10 MB, chunked (no Content-Length): counted while it arrives
      return html(page('巨大なページ', '<p>' + 'あいうえお。'.repeat(600_000) + '</p>'));
    case '/huge-cl': {
      // 10 MB announced by Content-Length: given up on the headers
      const body = Buffer.from(page('巨大なページ', '<p>' + 'かきくけこ。'.repeat(600_000) + '</p>'));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) });
      res.end(body);
      return;
    }
    case '/report':
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '9' });
      res.end(req.method === 'HEAD' ? undefined : '%PDF-1.4\n');
      return;
    case '/blob':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : Buffer.alloc(64));
      return;
    default:
      if (/^\/ok\d$/.test(p)) return html(page(`正常なページ ${p.slice(3)}`, '<p>問題のないページです。</p><p><a href="/moved-target">移転先</a></p>'));
      return html(page('ありません', '<p>404</p>'), 404);
  }
}

let dir: string;
let outcome: CrawlOutcome;
let store: Store;
let pagesByUrl: Map<string, StoredPage>;
let launches = 0;
const crashedOnce = new Set<string>();

/** Test hook around the real gather: crash the tab (CDP Page.crash) or kill the whole browser on cue. */
async function sabotage(p: Page, url: string, opts: GatherOptions) {
  const path = new URL(url).pathname;
  if (path === '/crash') {
    const cdp = await p.createCDPSession();
    p.once('load', () => void cdp.send('Page.crash').catch(() => {}));
  }
  if (path === '/kill-browser' && !crashedOnce.has(path)) {
    crashedOnce.add(path);
    p.once('load', () => p.browser().process()?.kill('SIGKILL'));
  }
  return gatherPage(p, url, opts);
}

beforeAll(async () => {
  server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-crawl-robust-'));
  const config = mergeConfig({
    startUrls: [base],
    concurrency: 2,
    timeouts: { navigationMs: 3_000, auditMs: 8_000 },
    retries: { perUrl: 1, budget: 10 },
    relaunchEvery: 6,
    maxPageBytes: 1024 * 1024,
    output: { dir },
    // This suite is about broken pages; the keyboard phase (tested in tests/interaction) only slows each page
    // and widens the window in which a browser kill makes an in-flight page retry (a second server hit).
    interaction: { enabled: false },
  });
  outcome = await runCrawl(config, {
    hooks: {
      gather: sabotage,
      launch: () => {
        launches++;
        return launchBrowser();
      },
    },
  });
  store = await openStore(outcome.dbFile, { readonly: true });
  pagesByUrl = new Map((await collect(store.results.iteratePages(outcome.runId))).map((p) => [p.url, p]));
}, 240_000);

afterAll(async () => {
  await store?.close();
  for (const r of hung) r.destroy();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const byPath = (p: string) => pagesByUrl.get(base.replace(/\/$/, '') + p) ?? null;

describe('a crawl through broken pages', () => {
  it('finishes and audits every good page', () => {
    expect(outcome.status).toBe('finished');
    for (const p of ['/', '/ok1', '/ok2', '/ok3', '/ok4', '/ok5']) {
      expect(byPath(p)?.error, p).toBeNull();
      expect(byPath(p)?.criteria.length, p).toBeGreaterThan(0);
    }
  });

  it('records each failure with its code and a Japanese message', () => {
    const codes: Record<string, string> = {
      '/hang': 'timeout',
      '/busy': 'timeout|audit-timeout',
      '/crash': 'crashed',
      '/loop-a': 'redirect-loop',
      '/error500': 'http-error',
      '/huge': 'too-large',
      '/huge-cl': 'too-large',
      '/blob': 'not-html',
    };
    for (const [p, code] of Object.entries(codes)) {
      const row = byPath(p);
      expect(row, p).not.toBeNull();
      expect(row!.error?.code, p).toMatch(new RegExp(`^(${code})$`));
      expect(row!.error?.message, p).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    }
    expect(byPath('/error500')!.status).toBe(500);
    expect(byPath('/huge')!.bytes).toBeGreaterThan(1024 * 1024); // counted while it arrived: given up past the limit
    expect(byPath('/huge-cl')!.bytes).toBeGreaterThan(10_000_000);
  });

  it('retries transient failures within the budget, and only those', async () => {
    const errors = await store.results.errorsOfRun(outcome.runId);
    const attempts = (p: string) => errors.filter((e) => new URL(e.url).pathname === p).length;
    expect(attempts('/hang')).toBe(2);
    expect(attempts('/crash')).toBe(2);
    expect(attempts('/error500')).toBe(1);
    expect(attempts('/loop-a')).toBe(1);
  });

  it('survives a killed browser and relaunches after N pages', () => {
    // the killed browser's page was retried in a fresh browser and audited
    expect(byPath('/kill-browser')?.error).toBeNull();
    expect(launches).toBeGreaterThanOrEqual(3);
  });

  it('audits a redirected page once, under the linked URL', () => {
    expect(byPath('/moved')?.finalUrl).toBe(base + 'moved-target');
    expect(byPath('/moved')?.error).toBeNull();
    expect(byPath('/moved-target')).toBeNull();
    expect(hits.get('/moved-target')).toBe(1);
  });

  it('inventories a non-HTML link that is a document instead of auditing it', async () => {
    const doc = (await store.results.documentsOfRun(outcome.runId)).find((d) => d.url.endsWith('/report'));
    expect(doc).toMatchObject({ type: 'PDF', size: 9, status: 200 });
    expect(byPath('/report')).toBeNull();
  });
});
