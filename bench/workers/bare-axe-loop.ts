// The leanest hand-written sequential loop, for reference beside the naive baseline (naive.ts): one browser,
// one tab, goto → evaluate axe.min.js in each frame → axe.run (WCAG 2.0 A/AA tags), nothing else. Faster than
// @axe-core/puppeteer, which also opens a blank page per analyze() to finish the run there.
//   tsx bench/workers/bare-axe-loop.ts <urls.txt> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser } from '../../crawler/page/browser.js';

const [urlFile, outFile] = process.argv.slice(2);
const urls = readFileSync(urlFile!, 'utf8').split('\n').filter(Boolean);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const started = Date.now();
const browser = await launchBrowser();
const page = await browser.newPage();
await page.setBypassCSP(true);
const perPage: { url: string; violations: string[]; error?: string }[] = [];
for (const url of urls) {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    for (const f of page.frames()) await f.evaluate(axeSource).catch(() => {});
    const r = (await page.evaluate(() =>
      (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      }),
    )) as { violations: { id: string; nodes: unknown[] }[] };
    perPage.push({ url, violations: r.violations.flatMap((v) => v.nodes.map(() => v.id)) });
  } catch (e) {
    perPage.push({ url, violations: [], error: (e as Error).message });
  }
}
await browser.close();
writeFileSync(outFile!, JSON.stringify({ ms: Date.now() - started, pages: perPage }));
