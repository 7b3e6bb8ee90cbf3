// Documents per second and memory (issue 18): a crawl of a local site of 10 pages linking 1,000 PDFs (a third
// each tagged 3-page, untagged, scanned; made by Chromium like the tests' corpus), on 127.0.0.1 with the real
// crawl (download, check, store), then the same 1,000 through the checks alone. Prints the numbers; not a test.
// `npx tsx bench/documents.ts [count]`
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mergeConfig } from '../crawler/crawl/config.js';
import { runCrawl } from '../crawler/crawl/crawl.js';
import { launchBrowser } from '../crawler/page/browser.js';
import { checkDocument } from '../crawler/page/documents/check-document.js';
import { chromiumPdf, scanPdf } from '../tests/fixtures/documents/chromium-pdfs.js';

const count = Number(process.argv[2] ?? 1000);
const browser = await launchBrowser();
const kinds = [
  await chromiumPdf(browser, { title: '計画', lang: 'ja', tagged: true, outline: true, pages: 3, imagesWithAlt: 1 }),
  await chromiumPdf(browser, { title: '案内', lang: 'ja', tagged: false, pages: 2 }),
  await scanPdf(browser, 2),
];
await browser.close();
const perPage = Math.ceil(count / 10);
const server = http.createServer((req, res) => {
  const m = /^\/(?:p(\d+)\.html|d(\d+)\.pdf)$/.exec(req.url ?? '');
  if (m?.[1] != null) {
    const p = Number(m[1]);
    const links = Array.from({ length: perPage }, (_, i) => p * perPage + i).filter((i) => i < count).map((i) => `<li><a href="/d${i}.pdf">資料 ${i}（PDF形式）</a></li>`).join('');
    const next = p < 9 ? `<a href="/p${p + 1}.html">次へ</a>` : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="ja"><title>資料 ${p}</title><main><h1>資料 ${p}</h1><ul>${links}</ul>${next}</main></html>`);
  } else if (m?.[2] != null) {
    const body = kinds[Number(m[2]) % 3];
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'jis-bench-docs-'));
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
const t0 = Date.now();
await runCrawl(mergeConfig({ startUrls: [`${url}/p0.html`], output: { dir }, sitemap: false, robots: false, interaction: { enabled: false }, perHost: { delayMs: 0 } }));
const crawlS = (Date.now() - t0) / 1000;
const t1 = Date.now();
for (let i = 0; i < count; i++) await checkDocument(kinds[i % 3], { name: `d${i}.pdf` });
const checkS = (Date.now() - t1) / 1000;
clearInterval(sample);
console.log(`crawl: ${count} PDFs + 10 pages in ${crawlS.toFixed(1)} s = ${(count / crawlS).toFixed(1)} documents/s (concurrency ${mergeConfig({ startUrls: [url] }).concurrency})`);
console.log(`checks alone: ${count} PDFs in ${checkS.toFixed(1)} s = ${(count / checkS).toFixed(1)} documents/s (one after another)`);
console.log(`peak RSS of this process: ${Math.round(peak / 1048576)} MB (Chromium not included); PDF sizes ${kinds.map((k) => Math.ceil(k.length / 1024) + ' KB').join(', ')}`);
server.close();
rmSync(dir, { recursive: true, force: true });
