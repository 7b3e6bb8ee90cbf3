// The naive baseline, as @axe-core/puppeteer users write it (its README): one browser, one tab with CSP
// bypassed, a sequential loop of goto → new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa']).analyze().
// analyze() injects axe into every frame, runs axe.runPartial there, then opens a blank page, injects axe
// again and calls axe.finishRun in it (see @axe-core/puppeteer src/axePuppeteer.ts).
//   tsx bench/workers/naive.ts <urls.txt> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { launchBrowser } from '../../crawler/page/browser.js';

const [urlFile, outFile] = process.argv.slice(2);
const urls = readFileSync(urlFile!, 'utf8').split('\n').filter(Boolean);

const started = Date.now();
const browser = await launchBrowser();
const page = await browser.newPage();
await page.setBypassCSP(true);
const perPage: { url: string; violations: string[]; error?: string }[] = [];
for (const url of urls) {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const r = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa']).analyze();
    perPage.push({ url, violations: r.violations.flatMap((v) => v.nodes.map(() => v.id)) });
  } catch (e) {
    perPage.push({ url, violations: [], error: (e as Error).message });
  }
}
await browser.close();
writeFileSync(outFile!, JSON.stringify({ ms: Date.now() - started, pages: perPage }));
