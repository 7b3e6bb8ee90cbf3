// Incremental audits: first audit of a synthetic site vs the re-audit of the unchanged site (same store),
// then a re-audit after a few pages changed, then one after the shared stylesheet changed (every page must
// be audited again), and `--full` (forced full audit) for comparison.
//
//   npx tsx bench/incremental.ts [--pages 1000] [--changed 20] [--skip-full]
import path from 'node:path';
import { rmSync } from 'node:fs';
import { startSite } from './site-generator.js';
import { measured, ROOT, WORK } from './run.js';
import { loadAvg, mib } from './proc.js';
import { pageTotals } from './store-read.js';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const N = Number(arg('pages', '1000'));
const changed = Number(arg('changed', '20'));

export interface IncrementalStep {
  label: string;
  wallMs: number;
  audited: number;
  reused: number;
  peakPss: number;
}

export async function runIncremental(o: { pages: number; changed: number; full: boolean; assets: boolean }): Promise<IncrementalStep[]> {
  const out = path.join(WORK, 'incremental');
  rmSync(out, { recursive: true, force: true });
  const site = await startSite({ pages: o.pages });
  const dbFile = path.join(out, 'jis-a11y.sqlite');
  const steps: IncrementalStep[] = [];
  const crawl = async (label: string, extra: string[] = []) => {
    const r = await measured(process.execPath, ['bin/jis-a11y.js', 'crawl', `${site.origin}/p/0.html`, '--output', out, '--no-progress', '--max-pages', String(o.pages + 100), ...extra], { cwd: ROOT });
    if (r.code !== 0 && r.code !== 1) throw new Error(`crawl failed (${r.code}): ${r.stderr.slice(-1500)}`);
    const s = await pageTotals(dbFile, (url) => url.includes('/p/'));
    const step = { label, wallMs: r.wallMs, audited: s.pages - s.reused, reused: s.reused, peakPss: r.usage.peakPssBytes };
    steps.push(step);
    console.log(`  ${label.padEnd(40)} ${(r.wallMs / 1000).toFixed(1).padStart(7)} s  audited ${step.audited}, reused ${step.reused}  peak PSS ${mib(step.peakPss)}  load ${loadAvg()}`);
    return step;
  };
  try {
    console.log(`差分検査 / incremental audits: ${o.pages} pages at ${site.origin}`);
    const first = await crawl('1 first audit');
    const again = await crawl('2 re-audit, site unchanged');
    site.touchPages(Array.from({ length: o.changed }, (_, i) => Math.floor((i * o.pages) / o.changed)));
    await crawl(`3 re-audit, ${o.changed} pages changed`);
    if (o.assets) {
      site.touchAssets();
      await crawl('4 re-audit, shared CSS/JS changed');
    }
    if (o.full) await crawl('5 --full (forced full audit)', ['--full']);
    console.log(`\n  unchanged re-audit speed-up = ${(first.wallMs / again.wallMs).toFixed(1)}×   (target ≥ 5×)`);
  } finally {
    await site.close();
  }
  return steps;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runIncremental({ pages: N, changed, full: !args.includes('--skip-full'), assets: !args.includes('--skip-assets') });
}
