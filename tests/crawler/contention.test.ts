// The store under contention and runs that end badly (issue 21 cases 3, 8 and 14's corrupt store), with real
// processes: the CLI (`bin/jis-a11y.js crawl`, `serve`, `report`, `judge`, `check --html`) as children, the
// embedded sample site on 127.0.0.1, real SQLite files, and another process holding the store's write lock
// (tests/helpers/hold-store-lock.mjs).
//   case 3   a 12 s lock during a crawl is waited out (crawl and serve's scheduled crawl; /healthz answers);
//            an uncaught error in a crawl exits 2 with the run interrupted (never 1, never left running)
//   case 8   a second crawl of the same site into the same folder, or --resume of a live run, is refused;
//            a transient "database is locked" is requeued, and --resume does not keep one as a result;
//            a crawl killed with SIGKILL leaves its lease, which expires, then --resume works
//   case 14  a corrupt store: a Japanese message naming the file and what to do, exit 2, the file untouched
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SITE_DIR, serveSampleSite } from '../../crawler/cli/sample-site.js';
import type { StaticServer } from '../../crawler/page/static-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/jis-a11y.js');
const locker = path.join(root, 'tests/helpers/hold-store-lock.mjs');
const TOKEN = 'contention-token-0123456789';
/** Paths of the sample site a crawl audits without error (every page of expected.json but /private/). */
const AUDITABLE = new Set(Object.keys(JSON.parse(readFileSync(path.join(SAMPLE_SITE_DIR, 'expected.json'), 'utf8')).pages).filter((p) => p !== '/private/'));
/**
 * The pages a crawl here visits: a lock or a kill needs a crawl that is still running, not the whole site (47
 * pages, each with its keyboard phase); every kind of store write the whole site makes, 20 pages make too. The
 * test of a second process started beside a live crawl keeps the whole site: a short crawl could end first.
 */
const MAX_PAGES = 20;
const LOCK_WORDS = /database is locked|SQLITE_BUSY|SQLITE_LOCKED|使用中|書き込めません/;

let server: StaticServer;
let dir: string;
let tmp: string;

beforeAll(async () => {
  server = await serveSampleSite();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-contention-'));
  tmp = path.join(dir, 'tmp');
  mkdirSync(tmp);
});

afterAll(async () => {
  killOrphanBrowsers();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Chromium processes started by a killed child (their profile lives under our TMPDIR): killed by pid. */
function killOrphanBrowsers(): void {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(tmp)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* gone already */
    }
  }
}

interface Proc {
  child: ChildProcess;
  output: () => string;
  stdout: () => string;
  exit: Promise<number | null>;
  exitedAt: () => number | null;
}

function run(cmd: string[], opts: { cwd: string; env?: Record<string, string> }): Proc {
  const child = spawn(process.execPath, cmd, { cwd: opts.cwd, env: { ...process.env, TMPDIR: tmp, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  let exitedAt: number | null = null;
  child.stdout!.on('data', (b) => {
    out += b;
    stdout += b;
  });
  child.stderr!.on('data', (b) => (out += b));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitedAt = Date.now();
      resolve(code);
    }),
  );
  return { child, output: () => out, stdout: () => stdout, exit, exitedAt: () => exitedAt };
}

const cli = (args: string[], opts: { cwd: string; env?: Record<string, string> }) => run([bin, ...args], opts);

async function waitFor(cond: () => boolean, what: string, timeoutMs = 120_000, proc?: Proc): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}\n${proc?.output() ?? ''}`);
    if (proc && proc.exitedAt() !== null) throw new Error(`the process ended before ${what}:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Reads the store file directly (readonly), or returns `fallback` while it cannot be opened yet. */
function peek<T>(db: string, fn: (d: Database.Database) => T, fallback: T): T {
  let d: Database.Database;
  try {
    d = new Database(db, { readonly: true, fileMustExist: true });
  } catch {
    return fallback;
  }
  try {
    return fn(d);
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) return fallback; // being written: try again later
    throw e;
  } finally {
    d.close();
  }
}

