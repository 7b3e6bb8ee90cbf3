// The page view, the files and the evidence upload (issue 15 item 4) through the real service: a page crawled
// in real headless Chromium into a real SQLite file, with its screenshot; people signed in with the real
// workspace sign-in (ws-auth). Security: a files name that is not a SHA-256 (path traversal in every
// spelling) is 404 and touches neither the store nor the disk; an oversized upload is 413 and stores nothing;
// a non-image named .png is refused; HTML in a note comes back as text, never as HTML.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { ContentFiles, filesDirOf } from '../../crawler/store/files.js';
import { openStore } from '../../crawler/store/store.js';
import { jaPage, servePages, type PageServer } from '../helpers/server.js';
import { startHarness, type Harness, type RawResponse } from './harness.js';
import { addUser, Browser } from './workspace-client.js';

let site: PageServer;
let dir: string;
let db: string;
let pageUrl: string;
let h: Harness;
let viewer: Browser;
let tester: Browser;
const SECRET = 'secret-not-to-be-served-0123';
/** Every response of this file: none may be HTML. */
const seen: RawResponse[] = [];

const FORM = jaPage(
  `<h1>お問い合わせ</h1>
  <img src="/logo.png" width="120" height="40">
  <form><input type="text" id="name"><button>送信</button></form>
  ${'<p>県政についてのご意見をお寄せください。</p>'.repeat(40)}`,
  { title: 'お問い合わせ | みどり県' },
);

async function call(b: Browser, method: string, p: string, o: { body?: Buffer | string; type?: string; csrf?: boolean } = {}): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (b.cookie) headers.cookie = `jis_ws=${b.cookie}`;
  if (b.csrf && method !== 'GET' && o.csrf !== false) headers['x-csrf-token'] = b.csrf;
  if (o.type) headers['content-type'] = o.type;
  const r = await h.raw(method, `/api/v1${p}`, { headers, body: o.body });
  seen.push(r);
  return r;
}

const evidenceCount = async () => (await h.service.store.files.evidenceOfPage(pageUrl)).length;
const storedFiles = () => readdirSync(filesDirOf(db)).filter((f) => !f.startsWith('.')).sort();

beforeAll(async () => {
  site = await servePages({ '/': jaPage('<h1>みどり県</h1><p><a href="/form.html">お問い合わせ</a></p>'), '/form.html': FORM });
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-ws-page-'));
  db = path.join(dir, 'ws.sqlite');
  writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  pageUrl = `${site.url}/form.html`;
  const store = await openStore(db);
  const test = await store.tests.create({ name: '令和8年度 試験', fiscalYear: 2026 });
  await store.selection.replaceRepresentative(test.id, [{ url: pageUrl, kind: 'representative', reason: 'フォームがあるページ', source: 'user' }]);
  await store.close();
  await runCrawl(mergeConfig({ startUrls: [`${site.url}/`], sitemap: false, robots: false, concurrency: 1, interaction: { enabled: false }, checkDocuments: false, output: { dir, db } }));
  h = await startHarness({ store: db });
  await addUser(h, 'etsuran', 'viewer', 'etsuran-pass-1234');
  await addUser(h, 'kakunin', 'tester', 'kakunin-pass-1234');
  viewer = new Browser(h);
  tester = new Browser(h);
  expect((await viewer.signIn('etsuran', 'etsuran-pass-1234')).status).toBe(200);
  expect((await tester.signIn('kakunin', 'kakunin-pass-1234')).status).toBe(200);
}, 240_000);

