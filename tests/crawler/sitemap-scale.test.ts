// Issue 21, case 11: a 100,000-URL sitemap took about 105 s and 690 MB before the first page, whatever
// --max-pages said. Now the sitemap is read as a stream and the reading stops once the frontier has maxPages
// pages: with --max-pages 50 the first page is audited within seconds, memory stays flat, and the server
// never has to send most of the sitemap. A sitemap over the protocol's limits (50,000 URLs, 50 MB) is cut
// there with a Japanese log line; gzip sitemaps are read; nested indexes are followed a bounded depth.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';

const TOTAL = 100_000;
const page = (title: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}｜みどり県</title></head><body><main><h1>${title}</h1><p>本文です。</p></main></body></html>`;

let server: http.Server;
let base: string;
let dir: string;
/** URLs of the big sitemap the server managed to write before the client went away. */
let served = 0;

function urlEntry(i: number): string {
  // ~250 bytes an entry: 100,000 entries are ~25 MB, far more than the loopback socket buffers hold
  return `<url><loc>${base}/kurashi/category-${Math.floor(i / 100)}/page-${i}.html</loc><lastmod>2026-11-01T09:00:00+09:00</lastmod><changefreq>monthly</changefreq><priority>0.5</priority></url>\n`;
}

/** Writes the big sitemap 500 entries at a time, with backpressure, until done or the client leaves. */
async function writeBigSitemap(res: http.ServerResponse, count: number): Promise<void> {
  let closed = false;
  res.once('close', () => (closed = true));
  res.writeHead(200, { 'content-type': 'application/xml' });
  res.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n');
  for (let i = 0; i < count && !closed; i += 500) {
    let chunk = '';
    for (let j = i; j < Math.min(count, i + 500); j++) chunk += urlEntry(j);
    served = Math.min(count, i + 500);
    if (!res.write(chunk)) {
      await new Promise<void>((r) => {
        const go = () => {
          res.off('drain', go);
          res.off('close', go);
          r();
        };
        res.on('drain', go);
        res.on('close', go);
      });
    }
  }
  if (!closed) res.end('</urlset>\n');
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    if (p === '/robots.txt') return void res.writeHead(404).end();
    if (p === '/sitemap.xml') return void writeBigSitemap(res, TOTAL);
    if (p === '/over.xml') return void writeBigSitemap(res, 60_000);
    if (p === '/small.xml.gz') {
      res.writeHead(200, { 'content-type': 'application/gzip' });
      return void res.end(gzipSync(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/gz-a.html</loc></url><url><loc>${base}/gz-b.html</loc></url></urlset>`));
    }
    const nest = /^\/index-(\d+)\.xml$/.exec(p);
    if (nest) {
      const n = Number(nest[1]);
      res.writeHead(200, { 'content-type': 'application/xml' });
      return void res.end(
        `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/index-${n + 1}.xml</loc></sitemap><sitemap><loc>${base}/leaf-${n}.xml</loc></sitemap></sitemapindex>`,
      );
    }
    const leaf = /^\/leaf-(\d+)\.xml$/.exec(p);
    if (leaf) {
      res.writeHead(200, { 'content-type': 'application/xml' });
      return void res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/nested-${leaf[1]}.html</loc></url></urlset>`);
    }
    if (p === '/big.xml') {
      // one URL and then 3 MB of padding inside a comment: over a 1 MB cap
      res.writeHead(200, { 'content-type': 'application/xml' });
      return void res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/first.html</loc></url><!--${'x'.repeat(3 * 1024 * 1024)}--><url><loc>${base}/after-cap.html</loc></url></urlset>`);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(p === '/' ? 'トップ' : `ページ ${p}`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-sitemap-scale-'));
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('a 100,000-URL sitemap with --max-pages 50 (issue 21 case 11)', () => {
  it('audits the first page within seconds, with flat memory, and stops reading the sitemap early', async () => {
    const config = mergeConfig({
      startUrls: [base + '/'],
      sitemap: true,
      followLinks: false,
      concurrency: 1,
      interaction: { enabled: false },
      scope: { maxPages: 50 },
      output: { dir: path.join(dir, 'big') },
    });
    const ac = new AbortController();
    const log: { at: number; line: string }[] = [];
    const started = Date.now();
    let firstPageAt = 0;
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const outcome = await runCrawl(config, {
        hooks: {
          signal: ac.signal,
          onLog: (line) => log.push({ at: Date.now() - started, line }),
          onProgress: (p) => {
            if (p.done >= 1 && !firstPageAt) {
              firstPageAt = Date.now() - started;
              ac.abort(); // one audited page is what this test is about
            }
          },
        },
      });
      expect(outcome.status).toBe('interrupted');
    } finally {
      clearInterval(sampler);
    }
    const seeded = log.find((l) => l.line.startsWith('サイトマップから'));
    expect(seeded, log.map((l) => l.line).join('\n')).toBeDefined();
    // the sitemap gave its URLs in well under 5 s, and the first page was audited soon after
    expect(seeded!.at).toBeLessThan(5_000);
    expect(firstPageAt).toBeGreaterThan(0);
    expect(firstPageAt).toBeLessThan(15_000);
    // the reader stopped once 50 pages were admitted: a few hundred URLs read, most of the file never sent
    const stop = log.find((l) => l.line.includes('読むのをやめました'));
    expect(stop?.line).toMatch(/上限（maxPages）に達したため、サイトマップは \d+ 件目で読むのをやめました/);
    expect(Number(/(\d+) 件目/.exec(stop!.line)![1])).toBeLessThanOrEqual(200);
    expect(served).toBeLessThan(TOTAL * 0.6);
    // memory: no whole-document parse (it took ~690 MB)
    expect((peak - rss0) / 1024 / 1024).toBeLessThan(200);
  }, 60_000);
});

