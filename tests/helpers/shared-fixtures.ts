// Fixtures that several test files used to build for themselves, each at a minute of real Chromium: the demo's
// output folder (`jis-a11y demo --concurrency 1`, the CLI as a child process) and a default crawl of the sample
// site (`runCrawl({ site, concurrency: 2 })`). Built once per `vitest run` by the first file that asks, in that
// file's own process, into the folder tests/global-setup.ts made for the run; the other files wait for it and
// take a copy, so no file sees another's writes. The folder is new for every run and removed after it, so a
// fixture never outlives the code that built it. Outside a vitest run (or without the global setup) each
// process builds its own, as before.
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { serveSampleSite } from '../../crawler/cli/sample-site.js';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder shared by every file of this run for fixtures built once (tests/global-setup.ts). */
    sharedFixtureDir: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
/** How long a file waits for another file's build: a crawl of the sample site on a loaded 2-core machine. */
const WAIT_MS = 10 * 60_000;

/** The default crawl of the sample site, as a copy the caller owns. */
export interface SampleCrawl {
  /** The caller's own copy of the store (removed with the run's folder). */
  dbFile: string;
  runId: number;
  /** The URL the sample site was served at during the crawl (the server is closed now). */
  siteUrl: string;
}

function sharedDir(): string {
  let dir: string | undefined;
  try {
    dir = inject('sharedFixtureDir');
  } catch {
    /* not inside a vitest worker */
  }
  return dir ?? (mine ??= mkdtempSync(path.join(os.tmpdir(), 'jis-fixtures-')));
}
let mine: string | undefined;

const built = new Map<string, Promise<unknown>>();

/**
 * Builds `name` once per run: the process that makes the lock folder first runs `build(dir)` and writes
 * `<name>.json` (its result, or its error); the others wait for that file.
 */
export function once<T>(name: string, build: (dir: string) => Promise<T>): Promise<T> {
  const existing = built.get(name) as Promise<T> | undefined;
  if (existing) return existing;
  const p = (async () => {
    const root = sharedDir();
    const dir = path.join(root, name);
    const status = path.join(root, `${name}.json`);
    let owner = false;
    try {
      mkdirSync(dir);
      owner = true;
    } catch {
      /* another file builds it */
    }
    if (owner) {
      try {
        const value = await build(dir);
        writeFileSync(status, JSON.stringify({ ok: true, value }));
        return value;
      } catch (e) {
        writeFileSync(status, JSON.stringify({ ok: false, error: String((e as Error).stack ?? e) }));
        throw e;
      }
    }
    const t0 = Date.now();
    while (!existsSync(status)) {
      if (Date.now() - t0 > WAIT_MS) throw new Error(`the shared fixture ${name} was not built within ${WAIT_MS / 1000} s (${root})`);
      await new Promise((r) => setTimeout(r, 300));
    }
    const s = JSON.parse(readFileSync(status, 'utf8')) as { ok: boolean; value?: T; error?: string };
    if (!s.ok) throw new Error(`building the shared fixture ${name} failed in another test file:\n${s.error}`);
    return s.value as T;
  })();
  built.set(name, p);
  return p;
}

/** `jis-a11y demo -o <dir> --no-progress --concurrency 1` (one tab: which page of a make-up gets the keyboard phase is then fixed). */
function demoFolder(): Promise<string> {
  return once('demo', async (dir) => {
    await run('node', [path.join(ROOT, 'bin/jis-a11y.js'), 'demo', '-o', dir, '--no-progress', '--concurrency', '1'], { maxBuffer: 1 << 30 });
    if (!existsSync(path.join(dir, 'demo.sqlite'))) throw new Error('demo did not write its store');
    return dir;
  });
}

/** The demo's output folder, read only: compare, never write (the golden test). */
export const sharedDemoFolder = demoFolder;

/** A copy of the demo's output folder (reports and demo.sqlite) that the caller may write to (removed with the run's folder). */
export async function demoFolderCopy(): Promise<string> {
  const src = await demoFolder();
  const dst = path.join(mkdtempSync(path.join(sharedDir(), 'copy-')), 'demo');
  cpSync(src, dst, { recursive: true });
  return dst;
}

/** The default crawl of the sample site (every page, keyboard phase on, two tabs); a copy of its store. */
export async function sampleCrawl(): Promise<SampleCrawl> {
  const shared = await once('sample-crawl', async (dir) => {
    const site = await serveSampleSite();
    try {
      const crawl = await runCrawl(mergeConfig({ site: site.url, concurrency: 2, output: { dir } }));
      return { dbFile: crawl.dbFile, runId: crawl.runId, siteUrl: site.url };
    } finally {
      await site.close();
    }
  });
  const own = path.join(mkdtempSync(path.join(sharedDir(), 'copy-')), path.basename(shared.dbFile));
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(shared.dbFile + suffix)) copyFileSync(shared.dbFile + suffix, own + suffix);
  return { ...shared, dbFile: own };
}
