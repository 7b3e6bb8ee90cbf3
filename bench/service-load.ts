// Load test of the pre-publish service (issue 21 "Done when"): starts the real `jis-a11y serve` as its own
// process on 127.0.0.1, then sends a typical CMS page — a ~40 KB Japanese prefectural news page whose CSS,
// web font and images come from the allowed origin (bench/site-generator.ts) — from 1, 4 and 8 concurrent
// clients, a bounded number of requests each (a few hundred in all). Prints, per level: p50/p95 latency of
// the 200s, throughput, the 429s and 5xx, and where the time went (queue wait vs the check itself, from the
// service's Server-Timing header). `--profile` adds an in-process split of one check (context, page,
// navigation, bundle + audit, discard) with the service's own Sandbox and fence.
//   npx tsx bench/service-load.ts [--levels 1,4,8] [--requests 20,100,120] [--pool 2] [--queue 8] [--seconds 300] [--profile 10]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { descendants, HZ, isBrowser, sampleTree } from './proc.js';
import { renderPage, startSite } from './site-generator.js';
import { profileChecks } from './service-profile.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const TOKEN = 'bench-token-0123456789abcdef';

export interface LevelResult {
  clients: number;
  requests: number;
  wallSeconds: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
  queueP50: number;
  checkP50: number;
  checkP95: number;
  rejected429: number;
  errors5xx: number;
  /** CPU seconds per answered check of the serve process tree: Chromium, and Node (the service itself). */
  browserCpuPerCheck: number;
  nodeCpuPerCheck: number;
}

/** A news page of the synthetic prefectural site plus the parts a real one has: a 新着情報 list, a longer article. */
export function newsPage(id: number): string {
  const base = renderPage(id, 500, 0, 1);
  const items = Array.from(
    { length: 40 },
    (_, i) =>
      `<li><span class="date">令和7年${1 + (i % 12)}月${1 + ((i * 7) % 28)}日</span><a href="/p/${(id + i) % 500}.html">${['防災', '子育て支援', '観光', '道路', '医療', '環境'][i % 6]}に関するお知らせ（第${i + 1}報）：${['受付を開始しました', '結果を公表しました', '説明会を開催します', '募集を締め切りました'][i % 4]}</a></li>`,
  ).join('\n');
  const prose = Array.from(
    { length: 24 },
    (_, i) =>
      `<p>県では、${['地震', '風水害', '土砂災害', '感染症'][i % 4]}への備えとして、市町村や関係機関と連携し、${['避難所の運営', '情報伝達', '物資の備蓄', '要配慮者の支援'][i % 4]}に関する取組を進めています。令和7年度は、${['訓練', '研修', '点検', '啓発'][i % 4]}を${2 + (i % 5)}回実施し、その結果を踏まえて計画を見直します。詳しくは担当課までお問い合わせください。</p>`,
  ).join('\n');
  const extra = `<section><h2>新着情報</h2><ul class="news">\n${items}\n</ul></section><section><h2>取組の詳細</h2>\n${prose}\n</section>`;
  return base.replace('<div class="contact">', `${extra}<div class="contact">`);
}

async function startServe(cfgFile: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/jis-a11y.js'), 'serve', '--config', cfgFile], {
    env: { ...process.env, JIS_A11Y_TOKENS: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      const m = /listening (\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`serve ended (${c})`)));
    setTimeout(() => reject(new Error('serve did not start in 60 s')), 60_000);
  });
  return { base, child };
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

interface One {
  status: number;
  ms: number;
  queueMs: number;
  checkMs: number;
  retryAfter: number;
}

function client(base: string, body: string): () => Promise<One> {
  return async () => {
    const t = performance.now();
    try {
      const res = await fetch(`${base}/api/v1/check`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
      const timing = res.headers.get('server-timing') ?? '';
      const dur = (name: string) => Number(new RegExp(`${name};dur=(\\d+)`).exec(timing)?.[1] ?? NaN);
      return { status: res.status, ms: performance.now() - t, queueMs: dur('queue'), checkMs: dur('check'), retryAfter: Number(res.headers.get('retry-after') ?? 1) };
    } catch {
      return { status: 0, ms: performance.now() - t, queueMs: NaN, checkMs: NaN, retryAfter: 1 };
    }
  };
}

/** CPU seconds the serve process tree used while `fn` ran (renderers that exit in between are sampled every 50 ms). */
async function cpuDuring<T>(pid: number, fn: () => Promise<T>): Promise<{ value: T; browser: number; node: number }> {
  let b0 = 0;
  let n0 = 0;
  for (const s of descendants(pid)) isBrowser(s.comm) ? (b0 += s.cpuTicks) : (n0 += s.cpuTicks);
  const sampler = sampleTree(pid, 50);
  const value = await fn();
  const u = sampler.stop();
  return { value, browser: u.browserCpuSec - b0 / HZ, node: u.otherCpuSec - n0 / HZ };
}

/** `clients` loops sending one request after another until `requests` were sent (or the time is up). */
async function runLevel(clients: number, requests: number, seconds: number, one: () => Promise<One>, pid: number): Promise<LevelResult> {
  const { value, browser, node } = await cpuDuring(pid, () => sendAll(clients, requests, seconds, one));
  return summarise(clients, value.results, value.wallSeconds, browser, node);
}

async function sendAll(clients: number, requests: number, seconds: number, one: () => Promise<One>): Promise<{ results: One[]; wallSeconds: number }> {
  const results: One[] = [];
  let issued = 0;
  const deadline = Date.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < requests && Date.now() < deadline) {
        issued++;
        const r = await one();
        results.push(r);
        // A polite client waits as asked (capped) before its next request.
        if (r.status === 429 || r.status === 503) await new Promise((res) => setTimeout(res, Math.min(r.retryAfter, 5) * 1000));
      }
    }),
  );
  return { results, wallSeconds: (performance.now() - t0) / 1000 };
}

