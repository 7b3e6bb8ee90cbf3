// The store under another process's lock, and a damaged store file: real SQLite files, the lock held by a
// separate process (tests/helpers/hold-store-lock.mjs). A lock shorter than the bound is waited out without
// freezing the event loop (the service must keep answering meanwhile); a longer one gives StoreBusyError in
// Japanese with nothing half-written; a file that is not SQLite, or is damaged, gives StoreCorruptError.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, isTransientStoreError, openStore, StoreBusyError, StoreCorruptError } from '../../crawler/store/store.js';

const locker = path.resolve(import.meta.dirname, '../helpers/hold-store-lock.mjs');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-store-busy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Another process holds the file's write lock for `ms`; resolves once it holds it, with a promise of its release. */
async function holdLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const p = spawn(process.execPath, [locker, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  p.stdout.on('data', (b) => (out += b));
  const exited = new Promise<void>((resolve, reject) => p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`)))));
  while (!out.includes('locked')) {
    if (p.exitCode !== null) throw new Error('the lock holder ended early');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { released: exited }; // (a bare promise would be awaited by the caller's await)
}

/** The longest stretch the event loop did not turn while `work` ran (a 10 ms ticker). */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = Date.now();
  let stallMs = 0;
  const t = setInterval(() => {
    const now = Date.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    return { value: await work(), stallMs };
  } finally {
    clearInterval(t);
  }
}

describe('a lock held by another process', () => {
  it('is waited out by every kind of write, without freezing the event loop', async () => {
    const file = path.join(dir, 'wait.sqlite');
    const store = await openStore(file);
    try {
      const run = await store.runs.createRun({ startUrls: ['https://www.pref.example.lg.jp/'], config: {} });
      await store.frontier.enqueue(run, [{ url: 'https://www.pref.example.lg.jp/', depth: 0, kind: 'page' }]);
      const { released } = await holdLock(file, 3_000);
      const t0 = Date.now();
      const { stallMs } = await longestStall(async () => {
        const [item] = await store.frontier.takeQueued(run, 1);
        await store.results.savePage(run, { url: item.url, depth: 0, auditedAt: new Date().toISOString(), title: 'トップページ' });
        await store.results.addError(run, { url: item.url, code: 'timeout', message: '時間切れ' });
        await store.runs.updateRun(run, { status: 'finished', finishedAt: new Date().toISOString() });
      });
      await released;
      expect(Date.now() - t0).toBeGreaterThan(2_000); // it did wait for the lock
      expect(stallMs).toBeLessThan(1_000); // SQLite's own synchronous wait is short; the rest is asynchronous
      expect((await store.runs.getRun(run))?.status).toBe('finished');
      expect((await collect(store.results.iteratePages(run))).map((p) => p.title)).toEqual(['トップページ']);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('longer than the bound: StoreBusyError in Japanese, transient, naming the file; nothing half-written', async () => {
    const file = path.join(dir, 'bound.sqlite');
    const store = await openStore(file, { busyTimeoutMs: 800 });
    try {
      const { released } = await holdLock(file, 3_000);
      const err = await store.runs.createRun({ startUrls: ['https://e.jp/'], config: {} }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StoreBusyError);
      expect(isTransientStoreError(err)).toBe(true);
      expect((err as StoreBusyError).sqliteCode).toMatch(/^SQLITE_BUSY/);
      expect((err as Error).message).toContain(file);
      expect((err as Error).message).toMatch(/ほかのプログラムが書き込み中のため、\d+ 秒待っても使えませんでした/);
      await released;
      expect(await store.runs.listRuns()).toEqual([]);
      expect(await store.runs.createRun({ startUrls: ['https://e.jp/'], config: {} })).toBe(1);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('the bound comes from JIS_A11Y_STORE_BUSY_TIMEOUT (seconds) when no option is given', async () => {
    const { defaultBusyTimeoutMs } = await import('../../crawler/store/sqlite/busy.js');
    expect(defaultBusyTimeoutMs({})).toBe(60_000);
    expect(defaultBusyTimeoutMs({ JIS_A11Y_STORE_BUSY_TIMEOUT: '2' })).toBe(2_000);
    expect(defaultBusyTimeoutMs({ JIS_A11Y_STORE_BUSY_TIMEOUT: 'x' })).toBe(60_000);
  });
});

describe('a damaged store file', () => {
  it('random bytes: StoreCorruptError (Japanese, names the file, says what to do), writable or readonly, the file untouched', async () => {
    const file = path.join(dir, 'junk.sqlite');
    const junk = randomBytes(8192);
    writeFileSync(file, junk);
    for (const readonly of [false, true]) {
      const err = await openStore(file, { readonly }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StoreCorruptError);
      expect((err as StoreCorruptError).sqliteCode).toBe('SQLITE_NOTADB');
      expect(isTransientStoreError(err)).toBe(false);
      expect((err as Error).message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} は壊れているか、SQLite のファイルではありません`));
      expect((err as Error).message).toMatch(/バックアップから戻すか、新しい出力フォルダー/);
    }
    expect(readFileSync(file).equals(junk)).toBe(true);
  });

  it('a file damaged in the middle: opens, and a read of the damaged part gives StoreCorruptError', async () => {
    const file = path.join(dir, 'damaged.sqlite');
    const store = await openStore(file);
    const run = await store.runs.createRun({ startUrls: ['https://e.jp/'], config: {} });
    for (let i = 0; i < 300; i++) await store.results.savePage(run, { url: `https://e.jp/p${i}`, depth: 1, auditedAt: '2026-01-01T00:00:00Z', title: `ページ ${i} `.repeat(20) });
    await store.close(); // the last connection folds the WAL into the file
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(64 * 1024);
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(size - 16 * 1024), 0, size - 16 * 1024, 16 * 1024); // page 5 onwards
    closeSync(fd);
    const err = await (async () => {
      const s = await openStore(file);
      try {
        await collect(s.results.iteratePages(run));
        await s.runs.runSummary(run);
        return null;
      } catch (e) {
        return e;
      } finally {
        await s.close();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreCorruptError);
    expect((err as StoreCorruptError).sqliteCode).toMatch(/^SQLITE_(CORRUPT|NOTADB)/);
  });
});
