// Suggested representative pages a person can test (JB.1.2 c/d): the top page, every page with a form, and
// the inferred templates clustered (./template-key.ts layoutKey) and capped, each with why. The cap: the
// biggest clusters first until they cover TEMPLATE_COVERAGE of the pages, at most MAX_TEMPLATES; the page of a
// cluster is the one with most to test (./page-facts.ts byTestValue), not the shortest URL (which was a form's
// thanks page). A cluster that already has a page from the person's list is covered; a form covers its cluster
// only when most of the cluster's pages have forms (a form layout), since one form page among articles is not
// what the articles look like.
// The cap is a count, not a share of pages: a small template (the English pages, a section index) is as much
// a template to test as the article layout that holds two thirds of the site.
import type { SelectedPage } from '../../rules-jis/jis-test.js';
import { SELECTION_REASON_JA, selectionWarning, type SelectionWarning } from '../../rules-jis/selection-messages.js';
import { applicableCount, byTestValue, hasForm, isTopPage } from './page-facts.js';
import { layoutKey } from './template-key.js';
import type { SelectablePage, Template } from './types.js';

/** At most this many template suggestions. */
export const MAX_TEMPLATES = 30;
/** Suggest clusters, biggest first, until they hold this share of the pages (or MAX_TEMPLATES is reached). */
export const TEMPLATE_COVERAGE = 1;
/** Up to this many form pages are each suggested; more (a search box on every page) are suggested one per cluster. */
export const MAX_FORM_PAGES = 15;

export interface SuggestOptions {
  /** Pages already selected (the person's list): they come first and cover their clusters. */
  taken?: readonly SelectedPage[];
  /** Templates given by a person (name and matcher): they win over the inferred clusters. */
  templates?: { name: string; match: (url: string) => boolean }[];
  maxTemplates?: number;
  coverage?: number;
}

export interface Suggestions {
  /** The suggestions, in order: top page, forms, templates (none already taken). */
  pages: SelectedPage[];
  /** The template clusters suggested, biggest first. */
  templates: Template[];
  /** Clusters found before the cap. */
  clusterCount: number;
  notes: SelectionWarning[];
}

type Cluster = { key: string; pages: SelectablePage[] };

function clusters(pages: readonly SelectablePage[], custom: SuggestOptions['templates']): Cluster[] {
  const groups = new Map<string, SelectablePage[]>();
  for (const p of pages) {
    const key = custom?.find((t) => t.match(p.url))?.name ?? layoutKey(p);
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.entries()]
    .map(([key, ps]) => ({ key, pages: [...ps].sort(byTestValue) }))
    .sort((a, b) => b.pages.length - a.pages.length || (a.key < b.key ? -1 : 1));
}

function formSuggestions(forms: SelectablePage[], clusterOf: Map<string, string>, notes: SelectionWarning[]): SelectedPage[] {
  if (forms.length <= MAX_FORM_PAGES) return forms.map((p) => ({ url: p.url, kind: 'representative', reason: SELECTION_REASON_JA.form, source: 'suggested' }));
  const byCluster = new Map<string, SelectablePage[]>();
  for (const p of forms) {
    const k = clusterOf.get(p.url)!;
    byCluster.set(k, [...(byCluster.get(k) ?? []), p]);
  }
  const out: SelectedPage[] = [...byCluster.values()]
    .sort((a, b) => b.length - a.length)
    .map((ps) => ({ url: [...ps].sort(byTestValue)[0].url, kind: 'representative', reason: SELECTION_REASON_JA.formOfTemplate(ps.length), source: 'suggested' }));
  notes.push(selectionWarning('forms-grouped', { count: forms.length, shown: out.length }));
  return out;
}

export function suggestRepresentatives(pages: readonly SelectablePage[], opts: SuggestOptions = {}): Suggestions {
  const notes: SelectionWarning[] = [];
  const all = clusters(pages, opts.templates);
  const clusterOf = new Map(all.flatMap((c) => c.pages.map((p) => [p.url, c.key] as const)));
  const chosen = new Set((opts.taken ?? []).map((p) => p.url));
  const out: SelectedPage[] = [];
  const add = (p: SelectedPage) => {
    if (chosen.has(p.url)) return;
    chosen.add(p.url);
    out.push(p);
  };
  for (const p of pages.filter(isTopPage)) add({ url: p.url, kind: 'representative', reason: SELECTION_REASON_JA.top, source: 'suggested' });
  for (const p of formSuggestions([...pages].filter(hasForm).sort(byTestValue), clusterOf, notes)) add(p);
  const taken = new Set((opts.taken ?? []).map((p) => p.url));
  const coveredBy = (c: Cluster) =>
    c.pages.find((p) => taken.has(p.url)) ?? (c.pages.filter(hasForm).length * 2 >= c.pages.length ? c.pages.find((p) => chosen.has(p.url)) : undefined);
  const max = opts.maxTemplates ?? MAX_TEMPLATES;
  const goal = (opts.coverage ?? TEMPLATE_COVERAGE) * pages.length;
  const templates: Template[] = [];
  let held = 0;
  for (const c of all) {
    if (held >= goal || templates.length >= max) break;
    held += c.pages.length;
    const best = c.pages[0];
    const own = coveredBy(c);
    const pick = own ?? c.pages.find((p) => !chosen.has(p.url) && !hasForm(p)) ?? c.pages.find((p) => !chosen.has(p.url)) ?? best;
    templates.push({ key: c.key, count: c.pages.length, representative: pick.url });
    if (!own && !chosen.has(pick.url)) add({ url: pick.url, kind: 'representative', reason: SELECTION_REASON_JA.template(c.key, c.pages.length, applicableCount(pick)), source: 'suggested' });
  }
  if (templates.length < all.length) {
    notes.push(selectionWarning('suggestions-capped', { clusters: all.length, shown: templates.length, population: pages.length, percent: Math.round((100 * held) / Math.max(1, pages.length)) }));
  }
  return { pages: out, templates, clusterCount: all.length, notes };
}