/** Reads the store file directly; assertions inside fail the test. */
function inspect(db: string, fn: (d: Database.Database) => void): void {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    fn(d);
  } finally {
    d.close();
  }
}

const audited = (db: string) => peek(db, (d) => (d.prepare('SELECT COUNT(*) n FROM pages WHERE error_code IS NULL').get() as { n: number }).n, 0);

/** Another process takes the store's write lock and holds it for `ms`. Resolves once it holds it. */
async function holdLock(db: string, ms: number): Promise<{ lockedAt: number; released: Promise<number> }> {
  const p = run([locker, db, String(ms)], { cwd: dir });
  await waitFor(() => p.stdout().includes('locked'), 'the lock', 30_000, p);
  const lockedAt = Date.now();
  const released = p.exit.then((code) => {
    if (code !== 0) throw new Error('the lock holder failed:\n' + p.output());
    return Date.now();
  });
  return { lockedAt, released };
}

function folder(name: string, config: Record<string, unknown> | string, file = 'crawl.json'): string {
  const work = path.join(dir, name);
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, file), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return work;
}

/**
 * A run of the sample site that ended well: finished, every page once (all `maxPages` of them, or the whole site),
 * nothing left in flight, no lock error anywhere.
 */
function expectCompleteRun(db: string, runs = 1, maxPages: number | null = MAX_PAGES): void {
  inspect(
    db,
    (d) => {
      const all = d.prepare('SELECT id, status FROM runs').all() as { id: number; status: string }[];
      expect(all).toHaveLength(runs);
      expect(all.every((r) => r.status === 'finished'), JSON.stringify(all)).toBe(true);
      const runId = all[all.length - 1].id;
      const states = d.prepare('SELECT state, COUNT(*) n FROM frontier WHERE run_id = ? GROUP BY state').all(runId) as { state: string; n: number }[];
      expect(states.filter((s) => s.state === 'queued' || s.state === 'active')).toEqual([]);
      const pages = d.prepare('SELECT url, error_code, error_message FROM pages WHERE run_id = ?').all(runId) as { url: string; error_code: string | null; error_message: string | null }[];
      const frontierPages = d.prepare("SELECT url FROM frontier WHERE run_id = ? AND kind = 'page'").all(runId) as { url: string }[];
      expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
      expect(pages.map((p) => p.url).sort()).toEqual(frontierPages.map((p) => p.url).sort());
      if (maxPages !== null) expect(pages).toHaveLength(maxPages);
      else expect(pages.filter((p) => !p.error_code)).toHaveLength(AUDITABLE.size);
      // every page of the site among them audited without error; the others (a broken link, /private/) are http errors
      const auditable = (url: string) => AUDITABLE.has(new URL(url).pathname);
      expect(pages.filter((p) => auditable(p.url) && p.error_code).map((p) => `${p.url} ${p.error_code} ${p.error_message}`)).toEqual([]);
      expect(pages.filter((p) => !auditable(p.url) && p.error_code !== 'http-error').map((p) => `${p.url} ${p.error_code}`)).toEqual([]);
      expect(pages.filter((p) => LOCK_WORDS.test(p.error_message ?? ''))).toEqual([]);
      const errors = d.prepare('SELECT url, code, message FROM errors WHERE run_id = ?').all(runId) as { message: string }[];
      expect(errors.filter((e) => LOCK_WORDS.test(e.message))).toEqual([]);
      expect(d.prepare('SELECT COUNT(*) n FROM run_leases').get()).toEqual({ n: 0 });
    },
  );
}

/** A crawl slow enough to act on while it runs: one page at a time, 400 ms apart. */
const slowCrawl = (out: string, extra: Record<string, unknown> = {}) => ({
  site: server.url,
  concurrency: 1,
  perHost: { concurrency: 1, delayMs: 400 },
  scope: { maxPages: MAX_PAGES },
  output: { dir: out },
  ...extra,
});

