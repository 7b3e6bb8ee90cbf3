// The speed work, one change at a time, on the same synthetic site: each step adds one change to the
// previous step and prints pages/s, browser CPU per page and the change against the step before.
// It drives the jis-a11y bundle with puppeteer directly (not the crawler), so each change is isolated:
//   0 baseline: 1 tab at a time, a new tab per URL, every axe result type, every resource loaded,
//     bundle sent and compiled for each page, one browser for the whole run
//   1 concurrency tuned to the cores (tries 1..cores*2, keeps the best)
//   2 page (tab) reuse
//   3 only the result types that are needed (violations + incomplete)
//   4 fonts and media not loaded (CDP Fetch: only those resource types are paused, then failed)
//   5 bundle registered once per tab (Page.addScriptToEvaluateOnNewDocument) instead of sent per page
//   6 browser recycling: relaunch every R pages vs never (its cost per relaunch)
//   7 each tab in its own window instead of background tabs (what the crawler does), against step 5
//
//   npx tsx bench/variants.ts [--pages 30]
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'puppeteer';
import { launchBrowser } from '../crawler/page/browser.js';
import { BUNDLE_PATH } from '../rules-jis/bundle/build.js';
import { selectAxeRules } from '../rules-jis/mapping.js';
import { JIS_TAG } from '../rules-jis/runner/register.js';
import { startSite } from './site-generator.js';
import { cores, loadAvg, mib, sampleTree } from './proc.js';

export interface Variant {
  concurrency: number;
  reusePage: boolean;
  resultTypes: 'all' | 'needed';
  blockFontsMedia: boolean;
  inject: 'per-page' | 'new-document';
  relaunchEvery: number;
  /** Each tab in its own window (the crawler does this so that concurrent keyboard phases get frames). */
  windows?: boolean;
}

export interface VariantResult {
  label: string;
  v: Variant;
  pagesPerSecond: number;
  browserCpuPerPage: number;
  peakRss: number;
  violations: number;
  errors: number;
}

/** In the page: axe with the jis-a11y rule set, with or without resultTypes; returns counts only. */
const RUN_IN_PAGE = `async (ruleIds, needed) => {
  const axe = window.axe;
  const opts = { runOnly: { type: 'rule', values: ruleIds }, rules: Object.fromEntries(ruleIds.map((id) => [id, { enabled: true }])), elementRef: false };
  if (needed) opts.resultTypes = ['violations', 'incomplete'];
  const r = await axe.run(document, opts);
  return { violations: r.violations.reduce((n, v) => n + v.nodes.length, 0), incomplete: r.incomplete.length, passes: r.passes.length };
}`;

async function ruleIdsOf(page: Page): Promise<string[]> {
  const rules = (await page.evaluate(() => (window as unknown as { axe: { getRules(): { ruleId: string; tags: string[] }[] } }).axe.getRules())) as { ruleId: string; tags: string[] }[];
  return [...selectAxeRules(rules), ...rules.filter((r) => r.tags.includes(JIS_TAG)).map((r) => r.ruleId)];
}

