// `npm run bench`: jis-a11y crawl vs the naive @axe-core/puppeteer loop (and a bare axe.run loop) vs pa11y-ci (axe runner), in one
// run on the same synthetic site and machine. Prints pages/s, the ratios, the browser-bound limit, peak RSS
// and how many findings each tool reported on the same pages.
//
//   npx tsx bench/run.ts [--pages 60] [--pa11y-concurrency 1,2,4] [--no-pa11y] [--variants] [--crawl-args "…"]
//
// Every tool runs as a child process; its whole process tree (Node + Chromium) is sampled from /proc.
// Benchmarks are not tests: the smoke test (tests/bench/smoke.test.ts) only checks that this harness runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite, type Site } from './site-generator.js';
import { cores, loadAvg, mib, sampleTree, type TreeUsage } from './proc.js';
import { CHROME_ARGS, findChrome } from '../crawler/page/browser.js';
import { findingTotals, runWallMs } from './store-read.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WORK = path.join(ROOT, 'bench', '.work', 'perf');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const PA11Y_DIR = path.join(ROOT, 'bench', 'pa11y');
const PA11Y_BIN = path.join(PA11Y_DIR, 'node_modules', 'pa11y-ci', 'bin', 'pa11y-ci.js');

export interface ToolRun {
  name: string;
  pages: number;
  wallMs: number;
  pagesPerSecond: number;
  /** Time inside the tool's own run (browser launch to last page), without process start-up, when known. */
  innerMs?: number;
  usage: TreeUsage;
  /** Pages on which the tool reported a missing-alt image (the site has one on every fifth page). */
  imageAltPages: number;
  violations: number;
  errors: number;
  load: string;
  note?: string;
}

/** Runs a command as a child process and samples its process tree until it exits. */
export async function measured(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; stdoutFile?: string; timeoutMs?: number } = {}): Promise<{ code: number | null; wallMs: number; usage: TreeUsage; stdout: string; stderr: string }> {
  const started = Date.now();
  const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleTree(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  clearTimeout(timer);
  const usage = sampler.stop();
  if (opts.stdoutFile) writeFileSync(opts.stdoutFile, stdout);
  return { code, wallMs: Date.now() - started, usage, stdout, stderr };
}

function toolRun(name: string, pages: number, wallMs: number, usage: TreeUsage, f: { imageAltPages: number; violations: number; errors: number }, note?: string): ToolRun {
  return { name, pages, wallMs, pagesPerSecond: pages / (wallMs / 1000), usage, ...f, load: loadAvg(), note };
}

/** (a) jis-a11y crawl, through the CLI exactly as a user runs it. */
export async function runJisCrawl(site: Site, extraArgs: string[] = [], label = 'jis-a11y crawl'): Promise<ToolRun & { dbFile: string }> {
  const out = path.join(WORK, `crawl-${Date.now()}`);
  rmSync(out, { recursive: true, force: true });
  const args = ['bin/jis-a11y.js', 'crawl', `${site.origin}/p/0.html`, '--output', out, '--no-progress', '--max-pages', String(site.pages + 100), ...extraArgs];
  const r = await measured(process.execPath, args);
  if (r.code !== 0 && r.code !== 1) throw new Error(`jis-a11y crawl failed (${r.code}): ${r.stderr.slice(-2000)}`);
  const dbFile = path.join(out, 'jis-a11y.sqlite');
  return { ...toolRun(label, site.pages, r.wallMs, r.usage, await findingTotals(dbFile)), innerMs: await runWallMs(dbFile), dbFile };
}

/** (b) the naive sequential loop with @axe-core/puppeteer; `bare` is the leanest hand-written axe.run loop. */
export async function runNaive(site: Site, bare = false): Promise<ToolRun> {
  const urlFile = path.join(WORK, 'urls.txt');
  const outFile = path.join(WORK, bare ? 'bare.json' : 'naive.json');
  writeFileSync(urlFile, site.urls.join('\n'));
  const r = await measured(TSX, [bare ? 'bench/workers/bare-axe-loop.ts' : 'bench/workers/naive.ts', urlFile, outFile]);
  if (r.code !== 0) throw new Error(`${bare ? 'bare axe loop' : 'naive loop'} failed (${r.code}): ${r.stderr.slice(-2000)}`);
  const res = JSON.parse(readFileSync(outFile, 'utf8')) as { ms: number; pages: { violations: string[]; error?: string }[] };
  const t = toolRun(bare ? 'bare axe.run loop (reference)' : 'naive @axe-core/puppeteer loop', site.pages, r.wallMs, r.usage, {
    imageAltPages: res.pages.filter((p) => p.violations.includes('image-alt')).length,
    violations: res.pages.reduce((n, p) => n + p.violations.length, 0),
    errors: res.pages.filter((p) => p.error).length,
  });
  return { ...t, innerMs: res.ms };
}

/** Installs pa11y-ci into bench/pa11y on demand (its browser download skipped). Returns why not, or null. */
export function ensurePa11y(): string | null {
  if (existsSync(PA11Y_BIN)) return null;
  console.log('pa11y-ci を bench/pa11y にインストールします（ブラウザのダウンロードなし）…');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: PA11Y_DIR, env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(PA11Y_BIN)) return `npm install pa11y-ci failed (exit ${r.status})`;
  return null;
}

