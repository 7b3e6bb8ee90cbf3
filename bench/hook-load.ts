// Load test of POST /api/v1/check: spawns `jis-a11y serve` as a second process on loopback, loads it with
// fetch from this process (a fixed number of concurrent clients, bounded by request count and time),
// and prints latency p50/p95 and throughput.
//   npx tsx bench/hook-load.ts [--requests 40] [--clients 4] [--pool 2] [--queue 0] [--seconds 180] [--page 03-procedure-clean.html]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../crawler/page/static-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const REQUESTS = Number(arg('requests', '40'));
const CLIENTS = Number(arg('clients', '4'));
const POOL = Number(arg('pool', '2'));
const SECONDS = Number(arg('seconds', '180'));
const QUEUE = Number(arg('queue', '0')); // 0: as many as clients (no 429); smaller to see saturation answered 429
const PAGE = arg('page', '03-procedure-clean.html');
const TOKEN = 'bench-token-0123456789abcdef';

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function main() {
  const site = await serveStatic(path.join(root, 'tests/fixtures/pages'));
  const origin = new URL(site.url).origin;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-bench-'));
  const cfgFile = path.join(tmp, 'jis-a11y.service.json');
  writeFileSync(
    cfgFile,
    JSON.stringify({ host: '127.0.0.1', port: 0, origins: [origin], store: 'bench.sqlite', reportsDir: 'reports', limits: { concurrency: POOL, queueSize: QUEUE || Math.max(CLIENTS, 8), requestTimeoutMs: 60_000 } }),
  );
  const server = spawn(process.execPath, [path.join(root, 'bin/jis-a11y.js'), 'serve', '--config', cfgFile], {
    env: { ...process.env, JIS_A11Y_TOKENS: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let buf = '';
    server.stdout.on('data', (d) => {
      buf += d;
      const m = /listening (\S+)/.exec(buf);
      if (m) resolve(m[1]);
    });
    server.once('exit', (c) => reject(new Error(`server exited (${c})`)));
    setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
  });

  const html = readFileSync(path.join(root, 'tests/fixtures/pages', PAGE), 'utf8');
  const body = JSON.stringify({ html, baseUrl: `${origin}/bench/${PAGE}` });
  const one = async () => {
    const t = performance.now();
    const res = await fetch(`${base}/api/v1/check`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { verdict?: string };
    return { status: res.status, ms: performance.now() - t, verdict: json.verdict };
  };

  // Warm-up: browser launch and the first bundle compile are not what a CMS waits for at steady state.
  const w0 = performance.now();
  const first = await one();
  console.log(`first request (browser launch included): ${first.status} ${first.verdict} ${first.ms.toFixed(0)} ms`);
  await Promise.all(Array.from({ length: POOL }, one));
  console.log(`warm-up done in ${((performance.now() - w0) / 1000).toFixed(1)} s`);

  const latencies: number[] = [];
  const rejectedMs: number[] = [];
  const statuses = new Map<number, number>();
  let issued = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (issued < REQUESTS && Date.now() < deadline) {
        issued++;
        const r = await one().catch(() => ({ status: 0, ms: 0, verdict: undefined }));
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 200) latencies.push(r.ms);
        else if (r.status === 429 && rejectedMs.push(r.ms)) await new Promise((res) => setTimeout(res, 250)); // a polite client backs off
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  server.kill('SIGTERM');
  await site.close();

  const ok = latencies.length;
  console.log('');
  console.log(`jis-a11y hook bench — page ${PAGE} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB), ${CLIENTS} concurrent clients, pool ${POOL}, queue ${QUEUE || Math.max(CLIENTS, 8)}, cores ${os.availableParallelism?.() ?? os.cpus().length}`);
  console.log(`load average during the run (1/5/15 min): ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  console.log(`requests: ${issued} in ${wall.toFixed(1)} s; statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
  console.log(`latency (200 only): p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, min ${Math.min(...latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
  const rejected = statuses.get(429) ?? 0;
  if (rejected) console.log(`429 answers: ${rejected} (median ${pct(rejectedMs, 50).toFixed(0)} ms)`);
  console.log(`throughput: ${(ok / wall).toFixed(2)} checks/s (${((ok / wall) * 60).toFixed(0)} per minute)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
