// Issue 21 case 14 (the service part): forbidden static paths answer 403/404 with a Japanese JSON error and no
// stack in the log (they were 500 with a stack trace); /healthz without a token shows only {status, version};
// and the process guard of `serve`: an error thrown or rejected after a request was answered is logged in
// Japanese with that request's id and the process keeps serving; a fatal one closes it with exit code 2.
// Real service on 127.0.0.1, real SQLite file; the guard test runs `serve` as its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN, WRONG, type Harness } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const dir = path.join(h.tmp, 'reports');
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  mkdirSync(path.join(dir, 'runs/1'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="ja"><title>報告書</title><p>報告書の一覧</p>');
  writeFileSync(path.join(dir, 'runs/1/report.html'), '<!doctype html><html lang="ja"><title>報告書</title><p>第1回</p>');
  writeFileSync(path.join(dir, '.env'), 'SECRET=ひみつ');
  writeFileSync(path.join(dir, '.git/config'), '[remote] url = ひみつ');
  writeFileSync(path.join(h.tmp, 'outside.txt'), 'ひみつ: reports の外');
});

afterAll(async () => {
  await h?.close();
});

describe('forbidden static paths (issue 21 case 14)', () => {
  const forbidden = [
    '/reports/../outside.txt',
    '/reports/../x',
    '/reports/%2e%2e/outside.txt',
    '/reports/%2e%2e%2foutside.txt',
    '/reports/..%2foutside.txt',
    '/reports/..%5coutside.txt',
    '/reports/runs/../../outside.txt',
    '/reports/....//outside.txt',
    '/reports/%252e%252e/outside.txt',
    '/reports/.env',
    '/reports/%2eenv',
    '/reports/.git/config',
    '/reports/.git/',
    '/reports/%00',
    '/reports/a%00b',
    '/reports/index.html%00.txt',
  ];

  it('answers 403 or 404 with a Japanese JSON error, reveals nothing and logs no stack', async () => {
    for (const p of forbidden) {
      const r = await h.raw('GET', p);
      expect([403, 404], `${p}: ${r.status} ${r.text.slice(0, 120)}`).toContain(r.status);
      expect(r.headers['content-type'], p).toMatch(/^application\/json/);
      expect(r.json.verdict, p).toBe('error');
      expect(r.json.error.message, p).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(r.text, p).not.toMatch(/ひみつ|SECRET|at \/|node_modules|Forbidden/);
    }
    expect(h.logLines.filter((l) => /内部エラー|Error|    at /.test(l))).toEqual([]);
  });

  it('a URL that cannot be decoded is 400 in Japanese, not fastify English', async () => {
    for (const p of ['/reports/%ff', '/%ff', '/api/v1/%ff']) {
      const r = await h.raw('GET', p);
      expect(r.status, p).toBe(400);
      expect(r.json.error.message, p).toMatch(/URL のパスを読めません/);
      expect(r.text, p).not.toMatch(/valid url component/);
    }
  });

  it('the reports themselves are still served', async () => {
    expect((await h.raw('GET', '/reports/')).text).toMatch(/報告書の一覧/);
    expect((await h.raw('GET', '/reports/runs/1/report.html')).status).toBe(200);
    expect((await h.raw('GET', '/reports/nothing.html')).status).toBe(404);
  });
});

describe('/healthz (issue 21 case 14)', () => {
  it('shows only status and version without the right token; queue, browser and schedules with it', async () => {
    // A schedule that fails leaves an error message (here: a path of this machine) in its status.
    writeFileSync(path.join(h.tmp, 'crawl.json'), '{ "site": ');
    expect((await h.raw('POST', '/api/v1/schedules/weekly/run', { token: TOKEN })).status).toBe(202);
    await h.service.scheduler.idle('weekly');
    expect(h.service.scheduler.status()[0].lastRun?.message).toBeTruthy();

    for (const token of [undefined, WRONG]) {
      const r = await h.raw('GET', '/healthz', { token });
      expect(r.status).toBe(200);
      expect(Object.keys(r.json).sort()).toEqual(['status', 'version']);
      expect(r.json.status).toBe('ok');
      expect(r.text).not.toMatch(/weekly|crawl\.json|jis-service-|queue|browser/);
    }
    const full = await h.raw('GET', '/healthz', { token: TOKEN });
    expect(full.json.status).toBe('ok');
    expect(full.json.schedules[0].name).toBe('weekly');
    expect(full.json.schedules[0].lastRun.status).toBe('failed');
    expect(full.json.queue.concurrency).toBe(1);
    expect(full.json.browser).toBeDefined();
  });
});