/** (c) pa11y-ci with its axe runner over the same sitemap. */
export async function runPa11y(site: Site, concurrency: number): Promise<ToolRun> {
  const cfgFile = path.join(WORK, `pa11y-${concurrency}.json`);
  writeFileSync(
    cfgFile,
    JSON.stringify({
      defaults: {
        concurrency,
        // pa11y-ci's default (a new incognito context per URL) fails above concurrency 1 on this Chromium
        // ("Target.closeTarget: No target with given id found" on most pages): shared context, as its docs allow
        useIncognitoBrowserContext: concurrency === 1,
        runners: ['axe'],
        standard: 'WCAG2AA',
        timeout: 120_000,
        chromeLaunchConfig: { executablePath: findChrome(), args: CHROME_ARGS },
      },
    }),
  );
  const r = await measured(process.execPath, [PA11Y_BIN, '--config', cfgFile, '--sitemap', site.sitemapUrl, '--json'], { cwd: PA11Y_DIR, env: { PUPPETEER_SKIP_DOWNLOAD: '1' } });
  writeFileSync(path.join(WORK, `pa11y-${concurrency}.out.json`), r.stdout);
  let report: { results: Record<string, { code?: string; type?: string; message?: string }[]> };
  try {
    report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  } catch {
    throw new Error(`pa11y-ci produced no JSON (exit ${r.code}): ${r.stderr.slice(-1500)} ${r.stdout.slice(-500)}`);
  }
  const pages = Object.values(report.results);
  const isErr = (i: { code?: string; message?: string }) => !i.code && !!i.message;
  const failed = pages.filter((is) => is.some(isErr)).length;
  // pages/s counts the pages it really audited: a page that failed with a protocol error was not audited
  return toolRun(`pa11y-ci (axe, concurrency ${concurrency})`, site.pages - failed, r.wallMs, r.usage, {
    imageAltPages: pages.filter((is) => is.some((i) => i.code === 'image-alt')).length,
    violations: pages.reduce((n, is) => n + is.filter((i) => i.type === 'error' && i.code).length, 0),
    errors: failed,
  });
}

