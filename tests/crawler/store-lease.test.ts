// Leases on runs: the store's rules (crawler/store/sqlite/leases.ts: granted, refused, expired, forced, one
// live crawl per site and store, reaped), the crawl's side (crawler/crawl/run-lease.ts: who is gone, the
// heartbeat; crawler/crawl/run-setup.ts openRun: a dead holder on this machine is cleared at once, a live one
// refuses in Japanese, --force takes over), and the results a 0.2.0 lock left behind, requeued on resume.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { holderIsGone, LeaseKeeper, leaseOwner, leaseTtlMs, RunLeaseError, type LeaseLostError } from '../../crawler/crawl/run-lease.js';
import { openRun } from '../../crawler/crawl/run-setup.js';
import { collect, openStore, type Lease, type LeaseHolder, type Store } from '../../crawler/store/store.js';

let dir: string;
let file: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-store-lease-'));
  file = path.join(dir, 'jis-a11y.sqlite');
  store = await openStore(file);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const holder = (name: string, over: Partial<LeaseHolder> = {}): LeaseHolder => ({ token: `token-${name}`, host: `${name}.example.lg.jp`, pid: 4242, pidSpace: null, ...over });
const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 3, 0, s));
const SITE = ['https://www.pref.example.lg.jp/'];

describe('the store: leases', () => {
  it('granted when free, refused to another holder while live, renewed by its holder, free after expiry or release', async () => {
    const run = await store.runs.createRun({ startUrls: SITE, config: {} });
    const a = holder('a');
    const b = holder('b');
    const got = await store.leases.acquire(run, a, { ttlMs: 10_000, now: at(0) });
    expect(got).toMatchObject({ ok: true, replaced: null, lease: { runId: run, token: a.token, host: a.host, acquiredAt: at(0).toISOString(), expiresAt: at(10).toISOString() } });
    expect(await store.leases.acquire(run, b, { ttlMs: 10_000, now: at(5) })).toMatchObject({ ok: false, holder: { token: a.token } });
    expect(await store.leases.renew(run, a.token, { ttlMs: 10_000, now: at(8) })).toMatchObject({ heartbeatAt: at(8).toISOString(), expiresAt: at(18).toISOString() });
    expect(await store.leases.acquire(run, b, { ttlMs: 10_000, now: at(17) })).toMatchObject({ ok: false });
    // a's heartbeat stopped: expired at 18
    const taken = await store.leases.acquire(run, b, { ttlMs: 10_000, now: at(18) });
    expect(taken).toMatchObject({ ok: true, replaced: { token: a.token }, lease: { token: b.token } });
    expect(await store.leases.renew(run, a.token, { ttlMs: 10_000, now: at(19) })).toBeNull(); // a learns it lost the run
    expect(await store.leases.release(run, a.token)).toBe(false);
    expect(await store.leases.release(run, b.token)).toBe(true);
    expect(await store.leases.leaseOf(run)).toBeNull();
    expect(await store.leases.acquire(run, a, { ttlMs: 10_000, now: at(20) })).toMatchObject({ ok: true, replaced: null });
  });

  it('force takes a live lease; the holder keeps its acquiredAt when it asks again', async () => {
    const run = await store.runs.createRun({ startUrls: SITE, config: {} });
    await store.leases.acquire(run, holder('a'), { ttlMs: 60_000, now: at(0) });
    expect(await store.leases.acquire(run, holder('a'), { ttlMs: 60_000, now: at(30) })).toMatchObject({ ok: true, replaced: null, lease: { acquiredAt: at(0).toISOString(), heartbeatAt: at(30).toISOString() } });
    expect(await store.leases.acquire(run, holder('b'), { ttlMs: 60_000, now: at(31), force: true })).toMatchObject({ ok: true, replaced: { token: 'token-a' } });
  });

  it('a new run is refused while a live crawl of the same start URLs holds one; other sites, expired leases and force are let through', async () => {
    const first = await store.leases.createLeasedRun({ startUrls: SITE, config: {} }, holder('a'), { ttlMs: 10_000, now: at(0) });
    expect(first).toMatchObject({ ok: true, runId: 1, lease: { runId: 1 } });
    expect((await store.runs.getRun(1))?.status).toBe('running');
    // the same site, spelt differently
    const again = await store.leases.createLeasedRun({ startUrls: ['HTTPS://WWW.PREF.EXAMPLE.LG.JP:443'], config: {} }, holder('b'), { ttlMs: 10_000, now: at(5) });
    expect(again).toMatchObject({ ok: false, holder: { runId: 1, token: 'token-a' } });
    expect(await store.runs.listRuns()).toHaveLength(1); // nothing written
    expect(await store.leases.createLeasedRun({ startUrls: ['https://www.city.example.lg.jp/'], config: {} }, holder('c'), { ttlMs: 10_000, now: at(5) })).toMatchObject({ ok: true, runId: 2 });
    expect(await store.leases.createLeasedRun({ startUrls: SITE, config: {} }, holder('d'), { ttlMs: 10_000, now: at(5), force: true })).toMatchObject({ ok: true, runId: 3 });
    await store.leases.release(3, 'token-d');
    expect(await store.leases.createLeasedRun({ startUrls: SITE, config: {} }, holder('e'), { ttlMs: 10_000, now: at(11) })).toMatchObject({ ok: true, runId: 4 });
    // a finished run with a stale lease row does not count
    await store.runs.updateRun(4, { status: 'finished' });
    expect(await store.leases.createLeasedRun({ startUrls: SITE, config: {} }, holder('f'), { ttlMs: 10_000, now: at(12) })).toMatchObject({ ok: true, runId: 5 });
  });

  it('reap: only while the same holder still has it; its running run is left interrupted', async () => {
    const r = await store.leases.createLeasedRun({ startUrls: SITE, config: {} }, holder('a'), { ttlMs: 10_000, now: at(0) });
    if (!r.ok) throw new Error('not granted');
    expect(await store.leases.reap(r.runId, 'token-other')).toBe(false);
    expect((await store.runs.getRun(r.runId))?.status).toBe('running');
    expect(await store.leases.reap(r.runId, 'token-a')).toBe(true);
    expect((await store.runs.getRun(r.runId))?.status).toBe('interrupted');
    expect(await store.leases.listLeases()).toEqual([]);
  });

  it('discardLockFailures: pages whose only result was "database is locked" go back to the queue; real failures stay', async () => {
    const run = await store.runs.createRun({ startUrls: SITE, config: {} });
    const urls = ['a', 'b', 'c'].map((x) => `https://e.jp/${x}`);
    await store.frontier.enqueue(run, urls.map((url) => ({ url, depth: 1, kind: 'page' as const })));
    await store.frontier.takeQueued(run, 3);
    const now = '2026-01-01T00:00:00Z';
    await store.results.savePage(run, { url: urls[0], depth: 1, auditedAt: now, error: { code: 'internal', message: `${urls[0]} の処理中に予期しないエラーが起きました: database is locked` } });
    await store.results.savePage(run, { url: urls[1], depth: 1, auditedAt: now, error: { code: 'timeout', message: '時間切れ' } });
    await store.results.savePage(run, { url: urls[2], depth: 1, auditedAt: now, title: 'C' });
    expect(await store.results.discardLockFailures(run)).toEqual([urls[0]]);
    expect((await collect(store.results.iteratePages(run))).map((p) => p.url)).toEqual([urls[1], urls[2]]);
    expect(await store.frontier.frontierCounts(run)).toEqual({ queued: 1, active: 0, done: 1, failed: 1 });
    expect(await store.results.discardLockFailures(run)).toEqual([]);
  });
});