describe('case 3: a lock held by another process', () => {
  it('a 12 s write lock during `crawl` is waited out: exit 0/1, every page stored once, no lock error, run finished', async () => {
    const work = folder('lock12', { site: server.url, concurrency: 2, scope: { maxPages: MAX_PAGES }, output: { dir: 'out' } });
    const db = path.join(work, 'out/jis-a11y.sqlite');
    const crawl = cli(['crawl', '--config', 'crawl.json', '--no-progress'], { cwd: work });
    await waitFor(() => audited(db) >= 3, 'three audited pages', 120_000, crawl);
    const lock = await holdLock(db, 12_000);
    const code = await crawl.exit;
    const releasedAt = await lock.released;
    expect([0, 1], crawl.output()).toContain(code);
    expect(crawl.output()).toMatch(/検査 #1 が完了しました/); // exit 1 is also what a crash gave
    expect(crawl.exitedAt()!).toBeGreaterThan(releasedAt); // the crawl was still writing when the lock came
    expectCompleteRun(db);
  }, 240_000);

  it("a 12 s write lock during serve's scheduled crawl: /healthz keeps answering, the service lives, the run finishes", async () => {
    const work = folder('serve', { site: server.url, concurrency: 2, scope: { maxPages: MAX_PAGES }, output: { dir: 'crawl-out' } });
    writeFileSync(
      path.join(work, 'jis-a11y.service.json'),
      JSON.stringify({ host: '127.0.0.1', port: 0, tokens: [TOKEN], origins: [server.url.replace(/\/$/, '')], store: 'svc.sqlite', reportsDir: 'reports', schedules: [{ name: 'nightly', cron: '0 3 * * 1', config: 'crawl.json' }] }),
    );
    const db = path.join(work, 'svc.sqlite');
    const serve = cli(['serve', '--config', 'jis-a11y.service.json'], { cwd: work });
    try {
      await waitFor(() => /listening (\S+)/.test(serve.stdout()), 'the service to listen', 60_000, serve);
      const base = /listening (\S+)/.exec(serve.stdout())![1];
      const auth = { authorization: `Bearer ${TOKEN}` };
      expect((await fetch(`${base}/api/v1/schedules/nightly/run`, { method: 'POST', headers: auth })).status).toBe(202);
      await waitFor(() => audited(db) >= 3, 'three audited pages', 120_000, serve);

      const failures: string[] = [];
      let answered = 0;
      let polling = true;
      const poll = (async () => {
        while (polling) {
          const t = Date.now();
          try {
            const r = await fetch(`${base}/healthz`, { headers: auth, signal: AbortSignal.timeout(3000) });
            if (r.status !== 200) failures.push(`status ${r.status}`);
            else answered++;
          } catch (e) {
            failures.push(`${(e as Error).message} after ${Date.now() - t} ms`);
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      const lock = await holdLock(db, 12_000);
      await lock.released;
      const finished = () => peek(db, (d) => (d.prepare("SELECT COUNT(*) n FROM runs WHERE status = 'finished'").get() as { n: number }).n, 0) === 1;
      await waitFor(finished, 'the scheduled run to finish', 120_000, serve);
      polling = false;
      await poll;
      expect(failures, serve.output()).toEqual([]);
      expect(answered).toBeGreaterThan(20);
      expect(serve.exitedAt()).toBeNull();
      expectCompleteRun(db);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exit;
    }
  }, 300_000);

  for (const kind of ['uncaughtException', 'unhandledRejection'] as const) {
    it(`an ${kind} during a crawl: a Japanese message, exit 2 (never 1), the run interrupted and its lease released`, async () => {
      const fault = kind === 'uncaughtException' ? "throw new Error('テストで注入した例外')" : "Promise.reject(new Error('テストで注入した例外'))";
      // a config file in code is part of the crawl's process: it injects the error once two pages are stored
      const config = `
import { createRequire } from 'node:module';
const Database = createRequire(${JSON.stringify(path.join(root, 'package.json'))})('better-sqlite3');
const db = ${JSON.stringify(path.join(dir, kind, 'out/jis-a11y.sqlite'))};
const timer = setInterval(() => {
  let n = 0;
  try { const d = new Database(db, { readonly: true, fileMustExist: true }); n = d.prepare('SELECT COUNT(*) n FROM pages').get().n; d.close(); } catch {}
  if (n >= 2) { clearInterval(timer); ${fault}; }
}, 100);
export default ${JSON.stringify(slowCrawl('out'))};
`;
      const work = folder(kind, config, 'crawl.mjs');
      const db = path.join(work, 'out/jis-a11y.sqlite');
      const crawl = cli(['crawl', '--config', 'crawl.mjs', '--no-progress'], { cwd: work });
      const code = await crawl.exit;
      killOrphanBrowsers();
      expect(code, crawl.output()).toBe(2);
      expect(crawl.output()).toMatch(/予期しない問題が起きたため、処理を止めます（テストで注入した例外）/);
      expect(crawl.output()).toMatch(/検査 #1 を中断しました。「中断」として記録したので、jis-a11y crawl --resume 1 で続きから再開できます/);
      inspect(
        db,
        (d) => {
          expect(d.prepare('SELECT status FROM runs').all()).toEqual([{ status: 'interrupted' }]);
          expect(d.prepare('SELECT COUNT(*) n FROM run_leases').get()).toEqual({ n: 0 });
        },
      );
    }, 180_000);
  }
});

describe('case 8: two crawls on one output folder, transient store errors, a killed crawl', () => {
  it('a second crawl of the same site and a --resume of the live run are refused in Japanese (exit 2); SIGTERM interrupts the first (exit 2), --resume finishes it', async () => {
    // the whole site: the first crawl must still be running when the other two start
    const work = folder('twice', slowCrawl('out', { scope: {} }));
    const db = path.join(work, 'out/jis-a11y.sqlite');
    const first = cli(['crawl', '--config', 'crawl.json', '--no-progress'], { cwd: work });
    await waitFor(() => audited(db) >= 2, 'two audited pages', 120_000, first);

    // both at once, while the first runs
    const second = cli(['crawl', '--config', 'crawl.json', '--no-progress'], { cwd: work });
    const resume = cli(['crawl', '--config', 'crawl.json', '--resume', '--no-progress'], { cwd: work });
    expect(await second.exit, second.output()).toBe(2);
    expect(second.output()).toMatch(/ほかの jis-a11y が実行中です/);
    expect(second.output()).toContain(`PID ${first.child.pid}`);
    expect(await resume.exit, resume.output()).toBe(2);
    expect(resume.output()).toMatch(/ほかの jis-a11y が実行中です/);
    expect(resume.output()).toContain(`PID ${first.child.pid}`);
    expect(first.exitedAt()).toBeNull(); // the first goes on undisturbed
    expect(peek(db, (d) => d.prepare('SELECT COUNT(*) n FROM runs').get(), null)).toEqual({ n: 1 });

    first.child.kill('SIGTERM');
    expect(await first.exit, first.output()).toBe(2);
    expect(first.output()).toMatch(/中断しました/);
    inspect(
      db,
      (d) => {
        expect(d.prepare('SELECT status FROM runs').all()).toEqual([{ status: 'interrupted' }]);
        expect(d.prepare('SELECT COUNT(*) n FROM run_leases').get()).toEqual({ n: 0 });
      },
    );
    const again = cli(['crawl', '--config', 'crawl.json', '--resume', '--no-progress'], { cwd: work, env: {} });
    expect([0, 1], again.output()).toContain(await again.exit);
    expectCompleteRun(db, 1, null);
  }, 300_000);

  it('a save that hits a lock longer than the store waits goes back to the queue, not into the results as a failed page', async () => {
    const work = folder('requeue', { site: server.url, concurrency: 2, scope: { maxPages: MAX_PAGES }, output: { dir: 'out' } });
    const db = path.join(work, 'out/jis-a11y.sqlite');
    // the store gives up after 2 s (instead of 60 s) so that an 8 s lock makes saves fail with StoreBusyError
    const crawl = cli(['crawl', '--config', 'crawl.json', '--no-progress'], { cwd: work, env: { JIS_A11Y_STORE_BUSY_TIMEOUT: '2' } });
    await waitFor(() => audited(db) >= 3, 'three audited pages', 120_000, crawl);
    const lock = await holdLock(db, 8_000);
    const code = await crawl.exit;
    await lock.released;
    expect([0, 1], crawl.output()).toContain(code);
    expect(crawl.output()).toMatch(/検査結果のファイルが使用中のため/); // the page was put back and done again
    expectCompleteRun(db);
  }, 240_000);

  it('--resume does not keep a "database is locked" failure as a page result: the page is audited again', async () => {
    const work = folder('legacy', { site: server.url, concurrency: 2, scope: { maxPages: 6 }, output: { dir: 'out' } });
    const db = path.join(work, 'out/jis-a11y.sqlite');
    const crawl = cli(['crawl', '--config', 'crawl.json', '--no-progress'], { cwd: work });
    expect([0, 1], crawl.output()).toContain(await crawl.exit);
    // what 0.2.0 left after a transient lock: the page recorded as failed, the run stopped
    const victim = `${server.url}kurashi/`;
    {
      const d = new Database(db);
      const page = d.prepare('SELECT url FROM pages WHERE url = ? AND error_code IS NULL').get(victim);
      expect(page, 'the page to spoil').toBeTruthy();
      const message = `${victim} の処理中に予期しないエラーが起きました: database is locked`;
      d.prepare("UPDATE pages SET error_code = 'internal', error_message = ?, title = '' WHERE url = ?").run(message, victim);
      d.prepare("DELETE FROM findings WHERE page_id = (SELECT id FROM pages WHERE url = ?)").run(victim);
      d.prepare("UPDATE frontier SET state = 'failed' WHERE url = ?").run(victim);
      d.prepare("INSERT INTO errors (run_id, url, code, message, attempt, at) VALUES (1, ?, 'internal', ?, 1, '2026-01-01T00:00:00Z')").run(victim, message);
      d.prepare("UPDATE runs SET status = 'interrupted', finished_at = NULL").run();
      d.close();
    }
    const resume = cli(['crawl', '--config', 'crawl.json', '--resume', '--no-progress'], { cwd: work });
    expect([0, 1], resume.output()).toContain(await resume.exit);
    inspect(
      db,
      (d) => {
        expect(d.prepare('SELECT status FROM runs').all()).toEqual([{ status: 'finished' }]);
        expect(d.prepare('SELECT error_code, title FROM pages WHERE url = ?').get(victim)).toMatchObject({ error_code: null, title: expect.stringMatching(/くらし/) });
        expect(d.prepare("SELECT state FROM frontier WHERE url = ?").get(victim)).toEqual({ state: 'done' });
      },
    );
  }, 180_000);

  it('a crawl killed with SIGKILL leaves its lease; while live (another machine) --resume is refused; once expired --resume works', async () => {
    const work = folder('killed', slowCrawl('out'));
    const db = path.join(work, 'out/jis-a11y.sqlite');
    const env = { JIS_A11Y_LEASE_TTL: '4' };
    const first = cli(['crawl', '--config', 'crawl.json', '--no-progress'], { cwd: work, env });
    await waitFor(() => audited(db) >= 3, 'three audited pages', 120_000, first);
    first.child.kill('SIGKILL');
    await first.exit;
    killOrphanBrowsers();
    const lease = peek(db, (d) => d.prepare('SELECT run_id, host, pid FROM run_leases').all(), [] as unknown[]);
    expect(lease).toEqual([{ run_id: 1, host: os.hostname(), pid: first.child.pid }]);
    expect(peek(db, (d) => d.prepare('SELECT status FROM runs').all(), [])).toEqual([{ status: 'running' }]);

    // as if the killed crawl had run on another machine sharing the folder (its PID means nothing here), with
    // a lease still live for two minutes: only its expiry frees the run
    const setLease = (host: string, expiresAt: Date) => {
      const d = new Database(db);
      d.prepare('UPDATE run_leases SET host = ?, heartbeat_at = ?, expires_at = ?').run(host, new Date().toISOString(), expiresAt.toISOString());
      d.close();
    };
    setLease('crawler-2.example.lg.jp', new Date(Date.now() + 120_000));
    const refused = cli(['crawl', '--config', 'crawl.json', '--resume', '--no-progress'], { cwd: work, env });
    expect(await refused.exit, refused.output()).toBe(2);
    expect(refused.output()).toMatch(/ほかの jis-a11y が実行中です/);
    expect(refused.output()).toContain('crawler-2.example.lg.jp');
    expect(refused.output()).toMatch(/期限/);
    expect(peek(db, (d) => d.prepare('SELECT status FROM runs').all(), [])).toEqual([{ status: 'running' }]);

    // its last heartbeat now 3 s from expiry; the clock runs out, and the run is free again
    const expires = new Date(Date.now() + 3_000);
    setLease('crawler-2.example.lg.jp', expires);
    await new Promise((r) => setTimeout(r, Math.max(0, expires.getTime() - Date.now() + 300)));
    const resumed = cli(['crawl', '--config', 'crawl.json', '--resume', '--no-progress'], { cwd: work, env });
    expect([0, 1], resumed.output()).toContain(await resumed.exit);
    expect(resumed.output()).toMatch(/再開します/);
    expectCompleteRun(db);
  }, 300_000);
});

describe('case 14: a corrupt store', () => {
  const junk = randomBytes(16 * 1024);
  const cases: [string, (work: string) => string[], string][] = [
    ['crawl', () => ['crawl', 'http://127.0.0.1:9/', '--output', 'out', '--no-progress'], 'out/jis-a11y.sqlite'],
    ['report', () => ['report', '--store', 'store.sqlite'], 'store.sqlite'],
    ['judge', () => ['judge', '--store', 'store.sqlite', '--list'], 'store.sqlite'],
    ['check --html --store', () => ['check', '--html', 'page.html', '--base-url', 'https://www.pref.example.lg.jp/a.html', '--store', 'store.sqlite'], 'store.sqlite'],
  ];
  for (const [name, args, file] of cases) {
    it(`${name}: a Japanese message that names the file and what to do, exit 2, the file left as it was`, async () => {
      const work = path.join(dir, 'corrupt-' + name.replace(/\W+/g, '-'));
      mkdirSync(path.join(work, 'out'), { recursive: true });
      writeFileSync(path.join(work, file), junk);
      writeFileSync(path.join(work, 'page.html'), '<!DOCTYPE html><html lang="ja"><head><title>t</title></head><body><main><h1>t</h1></main></body></html>');
      const p = cli(args(work), { cwd: work });
      expect(await p.exit, p.output()).toBe(2);
      expect(p.output()).toMatch(/壊れているか、SQLite のファイルではありません/);
      expect(p.output()).toContain(path.join(work, file));
      expect(p.output()).toMatch(/バックアップ/);
      expect(p.output()).not.toMatch(/予期しない問題/);
      expect(readFileSync(path.join(work, file)).equals(junk)).toBe(true);
    }, 60_000);
  }
});
