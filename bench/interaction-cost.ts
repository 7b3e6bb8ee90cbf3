// What the interaction phase costs per page, beside page load and the static audit.
//   npx tsx bench/interaction-cost.ts [--runs 3] [--budget 10000] [--only kurashi]
// Pages: the embedded sample site (tests/fixtures/site), the interaction fixtures, and two generated large pages
// (100 and 250 links), served from 127.0.0.1.
// For each page and run: a fresh tab, goto (load), static audit (auditLoaded: bundle + verdict), then
// runInteractionPhase. Prints per page medians and the totals, and the ratio interaction / static audit.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../crawler/page/browser.js';
import { auditLoaded } from '../crawler/page/audit-page.js';
import { serveStatic } from '../crawler/page/static-server.js';
import { runInteractionPhase } from '../crawler/page/interaction/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(arg('runs', '3'));
const budgetMs = Number(arg('budget', '10000'));
const only = arg('only', '');

function htmlFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return htmlFiles(p, base);
    return f.endsWith('.html') ? [path.relative(base, p).split(path.sep).join('/')] : [];
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

interface Row {
  page: string;
  load: number[];
  audit: number[];
  inter: number[];
  stops: number;
  complete: boolean;
  findings: number;
  timedOut: boolean;
}

// A page the size of a real prefectural top page: header menu, news list, mega footer (N links).
function largePage(n: number): string {
  const links = Array.from({ length: n }, (_, i) => `<li><a href="/p/${i}">県政情報 ${i + 1}</a></li>`).join('\n');
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>大きなページ（${n} リンク） | みどり県</title>
<style>ul{columns:4} a:focus{outline:none} a:focus-visible{box-shadow:0 0 0 3px #1a5fb4}</style></head>
<body><header><a href="/">みどり県</a><form action="/search"><label>検索 <input name="q"></label><button>検索</button></form></header>
<main><h1>みどり県ホームページ</h1><ul>${links}</ul></main><footer><p>© みどり県</p></footer></body></html>`;
}
const synthetic = mkdtempSync(path.join(os.tmpdir(), 'jis-kbd-bench-'));
for (const n of [100, 250]) writeFileSync(path.join(synthetic, `large-${n}.html`), largePage(n));

const sets = [
  { name: 'site', dir: path.join(root, 'tests/fixtures/site') },
  { name: 'interaction', dir: path.join(root, 'tests/fixtures/interaction') },
  { name: 'synthetic', dir: synthetic },
];

const browser = await launchBrowser();
const rows: Row[] = [];
try {
  for (const set of sets) {
    const server = await serveStatic(set.dir);
    try {
      for (const file of htmlFiles(set.dir)) {
        if (only && !file.includes(only)) continue;
        const row: Row = { page: `${set.name}/${file}`, load: [], audit: [], inter: [], stops: 0, complete: true, findings: 0, timedOut: false };
        for (let r = 0; r < runs; r++) {
          const page = await browser.newPage();
          try {
            let t = performance.now();
            const res = await page.goto(server.url + file, { waitUntil: 'load' });
            row.load.push(performance.now() - t);
            const source = await res?.text().catch(() => undefined);
            t = performance.now();
            await auditLoaded(page, source);
            row.audit.push(performance.now() - t);
            t = performance.now();
            const ir = await runInteractionPhase(page, { budgetMs });
            row.inter.push(performance.now() - t);
            row.stops = ir.focusOrder.length;
            row.findings = ir.findings.length;
            row.timedOut ||= ir.timedOut;
            row.complete &&= ir.traversalComplete;
          } finally {
            await page.close();
          }
        }
        rows.push(row);
        process.stderr.write('.');
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
process.stderr.write('\n');

const f = (n: number) => Math.round(n).toString().padStart(6);
console.log(`interaction phase cost (median of ${runs} runs per page, budget ${budgetMs} ms, Chromium headless, viewport 1280x900)`);
console.log(`${'page'.padEnd(44)}  load ms  audit ms  inter ms  inter/audit  inter/load  stops  findings`);
for (const r of rows) {
  const [l, a, i] = [median(r.load), median(r.audit), median(r.inter)];
  console.log(
    `${r.page.padEnd(44)}  ${f(l)}   ${f(a)}    ${f(i)}    ${(i / a).toFixed(2).padStart(6)}     ${(i / l).toFixed(2).padStart(6)}  ${String(r.stops).padStart(5)}  ${String(r.findings).padStart(8)}${r.timedOut ? '  (timed out)' : ''}${r.complete ? '' : '  (Tab pass not complete)'}`,
  );
}
for (const name of sets.map((s) => s.name)) {
  const rs = rows.filter((r) => r.page.startsWith(name + '/'));
  if (!rs.length) continue;
  const a = rs.map((r) => median(r.audit));
  const i = rs.map((r) => median(r.inter));
  const l = rs.map((r) => median(r.load));
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  console.log(
    `\n[${name}] ${rs.length} pages: interaction median ${Math.round(median(i))} ms/page (max ${Math.round(Math.max(...i))}), ` +
      `static audit median ${Math.round(median(a))} ms, load median ${Math.round(median(l))} ms; ` +
      `interaction / static audit = ${(sum(i) / sum(a)).toFixed(2)} (sum over pages), per-page median ratio ${median(i.map((x, k) => x / a[k])).toFixed(2)}`,
  );
}