describe('the crawl: who is gone, the heartbeat', () => {
  it('a holder is gone only when it ran here (same host, boot, PID namespace) and its process no longer exists', async () => {
    const me = leaseOwner();
    expect(me.host).toBe(os.hostname());
    expect(me.pidSpace).toMatch(/^[0-9a-f-]{36} pid:\[\d+\]$/);
    const lease = (over: Partial<Lease>): Lease => ({ ...me, runId: 1, acquiredAt: '', heartbeatAt: '', expiresAt: '', ...over });
    const dead = await exitedPid();
    expect(holderIsGone(lease({ pid: dead }))).toBe(true);
    expect(holderIsGone(lease({ pid: process.pid }))).toBe(false); // this process: alive
    expect(holderIsGone(lease({ pid: dead, host: 'crawler-2.example.lg.jp' }))).toBe(false); // another machine: only expiry tells
    expect(holderIsGone(lease({ pid: dead, pidSpace: 'another-boot pid:[4026531836]' }))).toBe(false); // same host name, another machine or container
    expect(holderIsGone(lease({ pid: dead, pidSpace: null }))).toBe(false);
    expect(leaseTtlMs({})).toBe(60_000);
    expect(leaseTtlMs({ JIS_A11Y_LEASE_TTL: '4' })).toBe(4_000);
  });

  it('the heartbeat renews the lease, and reports a takeover as a lost lease', async () => {
    const r = await store.leases.createLeasedRun({ startUrls: SITE, config: {} }, holder('a'), { ttlMs: 600 });
    if (!r.ok) throw new Error('not granted');
    const lost: LeaseLostError[] = [];
    const keeper = new LeaseKeeper(store, r.lease, 600, { log: () => {}, onLost: (e) => lost.push(e) });
    keeper.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const renewed = await store.leases.leaseOf(r.runId);
      expect(renewed!.expiresAt > r.lease.expiresAt).toBe(true);
      expect(await store.leases.acquire(r.runId, holder('b'), { ttlMs: 600 })).toMatchObject({ ok: false }); // still live
      await store.leases.acquire(r.runId, holder('b'), { ttlMs: 60_000, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(lost).toHaveLength(1);
      expect(lost[0].message).toMatch(/ほかの jis-a11y（b\.example\.lg\.jp、PID 4242）に引き継がれました/);
      expect(keeper.lost).toBe(true);
    } finally {
      await keeper.release();
    }
    expect((await store.leases.leaseOf(r.runId))?.token).toBe('token-b'); // a lost lease is not released by its old holder
  });
});

describe('openRun: the lease when a crawl starts or resumes', () => {
  const config = () => mergeConfig({ startUrls: SITE, output: { dir, db: file } });
  let child: ChildProcess | null = null;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = null;
  });

  it('a run left by a process that died on this machine is recorded interrupted and resumed at once', async () => {
    const logs: string[] = [];
    const dead = { ...leaseOwner(), pid: await exitedPid() };
    const r = await store.leases.createLeasedRun({ startUrls: SITE, config: config() }, dead, { ttlMs: 600_000 });
    if (!r.ok) throw new Error('not granted');
    const opened = await openRun(config(), { resume: true }, (l) => logs.push(l));
    try {
      expect(opened).toMatchObject({ runId: r.runId, resumed: true, lease: { pid: process.pid } });
      expect(logs.join('\n')).toMatch(new RegExp(`PID ${dead.pid}）は終了しているため、その検査を「中断」として記録しました`));
    } finally {
      await opened.store.close();
    }
  });

  it('a live holder on this machine refuses --resume and a new crawl of the same site in Japanese; --force takes over', async () => {
    child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const alive = { ...leaseOwner(), pid: child.pid! };
    const r = await store.leases.createLeasedRun({ startUrls: SITE, config: config() }, alive, { ttlMs: 600_000 });
    if (!r.ok) throw new Error('not granted');
    for (const resume of [true, r.runId, undefined] as const) {
      const err = await openRun(config(), { resume }, () => {}).then(
        async (o) => {
          await o.store.close();
          return null;
        },
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RunLeaseError);
      expect((err as Error).message).toMatch(/ほかの jis-a11y が実行中です/);
      expect((err as Error).message).toContain(`PID ${child.pid}`);
      expect((err as Error).message).toContain(`ホスト ${os.hostname()}`);
      expect((err as Error).message).toMatch(/--force/);
    }
    const logs: string[] = [];
    const forced = await openRun(config(), { resume: r.runId, force: true }, (l) => logs.push(l));
    try {
      expect(forced.lease.pid).toBe(process.pid);
      expect(logs.join('\n')).toMatch(/--force の指定により、検査 #1 をほかのプロセス/);
    } finally {
      await forced.store.close();
    }
    expect(await store.runs.listRuns()).toHaveLength(1);
  });
});

/** The PID of a process that has ended (and been reaped). */
function exitedPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return new Promise((resolve) => p.on('exit', () => resolve(p.pid!)));
}
