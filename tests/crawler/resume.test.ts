// A crawl of 20 pages of the sample site, killed with SIGKILL (the CLI as a child process) and continued with
// --resume, ends with every page audited exactly once: pages finished before the kill are not requested again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SAMPLE_SITE_DIR, serveSampleSite } from '../../crawler/cli/sample-site.js';
import type { StaticServer } from '../../crawler/page/static-server.js';
import { collect, openStore } from '../../crawler/store/store.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/jis-a11y.js');

/** The crawl visits this many pages of the sample site (47): enough for pages on both sides of the kill. */
const MAX_PAGES = 20;
/** Pages done when the crawl is killed. */
const DONE_AT_KILL = 8;

let server: StaticServer;
let dir: string;
let tmp: string;
let phase: 'first' | 'resume' = 'first';
const gets = { first: new Map<string, number>(), resume: new Map<string, number>() };

beforeAll(async () => {
  server = await serveSampleSite({
    onRequest: (m, p) => {
      if (m !== 'GET') return;
      gets[phase].set(p, (gets[phase].get(p) ?? 0) + 1);
    },
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-crawl-resume-'));
  tmp = path.join(dir, 'tmp');
  mkdirSync(tmp);
});

/** Chromium processes started by the child (their profile lives under our TMPDIR): killed by pid. */
function killOrphanBrowsers(): void {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(tmp)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* gone already */
    }
  }
}

afterAll(async () => {
  killOrphanBrowsers();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function donePages(db: string): string[] {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT url FROM pages WHERE error_code IS NULL').all() as { url: string }[]).map((r) => r.url);
    } finally {
      d.close();
    }
  } catch {
    return [];
  }
}

describe('crawl --resume after SIGKILL', () => {
  it('continues without auditing done pages again', async () => {
    const db = path.join(dir, 'out', 'jis-a11y.sqlite');
    writeFileSync(
      path.join(dir, 'jis-a11y.config.json'),
      JSON.stringify({ site: server.url, concurrency: 1, scope: { maxPages: MAX_PAGES }, output: { dir: 'out' }, label: '再開テスト' }, null, 2),
    );
    // 1. start, wait until some pages are stored, then SIGKILL the process mid-run
    const child = cli(['crawl', '--config', 'jis-a11y.config.json', '--no-progress']);
    let log = '';
    child.stdout!.on('data', (b) => (log += b));
    child.stderr!.on('data', (b) => (log += b));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const t0 = Date.now();
    while (donePages(db).length < DONE_AT_KILL) {
      if (Date.now() - t0 > 120_000) throw new Error('crawl did not progress:\n' + log);
      if (child.exitCode !== null) throw new Error('crawl ended before it was killed:\n' + log);
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGKILL');
    await exited;
    killOrphanBrowsers();
    const before = new Set(donePages(db));
    expect(before.size).toBeGreaterThanOrEqual(DONE_AT_KILL);
    expect(before.size).toBeLessThan(MAX_PAGES);
    {
      const s = await openStore(db, { readonly: true });
      expect((await s.runs.latestRun())?.status).toBe('running'); // died without a word
      await s.close();
    }

    // 2. resume
    phase = 'resume';
    const again = cli(['crawl', '--config', 'jis-a11y.config.json', '--resume', '--no-progress']);
    let log2 = '';
    again.stdout!.on('data', (b) => (log2 += b));
    again.stderr!.on('data', (b) => (log2 += b));
    const code = await new Promise<number | null>((r) => again.on('exit', (c) => r(c)));
    expect(log2).toContain('再開');
    expect([0, 1], log2).toContain(code);

    // 3. every page audited exactly once, none of the done ones requested again
    const s = await openStore(db, { readonly: true });
    const runs = await s.runs.listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe('finished');
    const pages = await collect(s.results.iteratePages(runs[0].id));
    // all MAX_PAGES pages once; every page of the site among them audited (the others: a broken link, /private/)
    expect(pages).toHaveLength(MAX_PAGES);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    const auditable = new Set(Object.keys(JSON.parse(readFileSync(path.join(SAMPLE_SITE_DIR, 'expected.json'), 'utf8')).pages).filter((p) => p !== '/private/'));
    expect(pages.filter((p) => auditable.has(new URL(p.url).pathname) && p.error).map((p) => p.url)).toEqual([]);
    expect(pages.filter((p) => !auditable.has(new URL(p.url).pathname) && p.error?.code !== 'http-error').map((p) => p.url)).toEqual([]);
    for (const url of before) {
      expect(gets.resume.get(new URL(url).pathname) ?? 0, url).toBe(0);
    }
    // the site checks ran over the whole run (pages from both processes)
    expect((await collect(s.results.iterateFindings(runs[0].id, { source: 'site' }))).length).toBeGreaterThanOrEqual(4);
    await s.close();
  }, 300_000);
});
