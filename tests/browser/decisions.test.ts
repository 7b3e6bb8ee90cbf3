// The human decisions a yearly test leaves (bench/human-decisions.ts), proved both ways on real pages in headless
// Chromium, crawled into a real SQLite store: applicability the page's own content decides (a page with a video never
// gets 1.2.x or 2.3.1 適用なし; a still page gets 2.3.1 適用なし with its reason; a page without <img> never gets 1.1.1
// 適用なし), a page whose only 1.1.1 elements are in the header is decided by the template's judgement made on another
// page (`jis-a11y judge --elements-of … --region template`), an element judged once is not asked again on another page,
// and a changed alt is asked again.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { openStore } from '../../crawler/store/store.js';
import { elementJudgements } from '../../crawler/store/element-judgements.js';
import { buildReportModel } from '../../reports/model.js';
import { selectedPages, worksheetRows } from '../../reports/worksheet.js';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../bin/jis-a11y.js');
// a 1×1 still PNG (no acTL chunk) and a still JPEG header are enough for the browser and for the animation check
// a GIF of two one-pixel frames: it animates
const GIF2 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAAKAAAALAAAAAABAAEAAAICRAEAIfkEAAoAAAAsAAAAAAEAAQAAAgJEAQA7', 'base64');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const page = (title: string, content: string) => `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}｜みどり県</title></head><body>
<header><p><a href="/"><img src="/logo.png" alt="みどり県" width="160" height="40"></a></p>
<nav aria-label="グローバルナビゲーション"><ul><li><a href="/a.html">くらし</a></li><li><a href="/b.html">健康</a></li></ul></nav></header>
<main><h1>${title}</h1>${content}</main>
<footer><p><small>みどり県庁</small></p></footer></body></html>`;

const PAGES: Record<string, string> = {
  '/a.html': page('くらし', '<p>ごみの出し方のご案内です。</p>'),
  '/b.html': page('健康', '<p>健康診断のご案内です。</p>'),
  '/video.html': page('動画', '<p>県の紹介動画です。</p><video src="/movie.mp4" controls width="320"></video>'),
  '/anim.html': page('動く画像', '<p><img src="/anim.gif" alt="点滅する案内" width="10" height="10"></p>'),
  '/photo-1.html': page('写真 1', '<p><img src="/logo.png" alt="県庁の写真" width="10" height="10"></p>'),
  '/photo-2.html': page('写真 2', '<p><img src="/logo.png" alt="県庁の写真" width="10" height="10"></p>'),
  '/photo-3.html': page('写真 3', '<p><img src="/logo.png" alt="県庁舎の外観の写真" width="10" height="10"></p>'),
  // an SVG <a>'s href is an SVGAnimatedString: it once made the whole page fail to audit (ACT aizyf1, fd3a94)
  '/svg-link.html': page('図のリンク', '<p id="go">本文へ</p><svg width="20" height="20"><a href="#main" aria-labelledby="go"><rect width="20" height="20"/></a></svg><svg width="20" height="20"><a href="b.html" aria-label="健康のページ"><rect width="20" height="20"/></a></svg>'),
};

let server: http.Server;
let base: string;
let dir: string;
let db: string;
let runId: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0]!;
    if (p === '/logo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (p === '/movie.mp4') return res.writeHead(404).end();
    if (p === '/anim.gif') return res.writeHead(200, { 'content-type': 'image/gif' }).end(GIF2);
    const html = PAGES[p];
    if (!html) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-decisions-'));
  const config = mergeConfig({ startUrls: Object.keys(PAGES).map((p) => base + p), output: { dir }, checkDocuments: false, sitemap: false, followLinks: false });
  const r = await runCrawl(config);
  db = r.dbFile;
  runId = r.runId;
}, 300_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

async function model() {
  const store = await openStore(db, { readonly: true });
  try {
    return await buildReportModel(store, { runId, testId: undefined });
  } finally {
    await store.close();
  }
}

const cell = (m: Awaited<ReturnType<typeof model>>, p: string, id: string) => m.pages.find((x) => x.url === base + p)!.criteria.find((c) => c.id === id)!;
const judge = (...args: string[]) => run('node', [CLI, 'judge', '--store', db, '--run', String(runId), ...args], { encoding: 'utf8' });

describe('decisions the page’s own content makes', () => {
  it('a page with a video keeps 1.2.x and 2.3.1 for a person; a still page has 2.3.1 適用なし with its evidence', async () => {
    const m = await model();
    for (const id of ['1.2.2', '1.2.3', '1.2.5', '2.3.1', '2.2.2']) expect(cell(m, '/video.html', id).automated, id).not.toBe('inapplicable');
    // an animated GIF can flash: 2.3.1 stays with a person
    expect(cell(m, '/anim.html', '2.3.1').automated).not.toBe('inapplicable');
    const still = cell(m, '/a.html', '2.3.1');
    expect(still.automated).toBe('inapplicable');
    expect(still.reason).toContain('点滅しうるもの');
    // the header's PNG was read and is still; the page still has images, so 1.4.5 stays with a person
    expect(cell(m, '/a.html', '1.4.5').automated).not.toBe('inapplicable');
  });

  it('1.1.1 is never 適用なし and never pass because no rule fired: the header image is listed as a template element', async () => {
    const m = await model();
    const c = cell(m, '/b.html', '1.1.1');
    expect(['review', 'untested']).toContain(c.outcome);
    expect(c.items?.map((i) => [i.region, i.label])).toEqual([['template', expect.stringContaining('みどり県')]]);
  });
});

describe('pages the element list must not break', () => {
  it('a page with a link inside an SVG is audited, and the link is listed for 2.4.4', async () => {
    const m = await model();
    const p = m.pages.find((x) => x.url === base + '/svg-link.html');
    expect(p?.title).toBe('図のリンク｜みどり県'); // a page that failed to audit has no title
    const links = cell(m, '/svg-link.html', '2.4.4').items ?? [];
    expect(links.map((i) => i.label).join(' ')).toMatch(/本文へ.*#main/);
    // the crawl's link graph reads SVG links too (rules-jis/page/dom/href.ts): they lead to pages as HTML ones do
    const store = await openStore(db, { readonly: true });
    try {
      const found: string[] = [];
      for await (const l of store.results.iterateLinks(runId)) if (l.fromUrl === base + '/svg-link.html') found.push(`${l.toUrl} ${l.text}`);
      expect(found).toContain(`${base}/b.html 健康のページ`);
    } finally {
      await store.close();
    }
  });
});

describe('decisions made once', () => {
  it('a page whose only open 1.1.1 elements are in the header is decided by the template’s judgement made on another page', async () => {
    const before = cell(await model(), '/b.html', '1.1.1');
    expect(before.outcome).not.toBe('pass');
    const { stdout } = await judge('--elements-of', `${base}/a.html`, '--region', 'template', '--criterion', '1.1.1', '--result', 'pass', '--who', '山田');
    expect(stdout).toContain('判断を 1 件記録しました');
    const m = await model();
    const after = cell(m, '/b.html', '1.1.1');
    expect(after.outcome).toBe('pass');
    expect(after.judgement?.scope.type).toBe('element');
    // the worksheet no longer asks 1.1.1 on b.html; the content image of photo-1 is still asked
    const rows = worksheetRows(m, selectedPages(m));
    expect(rows.find((r) => r.url === `${base}/b.html` && r.criterion === '1.1.1')).toBeUndefined();
    const photo = rows.find((r) => r.url === `${base}/photo-1.html` && r.criterion === '1.1.1');
    expect(photo?.reason).toContain('県庁の写真');
    expect(photo?.reason).not.toContain('みどり県」'); // the header's image was judged: not listed again
  }, 120_000);

  it('an element judged once is not asked again on another page, and a changed alt is asked again', async () => {
    await judge('--elements-of', `${base}/photo-1.html`, '--criterion', '1.1.1', '--result', '○');
    const m = await model();
    expect(cell(m, '/photo-1.html', '1.1.1').outcome).toBe('pass');
    expect(cell(m, '/photo-2.html', '1.1.1').outcome).toBe('pass'); // the same image with the same alt
    const changed = cell(m, '/photo-3.html', '1.1.1');
    expect(changed.outcome).not.toBe('pass'); // same src, another alt: a new element
    expect(changed.openItems?.map((i) => i.label)).toEqual([expect.stringContaining('県庁舎の外観の写真')]);
    const rows = worksheetRows(m, selectedPages(m)).filter((r) => r.criterion === '1.1.1').map((r) => r.url);
    expect(rows).toContain(`${base}/photo-3.html`);
    expect(rows).not.toContain(`${base}/photo-2.html`);
    // asking again for photo-2 records nothing: all its elements are judged
    const { stdout } = await judge('--elements-of', `${base}/photo-2.html`, '--criterion', '1.1.1', '--result', 'pass');
    expect(stdout).toContain('すべて判断済みです');
  }, 120_000);

  it('an element judged × makes every page where it recurs fail, and a bad --region is refused in Japanese', async () => {
    const store = await openStore(db);
    try {
      const inputs = await elementJudgements(store, { url: `${base}/photo-3.html`, criterion: '1.1.1', result: 'fail', note: '外観が伝わらない', runId });
      await store.judgements.recordJudgements(inputs, { source: 'test', runId });
    } finally {
      await store.close();
    }
    const m = await model();
    expect(cell(m, '/photo-3.html', '1.1.1').outcome).toBe('fail');
    const bad = await judge('--elements-of', `${base}/a.html`, '--region', 'header', '--criterion', '1.1.1', '--result', 'pass').catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--region は template か content です');
    const none = await judge('--elements-of', `${base}/a.html`, '--criterion', '1.3.1', '--result', 'pass').catch((e) => e);
    expect(none.stderr).toContain('要素ごとには判断しません');
    expect(none.code).toBe(2);
  }, 120_000);
});
