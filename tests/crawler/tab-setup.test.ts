// Per-tab set-up of the crawler: fonts and media are not fetched (no check needs their bytes) unless
// skipResources is empty, and leaving them out changes no finding; the bundle registered once per tab gives
// the same result as sending it per page (`check`).
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { collect, openStore } from '../../crawler/store/store.js';
import { launchBrowser } from '../../crawler/page/browser.js';
import { auditUrl } from '../../crawler/page/audit-page.js';

const PAGE = (n: number) => `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>観光案内 ${n} - みどり県</title>
<style>@font-face{font-family:"Kenmin Gothic";src:url(/font/kenmin.woff2) format("woff2")}body{font-family:"Kenmin Gothic",sans-serif}</style></head>
<body><main><h1>観光案内 ${n}</h1><p>みどり県の観光地を紹介します。</p>
<video src="/media/intro-${n}.mp4" controls width="320"></video>
<img src="/img/map.png" width="10" height="10">
${n === 1 ? '<p><a href="/p2.html">次のページ</a></p>' : ''}</main></body></html>`;

let server: http.Server;
let origin: string;
let dir: string;
const hits = { font: 0, media: 0, img: 0 };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const u = req.url ?? '/';
    if (u.startsWith('/font/')) {
      hits.font++;
      return res.writeHead(200, { 'content-type': 'font/woff2' }).end(Buffer.alloc(2048, 1));
    }
    if (u.startsWith('/media/')) {
      hits.media++;
      return res.writeHead(200, { 'content-type': 'video/mp4' }).end(Buffer.alloc(4096, 2));
    }
    if (u.startsWith('/img/')) {
      hits.img++;
      return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
    }
    const m = /^\/p(\d)\.html$/.exec(u);
    if (m) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(Number(m[1])));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-tab-setup-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

async function crawl(name: string, skipResources?: ('Font' | 'Media')[]) {
  hits.font = hits.media = hits.img = 0;
  const config = mergeConfig({ startUrls: [`${origin}/p1.html`], output: { dir: path.join(dir, name) }, sitemap: false, checkDocuments: false, interaction: { enabled: false }, skipResources });
  const r = await runCrawl(config);
  const store = await openStore(r.dbFile, { readonly: true });
  try {
    const pages = await collect(store.results.iteratePages(r.runId));
    const findings = (await collect(store.results.iterateFindings(r.runId))).filter((f) => f.source !== 'site').map((f) => `${new URL(f.pageUrl ?? '').pathname} ${f.ruleId} ${f.kind} ${f.selector}`).sort();
    return { pages: pages.length, errors: pages.filter((p) => p.error).length, findings, hits: { ...hits } };
  } finally {
    await store.close();
  }
}

describe('crawler tab set-up', () => {
  it('does not fetch fonts or media by default, fetches them with skipResources: [], and finds the same', async () => {
    const lean = await crawl('lean');
    const all = await crawl('all', []);
    expect(lean.pages).toBe(2);
    expect(lean.errors).toBe(0);
    expect(lean.hits.font).toBe(0);
    expect(lean.hits.media).toBe(0);
    expect(lean.hits.img).toBeGreaterThan(0); // images are loaded: their size and alt matter
    expect(all.hits.font).toBeGreaterThan(0);
    expect(all.hits.media).toBeGreaterThan(0);
    expect(lean.findings).toContain('/p1.html image-alt violation img');
    expect(lean.findings).toEqual(all.findings);
  });

  it('gives the same findings as `check` (bundle sent per page, every resource loaded)', async () => {
    const lean = await crawl('lean2');
    const browser = await launchBrowser();
    try {
      const checked: string[] = [];
      for (const p of ['/p1.html', '/p2.html']) {
        const page = await browser.newPage();
        const { result: r } = await auditUrl(page, origin + p);
        checked.push(...r.findings.map((f) => `${p} ${f.ruleId} ${f.kind} ${f.selector}`));
        await page.close();
      }
      expect(lean.findings).toEqual(checked.sort());
    } finally {
      await browser.close();
    }
  });
});
