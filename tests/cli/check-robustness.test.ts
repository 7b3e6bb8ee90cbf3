// `jis-a11y check` against pages that fight back (issue 21 cases 6, 12, 14): a renderer that crashes while
// loading or after load, a page that spins in `while (true)` after load, 20,000 unclosed tags, a binary
// file named .html, pages over the size limit. Real CLI, real Chromium, a loopback server; a renderer
// crash is a real one (the renderer process is killed from outside, as the OOM killer does).
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jaPage } from '../helpers/server.js';
import { jsonOf, killRenderers, runCli } from '../helpers/processes.js';

let tmp: string;
let server: http.Server;
let base: string;
/** The pid of the CLI run whose renderers /kill-renderer kills. */
let cliPid = 0;

const pages: Record<string, string> = {
  '/ok.html': jaPage('<h1>お知らせ</h1><p>本日は晴天です。</p>', { title: 'お知らせ | みどり県' }),
  // the renderer dies after load, while the audit runs
  '/crash-after-load.html': jaPage('<h1>読み込み後に異常終了</h1><script>addEventListener("load", () => fetch("/kill-renderer"));</script>'),
  // the renderer dies while the page loads (an image holds the load event)
  '/crash-while-loading.html': jaPage('<h1>読み込み中に異常終了</h1><img src="/never.png" alt="図"><script>fetch("/kill-renderer");</script>'),
  '/busy.html': jaPage('<h1>無限ループ</h1><script>addEventListener("load", () => setTimeout(() => { while (true) {} }, 0));</script>'),
  '/big.html': jaPage(`<h1>大きなページ</h1><!-- ${'x'.repeat(6 * 1024 * 1024)} -->`),
};

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-check-robust-'));
  server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    if (p === '/kill-renderer') {
      killRenderers(cliPid);
      return res.end('ok');
    }
    if (p === '/never.png') return; // never answered: the page's load event never fires
    if (p === '/big-chunked.html') {
      // no Content-Length: the size is only known as the bytes arrive
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(jaPage('<h1>大きなページ</h1>').replace('</main>', ''));
      for (let i = 0; i < 7; i++) res.write(`<!-- ${'y'.repeat(1024 * 1024)} -->`);
      return res.end('</main>');
    }
    const body = pages[p];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

describe('check never hangs (issue 21 case 6)', () => {
  it('records pages whose renderer crashes (while loading, after load) as crashed, and still checks the next page (exit 2)', async () => {
    const urls = ['/crash-while-loading.html', '/crash-after-load.html', '/ok.html'].map((p) => base + p);
    const run = await runCli(['check', '--timeout', '5', '--format', 'json', ...urls], { limitMs: 90_000, onStart: (pid) => (cliPid = pid) });
    expect(run.killed, `check did not exit: ${run.stderr}`).toBe(false);
    expect(run.code, run.stderr).toBe(2);
    const [whileLoading, afterLoad, ok] = jsonOf(run).pages;
    expect(whileLoading.error).toMatchObject({ code: 'crashed', message: expect.stringMatching(/crash-while-loading\.html の表示中にタブが異常終了しました/) });
    expect(afterLoad.error).toMatchObject({ code: 'crashed', message: expect.stringMatching(/crash-after-load\.html の表示中にタブが異常終了しました/) });
    expect(ok.error).toBeUndefined();
    expect(ok.title).toBe('お知らせ | みどり県');
    expect(ok.criteria).toHaveLength(38);
    expect(run.stderr).toMatch(/エラー: .*タブが異常終了しました/);
  });

  it('gives up a page that spins in while (true) after load at its hard limit, with --timeout 5 --audit-timeout 3 --interaction-budget 2, and exits 2', async () => {
    const run = await runCli(['check', '--timeout', '5', '--audit-timeout', '3', '--interaction-budget', '2', '--format', 'json', base + '/busy.html'], { limitMs: 90_000 });
    expect(run.killed, `check did not exit: ${run.stderr}`).toBe(false);
    expect(run.code, run.stderr).toBe(2);
    // 5 s to load, 3 s to audit, 2 s of keyboard phase, 5 s between the steps (small budgets: the same hard limit,
    // reached sooner than with the defaults)
    expect(jsonOf(run).pages[0].error).toMatchObject({ code: 'timeout', message: expect.stringMatching(/busy\.html の検査が 15 秒以内に終わりませんでした/) });
    expect(run.stderr).toMatch(/エラー: .*busy\.html の検査が 15 秒以内に終わりませんでした/);
    // the page's 15 s, and the browser's start and close on a shared machine
    expect(run.elapsedMs).toBeLessThan(15_000 + 20_000);
  });
});

