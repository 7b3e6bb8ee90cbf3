// Issue 21, case 9: a site that answers 429 (or 502/503/504) with Retry-After is asking us to slow down. The
// pages were recorded as broken, with no retry and no backoff. Now the answer is transient: each attempt is
// recorded in `errors`, the page goes back to the frontier within its attempts and the run's retry budget,
// and no request reaches that host before its Retry-After (capped) has passed. The same for a document's
// HEAD request: it is probed again later, not listed as a broken link.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { collect, openStore } from '../../crawler/store/store.js';
import { handPdf } from '../fixtures/documents/pdf-builder.js';

/** A real PDF: documents are downloaded and checked (issue 18), so the body must read as one. */
const DOC = handPdf({ title: '資料', lang: 'ja', tagged: true, displayDocTitle: true });

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}｜みどり県</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const PAGES = ['/', '/a', '/b'];

let server: http.Server;
let base: string;
let dir: string;
/** Page requests as the server saw them: when, which, and what it answered. */
const hits: { at: number; path: string; status: number }[] = [];
/** How many page requests of a run are answered "slow down" first, and with what. */
let refuse = { count: 0, status: 429, retryAfter: '2' };
/** HEAD/GET requests of the document: the first one is refused (429, Retry-After: 1). */
const docHits: { at: number; status: number }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    if (p === '/doc.pdf') {
      const status = docHits.length === 0 ? 429 : 200;
      docHits.push({ at: Date.now(), status });
      res.writeHead(status, status === 429 ? { 'retry-after': '1' } : { 'content-type': 'application/pdf', 'content-length': String(DOC.length) });
      return void res.end(req.method === 'HEAD' ? undefined : status === 429 ? '' : DOC);
    }
    if (!PAGES.includes(p)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('404');
    const refused = hits.filter((h) => h.status !== 200).length < refuse.count;
    const status = refused ? refuse.status : 200;
    hits.push({ at: Date.now(), path: p, status });
    if (refused) {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'retry-after': refuse.retryAfter });
      return void res.end(page('混雑しています', '<p>しばらくしてからアクセスしてください。</p>'));
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(p === '/' ? 'トップ' : `ページ${p}`, '<p><a href="/a">A</a> <a href="/b">B</a> <a href="/doc.pdf">資料（PDF形式：9バイト）</a></p>'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-politeness-'));
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

async function crawl(name: string) {
  hits.length = 0;
  docHits.length = 0;
  const config = mergeConfig({
    startUrls: [base + '/'],
    sitemap: false,
    robots: false,
    concurrency: 2,
    perHost: { concurrency: 2, delayMs: 0 },
    interaction: { enabled: false },
    incremental: false,
    output: { dir: path.join(dir, name) },
  });
  const log: string[] = [];
  const outcome = await runCrawl(config, { hooks: { onLog: (l) => log.push(l) } });
  const store = await openStore(outcome.dbFile, { readonly: true });
  try {
    const pages = await collect(store.results.iteratePages(outcome.runId));
    const errors = (await store.results.errorsOfRun(outcome.runId)).filter((e) => !e.url.endsWith('/doc.pdf'));
    const docErrors = (await store.results.errorsOfRun(outcome.runId)).filter((e) => e.url.endsWith('/doc.pdf'));
    const documents = await store.results.documentsOfRun(outcome.runId);
    return { pages, errors, log, docErrors, documents };
  } finally {
    await store.close();
  }
}

/** The gap between each "slow down" answer and the next request the host received. */
const gapsAfterRefusals = () =>
  hits.flatMap((h, i) => (h.status !== 200 && hits[i + 1] ? [hits[i + 1]!.at - h.at] : []));

describe('429, 502, 503 and 504 are transient (issue 21 case 9)', () => {
  it('429 with Retry-After: 2 for the first requests: the pages end audited, and the host waited 2 s each time', async () => {
    refuse = { count: 2, status: 429, retryAfter: '2' };
    const { pages, errors, log, docErrors, documents } = await crawl('429');
    expect(pages.map((p) => [new URL(p.url).pathname, p.error?.code ?? null]).sort()).toEqual(PAGES.map((p) => [p, null]).sort());
    // each refused attempt is recorded, in Japanese, with its status
    expect(errors).toHaveLength(2);
    for (const e of errors) {
      expect(e.code).toBe('http-error');
      expect(e.message).toMatch(/エラー 429 を返しました（アクセスが多すぎるため、サーバーが間隔を空けるよう求めています）/);
    }
    expect(log.filter((l) => l.startsWith('再試行します') && !l.endsWith('/doc.pdf'))).toHaveLength(2);
    expect(log.find((l) => l.startsWith('再試行します'))).toMatch(/http-error 429。サーバーの求めに応じて、このホストへのアクセスを 2 秒空けます/);
    // no request reached the host before its Retry-After had passed (a little slack for timer rounding)
    const gaps = gapsAfterRefusals();
    expect(gaps).toHaveLength(2);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(1_950);
    // the document's HEAD got a 429 first: it is listed as it is (200, 9 bytes), not as a broken link
    expect(documents).toMatchObject([{ type: 'PDF', status: 200, size: DOC.length, error: null, checked: true }]);
    expect(docErrors.map((e) => e.message)).toEqual([expect.stringMatching(/エラー 429 を返しました（アクセスが多すぎるため/)]);
    expect(docHits.map((h) => h.status)).toEqual([429, 200]);
    expect(docHits[1]!.at - docHits[0]!.at).toBeGreaterThanOrEqual(950);
  }, 120_000);

  it('503 with Retry-After as an HTTP date is honoured the same way', async () => {
    refuse = { count: 1, status: 503, retryAfter: new Date(Date.now() + 3_000).toUTCString() };
    const { pages, errors } = await crawl('503');
    expect(pages.every((p) => !p.error)).toBe(true);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/エラー 503 を返しました（サーバーが一時的に応答できません（混雑か保守））/)]);
    // the date was ~3 s ahead when the crawl started; the retry came after it (≥ 1 s later, at least the backoff)
    const [gap] = gapsAfterRefusals();
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(hits.find((h, i) => i > 0 && hits[i - 1]!.status === 503)!.at).toBeGreaterThanOrEqual(Date.parse(refuse.retryAfter) - 50);
  }, 120_000);
});

describe('host pace (unit)', () => {
  it('reads Retry-After as seconds or an HTTP date, capped at 120 s', async () => {
    const { parseRetryAfter, MAX_RETRY_AFTER_MS } = await import('../../crawler/crawl/host-pace.js');
    const now = Date.parse('2026-11-30T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(MAX_RETRY_AFTER_MS).toBe(120_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('backs off exponentially within a cap, and recovers slowly', async () => {
    const { HostPace, MAX_BACKOFF_MS } = await import('../../crawler/crawl/host-pace.js');
    const pace = new HostPace(100);
    const waits = Array.from({ length: 8 }, () => pace.slowDown(null, 0));
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(pace.gapMs).toBe(100 + MAX_BACKOFF_MS);
    pace.recovered();
    expect(pace.gapMs).toBe(100 + 45_000);
    for (let i = 0; i < 30; i++) pace.recovered();
    expect(pace.gapMs).toBe(100);
  });
});
