// The warnings a selection carries (rules-jis/selection-messages.ts has the words and WAIC's numbers): a random
// part below WAIC's guide of 40 pages or larger than what can be drawn, a method below the guide for the size
// of the site, a representative list that misses the top page or every page with a form, a person's entry that
// names no page, a selected page the run did not audit. Pure: the same input gives the same warnings.
import { WAIC_METHOD_D_ABOVE, WAIC_RANDOM_GUIDE, selectionWarning, type SelectionWarning } from '../../rules-jis/selection-messages.js';
import { hasForm, isTopPage } from './page-facts.js';
import { METHOD_LABEL_JA, type SelectablePage, type SelectionMethod } from './types.js';

export interface WarningInput {
  method: SelectionMethod;
  /** The pages that could be selected. */
  population: readonly SelectablePage[];
  /** Every selected URL. */
  urls: readonly string[];
  /** Pages drawn at random and pages asked for (null when there is no random part). */
  random: readonly string[];
  requestedRandom: number | null;
  /** Pages the random part could be drawn from. */
  pool: number;
  /** A person's representative entries that named no page. */
  unmatched?: readonly string[];
  /** Selected URLs the run has no audited page for. */
  notAudited?: readonly string[];
  runId?: number;
}

function randomWarnings(i: WarningInput): SelectionWarning[] {
  if (i.requestedRandom === null) return [];
  if (i.requestedRandom > i.pool) return [selectionWarning('random-over-population', { n: i.requestedRandom, pool: i.pool })];
  return i.random.length < WAIC_RANDOM_GUIDE ? [selectionWarning('random-below-guide', { n: i.random.length })] : [];
}

function representativeWarnings(i: WarningInput): SelectionWarning[] {
  if (i.method !== 'representative' && i.method !== 'representative-random') return [];
  const selected = new Set(i.urls);
  const out: SelectionWarning[] = [];
  const tops = i.population.filter(isTopPage);
  if (tops.length && !tops.some((p) => selected.has(p.url))) out.push(selectionWarning('no-top-page', { url: tops[0].url }));
  const forms = i.population.filter(hasForm);
  if (forms.length && !forms.some((p) => selected.has(p.url))) out.push(selectionWarning('no-form-page', { count: forms.length, url: forms[0].url }));
  return out;
}

export function selectionWarnings(i: WarningInput): SelectionWarning[] {
  const run = i.runId ?? '?';
  const out = [
    ...(i.unmatched ?? []).map((entry) => selectionWarning('unmatched-representative', { entry, run })),
    ...(i.notAudited ?? []).map((url) => selectionWarning('not-audited', { url, run })),
    ...randomWarnings(i),
    ...representativeWarnings(i),
  ];
  if (i.population.length > WAIC_METHOD_D_ABOVE && (i.method === 'random' || i.method === 'representative')) {
    out.push(selectionWarning('site-size-method', { population: i.population.length, method: METHOD_LABEL_JA[i.method] }));
  }
  return out;
}
