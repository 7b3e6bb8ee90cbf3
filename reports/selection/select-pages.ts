// selectPages: a selection made on the fly from a run's audited pages (JB.1.2 a–d), for a report without a
// test: all pages, random N (seeded), representative pages (the person's list first, then the suggestions of
// ./suggest.ts), or both. A test's selection is made by `test select` and read back by ./stored.ts instead,
// so that its draw is logged; both give the same Selection shape with the same warnings.
import type { SelectedPage } from '../../rules-jis/jis-test.js';
import { SELECTION_REASON_JA, WAIC_RANDOM_GUIDE } from '../../rules-jis/selection-messages.js';
import { describeSelection } from './describe.js';
import { drawOrder, seededSample } from './seeded-sample.js';
import { suggestRepresentatives } from './suggest.js';
import { matchUserList } from './user-list.js';
import { selectionWarnings } from './warnings.js';
import { METHOD_LABEL_JA, type SelectablePage, type Selection, type SelectionOptions } from './types.js';

export const DEFAULT_SEED = 'jis-a11y';

/** The pages that can be selected, each once, in URL order (so nothing depends on the crawl's order). */
export function population(pages: readonly SelectablePage[]): SelectablePage[] {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  return drawOrder(byUrl.keys()).map((u) => byUrl.get(u)!);
}

export function selectPages(pages: readonly SelectablePage[], opts: SelectionOptions): Selection {
  const pop = population(pages);
  const seed = opts.seed ?? DEFAULT_SEED;
  const wantRep = opts.method === 'representative' || opts.method === 'representative-random';
  const wantRandom = opts.method === 'random' || opts.method === 'representative-random';
  const user = wantRep ? matchUserList(opts.representative ?? [], pop) : { pages: [], unmatched: [] };
  const sugg = wantRep && opts.suggest !== false ? suggestRepresentatives(pop, { taken: user.pages, templates: opts.templates }) : null;
  const repPages: SelectedPage[] = [...user.pages, ...(sugg?.pages ?? [])];
  const repSet = new Set(repPages.map((p) => p.url));
  const n = opts.n ?? WAIC_RANDOM_GUIDE;
  const pool = pop.filter((p) => !repSet.has(p.url)).map((p) => p.url);
  const random = wantRandom ? seededSample(pool, n, seed).sort() : [];
  const selected: SelectedPage[] =
    opts.method === 'all'
      ? pop.map((p) => ({ url: p.url, kind: 'representative', reason: '全ページ', source: 'user' }))
      : [...repPages, ...random.map((url): SelectedPage => ({ url, kind: 'random', reason: SELECTION_REASON_JA.seeded(seed), source: 'draw' }))];
  const urls = selected.map((p) => p.url);
  const warnings = [
    ...selectionWarnings({ method: opts.method, population: pop, urls, random, requestedRandom: wantRandom ? n : null, pool: pool.length, unmatched: user.unmatched }),
    ...(sugg?.notes ?? []),
  ];
  return {
    method: opts.method,
    methodLabel: METHOD_LABEL_JA[opts.method],
    population: pop.length,
    seed: wantRandom ? seed : null,
    requestedRandom: wantRandom ? n : null,
    templates: sugg?.templates ?? [],
    templateCount: sugg?.clusterCount ?? 0,
    representative: opts.method === 'all' ? [] : repPages.map((p) => p.url),
    random,
    urls,
    pages: selected,
    warnings,
    draws: null,
    description: describeSelection({ method: opts.method, population: pop.length, representative: repPages.length, random: random.length, total: urls.length, seed: wantRandom ? seed : null }),
  };
}
