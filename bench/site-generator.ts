// A synthetic prefectural site of N pages, generated on the fly by an HTTP handler on 127.0.0.1.
// Each page has what a CMS template of a 県 site has: a header with a large mega menu, breadcrumbs, side
// navigation, an article with tables, images and PDF links, and a footer (about 1,500–3,000 DOM nodes).
// Pages are deterministic from (seed, page number, page version), so every tool audits the same bytes.
// Validators (ETag, Last-Modified) and 304s are served as a CMS behind a cache would; the bench edits pages
// or the shared CSS with `touchPages` / `touchAssets` to measure incremental audits.
//
//   npx tsx bench/site-generator.ts [--pages 200] [--port 8080]   (serves until Ctrl-C)
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import seedrandom from 'seedrandom';

export interface SiteOptions {
  pages: number;
  seed?: string;
  port?: number;
}

export interface Site {
  origin: string;
  pages: number;
  /** Every page URL, in sitemap order. */
  urls: string[];
  sitemapUrl: string;
  /** Change the content of these pages (their ETag and Last-Modified change too). */
  touchPages(ids: number[]): void;
  /** Change the shared stylesheet and script (every page depends on them). */
  touchAssets(): void;
  /** Requests served so far, by kind. */
  stats: { pages: number; notModified: number; assets: number; other: number };
  close(): Promise<void>;
}