async function blockFontsMedia(page: Page): Promise<CDPSession> {
  const cdp = await page.createCDPSession();
  cdp.on('Fetch.requestPaused', (e: { requestId: string }) => void cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' }).catch(() => {}));
  await cdp.send('Fetch.enable', { patterns: [{ resourceType: 'Font' }, { resourceType: 'Media' }] });
  return cdp;
}

export async function runVariant(urls: string[], v: Variant, bundle: string): Promise<Omit<VariantResult, 'label'>> {
  const sampler = sampleTree(process.pid);
  const started = Date.now();
  let ruleIds: string[] | null = null;
  let violations = 0;
  let errors = 0;
  let next = 0;
  let browser: Browser = await launchBrowser();
  let servedByBrowser = 0;
  let relaunching: Promise<void> | null = null;
  let active = 0;

  const newTab = async (): Promise<Page> => {
    const p = await browser.newPage(v.windows ? { type: 'window' } : undefined);
    if (v.blockFontsMedia) await blockFontsMedia(p);
    if (v.inject === 'new-document') await p.evaluateOnNewDocument(bundle);
    return p;
  };

  const worker = async () => {
    let page: Page | null = null;
    let pageBrowser: Browser | null = null;
    for (;;) {
      if (relaunching) await relaunching;
      const i = next++;
      if (i >= urls.length) break;
      if (v.relaunchEvery > 0 && servedByBrowser >= v.relaunchEvery) {
        // wait for the tabs in flight, then a fresh browser
        relaunching ??= (async () => {
          while (active > 0) await new Promise((r) => setTimeout(r, 20));
          await browser.close();
          browser = await launchBrowser();
          servedByBrowser = 0;
        })().finally(() => (relaunching = null));
        await relaunching;
      }
      servedByBrowser++;
      active++;
      try {
        if (page && (pageBrowser !== browser || !v.reusePage)) {
          if (pageBrowser === browser) await page.close().catch(() => {});
          page = null;
        }
        if (!page) {
          page = await newTab();
          pageBrowser = browser;
        }
        await page.goto(urls[i]!, { waitUntil: 'load', timeout: 60_000 });
        if (v.inject === 'per-page') await page.evaluate(bundle);
        ruleIds ??= await ruleIdsOf(page);
        const r = (await page.evaluate(`(${RUN_IN_PAGE})(${JSON.stringify(ruleIds)}, ${v.resultTypes === 'needed'})`)) as { violations: number };
        violations += r.violations;
      } catch {
        errors++;
      } finally {
        active--;
      }
    }
    if (page && pageBrowser === browser) await page.close().catch(() => {});
  };
  await Promise.all(Array.from({ length: v.concurrency }, worker));
  await browser.close();
  const wall = (Date.now() - started) / 1000;
  const u = sampler.stop();
  return { v, pagesPerSecond: urls.length / wall, browserCpuPerPage: u.browserCpuSec / urls.length, peakRss: u.peakPssBytes, violations, errors };
}

function print(r: VariantResult, prev?: VariantResult, against = 'previous'): void {
  const d = prev ? `  ${((r.pagesPerSecond / prev.pagesPerSecond - 1) * 100).toFixed(0).padStart(4)}% vs ${against}` : '';
  console.log(
    `  ${r.label.padEnd(46)} ${r.pagesPerSecond.toFixed(2).padStart(6)} pages/s  browser CPU ${r.browserCpuPerPage.toFixed(2)} s/page  peak PSS ${mib(r.peakRss)}  violations ${r.violations} errors ${r.errors}  load ${loadAvg()}${d}`,
  );
}

export async function runVariants(o: { pages: number }): Promise<VariantResult[]> {
  const bundle = readFileSync(BUNDLE_PATH, 'utf8');
  const site = await startSite({ pages: o.pages });
  const urls = site.urls;
  const out: VariantResult[] = [];
  const step = async (label: string, v: Variant, prev?: VariantResult, against?: string) => {
    const r = { label, ...(await runVariant(urls, v, bundle)) };
    print(r, prev, against);
    out.push(r);
    return r;
  };
  console.log(`\n一つずつの変更 / one change at a time (${o.pages} pages, ${cores()} cores)`);
  try {
    let v: Variant = { concurrency: 1, reusePage: false, resultTypes: 'all', blockFontsMedia: false, inject: 'per-page', relaunchEvery: 0 };
    let prev = await step('0 baseline (c=1, new tab, all results, all res.)', v);
    let best = prev;
    for (let c = 2; c <= cores() * 2; c++) {
      const r = await step(`1 concurrency ${c}`, { ...v, concurrency: c }, prev, 'baseline');
      if (r.pagesPerSecond > best.pagesPerSecond) best = r;
    }
    v = { ...v, concurrency: best.v.concurrency };
    console.log(`    → concurrency ${v.concurrency} kept`);
    prev = best;
    prev = await step('2 + page reuse', (v = { ...v, reusePage: true }), prev);
    prev = await step('3 + only violations/incomplete result types', (v = { ...v, resultTypes: 'needed' }), prev);
    prev = await step('4 + fonts and media not loaded', (v = { ...v, blockFontsMedia: true }), prev);
    prev = await step('5 + bundle once per tab (evaluateOnNewDocument)', (v = { ...v, inject: 'new-document' }), prev);
    const every = Math.max(5, Math.floor(o.pages / 3));
    await step(`6 browser recycling every ${every} pages`, { ...v, relaunchEvery: every }, prev);
    await step('7 each tab in its own window', { ...v, windows: true }, prev, 'step 5');
  } finally {
    await site.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const pages = args.includes('--pages') ? Number(args[args.indexOf('--pages') + 1]) : 30;
  await runVariants({ pages });
}