describe('behind a reverse proxy: trustProxy', () => {
  const whoami = (api: import('fastify').FastifyInstance) => {
    api.get('/test/whoami', async (req) => ({ ip: req.ip, protocol: req.protocol }));
  };
  const forwarded = { 'x-forwarded-for': '203.0.113.5', 'x-forwarded-proto': 'https' };

  it('believes X-Forwarded-* only from the configured proxy, and still wants the token', async () => {
    const direct = await startHarness({ schedules: [] }, { apiRoutes: whoami });
    const proxied = await startHarness({ schedules: [], trustProxy: '127.0.0.1' }, { apiRoutes: whoami });
    const elsewhere = await startHarness({ schedules: [], trustProxy: ['10.0.0.0/8'] }, { apiRoutes: whoami });
    try {
      expect((await direct.raw('GET', '/api/v1/test/whoami', { token: TOKEN, headers: forwarded })).json).toEqual({ ip: '127.0.0.1', protocol: 'http' });
      expect((await proxied.raw('GET', '/api/v1/test/whoami', { token: TOKEN, headers: forwarded })).json).toEqual({ ip: '203.0.113.5', protocol: 'https' });
      expect((await elsewhere.raw('GET', '/api/v1/test/whoami', { token: TOKEN, headers: forwarded })).json).toEqual({ ip: '127.0.0.1', protocol: 'http' });
      expect((await proxied.raw('GET', '/api/v1/test/whoami', { headers: forwarded })).status).toBe(401);
    } finally {
      await Promise.all([direct.close(), proxied.close(), elsewhere.close()]);
    }
  });
});

describe('the process guard of serve (issue 21 case 14)', () => {
  let child: ChildProcess;
  let base: string;
  let stderr = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-guard-'));
    const cfg = { host: '127.0.0.1', port: 0, tokens: [TOKEN], origins: ['http://127.0.0.1:9'], store: path.join(tmp, 's.sqlite'), reportsDir: path.join(tmp, 'reports') };
    child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/service/fixtures/serve-with-faults.ts'), JSON.stringify(cfg)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => (stderr += d));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /listening (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (c) => reject(new Error(`serve ended (${c}): ${stderr}`)));
    });
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const post = (p: string) => fetch(`${base}/api/v1/test/${p}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
  const settle = () => new Promise((r) => setTimeout(r, 400));
  const alive = async () => (await fetch(`${base}/healthz`)).status === 200;

  it('logs an exception thrown after the answer with its request id and keeps serving', async () => {
    const r = await post('throw-later');
    expect(r.status).toBe(200);
    const id = r.headers.get('x-request-id');
    expect(id).toBeTruthy();
    await settle();
    expect(stderr).toContain(`要求 ${id} の処理中に捕捉されなかった例外が起きました。サービスは動作を続けます。`);
    expect(stderr).toContain('テスト: 応答の後のタイマーで例外');
    expect(await alive()).toBe(true);
  });

  it('logs a rejected promise nobody awaited with its request id and keeps serving', async () => {
    const r = await post('reject-later');
    const id = r.headers.get('x-request-id');
    await settle();
    expect(stderr).toContain(`要求 ${id} の処理中に処理されなかった Promise の拒否が起きました。サービスは動作を続けます。`);
    expect(await alive()).toBe(true);
  });

  it('a transient store error outside any request (SQLITE_BUSY) is recoverable', async () => {
    await post('store-busy-outside');
    await settle();
    expect(stderr).toMatch(/要求の外に捕捉されなかった例外が起きました。サービスは動作を続けます。\n.*database is locked/);
    expect(await alive()).toBe(true);
  });

  it('an unknown error outside any request closes the service and exits 2', async () => {
    await post('fatal-outside');
    const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 15_000))]);
    expect(code).toBe(2);
    expect(stderr).toContain('要求の外に捕捉されなかった例外が起きました。回復できないエラーのため、サービスを停止します（終了コード 2）。');
  });
});
