// `npm run bench`: jis-a11y crawl vs the naive @axe-core/puppeteer loop (and a bare axe.run loop) vs pa11y-ci (axe runner), in one
// run on the same site and machine. Prints pages/s, the ratios, the browser-bound limit, our browser CPU per page
// against the bare axe loop's, peak RSS, how many findings each tool reported on the same pages, and (issue 19)
// the templates the crawl recognised and how many pages the keyboard phase ran on.
// The site is the 12-layout varied CMS site by default (bench/cms-variety-site.ts, via bench/bench-site.ts);
// `--site synthetic` is the older one-template site.
//
//   npx tsx bench/run.ts [--site cms-variety|synthetic] [--pages 60] [--pa11y-concurrency 1,2,4] [--no-pa11y] [--variants] [--crawl-args "…"]
//
// Every tool runs as a child process; its whole process tree (Node + Chromium) is sampled from /proc.
// Benchmarks are not tests: the smoke test (tests/bench/smoke.test.ts) only checks that this harness runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SITES, openBenchSite, type BenchSite, type BenchSiteKind } from './bench-site.js';
import { cores, loadAvg, mib, sampleTree, type TreeUsage } from './proc.js';
import { CHROME_ARGS, findChrome } from '../crawler/page/browser.js';
import { findingTotals, runWallMs, templateTotals } from './store-read.js';

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

export interface CrawlRun extends ToolRun {
  dbFile: string;
  /** Templates recognised (distinct pages.template_key). */
  templates: number;
  /** Pages the keyboard phase ran on (from the crawl's own log line; else one per template × widget set). */
  keyboardPages: number | null;
}

/** The keyboard-phase pages the crawl reported in its log (crawler/crawl/messages-ja.ts keyboardSampled). */
function keyboardPagesFromLog(text: string): number | null {
  const m = /キーボード操作の検査は、[^\d]*(\d+) ページで行い/.exec(text);
  return m ? Number(m[1]) : null;
}

/** (a) jis-a11y crawl, through the CLI exactly as a user runs it. */
export async function runJisCrawl(site: BenchSite, extraArgs: string[] = [], label = 'jis-a11y crawl'): Promise<CrawlRun> {
  const out = path.join(WORK, `crawl-${Date.now()}`);
  rmSync(out, { recursive: true, force: true });
  const args = ['bin/jis-a11y.js', 'crawl', site.startUrl, '--output', out, '--no-progress', '--max-pages', String(site.pages + 100), ...site.scopeArgs, ...extraArgs];
  const r = await measured(process.execPath, args);
  if (r.code !== 0 && r.code !== 1) throw new Error(`jis-a11y crawl failed (${r.code}): ${r.stderr.slice(-2000)}`);
  const dbFile = path.join(out, 'jis-a11y.sqlite');
  const t = await templateTotals(dbFile);
  const interaction = !extraArgs.includes('--no-interaction');
  const everyPage = extraArgs.includes('--interaction-every-page');
  const keyboardPages = !interaction ? 0 : everyPage ? t.pagesWithTemplate : (keyboardPagesFromLog(r.stdout + r.stderr) ?? t.templateWidgetSets);
  return { ...toolRun(label, site.pages, r.wallMs, r.usage, await findingTotals(dbFile)), innerMs: await runWallMs(dbFile), dbFile, templates: t.templates, keyboardPages };
}