const DIVISIONS = ['総務部', '企画部', '県民生活部', '環境森林部', '健康福祉部', '商工労働部', '農林水産部', '県土整備部', '教育委員会', '警察本部'];
const TOPICS = [
  'くらし・手続き', '子育て・教育', '健康・医療・福祉', '防災・安全', '環境・まちづくり', '産業・仕事', '観光・文化・スポーツ', '県政情報',
];
const WORDS = [
  '申請', '手続き', '補助金', '交付', '募集', '説明会', '県民', '市町村', '事業者', '届出', '様式', '窓口', '受付', '期間', '対象', '要件',
  '支援', '制度', '計画', '報告', '結果', '公表', '令和', '年度', '予算', '審議会', '会議', '資料', '条例', '規則', '防災', '訓練',
  '子育て', '医療', '福祉', '介護', '健康', '観光', '農業', '林業', '漁業', '道路', '河川', '公共交通', '環境', '廃棄物', '温暖化', '対策',
];
const FAKE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// 1x1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
// a web font and a video the template references: bytes no accessibility check needs (the bench measures
// what leaving them unloaded saves). Not valid media: the browser fetches, fails to decode, falls back.
const FONT = Buffer.alloc(180_000, 7);
const VIDEO = Buffer.alloc(400_000, 3);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderPage(id: number, total: number, version: number, assetVersion: number, seed = 'jis'): string {
  const rnd = seedrandom(`${seed}:${id}:${version}`);
  const pick = <T,>(a: T[]): T => a[Math.floor(rnd() * a.length)]!;
  const int = (n: number) => Math.floor(rnd() * n);
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join('の') + 'について、' + pick(WORDS) + 'を行います。';
  const href = (k: number) => `/p/${((k % total) + total) % total}.html`;
  const topic = TOPICS[id % TOPICS.length]!;
  const div = DIVISIONS[id % DIVISIONS.length]!;
  const title = `${pick(WORDS)}${pick(WORDS)}に関するお知らせ（${id}）`;
  const out: string[] = [];
  out.push(`<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${esc(title)} - ○○県</title>`);
  out.push(`<meta name="viewport" content="width=device-width, initial-scale=1">`);
  out.push(`<link rel="stylesheet" href="/assets/site.css?v=${assetVersion}"><script src="/assets/site.js?v=${assetVersion}" defer></script></head><body>`);
  out.push(`<a class="skip" href="#main">本文へ移動</a>`);
  // header + mega menu: 8 topics × 20 links
  out.push(`<header class="site-header"><div class="logo"><a href="/p/0.html"><img src="/assets/logo.png" alt="○○県" width="200" height="48"></a></div>`);
  out.push(`<ul class="util"><li><a href="${href(1)}">文字サイズ・色合い変更</a></li><li><a href="${href(2)}">Foreign language</a></li><li><a href="${href(3)}">音声読み上げ</a></li><li><a href="${href(4)}">サイトマップ</a></li></ul>`);
  out.push(`<form role="search" action="/search"><label for="q">サイト内検索</label><input id="q" name="q" type="search"><button>検索</button></form>`);
  out.push(`<nav aria-label="グローバルナビゲーション" id="gnav"><ul>`);
  TOPICS.forEach((t, ti) => {
    out.push(`<li><a href="${href(ti + 5)}">${t}</a><div class="mega"><ul>`);
    for (let j = 0; j < 20; j++) out.push(`<li><a href="${href(ti * 20 + j + 13)}"><span>${WORDS[(ti * 14 + j) % WORDS.length]}${WORDS[(ti + j * 3) % WORDS.length]}</span></a></li>`);
    out.push(`</ul></div></li>`);
  });
  out.push(`</ul></nav></header>`);
  // breadcrumbs
  out.push(`<nav aria-label="現在位置" class="crumbs"><ol><li><a href="/p/0.html">ホーム</a></li><li><a href="${href(5 + (id % 8))}">${topic}</a></li><li><a href="${href(id - 1)}">${div}</a></li><li aria-current="page">${esc(title)}</li></ol></nav>`);
  out.push(`<div class="wrap">`);
  // side nav
  out.push(`<nav aria-label="${div}のメニュー" class="side"><h2>${div}</h2><ul>`);
  for (let j = 0; j < 40; j++) out.push(`<li><a href="${href(id + j - 20)}">${pick(WORDS)}${pick(WORDS)}</a></li>`);
  out.push(`</ul></nav>`);
  // article
  out.push(`<main id="main"><article><h1>${esc(title)}</h1><p class="date">更新日：令和7年${1 + (id % 12)}月${1 + (id % 28)}日</p>`);
  const sections = 4 + int(3);
  for (let s = 0; s < sections; s++) {
    out.push(`<h2>${pick(WORDS)}${pick(WORDS)}について</h2>`);
    for (let p = 0; p < 3; p++) out.push(`<p>${sentence(4 + int(6))}${sentence(3 + int(5))}</p>`);
    if (s === 0) {
      // images: one in five pages has an image without alt (a finding every tool should report)
      out.push(`<p><img src="/img/${id % 40}.png" width="320" height="180" ${id % 5 === 0 ? '' : `alt="${pick(WORDS)}の様子"`}></p>`);
      out.push(`<figure><img src="/img/${(id + 1) % 40}.png" width="320" height="180" alt="${pick(WORDS)}の写真"><figcaption>${pick(WORDS)}の写真</figcaption></figure>`);
      if (id % 10 === 3) out.push(`<video src="/media/intro.mp4" controls width="320"><track kind="captions" src="/media/intro.vtt" srclang="ja" label="日本語"></video>`);
    }
    if (s === 1 || s === 3) {
      // data table
      out.push(`<table><caption>${pick(WORDS)}の${pick(WORDS)}一覧</caption><thead><tr><th scope="col">区分</th><th scope="col">${pick(WORDS)}</th><th scope="col">期間</th><th scope="col">件数</th><th scope="col">備考</th></tr></thead><tbody>`);
      for (let r = 0; r < 16; r++) out.push(`<tr><th scope="row">${pick(WORDS)}</th><td>${pick(WORDS)}${pick(WORDS)}</td><td>${1 + int(12)}月${1 + int(28)}日～</td><td>${int(900)}件</td><td>${pick(WORDS)}</td></tr>`);
      out.push(`</tbody></table>`);
    }
    if (s === 2) {
      out.push(`<h3>関連資料</h3><ul class="files">`);
      for (let k = 0; k < 4; k++) {
        const doc = (id * 3 + k) % 60;
        // two in four PDF links say their size (the Japanese advisory wants type and size)
        out.push(`<li><a href="/docs/${doc}.pdf">${pick(WORDS)}${pick(WORDS)}様式${k + 1}${k % 2 ? `（PDF：${100 + doc}KB）` : ''}</a></li>`);
      }
      out.push(`</ul>`);
    }
  }
  out.push(`<div class="contact"><h2>このページに関するお問い合わせ</h2><p>${div} ${pick(WORDS)}課<br>電話：000-000-${String(1000 + (id % 9000)).slice(0, 4)}<br><a href="${href(id + 7)}">お問い合わせフォーム</a></p></div>`);
  out.push(`</article></main></div>`);
  // footer
  out.push(`<footer><nav aria-label="フッターメニュー"><ul>`);
  for (let j = 0; j < 24; j++) out.push(`<li><a href="${href(j + 100)}">${WORDS[j % WORDS.length]}${WORDS[(j * 7) % WORDS.length]}</a></li>`);
  out.push(`</ul></nav><address>○○県庁 〒000-0000 ○○県○○市○○町1-1 電話：000-000-0000（代表）</address><p><small>Copyright © ○○ Prefecture. All rights reserved.</small></p></footer>`);
  out.push(`</body></html>`);
  return out.join('\n');
}

