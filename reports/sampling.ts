// Page selection for the published test (JIS X 8341-3:2016 附属書JB.1.2): all pages, random N (seeded, so
// the same seed gives the same pages every time), representative pages (one per page template inferred
// from the crawl), or representative + random. The method, the numbers and every URL go into the 試験結果.
import seedrandom from 'seedrandom';

export type SelectionMethod = 'all' | 'random' | 'representative' | 'representative-random';

export const METHOD_LABEL_JA: Record<SelectionMethod, string> = {
  all: 'すべてのウェブページを選択',
  random: 'ランダムに選択',
  representative: '代表ページを選択',
  'representative-random': '代表ページ及びランダムに選択',
};

export interface SelectablePage {
  url: string;
  title?: string;
  /** Navigation block keys of the page (same header/footer parts suggest the same template). */
  navKeys?: string[];
}

export interface SelectionOptions {
  method: SelectionMethod;
  /** Pages drawn at random (random / representative-random). WAIC's guide: 40 or more. */
  n?: number;
  /** Seed of the random draw; the same seed and the same pages give the same selection. */
  seed?: string;
  /** Extra templates given by a person: name and URL glob(s); they win over the inferred ones. */
  templates?: { name: string; match: (url: string) => boolean }[];
}

export interface Template {
  /** The inferred signature, e.g. "/news/#/news-#.html". */
  key: string;
  /** Pages of the run with this template. */
  count: number;
  /** The page chosen to represent it. */
  representative: string;
}

export interface Selection {
  method: SelectionMethod;
  methodLabel: string;
  /** Pages that could be selected (audited without error). */
  population: number;
  seed: string | null;
  requestedRandom: number | null;
  templates: Template[];
  /** Representative pages (in template order). */
  representative: string[];
  /** Pages drawn at random (not counting those already representative). */
  random: string[];
  /** All selected URLs: representative first, then random, no duplicates. */
  urls: string[];
  /** One sentence for the 試験結果, e.g. 「代表ページ 12 ページ及びランダムに選択した 40 ページ（計 52 ページ）」. */
  description: string;
}

export const DEFAULT_SEED = 'jis-a11y';
export const WAIC_RANDOM_GUIDE = 40;

/**
 * The page-template signature inferred from the URL shape: every directory is kept with its digit runs as
 * "#" (the first is the site section, which CMSs usually tie to a template), a directory index is "index"
 * and any other leaf is "*" unless it has a numbered pattern (news-#.html).
 * The navigation blocks of the page are part of the signature, so pages built from different parts differ.
 */
export function templateKey(page: SelectablePage): string {
  let path: string;
  try {
    path = new URL(page.url).pathname;
  } catch {
    path = page.url;
  }
  const segs = path.split('/').slice(1);
  const leaf = segs.pop() ?? '';
  const dirs = segs.map((s) => s.replace(/\d+/g, '#'));
  let last: string;
  if (!leaf || /^index\./i.test(leaf)) last = dirs.length === 0 ? '(top)' : 'index';
  else if (/\d/.test(leaf)) last = leaf.replace(/\d+/g, '#');
  else last = '*' + (leaf.includes('.') ? leaf.slice(leaf.lastIndexOf('.')) : '');
  const nav = (page.navKeys ?? []).map((k) => k.replace(/\[.*\]$/, '')).sort().join('+');
  return '/' + [...dirs, last].join('/') + (nav ? ` [${nav}]` : '');
}

/** Fisher–Yates on a seeded generator: the same seed and input order give the same sample. */
export function seededSample<T>(items: T[], n: number, seed: string): T[] {
  const rng = seedrandom(seed);
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, Math.max(0, Math.min(n, a.length)));
}

export function selectPages(pages: SelectablePage[], opts: SelectionOptions): Selection {
  // sort by URL so the draw does not depend on crawl order (which varies with concurrency)
  const pop = [...new Map(pages.map((p) => [p.url, p])).values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const seed = opts.seed ?? DEFAULT_SEED;
  const groups = new Map<string, SelectablePage[]>();
  for (const p of pop) {
    const custom = opts.templates?.find((t) => t.match(p.url));
    const key = custom ? custom.name : templateKey(p);
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  // representative: the shortest URL of each template (the section top or the first numbered page)
  const templates: Template[] = [...groups.entries()]
    .map(([key, ps]) => ({ key, count: ps.length, representative: [...ps].sort((a, b) => a.url.length - b.url.length || (a.url < b.url ? -1 : 1))[0].url }))
    .sort((a, b) => (a.representative < b.representative ? -1 : 1));
  const wantRep = opts.method === 'representative' || opts.method === 'representative-random';
  const wantRandom = opts.method === 'random' || opts.method === 'representative-random';
  const representative = wantRep ? templates.map((t) => t.representative) : [];
  const n = opts.n ?? WAIC_RANDOM_GUIDE;
  const repSet = new Set(representative);
  const random = wantRandom ? seededSample(pop.filter((p) => !repSet.has(p.url)), n, seed).map((p) => p.url).sort() : [];
  const urls = opts.method === 'all' ? pop.map((p) => p.url) : [...representative, ...random];
  let description: string;
  switch (opts.method) {
    case 'all':
      description = `対象となるウェブページすべて（${urls.length} ページ）`;
      break;
    case 'random':
      description = `対象となるウェブページ ${pop.length} ページから、ランダムに ${random.length} ページを選択（乱数の種: ${seed}）`;
      break;
    case 'representative':
      description = `ページの種類（テンプレート）ごとに代表ページを選択: ${templates.length} 種類から ${representative.length} ページ`;
      break;
    case 'representative-random':
      description = `代表ページ ${representative.length} ページ及び、残る ${pop.length - representative.length} ページからランダムに選択した ${random.length} ページ（計 ${urls.length} ページ、乱数の種: ${seed}）`;
      break;
  }
  return {
    method: opts.method,
    methodLabel: METHOD_LABEL_JA[opts.method],
    population: pop.length,
    seed: wantRandom ? seed : null,
    requestedRandom: wantRandom ? n : null,
    templates,
    representative,
    random,
    urls,
    description,
  };
}
