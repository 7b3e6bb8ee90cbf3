// The keyboard phase once per interactive make-up: pages of one template that differ only in their text and
// in how many links they list share a make-up; a page with its own clickable div or its own focus style does
// not. A crawl drives the first page of each make-up (and finds the barriers on the pages that have their
// own), skips the rest, and `scope: 'every-page'` drives them all.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../crawler/page/browser.js';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { templateKeys } from '../../crawler/page/interaction/sampling.js';
import { collect, openStore } from '../../crawler/store/store.js';
import { servePages, type PageServer } from '../helpers/server.js';

const page = (title: string, main: string, head = '') => `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title} - みどり県</title>
<link rel="stylesheet" href="/site.css"><script src="/site.js" defer></script>${head}</head><body>
<header><a href="/a.html">みどり県</a><nav aria-label="グローバルナビゲーション"><ul><li><a href="/b.html">くらし</a></li><li><a href="/c.html">観光</a></li><li><a href="/d.html">県政</a></li></ul></nav>
<button type="button" class="menu-toggle" aria-expanded="false">メニュー</button></header>
<main><h1>${title}</h1>${main}</main>
<footer><p>みどり県庁 〒000-0000 みどり市1-1</p></footer></body></html>`;
const links = (n: number) => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/a.html#s${i}">お知らせ${i + 1}</a></li>`).join('')}</ul>`;

const ROUTES = {
  '/site.css': { body: 'body{font-family:sans-serif;color:#222}a:focus,button:focus{outline:2px solid #0b57a4}', type: 'text/css' },
  '/site.js': { body: "document.querySelector('.menu-toggle').addEventListener('click', (e) => e.currentTarget.setAttribute('aria-expanded', 'true'));", type: 'text/javascript' },
  '/a.html': page('トップページ', `<p>県からのお知らせです。</p>${links(2)}`),
  '/b.html': page('くらしの情報', `<p>くらしの手続きをまとめました。</p>${links(5)}`),
  '/c.html': page('観光の情報', `<p>観光の案内です。</p>${links(2)}<div class="apply" style="cursor:pointer" onclick="location.href='/a.html'">申し込む</div>`),
  '/d.html': page('県政の情報', `<p>県政の資料です。</p>${links(3)}`, '<style>main a:focus{outline:none}</style>'),
};

let browser: Browser;
let server: PageServer;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await servePages(ROUTES);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-sampling-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function makeupOf(p: string): Promise<string> {
  const tab = await browser.newPage();
  try {
    await tab.goto(server.url + p, { waitUntil: 'load' });
    const k = await templateKeys(tab);
    return `${k.template} ${k.widgets}`;
  } finally {
    await tab.close();
  }
}

async function crawl(name: string, scope?: 'every-page') {
  const out = path.join(dir, name);
  const lines: string[] = [];
  const config = mergeConfig({ startUrls: [server.url + '/a.html'], output: { dir: out }, checkDocuments: false, sitemap: false, interaction: { scope } });
  const r = await runCrawl(config, { hooks: { onLog: (l) => lines.push(l) } });
  const store = await openStore(r.dbFile, { readonly: true });
  try {
    const findings = (await collect(store.results.iterateFindings(r.runId))).filter((f) => f.source === 'interaction' && f.kind === 'violation');
    const byRule = findings.map((f) => `${new URL(f.pageUrl ?? '', server.url).pathname} ${f.ruleId}`).sort();
    const overlays = readdirSync(path.join(out, 'focus-order')).filter((f) => f.endsWith('.png')).length;
    return { lines, byRule, overlays, pages: (await collect(store.results.iteratePages(r.runId))).length };
  } finally {
    await store.close();
  }
}

describe('keyboard phase once per interactive make-up', () => {
  it('same template with more links: same make-up; own clickable div or own focus style: a make-up of its own', async () => {
    const [a, b, c, d] = await Promise.all(['/a.html', '/b.html', '/c.html', '/d.html'].map(makeupOf));
    expect(a).toBe(b);
    expect(new Set([a, c, d]).size).toBe(3);
  });

  it('a crawl drives one page per make-up and still finds each page’s own barrier', async () => {
    const r = await crawl('sampled');
    expect(r.pages).toBe(4);
    expect(r.byRule).toContain('/c.html keyboard-operable');
    expect(r.byRule).toContain('/d.html focus-visible');
    expect(r.overlays).toBe(3);
    expect(r.lines.join('\n')).toContain('本文の部品の種類が新しい 3 ページで行い、検査済みの部品だけでできた 1 ページでは省きました');
  });

  it("scope 'every-page' drives every page", async () => {
    const r = await crawl('every', 'every-page');
    expect(r.overlays).toBe(4);
    expect(r.byRule).toContain('/c.html keyboard-operable');
    expect(r.byRule).toContain('/d.html focus-visible');
    expect(r.lines.join('\n')).not.toContain('検査済みの部品だけ');
  });
});
