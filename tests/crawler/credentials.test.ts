// Issue 21, case 4: the crawl's credentials (basic auth, a token header, a cookie) reach the crawl's own
// origin and nothing else. Two loopback origins (another port is another origin) record the headers they
// receive: the staging site (allowed) asks for every credential; the other origin is named by the staging
// site's robots.txt as a sitemap, serves a script, an image, an iframe, a redirect target of a page and of a
// document, and answers one image with a 401 challenge. It must never see a credential, and the challenge
// must not be answered.
// Case 5: a password written into the start URL (and into a URL-list line) is used as the run's basic auth,
// and appears nowhere: not in the store file, the log, nor any generated report.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { HttpClient } from '../../crawler/crawl/http-client.js';
import { Credentials } from '../../crawler/page/credentials.js';
import { collect, openStore } from '../../crawler/store/store.js';
import ExcelJS from 'exceljs';
import { generateReports } from '../../reports/generate.js';

const BASIC = 'Basic ' + Buffer.from('koho:himitsu').toString('base64');
const TOKEN = 'tok-secret-123';
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}｜検証環境</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

interface Seen {
  path: string;
  authorization?: string;
  token?: string;
  cookie?: string;
}

let staging: http.Server;
let other: http.Server;
let A: string;
let B: string;
let dir: string;
const atA: Seen[] = [];
const atB: Seen[] = [];

const record = (req: http.IncomingMessage, into: Seen[]) =>
  into.push({
    path: (req.url ?? '/').split('?')[0],
    authorization: req.headers.authorization,
    token: req.headers['x-staging-token'] as string | undefined,
    cookie: req.headers.cookie,
  });

function stagingHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  record(req, atA);
  const p = (req.url ?? '/').split('?')[0];
  if (req.headers.authorization !== BASIC) {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="staging"', 'content-type': 'text/plain' });
    return void res.end('401');
  }
  if (req.headers['x-staging-token'] !== TOKEN || !/(^|;\s*)session=ok(;|$)/.test(req.headers.cookie ?? '')) {
    res.writeHead(403, { 'content-type': 'text/plain' });
    return void res.end('403');
  }
  const html = (b: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(b);
  };
  if (p === '/robots.txt') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    return void res.end(`User-agent: *\nAllow: /\nSitemap: ${B}/sitemap.xml\n`);
  }
  if (p === '/') {
    return html(
      page(
        'トップ',
        `<script src="${B}/script.js"></script>
<img src="${B}/logo.png" alt="ロゴ">
<img src="${B}/challenge.png" alt="認証画像">
<iframe src="${B}/frame.html" title="外部の地図"></iframe>
<p><a href="/kurashi/">くらし</a> <a href="/moved">移転</a> <a href="/shiryo.pdf">資料（PDF形式：1KB）</a></p>`,
      ),
    );
  }
  if (p === '/kurashi/') return html(page('くらし', '<p>本文</p>'));
  if (p === '/moved') {
    res.writeHead(302, { location: `${B}/moved.html` });
    return void res.end();
  }
  if (p === '/shiryo.pdf') {
    res.writeHead(302, { location: `${B}/shiryo.pdf` });
    return void res.end();
  }
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page('なし', ''));
}

function otherHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  record(req, atB);
  const p = (req.url ?? '/').split('?')[0];
  const send = (type: string, body: string | Buffer, status = 200) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  if (p === '/sitemap.xml') return send('application/xml', `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${A}/kurashi/</loc></url></urlset>`);
  if (p === '/script.js') return send('text/javascript', `fetch(${JSON.stringify(B + '/api')}).catch(() => {});`);
  if (p === '/logo.png') return send('image/png', Buffer.from('89504e470d0a1a0a', 'hex'));
  if (p === '/challenge.png') {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="other"', 'content-type': 'text/plain' });
    return void res.end('401');
  }
  if (p === '/frame.html') return send('text/html; charset=utf-8', `<!DOCTYPE html><html lang="ja"><title>地図</title><img src="${B}/frame-img.png" alt="地図">`);
  if (p === '/moved.html') return send('text/html; charset=utf-8', page('移転先', '<p>外部</p>'));
  if (p === '/shiryo.pdf') return send('application/pdf', '%PDF-1.4\n');
  send('text/plain', 'ok');
}

const listen = async (s: http.Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  staging = http.createServer(stagingHandler);
  other = http.createServer(otherHandler);
  A = await listen(staging);
  B = await listen(other);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-credentials-'));
});

afterAll(async () => {
  for (const s of [staging, other]) {
    s?.closeAllConnections();
    await new Promise((r) => s?.close(r));
  }
  rmSync(dir, { recursive: true, force: true });
});

const leaked = (s: Seen) => s.authorization !== undefined || s.token !== undefined || /session=ok/.test(s.cookie ?? '');