export function printRun(t: ToolRun): void {
  const cpuPerPage = t.usage.browserCpuSec / t.pages;
  console.log(
    `  ${t.name.padEnd(34)} ${t.pagesPerSecond.toFixed(2).padStart(6)} pages/s  (${(t.wallMs / 1000).toFixed(1)} s wall, ${t.pages} p${t.innerMs ? `; ${(t.pages / (t.innerMs / 1000)).toFixed(2)} pages/s without start-up/reports` : ''})  ` +
      `browser CPU ${cpuPerPage.toFixed(2)} s/page, other CPU ${(t.usage.otherCpuSec / t.pages).toFixed(2)} s/page  ` +
      `peak PSS ${mib(t.usage.peakPssBytes)} (RSS sum ${mib(t.usage.peakRssBytes)})  ` +
      `image-alt pages ${t.imageAltPages}, violations ${t.violations}, errors ${t.errors}  load ${t.load}${t.note ? '  ' + t.note : ''}`,
  );
}

export interface BenchOptions {
  pages: number;
  pa11y: boolean;
  pa11yConcurrency: number[];
  crawlArgs?: string[];
  /** Skip the default crawl (with the keyboard phase); the static crawl always runs. */
  skipDefaultCrawl?: boolean;
  also?: string[][];
}