function summarise(clients: number, results: One[], wallSeconds: number, browserCpu: number, nodeCpu: number): LevelResult {
  const ok = results.filter((r) => r.status === 200);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const ms = ok.map((r) => r.ms);
  return {
    clients,
    requests: results.length,
    wallSeconds,
    statuses,
    p50: pct(ms, 50),
    p95: pct(ms, 95),
    max: Math.max(...ms),
    perSecond: ok.length / wallSeconds,
    queueP50: pct(ok.map((r) => r.queueMs), 50),
    checkP50: pct(ok.map((r) => r.checkMs), 50),
    checkP95: pct(ok.map((r) => r.checkMs), 95),
    rejected429: statuses['429'] ?? 0,
    errors5xx: results.filter((r) => r.status >= 500 || r.status === 0).length,
    browserCpuPerCheck: browserCpu / Math.max(1, ok.length),
    nodeCpuPerCheck: nodeCpu / Math.max(1, ok.length),
  };
}

function printLevels(levels: LevelResult[], pageBytes: number, pool: number, queue: number): void {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
  console.log('');
  console.log(`jis-a11y service load — page ${(pageBytes / 1024).toFixed(1)} KB, pool ${pool}, queue ${queue}, cores ${os.availableParallelism?.() ?? os.cpus().length}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  console.log('| clients | requests | p50 ms | p95 ms | max ms | checks/s | queue p50 ms | check p50 / p95 ms | CPU s/check browser + Node | 429 | 5xx | statuses |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const l of levels)
    console.log(
      `| ${l.clients} | ${l.requests} | ${f(l.p50)} | ${f(l.p95)} | ${f(l.max)} | ${l.perSecond.toFixed(2)} | ${f(l.queueP50)} | ${f(l.checkP50)} / ${f(l.checkP95)} | ${l.browserCpuPerCheck.toFixed(2)} + ${l.nodeCpuPerCheck.toFixed(2)} | ${l.rejected429} | ${l.errors5xx} | ${Object.entries(l.statuses).map(([s, n]) => `${s}×${n}`).join(' ')} |`,
    );
}

export async function main(): Promise<LevelResult[]> {
  const levels = arg('levels', '1,4,8').split(',').map(Number);
  const counts = arg('requests', '20,100,120').split(',').map(Number);
  const pool = Number(arg('pool', '2'));
  const queue = Number(arg('queue', '8'));
  const seconds = Number(arg('seconds', '300'));
  const site = await startSite({ pages: 500 });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-service-bench-'));
  const cfgFile = path.join(tmp, 'jis-a11y.service.json');
  writeFileSync(cfgFile, JSON.stringify({ host: '127.0.0.1', port: 0, origins: [site.origin], store: 'bench.sqlite', reportsDir: 'reports', limits: { concurrency: pool, queueSize: queue } }));
  const html = newsPage(42);
  const body = JSON.stringify({ html, baseUrl: `${site.origin}/p/42.html` });
  const { base, child } = await startServe(cfgFile);
  const results: LevelResult[] = [];
  try {
    const one = client(base, body);
    const first = await one();
    console.log(`first request (browser launch included): ${first.status} in ${first.ms.toFixed(0)} ms`);
    await runLevel(pool, pool * 2, 60, one, child.pid!); // warm-up, not counted
    for (const [i, clients] of levels.entries()) {
      const r = await runLevel(clients, counts[i] ?? counts[counts.length - 1]!, seconds, one, child.pid!);
      console.log(`  ${clients} client(s): ${r.requests} requests, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms`);
      results.push(r);
    }
  } finally {
    child.kill('SIGTERM');
  }
  printLevels(results, Buffer.byteLength(html), pool, queue);
  const profile = Number(arg('profile', '0'));
  if (profile > 0) await profileChecks({ origin: site.origin, html, baseUrl: `${site.origin}/p/42.html`, checks: profile });
  await site.close();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