describe('what check refuses up front (issue 21 case 14)', () => {
  it('a binary file named .html exits 2 with not-html and a Japanese message, and the next file is still checked', async () => {
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(0x80);
    const file = path.join(tmp, 'photo.html');
    writeFileSync(file, PNG.sync.write(png));
    const ok = path.join(tmp, 'ok.html');
    writeFileSync(ok, pages['/ok.html']);
    const run = await runCli(['check', '--format', 'json', '--no-interaction', file, ok], { limitMs: 60_000 });
    expect(run.code, run.stderr).toBe(2);
    const json = jsonOf(run);
    expect(json.pages[0].error).toMatchObject({ code: 'not-html', message: expect.stringMatching(/photo\.html は HTML ではありません（NUL 文字/) });
    expect(json.pages[1].error).toBeUndefined();
    expect(json.pages[1].title).toBe('お知らせ | みどり県');
    expect(run.stderr).toMatch(/エラー: .*HTML ではありません/);
  });

  it('a file over the default 5 MB limit is too-large (exit 2) without being rendered', async () => {
    const file = path.join(tmp, 'big.html');
    writeFileSync(file, pages['/big.html']);
    const run = await runCli(['check', '--format', 'json', '--no-interaction', file], { limitMs: 60_000 });
    expect(run.code, run.stderr).toBe(2);
    expect(jsonOf(run).pages[0].error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/big\.html は 6\.0 MB あり、上限（5\.0 MB）を超える/) });
  });

  it.each([
    ['with Content-Length', '/big.html'],
    ['sent in chunks, without Content-Length', '/big-chunked.html'],
  ])('a URL over the default 5 MB limit %s is too-large (exit 2)', async (_name, p) => {
    const run = await runCli(['check', '--format', 'json', '--no-interaction', base + p], { limitMs: 60_000 });
    expect(run.code, run.stderr).toBe(2);
    expect(jsonOf(run).pages[0].error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/上限（5\.0 MB）を超えるため検査しませんでした/) });
  });

  it('--max-page-bytes lowers the limit for files and URLs; a page under it is checked as before', async () => {
    const file = path.join(tmp, 'ok-2.html');
    writeFileSync(file, pages['/ok.html']);
    const small = await runCli(['check', '--format', 'json', '--no-interaction', '--max-page-bytes', '100', file, base + '/ok.html'], { limitMs: 60_000 });
    expect(small.code).toBe(2);
    expect(jsonOf(small).pages.map((p: { error?: { code: string } }) => p.error?.code)).toEqual(['too-large', 'too-large']);
    expect(jsonOf(small).pages[0].error.message).toMatch(/上限（100 バイト）/);
    const roomy = await runCli(['check', '--format', 'json', '--no-interaction', '--max-page-bytes', '100000', file], { limitMs: 60_000 });
    expect(roomy.code).toBe(0);
    const bad = await runCli(['check', '--max-page-bytes', '5MB', file], { limitMs: 30_000 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-page-bytes は正の整数（バイト）です（指定: 5MB）/);
  });

  it('--html input over the limit, from a file or stdin, is a too-large error verdict (exit 2)', async () => {
    const file = path.join(tmp, 'big-submit.html');
    writeFileSync(file, pages['/big.html']);
    const args = ['check', '--base-url', `${base}/kurashi/page.html`, '--no-store'];
    const fromFile = await runCli([...args, '--html', file], { limitMs: 60_000 });
    expect(fromFile.code, fromFile.stderr).toBe(2);
    expect(jsonOf(fromFile)).toEqual({ verdict: 'error', error: { code: 'too-large', message: expect.stringMatching(/HTML は 6\.0 MB あり、上限（5\.0 MB）/) } });
    const fromStdin = await runCli([...args, '--html', '-', '--max-page-bytes', '1000'], { stdin: pages['/ok.html'].repeat(10), limitMs: 60_000 });
    expect(fromStdin.code, fromStdin.stderr).toBe(2);
    expect(jsonOf(fromStdin)).toEqual({ verdict: 'error', error: { code: 'too-large', message: expect.stringMatching(/HTML は上限（1000 バイト）を超える/) } });
  });

  it('--html input that is binary is a not-html error verdict (exit 2)', async () => {
    const png = new PNG({ width: 8, height: 8 });
    const run = await runCli(['check', '--base-url', `${base}/kurashi/page.html`, '--no-store', '--html', '-'], { stdin: PNG.sync.write(png), limitMs: 60_000 });
    expect(run.code, run.stderr).toBe(2);
    expect(jsonOf(run)).toEqual({ verdict: 'error', error: { code: 'not-html', message: expect.stringMatching(/HTML ではありません（NUL 文字/) } });
  });
});

describe('20,000 unclosed tags (issue 21 case 12)', () => {
  it('check gives the 4.1.1 failures, not an internal error', async () => {
    const file = path.join(tmp, 'deep.html');
    writeFileSync(file, jaPage('<h1>入れ子</h1>' + '<div>'.repeat(20_000) + '本文'));
    const run = await runCli(['check', '--format', 'json', '--no-interaction', file], { limitMs: 90_000 });
    expect(run.code, run.stderr).toBe(1);
    const page = jsonOf(run).pages[0];
    expect(page.error).toBeUndefined();
    expect(page.criteria.find((c: { id: string }) => c.id === '4.1.1').outcome).toBe('fail');
    expect(page.findings.filter((f: { message: string }) => f.message.includes('閉じられていない要素 <div>'))).toHaveLength(20_000);
  });
});