afterAll(async () => {
  await h?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GET /ws/pages, /ws/kit, /ws/files', () => {
  it('needs a signed-in person', async () => {
    const r = await h.raw('GET', `/api/v1/ws/pages?url=${encodeURIComponent(pageUrl)}`);
    expect(r.status).toBe(401);
  });

  it('gives the page, its screenshot and its findings in plain Japanese with their boxes on the screenshot', async () => {
    const r = await call(viewer, 'GET', `/ws/pages?url=${encodeURIComponent(pageUrl)}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const v = r.json;
    expect(v.page).toMatchObject({ url: pageUrl, title: 'お問い合わせ | みどり県' });
    expect(v.test).toMatchObject({ name: '令和8年度 試験' });
    expect(v.screenshot).toMatchObject({ width: 1280 });
    const img = await call(viewer, 'GET', v.screenshot.url.replace('/api/v1', ''));
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/webp');
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    expect(img.headers['content-disposition']).toBeUndefined();
    const bytes = Buffer.from(img.text, 'latin1');
    expect(v.screenshot.sha256).toMatch(/^[0-9a-f]{64}$/);

    // the image-alt and the label violations, named the way the catalogue names them, in Japanese
    const kinds = v.findings.map((f: any) => f.ruleId);
    expect(kinds).toEqual(expect.arrayContaining(['image-alt', 'label']));
    for (const f of v.findings) {
      expect(f.rule).not.toBe(f.ruleId);
      expect(f.rule).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(f.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(f.kindLabel).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    const alt = v.findings.find((f: any) => f.ruleId === 'image-alt');
    expect(alt.criteria[0]).toMatchObject({ id: '1.1.1', level: 'A' });
    expect(alt.box).not.toBeNull();
    expect(alt.box.width).toBeGreaterThan(100); // the 120 × 40 image
    expect(alt.box.x + alt.box.width).toBeLessThanOrEqual(v.screenshot.width);
    expect(alt.box.y + alt.box.height).toBeLessThanOrEqual(v.screenshot.height);
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('the screenshot served is the file its name says', async () => {
    const v = (await call(viewer, 'GET', `/ws/pages?url=${encodeURIComponent(pageUrl)}`)).json;
    const onDisk = await new ContentFiles(filesDirOf(db)).read(v.screenshot.sha256);
    expect(createHash('sha256').update(onDisk!).digest('hex')).toBe(v.screenshot.sha256);
    expect((await sharp(onDisk!).metadata()).height).toBe(v.screenshot.height);
  });

  it('an unknown page is 404 with a Japanese message naming it; no url is 400', async () => {
    const r = await call(viewer, 'GET', `/ws/pages?url=${encodeURIComponent(`${site.url}/nai.html`)}`);
    expect(r.status).toBe(404);
    expect(r.json.error.message).toContain(`${site.url}/nai.html`);
    expect((await call(viewer, 'GET', '/ws/pages')).status).toBe(400);
  });

  it('gives the kit procedure of a criterion; an AAA or unknown one is 404', async () => {
    const r = await call(viewer, 'GET', '/ws/kit/1.1.1');
    expect(r.status).toBe(200);
    expect(r.json.criterion).toMatchObject({ id: '1.1.1', level: 'A' });
    expect(r.json.steps.length).toBeGreaterThanOrEqual(2);
    expect(r.json.judgedPerLabel).toMatch(/ごと|全体/);
    expect(r.json.inapplicableWhen).not.toBe('');
    expect(r.json.fixByLabel).not.toBe('');
    for (const bad of ['2.4.9', '9.9.9', '..%2F..%2Fx']) {
      const nf = await call(viewer, 'GET', `/ws/kit/${bad}`);
      expect(nf.status, bad).toBe(404);
    }
  });

  it('path traversal on the files URL is 404 and touches neither the store nor the disk', async () => {
    const info = vi.spyOn(h.service.store.files, 'fileInfo');
    const read = vi.spyOn(ContentFiles.prototype, 'read');
    const sqliteName = path.basename(db);
    const attempts = [
      `/api/v1/ws/files/..%2F..%2F${sqliteName}`,
      `/api/v1/ws/files/..%2fsecret.txt`,
      `/api/v1/ws/files/%2e%2e%2f%2e%2e%2fsecret.txt`,
      `/api/v1/ws/files/%252e%252e%252fsecret.txt`,
      `/api/v1/ws/files/..%5C..%5Csecret.txt`,
      `/api/v1/ws/files/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      `/api/v1/ws/files/%2Fetc%2Fpasswd`,
      `/api/v1/ws/files/${'A'.repeat(64)}`,
      `/api/v1/ws/files/${'a'.repeat(64)}.png`,
      `/api/v1/ws/files/${'a'.repeat(63)}`,
    ];
    for (const p of attempts) {
      const r = await h.raw('GET', p, { headers: { cookie: `jis_ws=${viewer.cookie}` } });
      seen.push(r);
      expect(r.status, p).toBe(404);
      expect(r.text, p).not.toContain(SECRET);
      expect(r.text, p).not.toContain('SQLite format');
    }
    // a raw `..` in the path does not even match the files route: the API's deny-by-default answers (401/404)
    const dots = await h.raw('GET', '/api/v1/ws/files/../../secret.txt', { headers: { cookie: `jis_ws=${viewer.cookie}` } });
    expect([401, 404]).toContain(dots.status);
    expect(dots.text).not.toContain(SECRET);
    expect(info).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
    // a well-formed name that is not a file of the store: 404 too
    expect((await call(viewer, 'GET', `/ws/files/${'0'.repeat(64)}`)).status).toBe(404);
    info.mockRestore();
    read.mockRestore();
  });
});