describe('sitemap limits, gzip and nesting', () => {
  it('cuts a sitemap at 50,000 URLs, and one over the byte cap at the cap, each with a Japanese log line', async () => {
    const { readSitemaps, MAX_SITEMAP_BYTES, MAX_SITEMAP_URLS } = await import('../../crawler/crawl/sitemap.js');
    const { HttpClient } = await import('../../crawler/crawl/http-client.js');
    expect(MAX_SITEMAP_BYTES).toBe(50 * 1024 * 1024);
    expect(MAX_SITEMAP_URLS).toBe(50_000);
    const http = new HttpClient();
    const fetch = (u: string) => http.request(u, { redirect: 'follow' });
    const cuts: string[] = [];
    let n = 0;
    for await (const _ of readSitemaps([base + '/over.xml'], fetch, { onCut: (m) => cuts.push(m) })) n++;
    expect(n).toBe(50_000);
    expect(cuts).toEqual([`サイトマップ ${base}/over.xml の URL が 1 ファイルの上限（50,000 件）を超えたため、そこまでで読むのをやめました（サイトマップの仕様の上限です。分割してサイトマップインデックスにしてください）。`]);
    const got: string[] = [];
    cuts.length = 0;
    for await (const u of readSitemaps([base + '/big.xml'], fetch, { maxBytes: 1024 * 1024, onCut: (m) => cuts.push(m) })) got.push(u);
    expect(got).toEqual([base + '/first.html']);
    expect(cuts).toEqual([`サイトマップ ${base}/big.xml が 1 ファイルの上限（1 MB、展開後）を超えたため、そこまでで読むのをやめました（サイトマップの仕様の上限です。分割してサイトマップインデックスにしてください）。`]);
  }, 60_000);

  it('reads a gzip sitemap and follows nested indexes a bounded depth', async () => {
    const { collectSitemapUrls, MAX_NESTING } = await import('../../crawler/crawl/sitemap.js');
    const { HttpClient } = await import('../../crawler/crawl/http-client.js');
    const http = new HttpClient();
    const fetch = (u: string) => http.request(u, { redirect: 'follow' });
    expect(await collectSitemapUrls([base + '/small.xml.gz'], fetch)).toEqual([base + '/gz-a.html', base + '/gz-b.html']);
    // index-0 names index-1 names index-2 … for ever: only MAX_NESTING levels of indexes are read
    const nested = await collectSitemapUrls([base + '/index-0.xml'], fetch);
    expect(nested).toEqual(Array.from({ length: MAX_NESTING }, (_, i) => `${base}/nested-${i}.html`));
  }, 30_000);
});
