// A municipal CMS site whose pages vary in content within a layout, as a real one does (issue 19): each page
// is built from one of twelve layouts (its true label is known, so template recognition can be scored both
// ways), and inside a layout the content varies: the current menu item carries a state class, the breadcrumb
// and the side menu have different lengths, the head has an inline script with the page id, the body has a
// section class, articles bring their own blocks (tables, images, PDF links, an accordion, a video frame, a
// photo slider) and the scripts those blocks need. Deterministic from (seed, page number).
//
//   npx tsx bench/cms-variety-site.ts [--pages 300] [--port 8080]   (serves until Ctrl-C)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import seedrandom from 'seedrandom';

export const LAYOUTS = ['top', 'section', 'article', 'article-wide', 'news-list', 'form', 'faq', 'calendar', 'search', 'facility', 'english', 'sitemap'] as const;
export type Layout = (typeof LAYOUTS)[number];

const SECTIONS = ['kurashi', 'kosodate', 'kenko', 'bosai', 'kankyo', 'sangyo', 'kanko', 'kensei'];
const SECTION_JA = ['くらし・手続き', '子育て・教育', '健康・医療・福祉', '防災・安全', '環境・まちづくり', '産業・仕事', '観光・文化', '市政情報'];
const WORDS = ['申請', '手続き', '補助金', '募集', '説明会', '市民', '事業者', '届出', '様式', '窓口', '受付', '期間', '対象', '支援', '制度', '計画', '報告', '防災', '子育て', '医療', '福祉', '観光', '道路', '環境'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The class the CMS's template writes on the content container (the editors fill it, never change it). */
const MAIN_CLASS: Record<Layout, string> = {
  top: 'top-contents', section: 'index-contents', article: 'detail', 'article-wide': 'detail', 'news-list': 'list-contents', form: 'form-contents',
  faq: 'faq-contents', calendar: 'event-contents', search: 'search-contents', facility: 'facility-contents', english: 'detail', sitemap: 'sitemap-contents',
};

/** The true layout of page `id` (the top page is 0; the others cycle through the rest, weighted to articles). */
export function layoutOf(id: number): Layout {
  if (id === 0) return 'top';
  const cycle: Layout[] = ['article', 'section', 'article', 'article-wide', 'news-list', 'article', 'form', 'faq', 'article', 'calendar', 'search', 'facility', 'article', 'english', 'sitemap'];
  return cycle[(id - 1) % cycle.length]!;
}

interface Ctx {
  id: number;
  rnd: () => number;
  pick<T>(a: readonly T[]): T;
  int(n: number): number;
  section: number;
}

function header(c: Ctx, english: boolean): string {
  const items = (english ? ['Living', 'Tourism', 'Business', 'About'] : SECTION_JA)
    .map((t, i) => `<li class="gnav-item${i === c.section ? ' current' : ''}"><a href="/${SECTIONS[i % 8]}/index.html">${t}</a><div class="gnav-sub"><ul>${Array.from({ length: 12 }, (_, j) => `<li><a href="/${SECTIONS[i % 8]}/${j}.html">${WORDS[(i * 5 + j) % WORDS.length]}</a></li>`).join('')}</ul></div></li>`)
    .join('');
  return `<div id="tmp_header"><p id="tmp_logo"><a href="/"><img src="/img/logo.png" alt="${english ? 'Kawase City' : 'かわせ市'}"></a></p>
<form id="tmp_search" role="search" action="/search.html"><label for="q">${english ? 'Search' : 'サイト内検索'}</label><input id="q" name="q" type="search"><button type="submit">${english ? 'Search' : '検索'}</button></form>
<ul id="tmp_hnavi"><li><a href="/en/index.html">English</a></li><li><a href="/sitemap.html">サイトマップ</a></li></ul>
<nav id="tmp_gnavi" aria-label="${english ? 'Main menu' : 'メインメニュー'}"><ul class="gnav">${items}</ul></nav></div>`;
}

function crumbs(c: Ctx, title: string): string {
  const depth = 1 + c.int(4);
  const mid = Array.from({ length: depth }, (_, i) => `<li><a href="/${SECTIONS[c.section]}/${i}.html">${c.pick(WORDS)}</a></li>`).join('');
  return `<nav id="tmp_pankuzu" aria-label="現在位置"><ol><li><a href="/">ホーム</a></li>${mid}<li aria-current="page">${esc(title)}</li></ol></nav>`;
}

function sideMenu(c: Ctx): string {
  const n = 3 + c.int(15);
  const cur = c.int(n);
  const items = Array.from({ length: n }, (_, i) => `<li${i === cur ? ' class="active"' : ''}><a href="/${SECTIONS[c.section]}/${i + 20}.html">${c.pick(WORDS)}${c.pick(WORDS)}</a></li>`).join('');
  return `<div id="tmp_lnavi"><h2 class="lnavi-title">${SECTION_JA[c.section]}</h2><ul>${items}</ul></div>`;
}

function footer(english: boolean): string {
  return `<div id="tmp_footer"><ul class="fnavi"><li><a href="/about.html">${english ? 'About this site' : 'このサイトについて'}</a></li><li><a href="/privacy.html">${english ? 'Privacy' : '個人情報の取り扱い'}</a></li><li><a href="/a11y.html">${english ? 'Accessibility' : 'ウェブアクセシビリティ方針'}</a></li></ul>
<address>${english ? 'Kawase City Hall' : 'かわせ市役所 〒000-0000 かわせ市本町1-1 電話：000-00-0000'}</address><p class="copyright"><small>Copyright © Kawase City</small></p></div>`;
}

/** Article blocks: what editors put in the content area, varying page by page. */
function articleBlocks(c: Ctx, scripts: Set<string>): string {
  const out: string[] = [];
  const blocks = 2 + c.int(5);
  for (let b = 0; b < blocks; b++) {
    const kind = c.int(10);
    out.push(`<h2>${c.pick(WORDS)}${c.pick(WORDS)}について</h2><p>${Array.from({ length: 3 + c.int(8) }, () => c.pick(WORDS)).join('の')}を行います。</p>`);
    if (kind === 0) out.push(`<table class="datatable"><caption>${c.pick(WORDS)}一覧</caption><tr><th scope="col">区分</th><th scope="col">期間</th></tr>${Array.from({ length: 1 + c.int(8) }, () => `<tr><td>${c.pick(WORDS)}</td><td>${1 + c.int(12)}月</td></tr>`).join('')}</table>`);
    if (kind === 1) out.push(`<p class="imagecenter"><img src="/img/p${c.int(30)}.png" alt="${c.pick(WORDS)}の様子" width="300" height="200"></p>`);
    if (kind === 2) out.push(`<ul class="objectlink"><li class="pdf"><a href="/files/${c.int(90)}.pdf">${c.pick(WORDS)}様式（PDF：${100 + c.int(400)}KB）</a></li></ul>`);
    if (kind === 3) out.push(`<p><strong style="color:#c00">${c.pick(WORDS)}の受付は終了しました。</strong></p>`);
    if (kind === 4 && c.rnd() < 0.5) {
      scripts.add('/js/accordion.js');
      out.push(`<div class="accordion"><h3><button type="button" aria-expanded="false" aria-controls="acc${b}">${c.pick(WORDS)}の詳細</button></h3><div id="acc${b}" hidden><p>${c.pick(WORDS)}</p></div></div>`);
    }
    if (kind === 5 && c.rnd() < 0.4) out.push(`<div class="movie"><iframe src="/embed/video.html?v=${c.int(99)}" title="${c.pick(WORDS)}の動画" width="480" height="270"></iframe></div>`);
    if (kind === 6 && c.rnd() < 0.4) {
      scripts.add('/js/slider.js');
      out.push(`<div class="photo-slider"><ul>${Array.from({ length: 2 + c.int(4) }, (_, i) => `<li><img src="/img/s${i}.png" alt="写真${i + 1}"></li>`).join('')}</ul><button type="button" class="prev">前へ</button><button type="button" class="next">次へ</button></div>`);
    }
    if (kind === 7) out.push(`<div class="box"><p>${c.pick(WORDS)}については、<a href="/${SECTIONS[c.int(8)]}/${c.int(99)}.html">${c.pick(WORDS)}のページ</a>をご覧ください。</p></div>`);
  }
  return out.join('\n');
}

function mainContent(layout: Layout, c: Ctx, title: string, scripts: Set<string>): string {
  const h1 = `<h1>${esc(title)}</h1>`;
  switch (layout) {
    case 'top':
      scripts.add('/js/mainvisual.js');
      return `<div id="mainvisual"><ul>${Array.from({ length: 3 + c.int(3) }, (_, i) => `<li><a href="/kanko/${i}.html"><img src="/img/mv${i}.png" alt="${c.pick(WORDS)}"></a></li>`).join('')}</ul><button type="button" class="mv-pause">停止</button></div>
${h1}<div class="news"><h2>新着情報</h2><ul>${Array.from({ length: 5 + c.int(6) }, (_, i) => `<li><span class="date">令和8年${1 + c.int(12)}月${1 + c.int(28)}日</span><a href="/news/${i}.html">${c.pick(WORDS)}のお知らせ</a></li>`).join('')}</ul></div>`;
    case 'section':
      return `${h1}<ul class="child-list">${Array.from({ length: 4 + c.int(20) }, (_, i) => `<li><a href="/${SECTIONS[c.section]}/${i}.html">${c.pick(WORDS)}${c.pick(WORDS)}</a></li>`).join('')}</ul>`;
    case 'article':
    case 'article-wide':
    case 'english':
      return `${h1}<p class="update">更新日：令和8年${1 + c.int(12)}月${1 + c.int(28)}日</p>${articleBlocks(c, scripts)}`;
    case 'news-list':
      return `${h1}<ul class="news-list">${Array.from({ length: 10 + c.int(10) }, (_, i) => `<li><a href="/news/${i}.html">${c.pick(WORDS)}について</a></li>`).join('')}</ul><nav class="pager" aria-label="ページ送り"><a href="?p=2">次へ</a></nav>`;
    case 'form':
      return `${h1}<form action="/thanks.html" method="post"><p><label for="name">お名前（必須）</label><input id="name" name="name" required></p><p><label for="mail">メールアドレス</label><input id="mail" name="mail" type="email"></p>${c.rnd() < 0.5 ? '<p><label for="tel">電話番号</label><input id="tel" name="tel" type="tel"></p>' : ''}<p><label for="body">お問い合わせ内容</label><textarea id="body" name="body"></textarea></p><p><button type="submit">送信</button></p></form>`;
    case 'faq':
      scripts.add('/js/accordion.js');
      return `${h1}${Array.from({ length: 2 + c.int(8) }, (_, i) => `<div class="faq"><h2><button type="button" aria-expanded="false" aria-controls="faq${i}">Q. ${c.pick(WORDS)}はどうすればよいですか</button></h2><div id="faq${i}" hidden><p>A. ${c.pick(WORDS)}です。</p></div></div>`).join('')}`;
    case 'calendar':
      scripts.add('/js/calendar.js');
      return `${h1}<div class="cal-nav"><button type="button">前の月</button><button type="button">次の月</button></div><table class="calendar"><caption>令和8年${1 + c.int(12)}月</caption><tr>${['日', '月', '火', '水', '木', '金', '土'].map((d) => `<th scope="col">${d}</th>`).join('')}</tr>${Array.from({ length: 5 }, () => `<tr>${Array.from({ length: 7 }, () => `<td>${c.rnd() < 0.2 ? `<a href="/event/${c.int(99)}.html">${c.pick(WORDS)}</a>` : ''}</td>`).join('')}</tr>`).join('')}</table>`;
    case 'search':
      return `${h1}<p>「${c.pick(WORDS)}」の検索結果 ${c.int(200)} 件</p><ol class="results">${Array.from({ length: 1 + c.int(10) }, (_, i) => `<li><a href="/r/${i}.html">${c.pick(WORDS)}</a></li>`).join('')}</ol>`;
    case 'facility':
      return `${h1}<table class="facility"><tr><th scope="row">所在地</th><td>かわせ市${c.pick(WORDS)}町${1 + c.int(9)}</td></tr><tr><th scope="row">電話</th><td>000-00-${1000 + c.int(8999)}</td></tr></table><iframe class="map" src="/embed/map.html?id=${c.int(99)}" title="地図" width="600" height="400"></iframe>`;
    case 'sitemap':
      return `${h1}${SECTION_JA.map((s, i) => `<h2>${s}</h2><ul>${Array.from({ length: 2 + c.int(6) }, (_, j) => `<li><a href="/${SECTIONS[i]}/${j}.html">${c.pick(WORDS)}</a></li>`).join('')}</ul>`).join('')}`;
  }
}

/** Page `id` of the site: HTML with its true layout. */
export function renderVarietyPage(id: number, seed = 'cms'): { html: string; layout: Layout } {
  const rnd = seedrandom(`${seed}:${id}`);
  const c: Ctx = { id, rnd, pick: (a) => a[Math.floor(rnd() * a.length)]!, int: (n) => Math.floor(rnd() * n), section: 0 };
  c.section = c.int(8);
  const layout = layoutOf(id);
  const english = layout === 'english';
  const title = layout === 'top' ? 'かわせ市公式ホームページ' : `${c.pick(WORDS)}${c.pick(WORDS)}（${id}）`;
  const scripts = new Set<string>(['/js/common.js']);
  const main = mainContent(layout, c, title, scripts);
  const withSide = layout === 'article' || layout === 'section' || layout === 'faq';
  const body = [
    `<p class="skip"><a href="#tmp_contents">${english ? 'Skip to content' : '本文へ'}</a></p>`,
    header(c, english),
    layout === 'top' ? '' : crumbs(c, title),
    `<div id="tmp_wrapper" class="${withSide ? 'col2' : 'col1'}">`,
    `<main id="tmp_contents" class="${MAIN_CLASS[layout]}">${main}</main>`,
    withSide ? sideMenu(c) : '',
    layout === 'facility' || layout === 'calendar' ? `<div id="tmp_sub"><div class="banner"><a href="/kanko/index.html"><img src="/img/bn${c.int(5)}.png" alt="観光案内"></a></div></div>` : '',
    `</div>`,
    footer(english),
  ].join('\n');
  const head = `<meta charset="utf-8"><title>${esc(title)}｜かわせ市</title><link rel="stylesheet" href="/css/common.css?t=${c.int(1e6)}">${layout === 'top' ? '<link rel="stylesheet" href="/css/top.css">' : ''}${english ? '<link rel="stylesheet" href="/css/en.css">' : ''}
<script>var cmsPageId = ${id}; var cmsSection = "${SECTIONS[c.section]}";</script>${[...scripts].map((s) => `<script src="${s}?v=${c.int(9)}"></script>`).join('')}`;
  return { html: `<!DOCTYPE html><html lang="${english ? 'en' : 'ja'}"><head>${head}</head><body class="sec-${SECTIONS[c.section]} page-${id}">${body}</body></html>`, layout };
}

export interface VarietySite {
  origin: string;
  /** Number of pages. */
  pages: number;
  urls: string[];
  /** /sitemap.xml: every page, so a crawl (and pa11y-ci) reaches all of them. */
  sitemapUrl: string;
  layouts: Map<string, Layout>;
  close(): Promise<void>;
}

/** Serves `pages` pages at /page/N.html (plus empty scripts, styles, images and frames, robots.txt and a sitemap). */
export async function serveVarietySite(pages: number, port = 0, seed = 'cms'): Promise<VarietySite> {
  let origin = '';
  let urls: string[] = [];
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const m = /^\/page\/(\d+)\.html$/.exec(u.pathname);
    if (m && Number(m[1]) < pages) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(renderVarietyPage(Number(m[1]), seed).html);
    }
    if (u.pathname === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      return res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((l) => `<url><loc>${l}</loc></url>`).join('\n')}\n</urlset>\n`);
    }
    if (u.pathname === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end(`User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`);
    }
    const type = u.pathname.endsWith('.css') ? 'text/css' : u.pathname.endsWith('.js') ? 'text/javascript' : u.pathname.endsWith('.html') ? 'text/html; charset=utf-8' : 'image/png';
    res.writeHead(u.pathname.startsWith('/embed/') || /\.(css|js)$/.test(u.pathname) ? 200 : 404, { 'content-type': type });
    res.end(u.pathname.startsWith('/embed/') ? '<!DOCTYPE html><html lang="ja"><title>埋め込み</title><p>埋め込み</p></html>' : '');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  urls = Array.from({ length: pages }, (_, i) => `${origin}/page/${i}.html`);
  return {
    origin,
    pages,
    urls,
    sitemapUrl: `${origin}/sitemap.xml`,
    layouts: new Map(urls.map((u, i) => [u, layoutOf(i)])),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, d: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : d; };
  const site = await serveVarietySite(arg('--pages', 300), arg('--port', 8080));
  console.log(`${site.origin}/page/0.html … ${site.urls.length} pages, ${LAYOUTS.length} layouts`);
}