describe('credentials only for the crawl origins (issue 21 case 4)', () => {
  it('a crawl sends basic auth, headers and cookies to its origin and none to another origin', async () => {
    const config = mergeConfig({
      startUrls: [A + '/'],
      sitemap: true,
      concurrency: 1,
      auth: { basic: { username: 'koho', password: 'himitsu' }, headers: { 'X-Staging-Token': TOKEN }, cookies: [{ name: 'session', value: 'ok' }] },
      output: { dir: path.join(dir, 'crawl') },
    });
    const outcome = await runCrawl(config);
    const store = await openStore(outcome.dbFile, { readonly: true });
    try {
      const pages = await collect(store.results.iteratePages(outcome.runId));
      const byPath = Object.fromEntries(pages.map((p) => [new URL(p.url).pathname, p]));
      // the allowed origin got every credential: its pages were audited
      expect(byPath['/']?.error ?? null).toBeNull();
      expect(byPath['/']?.title).toBe('トップ｜検証環境');
      expect(byPath['/kurashi/']?.error ?? null).toBeNull();
    } finally {
      await store.close();
    }
    const paths = new Set(atB.map((s) => s.path));
    // the other origin was asked for each thing the test is about ...
    for (const p of ['/sitemap.xml', '/script.js', '/logo.png', '/challenge.png', '/frame.html', '/frame-img.png', '/moved.html', '/shiryo.pdf']) expect(paths, p).toContain(p);
    // ... and never saw a credential, nor an answer to its 401 challenge
    expect(atB.filter(leaked)).toEqual([]);
    expect(atB.filter((s) => s.path === '/challenge.png').every((s) => s.authorization === undefined)).toBe(true);
    // the allowed origin did: every request of the crawl to it carried them (the browser's and Node's)
    expect(atA.length).toBeGreaterThan(3);
    expect(atA.filter((s) => s.authorization === BASIC && s.token === TOKEN && /session=ok/.test(s.cookie ?? '')).length).toBe(atA.length);
  }, 120_000);

  it("Node's client follows a redirect to another origin without the credentials", async () => {
    atB.length = 0;
    const http = new HttpClient({ credentials: new Credentials({ basic: { username: 'koho', password: 'himitsu' }, headers: { 'X-Staging-Token': TOKEN } }, [A]), cookieHeader: () => 'session=ok' });
    const res = await http.request(A + '/moved', { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(res.url).toBe(B + '/moved.html');
    await res.text();
    const probe = await http.probe(A + '/shiryo.pdf');
    expect(probe).toMatchObject({ status: 200, finalUrl: B + '/shiryo.pdf' });
    expect(atB.map((s) => s.path)).toEqual(['/moved.html', '/shiryo.pdf']);
    expect(atB.filter(leaked)).toEqual([]);
  });
});

describe('credentials written into a URL (issue 21 case 5)', () => {
  const PASSWORD = 'pw-in-url-9876';
  const basic = 'Basic ' + Buffer.from(`koho:${PASSWORD}`).toString('base64');
  let site: http.Server;
  let C: string;

  beforeAll(async () => {
    site = http.createServer((req, res) => {
      if (req.headers.authorization !== basic) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="staging"', 'content-type': 'text/plain' });
        return void res.end('401');
      }
      const p = (req.url ?? '/').split('?')[0];
      if (p === '/robots.txt' || p === '/sitemap.xml') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (p === '/') return void res.end(page('トップ', '<p><a href="/a">A</a></p><img src="/logo.png">'));
      if (p === '/a' || p === '/list-page') return void res.end(page(`ページ${p}`, '<p>本文</p>'));
      res.end(page('なし', ''));
    });
    C = await listen(site);
  });
  afterAll(async () => {
    site?.closeAllConnections();
    await new Promise((r) => site?.close(r));
  });

  it('moves the userinfo into basic auth and stores, logs and reports the URL without it', async () => {
    const out = path.join(dir, 'userinfo');
    const withPw = (u: string) => u.replace('http://', `http://koho:${PASSWORD}@`);
    const list = path.join(dir, 'urls.txt');
    writeFileSync(list, `${withPw(C + '/list-page')}\n`);
    const config = mergeConfig({ startUrls: [withPw(C + '/')], urlList: list, concurrency: 1, output: { dir: out } });
    const log: string[] = [];
    const outcome = await runCrawl(config, { hooks: { onLog: (l) => log.push(l) } });
    const store = await openStore(outcome.dbFile, { readonly: true });
    try {
      const pages = await collect(store.results.iteratePages(outcome.runId));
      expect(pages.map((p) => [p.url, p.error?.code ?? null]).sort()).toEqual([
        [C + '/', null],
        [C + '/a', null],
        [C + '/list-page', null],
      ]);
      expect((await store.runs.getRun(outcome.runId))!.startUrls).toEqual([C + '/']);
    } finally {
      await store.close();
    }
    const reports = await generateReports({ store: outcome.dbFile, runId: outcome.runId, outDir: path.join(out, 'reports') });
    const files = Object.values(reports.files);
    expect(files.length).toBe(10);
    const texts: [string, string][] = [['log', log.join('\n')]];
    // the store and its journal (the screenshots folder beside it holds pictures, named by their hash)
    for (const f of readdirSync(path.dirname(outcome.dbFile)).filter((n) => n.startsWith(path.basename(outcome.dbFile)) && statSync(path.join(path.dirname(outcome.dbFile), n)).isFile())) {
      texts.push([f, readFileSync(path.join(path.dirname(outcome.dbFile), f)).toString('latin1')]);
    }
    for (const f of files) {
      if (f.endsWith('.pdf')) texts.push([f, execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' })]);
      else if (f.endsWith('.xlsx')) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(f);
        const cells: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
        texts.push([f, cells.join('\n')]);
      } else texts.push([f, readFileSync(f, 'utf8')]);
    }
    expect(texts.find(([n]) => n.endsWith('test-result-fragment.html'))?.[1]).toContain(C + '/');
    for (const [name, text] of texts) {
      expect(text.includes(PASSWORD), name).toBe(false);
      expect(text.includes(`koho:`), name).toBe(false);
    }
  }, 180_000);

  it('refuses two different passwords for the run (a usage error in Japanese)', () => {
    expect(() => mergeConfig({ startUrls: ['http://a:1@127.0.0.1:9/'], auth: { basic: { username: 'a', password: '2' } } })).toThrow(/認証情報が、ほかの URL か設定の auth.basic と異なります/);
    expect(mergeConfig({ startUrls: ['http://a:p%40ss@127.0.0.1:9/'] })).toMatchObject({ startUrls: ['http://127.0.0.1:9/'], auth: { basic: { username: 'a', password: 'p@ss' } } });
  });
});
