// Where a page's audit time goes: bundle evaluation, each rule run on its own, the 4.1.1 source check and
// the page facts, on pages of the varied CMS site (or `--site synthetic`), every other page so that the layouts vary. Prints milliseconds per page (median over the pages),
// slowest first, and each part as a share of the whole audit measured in the same run.
//
//   npx tsx bench/rule-cost.ts [--pages 6] [--top 25] [--site cms-variety|synthetic]
import { launchBrowser } from '../crawler/page/browser.js';
import { bundleSource } from '../crawler/page/bundle-source.js';
import { selectAxeRules } from '../rules-jis/mapping.js';
import { JIS_TAG } from '../rules-jis/runner/register.js';
import { openBenchSite, type BenchSiteKind } from './bench-site.js';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const pages = Number(arg('pages', '6'));
const top = Number(arg('top', '25'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const site = await openBenchSite(arg('site', 'cms-variety') as BenchSiteKind, Math.max(pages * 2, 10));
const browser = await launchBrowser();
const src = await bundleSource();
const times = new Map<string, number[]>();
const rec = (k: string, ms: number) => (times.get(k) ?? times.set(k, []).get(k)!).push(ms);
try {
  const page = await browser.newPage();
  for (const url of site.urls.filter((_, i) => i % 2 === 1).slice(0, pages)) {
    const resp = await page.goto(url, { waitUntil: 'load' });
    const html = await resp!.text();
    let t = Date.now();
    await page.evaluate(src);
    rec('(bundle evaluation)', Date.now() - t);
    t = Date.now();
    await page.evaluate((s) => window.jisA11y!.run({ source: s }), html);
    rec('(whole audit: jisA11y.run)', Date.now() - t);
    const rules = (await page.evaluate(() => window.axe!.getRules().map((r) => ({ ruleId: r.ruleId, tags: r.tags })))) as { ruleId: string; tags: string[] }[];
    const ids = [...selectAxeRules(rules), ...rules.filter((r) => r.tags.includes(JIS_TAG)).map((r) => r.ruleId)];
    for (const id of ids) {
      const ms = (await page.evaluate(async (rid) => {
        const t0 = performance.now();
        await window.axe!.run(document, { runOnly: { type: 'rule', values: [rid] }, rules: { [rid]: { enabled: true } }, resultTypes: ['violations', 'incomplete'], elementRef: false } as never);
        return performance.now() - t0;
      }, id)) as number;
      rec(id, ms);
    }
    const empty = (await page.evaluate(async () => {
      const t0 = performance.now();
      await window.axe!.run(document, { runOnly: { type: 'rule', values: ['document-title'] }, resultTypes: ['violations'] } as never);
      return performance.now() - t0;
    })) as number;
    rec('(axe.run with only document-title)', empty);
  }
  const rows = [...times].map(([k, v]) => ({ k, ms: median(v) })).sort((a, b) => b.ms - a.ms);
  const whole = rows.find((r) => r.k.startsWith('(whole'))!.ms;
  console.log(`${pages} pages, median ms per page; share of the whole audit (${whole.toFixed(0)} ms)`);
  for (const r of rows.slice(0, top)) console.log(`  ${r.k.padEnd(40)} ${r.ms.toFixed(1).padStart(8)} ms  ${((r.ms / whole) * 100).toFixed(0).padStart(4)}%`);
  const ruleSum = rows.filter((r) => !r.k.startsWith('(')).reduce((n, r) => n + r.ms, 0);
  console.log(`  sum of rules run one by one: ${ruleSum.toFixed(0)} ms`);
} finally {
  await browser.close();
  await site.close();
}
