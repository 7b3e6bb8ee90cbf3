// Which Chromium process spends the browser CPU of an audit, and how much of it is the page load alone.
// Loads the synthetic pages sequentially twice, once only navigating and once navigating and auditing,
// and prints CPU seconds per page by Chromium process type (browser, renderer, gpu, utility) per mode.
//
//   npx tsx bench/cpu-split.ts [--pages 20] [--args "--some-chrome-flag"]
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../crawler/page/browser.js';
import { bundleSource } from '../crawler/page/bundle-source.js';
import { startSite } from './site-generator.js';
import { descendants, HZ } from './proc.js';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const pages = Number(arg('pages', '20'));
const extraArgs = arg('args', '').split(' ').filter(Boolean);

/** CPU seconds of the browser's process tree, summed by Chromium process type (--type, utility sub-type). */
function chromeCpu(rootPid: number): Map<string, number> {
  const byType = new Map<string, number>();
  for (const p of descendants(rootPid)) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1];
    const k = sub ? `${type}:${sub.split('.').pop()}` : type;
    byType.set(k, (byType.get(k) ?? 0) + p.cpuTicks / HZ);
  }
  return byType;
}

const site = await startSite({ pages });
const src = await bundleSource();
try {
  for (const mode of ['load only', 'load + audit'] as const) {
    const browser = await launchBrowser({ extraArgs });
    const pid = browser.process()!.pid!;
    const page = await browser.newPage();
    await page.goto(site.urls[0]!);
    const before = chromeCpu(pid);
    const nodeBefore = process.cpuUsage();
    const t0 = Date.now();
    for (const url of site.urls) {
      const resp = await page.goto(url, { waitUntil: 'load' });
      if (mode === 'load + audit') {
        const html = await resp!.text();
        await page.evaluate(src);
        await page.evaluate((s) => window.jisA11y!.run({ source: s }), html);
      }
    }
    const wall = (Date.now() - t0) / 1000;
    const after = chromeCpu(pid);
    const n = process.cpuUsage(nodeBefore);
    await browser.close();
    const parts = [...after].map(([k, v]) => [k, (v - (before.get(k) ?? 0)) / pages] as const).filter(([, v]) => v > 0.0005).sort((a, b) => b[1] - a[1]);
    const total = parts.reduce((s, [, v]) => s + v, 0);
    console.log(`${mode.padEnd(14)} ${(pages / wall).toFixed(2)} pages/s; browser CPU ${total.toFixed(3)} s/page = ${parts.map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}; node ${((n.user + n.system) / 1e6 / pages).toFixed(3)} s/page`);
  }
} finally {
  await site.close();
}