export async function runBench(o: BenchOptions): Promise<{ jis: ToolRun; jisFull: ToolRun | null; naive: ToolRun; bare: ToolRun; pa11y: ToolRun | null; pa11yAll: ToolRun[]; pa11yProblem: string | null; limitPagesPerSecond: number; fractionOfLimit: number }> {
  mkdirSync(WORK, { recursive: true });
  const site = await startSite({ pages: o.pages });
  const nCores = cores();
  console.log(`合成サイト / synthetic site: ${o.pages} pages at ${site.origin}, ${nCores} cores, load ${loadAvg()}`);
  try {
    // the default crawl also runs the keyboard/interaction phase (2.1.1, 2.1.2, 2.4.3, 2.4.7, 3.2.1, 3.2.2, with a
    // focus-order screenshot), which no peer does; --no-interaction is the same kind of work as the peers (static audit)
    const jisFull = o.skipDefaultCrawl ? null : await runJisCrawl(site, o.crawlArgs, 'jis-a11y crawl (default, +keyboard)');
    if (jisFull) printRun(jisFull);
    const jis = await runJisCrawl(site, ['--no-interaction', ...(o.crawlArgs ?? [])], 'jis-a11y crawl --no-interaction');
    printRun(jis);
    // further crawl settings to compare in the same run (e.g. --also "--concurrency 4;--no-interaction --concurrency 3")
    for (const extra of o.also ?? []) printRun(await runJisCrawl(site, extra, `jis-a11y crawl ${extra.join(' ')}`));
    const naive = await runNaive(site);
    printRun(naive);
    const bare = await runNaive(site, true);
    printRun(bare);
    const pa11yAll: ToolRun[] = [];
    let pa11yProblem: string | null = null;
    if (o.pa11y) {
      pa11yProblem = ensurePa11y();
      for (const c of pa11yProblem ? [] : o.pa11yConcurrency) {
        try {
          const t = await runPa11y(site, c);
          printRun(t);
          pa11yAll.push(t);
        } catch (e) {
          pa11yProblem = (e as Error).message;
          console.log(`  pa11y-ci (concurrency ${c}) failed: ${pa11yProblem}`);
        }
      }
    }
    const pa11y = pa11yAll.length ? pa11yAll.reduce((a, b) => (b.pagesPerSecond > a.pagesPerSecond ? b : a)) : null;
    // browser-bound limit: the browser CPU one page costs (render + audit, measured in this jis-a11y run),
    // spread over every core with nothing else running
    const cpuPerPage = jis.usage.browserCpuSec / jis.pages;
    const limitPagesPerSecond = nCores / cpuPerPage;
    const fractionOfLimit = jis.pagesPerSecond / limitPagesPerSecond;
    console.log('\n結果 / results (one run, same site, same machine)');
    console.log('  (static audit = jis-a11y crawl --no-interaction, the same kind of work as the peers)');
    console.log(`  jis-a11y / naive loop          = ${(jis.pagesPerSecond / naive.pagesPerSecond).toFixed(2)}×   (target ≥ 2.5×; naive = @axe-core/puppeteer as its README shows)`);
    console.log(`  jis-a11y / bare axe.run loop   = ${(jis.pagesPerSecond / bare.pagesPerSecond).toFixed(2)}×   (reference: the leanest sequential loop, fewer rules than ours)`);
    if (pa11y) console.log(`  jis-a11y / pa11y-ci best (${pa11y.name.replace(/^.*\(axe, /, '').replace(')', '')})  = ${(jis.pagesPerSecond / pa11y.pagesPerSecond).toFixed(2)}×   (target ≥ 1.5×)`);
    else console.log(`  pa11y-ci: not measured${pa11yProblem ? ` (${pa11yProblem})` : ''}`);
    console.log(`  browser-bound limit            = ${nCores} cores / ${cpuPerPage.toFixed(2)} s browser CPU per page = ${limitPagesPerSecond.toFixed(2)} pages/s`);
    console.log(`  jis-a11y / limit               = ${(fractionOfLimit * 100).toFixed(0)}%   (target ≥ 80%)`);
    // on a shared machine the cores are not all ours: the CPU the tool's tree actually got, and how much of it
    // went to the browser (the rest is Node: crawler, store, reports, start-up)
    const got = (jis.usage.browserCpuSec + jis.usage.otherCpuSec) / (jis.wallMs / 1000);
    console.log(`  CPU the jis-a11y tree got      = ${got.toFixed(2)} of ${nCores} cores (load average ${loadAvg()}); browser share of it ${((jis.usage.browserCpuSec / (jis.usage.browserCpuSec + jis.usage.otherCpuSec)) * 100).toFixed(0)}%`);
    console.log(`  limit with the cores it got    = ${(got / cpuPerPage).toFixed(2)} pages/s → jis-a11y at ${((jis.pagesPerSecond / (got / cpuPerPage)) * 100).toFixed(0)}% of it`);
    if (jisFull) {
      console.log(`  default crawl (+keyboard phase) / naive = ${(jisFull.pagesPerSecond / naive.pagesPerSecond).toFixed(2)}×${pa11y ? `, / pa11y-ci best = ${(jisFull.pagesPerSecond / pa11y.pagesPerSecond).toFixed(2)}×` : ''}; its browser CPU ${(jisFull.usage.browserCpuSec / jisFull.pages).toFixed(2)} s/page; peak PSS ${mib(jisFull.usage.peakPssBytes)}`);
    }
    console.log(`  jis-a11y peak memory (Node + Chromium tree) = PSS ${mib(jis.usage.peakPssBytes)}, RSS sum ${mib(jis.usage.peakRssBytes)}`);
    console.log(`  findings on the same pages: image-alt pages jis ${jis.imageAltPages} / naive ${naive.imageAltPages} / bare ${bare.imageAltPages}${pa11y ? ` / pa11y ${pa11y.imageAltPages}` : ''} (expected ${Math.ceil(o.pages / 5)})`);
    return { jis, jisFull, naive, bare, pa11y, pa11yAll, pa11yProblem, limitPagesPerSecond, fractionOfLimit };
  } finally {
    await site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
  const opts: BenchOptions = {
    pages: Number(arg('pages', '60')),
    pa11y: !args.includes('--no-pa11y'),
    pa11yConcurrency: arg('pa11y-concurrency', '1,2,4').split(',').map(Number),
    crawlArgs: arg('crawl-args', '').split(' ').filter(Boolean),
    skipDefaultCrawl: args.includes('--static-only'),
    also: arg('also', '').split(';').map((x) => x.split(' ').filter(Boolean)).filter((x) => x.length),
  };
  await runBench(opts);
  if (args.includes('--variants')) {
    const { runVariants } = await import('./variants.js');
    await runVariants({ pages: Number(arg('variant-pages', '30')) });
  }
}