function css(version: number): string {
  return `@font-face{font-family:"Site Sans";src:url(/assets/site-font.woff2?v=${version}) format("woff2");font-display:swap}
body{font-family:"Site Sans","Noto Sans CJK JP",sans-serif;margin:0;color:#222;background:#fff;line-height:1.7}
.skip{position:absolute;left:-999px}.skip:focus{left:0}
.site-header{background:#0b3d6e;color:#fff;padding:8px}.site-header a{color:#fff}
#gnav>ul{display:flex;flex-wrap:wrap;list-style:none;padding:0}#gnav>ul>li{margin-right:1em}
.mega{display:none}#gnav li:hover .mega{display:block}
.crumbs ol{list-style:none;display:flex;gap:.5em}.wrap{display:flex}.side{width:240px}main{flex:1;padding:0 1em}
.date{color:#666}.contact{border:1px solid #ccc;padding:1em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px}
footer{background:#eee;padding:1em}
/* v${version} */`;
}
const JS = (v: number) => `document.documentElement.classList.add('js');/* v${v} */`;

const etagOf = (body: string | Buffer) => `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;

export async function startSite(opts: SiteOptions): Promise<Site> {
  const seed = opts.seed ?? 'jis';
  const versions = new Map<number, number>();
  let assetVersion = 1;
  const lastModified = new Map<number, string>();
  const baseDate = new Date('2026-11-01T00:00:00Z').toUTCString();
  let assetModified = baseDate;
  const stats = { pages: 0, notModified: 0, assets: 0, other: 0 };

  const send = (req: http.IncomingMessage, res: http.ServerResponse, type: string, body: string | Buffer, modified: string, cache = 'no-cache') => {
    const etag = etagOf(body);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', modified);
    res.setHeader('Cache-Control', cache);
    if (req.headers['if-none-match'] === etag) {
      stats.notModified++;
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const p = u.pathname;
    let m: RegExpExecArray | null;
    if ((m = /^\/p\/(\d+)\.html$/.exec(p)) && Number(m[1]) < opts.pages) {
      const id = Number(m[1]);
      stats.pages++;
      return send(req, res, 'text/html; charset=utf-8', renderPage(id, opts.pages, versions.get(id) ?? 0, assetVersion, seed), lastModified.get(id) ?? baseDate);
    }
    if (p === '/' ) {
      res.writeHead(301, { Location: '/p/0.html' }).end();
      return;
    }
    if (p === '/sitemap.xml') {
      stats.other++;
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${Array.from({ length: opts.pages }, (_, i) => `<url><loc>${origin}/p/${i}.html</loc></url>`).join('\n')}\n</urlset>\n`;
      return send(req, res, 'application/xml; charset=utf-8', body, baseDate);
    }
    if (p === '/robots.txt') {
      stats.other++;
      return send(req, res, 'text/plain', `User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`, baseDate);
    }
    stats.assets++;
    if (p === '/assets/site.css') return send(req, res, 'text/css; charset=utf-8', css(assetVersion), assetModified, 'max-age=3600');
    if (p === '/assets/site.js') return send(req, res, 'text/javascript; charset=utf-8', JS(assetVersion), assetModified, 'max-age=3600');
    if (p === '/assets/logo.png' || /^\/img\/\d+\.png$/.test(p)) return send(req, res, 'image/png', PNG, baseDate, 'max-age=3600');
    if (p === '/assets/site-font.woff2') return send(req, res, 'font/woff2', FONT, baseDate, 'max-age=3600');
    if (p === '/media/intro.mp4') return send(req, res, 'video/mp4', VIDEO, baseDate, 'max-age=3600');
    if (p === '/media/intro.vtt') return send(req, res, 'text/vtt', 'WEBVTT\n\n00:00.000 --> 00:02.000\n県の紹介\n', baseDate, 'max-age=3600');
    if (/^\/docs\/\d+\.pdf$/.test(p)) return send(req, res, 'application/pdf', FAKE_PDF, baseDate, 'max-age=3600');
    stats.assets--;
    stats.other++;
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html lang="ja"><title>見つかりません</title><h1>404</h1></html>');
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urls = Array.from({ length: opts.pages }, (_, i) => `${origin}/p/${i}.html`);
  return {
    origin,
    pages: opts.pages,
    urls,
    sitemapUrl: `${origin}/sitemap.xml`,
    stats,
    touchPages(ids) {
      const now = new Date().toUTCString();
      for (const id of ids) {
        versions.set(id, (versions.get(id) ?? 0) + 1);
        lastModified.set(id, now);
      }
    },
    touchAssets() {
      assetVersion++;
      assetModified = new Date().toUTCString();
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
  const site = await startSite({ pages: Number(arg('pages', '200')), port: Number(arg('port', '0')) });
  console.log(`合成サイト（${site.pages} ページ）/ synthetic site: ${site.origin}/p/0.html  sitemap: ${site.sitemapUrl}`);
}
