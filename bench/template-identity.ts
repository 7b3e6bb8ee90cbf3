// `npm run bench:templates`: how well pages are grouped by the layout they were built from (issue 19), on the
// varied CMS site (bench/cms-variety-site.ts: 12 layouts, content varying within each). For each page it takes
// the old interactive make-up (bench/makeup.ts, the baseline, injected with its own small bundle) and the new template identity
// (rules-jis/page/template-identity.ts), and scores both against the true layouts, both ways: groups found,
// layouts split over several groups, groups that merge layouts; and how many keyboard passes each would run
// (one per make-up; one per template × widget set, the scheme before; and the crawl's sampler, one page per
// template and new widget kind, in crawl order: crawler/page/interaction/sampling.ts).
//
//   npx tsx bench/template-identity.ts [pages=300]
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchBrowser } from '../crawler/page/browser.js';
import { ensureBundle } from '../crawler/page/inject.js';
import { InteractionSampler, widgetKinds } from '../crawler/page/interaction/sampling.js';
import { serveVarietySite, type Layout } from './cms-variety-site.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

export interface ClusterScore {
  groups: number;
  /** True layouts whose pages fall into more than one group. */
  split: number;
  /** Groups holding pages of more than one true layout. */
  merged: number;
}

export function score(keys: Map<string, string>, truth: Map<string, Layout>): ClusterScore {
  const byLayout = new Map<Layout, Set<string>>();
  const byGroup = new Map<string, Set<Layout>>();
  for (const [url, key] of keys) {
    const layout = truth.get(url)!;
    byLayout.set(layout, (byLayout.get(layout) ?? new Set()).add(key));
    byGroup.set(key, (byGroup.get(key) ?? new Set()).add(layout));
  }
  return { groups: byGroup.size, split: [...byLayout.values()].filter((s) => s.size > 1).length, merged: [...byGroup.values()].filter((s) => s.size > 1).length };
}

export interface PageKeys {
  makeup: string;
  template: string;
  widgets: string;
  kinds?: string[];
}

/** Keyboard passes the crawl's sampler makes over the pages in this order. */
export function samplerPasses(keys: Map<string, PageKeys>): number {
  const s = new InteractionSampler();
  for (const [url, k] of keys) s.claim(k, url);
  return s.makeups;
}

let makeupJs: string | null = null;

/** The baseline make-up as a small script of its own (window.jisMakeup): not part of the product's bundle. */
export async function makeupSource(): Promise<string> {
  if (makeupJs) return makeupJs;
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const r = await build({ stdin: { contents: "import { makeup } from './makeup.ts'; (window as any).jisMakeup = makeup;", resolveDir: dir, loader: 'ts' }, bundle: true, format: 'iife', write: false, platform: 'browser', logLevel: 'warning' });
  makeupJs = r.outputFiles[0]!.text;
  return makeupJs;
}

/** The three keys of every page of `urls`, read in one browser. */
export async function pageKeys(urls: string[]): Promise<Map<string, PageKeys>> {
  const browser = await launchBrowser();
  const out = new Map<string, PageKeys>();
  try {
    const page = await browser.newPage();
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'load' });
      if (!(await ensureBundle(page.mainFrame()))) throw new Error(`no bundle on ${url}`);
      await page.evaluate(await makeupSource());
      const r = await page.evaluate(() => ({ makeup: (window as unknown as { jisMakeup(): string }).jisMakeup(), id: window.jisA11y!.templateIdentity() }));
      out.set(url, { makeup: sha(r.makeup), template: sha(r.id.skeleton), widgets: sha(r.id.widgets), kinds: widgetKinds(r.id.widgets) });
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function main(): Promise<void> {
  const pages = Number(process.argv[2] ?? 300);
  const site = await serveVarietySite(pages);
  try {
    const keys = await pageKeys(site.urls);
    const pick = (f: (k: PageKeys) => string) => new Map([...keys].map(([u, k]) => [u, f(k)]));
    const layouts = new Set(site.layouts.values()).size;
    const old = score(pick((k) => k.makeup), site.layouts);
    const tmpl = score(pick((k) => k.template), site.layouts);
    const combos = new Set([...keys.values()].map((k) => `${k.template} ${k.widgets}`)).size;
    const passes = samplerPasses(keys);
    console.log(`テンプレートの識別（${pages} ページ、本当のレイアウト ${layouts} 種類）`);
    console.log(`  従来の「作り」（make-up）: ${old.groups} グループ、分割されたレイアウト ${old.split}、混ざったグループ ${old.merged}、キーボード検査 ${old.groups} 回`);
    console.log(`  テンプレート識別:          ${tmpl.groups} グループ、分割されたレイアウト ${tmpl.split}、混ざったグループ ${tmpl.merged}`);
    console.log(`  キーボード検査: テンプレート × 本文の部品の組み合わせごとなら ${combos} 回、テンプレート × 新しい部品の種類ごと（クロール）なら ${passes} 回`);
    console.log(`  キーボード検査の回数: 従来の ${((100 * passes) / old.groups).toFixed(0)}%（${old.groups} → ${passes}）`);
  } finally {
    await site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