describe('POST /ws/evidence', () => {
  const q = () => `?pageUrl=${encodeURIComponent(pageUrl)}&criterion=1.1.1&name=shot.png`;

  it('a 閲覧 is refused by the server; a write without the CSRF token fails', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).png().toBuffer();
    expect((await call(viewer, 'POST', `/ws/evidence${q()}`, { body: png, type: 'image/png' })).status).toBe(403);
    expect((await call(tester, 'POST', `/ws/evidence${q()}`, { body: png, type: 'image/png', csrf: false })).status).toBe(403);
    expect(await evidenceCount()).toBe(0);
  });

  it('takes a PNG by its bytes, re-encodes it (a payload after the image does not survive), records who and when, audit-logs it', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0a0' } }).png().toBuffer();
    const payload = Buffer.from('<script>alert("evidence")</script>');
    const r = await call(tester, 'POST', `/ws/evidence${q()}`, { body: Buffer.concat([png, payload]), type: 'application/octet-stream' });
    expect(r.status).toBe(201);
    const sha = r.json.sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const file = await call(viewer, 'GET', `/ws/files/${sha}`);
    expect(file.headers['content-type']).toBe('image/png');
    const onDisk = (await new ContentFiles(filesDirOf(db)).read(sha))!;
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(sha);
    expect(onDisk.includes(payload)).toBe(false);
    expect(await sharp(onDisk).metadata()).toMatchObject({ format: 'png', width: 40, height: 30 });

    const v = (await call(viewer, 'GET', `/ws/pages?url=${encodeURIComponent(pageUrl)}`)).json;
    expect(v.evidence).toContainEqual(expect.objectContaining({ sha256: sha, kind: 'image', actor: 'kakunin', criterion: '1.1.1' }));
    const audit = await h.service.store.audit.list({ offset: 0, limit: 10 });
    expect(audit.items).toContainEqual(expect.objectContaining({ actor: 'kakunin', action: 'evidence.add', target: pageUrl }));
  });

  it('an upload over 2 MB is 413 with a Japanese message and stores nothing', async () => {
    const before = [await evidenceCount(), storedFiles()];
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 0);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    const r = await call(tester, 'POST', `/ws/evidence${q()}`, { body: big, type: 'image/png' });
    expect(r.status).toBe(413);
    expect(r.json.error.message).toMatch(/画像が大きすぎます（上限 2 MB）/);
    expect([await evidenceCount(), storedFiles()]).toEqual(before);
  });

  it('a file that is not an image is refused even named .png and sent as image/png', async () => {
    const before = await evidenceCount();
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const r = await call(tester, 'POST', `/ws/evidence${q()}`, { body: html, type: 'image/png' });
    expect(r.status).toBe(415);
    expect(r.json.error.message).toContain('中身で判断');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect((await call(tester, 'POST', `/ws/evidence${q()}`, { body: gif, type: 'image/png' })).status).toBe(415);
    expect(await evidenceCount()).toBe(before);
  });

  it('a note with HTML is kept and returned as text, never as HTML', async () => {
    const note = '<img src=x onerror="alert(1)"><script>alert(2)</script> 送信ボタンの名前を NVDA で確認 & OK';
    const r = await call(tester, 'POST', '/ws/evidence', { body: JSON.stringify({ note, pageUrl, criterion: '4.1.2' }), type: 'application/json' });
    expect(r.status).toBe(201);
    expect(r.json.evidence.note).toBe(note);
    const v = await call(viewer, 'GET', `/ws/pages?url=${encodeURIComponent(pageUrl)}`);
    expect(v.headers['content-type']).toMatch(/^application\/json/);
    expect(v.json.evidence.find((e: any) => e.kind === 'note').note).toBe(note);
    const file = await call(viewer, 'GET', `/ws/files/${r.json.sha256}`);
    expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.text).toBe(note);
  });

  it('a note over 2,000 characters is 413; bad keys are 400 naming the key', async () => {
    const long = await call(tester, 'POST', '/ws/evidence', { body: JSON.stringify({ note: 'あ'.repeat(2001), pageUrl }), type: 'application/json' });
    expect(long.status).toBe(413);
    expect(long.json.error.message).toContain('2,001 文字');
    const badUrl = await call(tester, 'POST', '/ws/evidence', { body: JSON.stringify({ note: 'メモ', pageUrl: 'javascript:alert(1)' }), type: 'application/json' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.json.error.message).toContain('pageUrl');
    const broken = await call(tester, 'POST', '/ws/evidence', { body: '{"note": ', type: 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('invalid-json');
    const badCrit = await call(tester, 'POST', '/ws/evidence', { body: JSON.stringify({ note: 'メモ', criterion: '1.1' }), type: 'application/json' });
    expect(badCrit.status).toBe(400);
    expect(badCrit.json.error.message).toContain('criterion');
  });

  it('no answer of the API was HTML', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const r of seen) expect(String(r.headers['content-type'] ?? '')).not.toMatch(/html/i);
  });
});
