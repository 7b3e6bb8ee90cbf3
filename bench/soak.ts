// Memory soak of a long crawl: a synthetic site of N pages (default 10,000) crawled by `jis-a11y crawl`,
// killed (SIGKILL of the whole process tree) part-way, then resumed with `--resume`. Checks:
//   - peak memory of the crawler and its Chromium processes (PSS sum over the tree) ≤ 2 GiB
//   - no upward trend after warm-up (least-squares slope of the per-minute PSS maxima, in MiB per 1,000 pages)
//   - nothing lost across the kill: every sitemap page is in the run exactly once, the frontier is empty
//
//   npx tsx bench/soak.ts [--pages 10000] [--kill-at 0.4] [--concurrency n] [--crawl-args "--no-interaction"]
import path from 'node:path';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { startSite } from './site-generator.js';
import { descendants, mib, sampleTree, type TreeUsage } from './proc.js';
import { spawn } from 'node:child_process';
import { ROOT, WORK } from './run.js';
import { pageTotals, pagesStored, runsAndLeftovers } from './store-read.js';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const N = Number(arg('pages', '10000'));
const killAt = Number(arg('kill-at', '0.4'));
const extra = [...(args.includes('--concurrency') ? ['--concurrency', arg('concurrency', '2')] : []), ...arg('crawl-args', '').split(' ').filter(Boolean)];
const LIMIT = 2 * 1024 * 1024 * 1024;

const out = path.join(WORK, arg('name', 'soak'));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const dbFile = path.join(out, 'jis-a11y.sqlite');
const site = await startSite({ pages: N });
console.log(`soak: ${N} pages at ${site.origin}, kill at ${(killAt * 100).toFixed(0)}%`);


interface Phase {
  usage: TreeUsage;
  wallMs: number;
  code: number | null;
  progress: { t: number; pages: number }[];
}

async function crawl(resume: boolean, killWhen?: number): Promise<Phase> {
  const a = ['bin/jis-a11y.js', 'crawl', `${site.origin}/p/0.html`, '--output', out, '--no-progress', '--max-pages', String(N + 100), ...extra];
  if (resume) a.push('--resume');
  const started = Date.now();
  const child = spawn(process.execPath, a, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const sampler = sampleTree(child.pid!, 1000);
  const progress: { t: number; pages: number }[] = [];
  let reading = false;
  const timer = setInterval(async () => {
    if (reading) return; // a slow read under the crawl's writes: skip this tick rather than pile up
    reading = true;
    const n = await pagesStored(dbFile).finally(() => (reading = false));
    progress.push({ t: Date.now() - started, pages: n });
    if (killWhen !== undefined && n >= killWhen) {
      clearInterval(timer);
      // kill the whole tree at once, as a power cut or OOM killer would
      for (const p of descendants(child.pid!).reverse()) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
  }, 2000);
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  clearInterval(timer);
  // orphaned Chromium processes of a killed crawl: wait for the sampler to see them go
  await new Promise((r) => setTimeout(r, 1500));
  const usage = sampler.stop();
  if (killWhen === undefined && code !== 0 && code !== 1) console.log(`crawl exited ${code}: ${stderr}`);
  return { usage, wallMs: Date.now() - started, code, progress };
}

/** MiB per 1,000 pages: slope of per-window PSS maxima against pages done, after warm-up. */
function trend(ph: Phase[]): { slope: number; windows: number } {
  const pts: { x: number; y: number }[] = [];
  for (const p of ph) {
    // pair each PSS sample with the pages done at that time (nearest progress sample before it)
    const windowMs = 60_000;
    const byWin = new Map<number, number>();
    for (const s of p.usage.samples) byWin.set(Math.floor(s.t / windowMs), Math.max(byWin.get(Math.floor(s.t / windowMs)) ?? 0, s.pss));
    for (const [w, pss] of byWin) {
      if (w < 2) continue; // the first two minutes after each (re)start: browser launch, caches filling
      const pr = p.progress.filter((q) => q.t <= (w + 1) * windowMs).pop();
      if (pr) pts.push({ x: pr.pages, y: pss / 1024 / 1024 });
    }
  }
  const warm = pts.filter((q) => q.x >= Math.min(1000, N * 0.2));
  if (warm.length < 3) return { slope: NaN, windows: warm.length };
  const mx = warm.reduce((s, q) => s + q.x, 0) / warm.length;
  const my = warm.reduce((s, q) => s + q.y, 0) / warm.length;
  const slope = warm.reduce((s, q) => s + (q.x - mx) * (q.y - my), 0) / warm.reduce((s, q) => s + (q.x - mx) ** 2, 0);
  return { slope: slope * 1000, windows: warm.length };
}

try {
  const first = await crawl(false, Math.floor(N * killAt));
  const atKill = await pagesStored(dbFile);
  console.log(`phase 1: killed at ${atKill} pages after ${(first.wallMs / 1000).toFixed(0)} s, peak PSS ${mib(first.usage.peakPssBytes)}`);
  const second = await crawl(true);
  console.log(`phase 2 (--resume): exit ${second.code}, ${(second.wallMs / 1000).toFixed(0)} s, peak PSS ${mib(second.usage.peakPssBytes)}`);
  const { runs, left } = await runsAndLeftovers(dbFile);
  const pages = await pageTotals(dbFile, (url) => url.includes('/p/'));
  const peak = Math.max(first.usage.peakPssBytes, second.usage.peakPssBytes);
  const peakRss = Math.max(first.usage.peakRssBytes, second.usage.peakRssBytes);
  const t = trend([first, second]);
  writeFileSync(path.join(out, 'soak-samples.json'), JSON.stringify({ first: { samples: first.usage.samples, progress: first.progress }, second: { samples: second.usage.samples, progress: second.progress } }));
  console.log('\nsoak results');
  console.log(`  runs: ${JSON.stringify(runs)}  (one run, resumed)`);
  console.log(`  pages stored ${pages.pages}, distinct ${pages.distinctUrls}, of ${N} (errors ${pages.errors}); frontier left ${left}  → ${pages.distinctUrls === N && pages.pages === N && left === 0 ? 'nothing lost' : 'LOST OR DUPLICATED PAGES'}`);
  console.log(`  peak memory PSS ${mib(peak)} (RSS sum ${mib(peakRss)}) → ${peak <= LIMIT ? '≤ 2 GiB' : '> 2 GiB'}`);
  console.log(`  memory trend after warm-up: ${t.slope.toFixed(1)} MiB per 1,000 pages over ${t.windows} one-minute windows`);
  console.log(`  throughput: ${(N / ((first.wallMs + second.wallMs) / 1000)).toFixed(2)} pages/s over both phases`);
} finally {
  await site.close();
}