/** (b) the naive sequential loop with @axe-core/puppeteer; `bare` is the leanest hand-written axe.run loop. */
export async function runNaive(site: BenchSite, bare = false): Promise<ToolRun> {
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
export async function runPa11y(site: BenchSite, concurrency: number): Promise<ToolRun> {
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
  /** Which site (default here: the synthetic one; the CLI's default is the varied CMS site). */
  site?: BenchSiteKind;
  pages: number;
  pa11y: boolean;
  pa11yConcurrency: number[];
  crawlArgs?: string[];
  /** Skip the default crawl (with the keyboard phase); the static crawl always runs. */
  skipDefaultCrawl?: boolean;
  also?: string[][];
}

const ratio = (x: number) => `${x.toFixed(2)}×`;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
/** ✓ when a goal of issue 19 is met, ✗ when not. */
const goal = (ok: boolean) => (ok ? '✓' : '✗');

interface Measured {
  site: BenchSite;
  nCores: number;
  jis: CrawlRun;
  jisFull: CrawlRun | null;
  naive: ToolRun;
  bare: ToolRun;
  pa11y: ToolRun | null;
  pa11yProblem: string | null;
}

/** The figures of one run against the goals of issue 19 (ratios inside one run: the machine is shared and noisy). */
export function printResults(m: Measured): { limitPagesPerSecond: number; fractionOfLimit: number; cpuRatio: number } {
  const { site, nCores, jis, jisFull, naive, bare, pa11y } = m;
  // browser-bound limit: the browser CPU one page costs (render + audit, measured in this jis-a11y run),
  // spread over every core with nothing else running
  const cpuPerPage = jis.usage.browserCpuSec / jis.pages;
  const bareCpu = bare.usage.browserCpuSec / bare.pages;
  const limitPagesPerSecond = nCores / cpuPerPage;
  const fractionOfLimit = jis.pagesPerSecond / limitPagesPerSecond;
  const cpuRatio = cpuPerPage / bareCpu;
  const vsNaive = jis.pagesPerSecond / naive.pagesPerSecond;
  console.log(`\n結果 / results (one run, same site, same machine: ${site.label}, ${site.pages} pages)`);
  console.log('  (static audit = jis-a11y crawl --no-interaction, the same kind of work as the peers)');
  if (jisFull) {
    const layouts = site.layouts ? ` of ${site.layouts} true layouts` : '';
    console.log(`  templates found                = ${jisFull.templates}${layouts}   ${site.layouts ? goal(jisFull.templates === site.layouts) : ''}`);
    console.log(`  keyboard-phase pages           = ${jisFull.keyboardPages ?? '?'} of ${jisFull.pages}   ${goal((jisFull.keyboardPages ?? Infinity) <= 30)} (goal ≤ 30)`);
    const full = jisFull.pagesPerSecond / jis.pagesPerSecond;
    console.log(`  default crawl / --no-interaction = ${pct(full)}   ${goal(full >= 0.85)} (goal ≥ 85%)`);
  }
  console.log(`  jis-a11y / naive loop          = ${ratio(vsNaive)}   ${goal(vsNaive >= 2)} (goal ≥ 2×; naive = @axe-core/puppeteer as its README shows)`);
  console.log(`  jis-a11y / bare axe.run loop   = ${ratio(jis.pagesPerSecond / bare.pagesPerSecond)}   (reference: the leanest sequential loop, fewer rules than ours)`);
  if (pa11y) {
    const vsPa11y = jis.pagesPerSecond / pa11y.pagesPerSecond;
    console.log(`  jis-a11y / pa11y-ci best (${pa11y.name.replace(/^.*\(axe, /, '').replace(')', '')})  = ${ratio(vsPa11y)}   ${goal(vsPa11y >= 1.5)} (goal ≥ 1.5×)`);
  } else console.log(`  pa11y-ci: not measured${m.pa11yProblem ? ` (${m.pa11yProblem})` : ''}`);
  console.log(`  browser CPU per page: jis-a11y ${cpuPerPage.toFixed(3)} s / bare axe loop ${bareCpu.toFixed(3)} s = ${ratio(cpuRatio)}   ${goal(cpuRatio <= 1.2)} (goal ≤ 1.2×)`);
  console.log(`  browser-bound limit            = ${nCores} cores / ${cpuPerPage.toFixed(2)} s browser CPU per page = ${limitPagesPerSecond.toFixed(2)} pages/s`);
  console.log(`  jis-a11y / limit               = ${pct(fractionOfLimit)}   ${goal(fractionOfLimit >= 0.85)} (goal ≥ 85%)`);
  // on a shared machine the cores are not all ours: the CPU the tool's tree actually got, and how much of it
  // went to the browser (the rest is Node: crawler, store, reports, start-up)
  const got = (jis.usage.browserCpuSec + jis.usage.otherCpuSec) / (jis.wallMs / 1000);
  console.log(`  CPU the jis-a11y tree got      = ${got.toFixed(2)} of ${nCores} cores (load average ${loadAvg()}); browser share of it ${pct(jis.usage.browserCpuSec / (jis.usage.browserCpuSec + jis.usage.otherCpuSec))}`);
  console.log(`  limit with the cores it got    = ${(got / cpuPerPage).toFixed(2)} pages/s → jis-a11y at ${pct(jis.pagesPerSecond / (got / cpuPerPage))} of it`);
  if (jisFull) {
    console.log(`  default crawl (+keyboard phase) / naive = ${ratio(jisFull.pagesPerSecond / naive.pagesPerSecond)}${pa11y ? `, / pa11y-ci best = ${ratio(jisFull.pagesPerSecond / pa11y.pagesPerSecond)}` : ''}; its browser CPU ${(jisFull.usage.browserCpuSec / jisFull.pages).toFixed(2)} s/page; peak PSS ${mib(jisFull.usage.peakPssBytes)}`);
  }
  console.log(`  jis-a11y peak memory (Node + Chromium tree) = PSS ${mib(jis.usage.peakPssBytes)}, RSS sum ${mib(jis.usage.peakRssBytes)}`);
  const expected = site.expectedImageAltPages === null ? '' : ` (expected ${site.expectedImageAltPages})`;
  console.log(`  findings on the same pages: image-alt pages jis ${jis.imageAltPages} / naive ${naive.imageAltPages} / bare ${bare.imageAltPages}${pa11y ? ` / pa11y ${pa11y.imageAltPages}` : ''}${expected}`);
  return { limitPagesPerSecond, fractionOfLimit, cpuRatio };
}

export async function runBench(o: BenchOptions): Promise<{ jis: CrawlRun; jisFull: CrawlRun | null; naive: ToolRun; bare: ToolRun; pa11y: ToolRun | null; pa11yAll: ToolRun[]; pa11yProblem: string | null; limitPagesPerSecond: number; fractionOfLimit: number }> {
  mkdirSync(WORK, { recursive: true });
  const site = await openBenchSite(o.site ?? 'synthetic', o.pages);
  const nCores = cores();
  console.log(`${site.label}: ${o.pages} pages at ${site.origin}, ${nCores} cores, load ${loadAvg()}`);
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
    const { limitPagesPerSecond, fractionOfLimit } = printResults({ site, nCores, jis, jisFull, naive, bare, pa11y, pa11yProblem });
    return { jis, jisFull, naive, bare, pa11y, pa11yAll, pa11yProblem, limitPagesPerSecond, fractionOfLimit };
  } finally {
    await site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
  const site = arg('site', 'cms-variety') as BenchSiteKind;
  if (!BENCH_SITES.includes(site)) throw new Error(`--site は ${BENCH_SITES.join(' / ')} のどれかを指定してください（指定: ${site}）`);
  const opts: BenchOptions = {
    site,
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
