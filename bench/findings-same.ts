// The guard of the speed work (issue 19 item 3): a change that makes the browser work less per page must leave the
// findings exactly as they were. Crawls the embedded sample site (tests/fixtures/site) and the varied CMS site
// (bench/cms-variety-site.ts) with the CLI, static audit (--no-interaction: the keyboard phase's timing is not
// the subject), and writes every page's template and widget keys (they decide where the keyboard phase runs)
// and every finding (source, rule, kind, criteria, selector, region, line, message, HTML), origin-free and sorted.
// The keys are hashes of page code output that includes absolute stylesheet and script URLs (the port changes from
// run to run), so they are compared as the grouping they make: each key is replaced by the first URL of its group.
// `--save` keeps them as the baseline; without it the run is compared with the baseline and exits 1 on any
// difference, printing the first ones.
//
//   npx tsx bench/findings-same.ts --save          (before the change)
//   npx tsx bench/findings-same.ts                 (after it: exit 0 = identical)
//   [--pages 60] [--baseline bench/.work/findings-baseline.txt]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveSampleSite } from '../crawler/cli/sample-site.js';
import { openStore } from '../crawler/store/store.js';
import { serveVarietySite } from './cms-variety-site.js';
import { measured, WORK } from './run.js';

const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);

/** Crawls `start` into a fresh store and returns its page keys and findings as sorted lines, `origin` replaced. */
export async function findingLines(name: string, start: string, origin: string, extra: string[] = []): Promise<string[]> {
  const out = path.join(WORK, `same-${name}-${Date.now()}`);
  rmSync(out, { recursive: true, force: true });
  // a child process that does not block this one: the sites are served from here
  const r = await measured(process.execPath, ['bin/jis-a11y.js', 'crawl', start, '--output', out, '--no-progress', '--no-interaction', '--timeout', '120', '--audit-timeout', '240', ...extra]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`${name}: crawl failed (${r.code}): ${r.stderr.slice(-1500)}`);
  const store = await openStore(path.join(out, 'jis-a11y.sqlite'), { readonly: true });
  const lines: string[] = [];
  const clean = (v: unknown) => String(v ?? '').split(origin).join('<origin>').replace(/\s+/g, ' ');
  try {
    const run = (await store.runs.latestRun())!;
    for await (const p of store.results.iteratePages(run.id)) lines.push([name, 'page', clean(p.url), p.templateKey ?? '', p.widgetKey ?? '', p.error?.code ?? ''].join('\t'));
    for await (const f of store.results.iterateFindings(run.id)) {
      lines.push([name, 'finding', clean(f.pageUrl), f.source, f.ruleId, f.kind, f.criteria.join(' '), clean(f.selector), f.region ?? '', f.line ?? '', clean(f.message), clean(f.html)].join('\t'));
    }
  } finally {
    await store.close();
    rmSync(out, { recursive: true, force: true });
  }
  return lines.sort();
}

/** Page lines with each template / widget key replaced by the first URL (in sort order) of the pages sharing it. */
export function canonicalKeys(lines: string[]): string[] {
  const first = new Map<string, string>();
  const pages = lines.map((l) => l.split('\t')).filter((c) => c[1] === 'page');
  for (const c of pages) {
    for (const [i, kind] of [[3, 't'], [4, 'w']] as const) {
      const k = `${c[0]} ${kind} ${i === 4 ? c[3] + ' ' : ''}${c[i]}`;
      const cur = first.get(k);
      if (cur === undefined || c[2]! < cur) first.set(k, c[2]!);
    }
  }
  return lines
    .map((l) => {
      const c = l.split('\t');
      if (c[1] !== 'page') return l;
      const t = c[3] ? first.get(`${c[0]} t ${c[3]}`)! : '';
      const w = c[4] ? first.get(`${c[0]} w ${c[3]} ${c[4]}`)! : '';
      return [c[0], c[1], c[2], t, w, ...c.slice(5)].join('\t');
    })
    .sort();
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const baseline = path.resolve(arg('baseline', path.join(WORK, 'findings-baseline.txt')));
  const pages = Number(arg('pages', '60'));
  const sample = await serveSampleSite();
  const variety = await serveVarietySite(pages);
  let lines: string[];
  try {
    lines = [
      ...(await findingLines('sample', sample.url, sample.url.replace(/\/$/, ''))),
      ...(await findingLines('variety', variety.urls[0]!, variety.origin, ['--include', 're:/page/\\d+\\.html$'])),
    ];
  } finally {
    await sample.close();
    await variety.close();
  }
  const pageCount = lines.filter((l) => l.split('\t')[1] === 'page').length;
  console.log(`${pageCount} ページ、${lines.length - pageCount} 件の指摘`);
  if (args.includes('--save')) {
    writeFileSync(baseline, lines.join('\n') + '\n');
    console.log(`基準として保存しました: ${path.relative(process.cwd(), baseline)}`);
    return;
  }
  if (!existsSync(baseline)) throw new Error(`基準のファイルがありません: ${baseline}（変更の前に --save で作ってください）`);
  writeFileSync(baseline.replace(/\.txt$/, '') + '-now.txt', lines.join('\n') + '\n');
  const before = canonicalKeys(readFileSync(baseline, 'utf8').split('\n').filter(Boolean));
  lines = canonicalKeys(lines);
  const was = new Set(before);
  const now = new Set(lines);
  const gone = before.filter((l) => !now.has(l));
  const added = lines.filter((l) => !was.has(l));
  if (!gone.length && !added.length) {
    console.log('指摘もテンプレートの識別も、基準と同じです。');
    return;
  }
  console.log(`基準と違います: なくなった ${gone.length} 行、増えた ${added.length} 行`);
  for (const l of gone.slice(0, 10)) console.log(`  - ${l.slice(0, 300)}`);
  for (const l of added.slice(0, 10)) console.log(`  + ${l.slice(0, 300)}`);
  process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
