// A test's selection as the store keeps it (`test select` wrote it: crawler/store SelectionStore), turned into
// the Selection the reports print, against the audited pages of the run being reported: the method follows
// from what is stored, the draws are summarised (how many, which one is used), and the warnings say what a
// reader should question (below WAIC's guide, no top page, no form, a selected page the run did not audit).
import type { DrawLog, SelectedPage } from '../../rules-jis/jis-test.js';
import { drawsSentenceJa, selectionWarning, type SelectionWarning } from '../../rules-jis/selection-messages.js';
import type { SelectionStore } from '../../crawler/store/store.js';
import { describeSelection } from './describe.js';
import { population } from './select-pages.js';
import { selectionWarnings } from './warnings.js';
import { METHOD_LABEL_JA, type DrawsSummary, type SelectablePage, type Selection, type SelectionMethod } from './types.js';

export function summariseDraws(log: DrawLog[], randomPages: readonly SelectedPage[]): DrawsSummary {
  const made = log.filter((d) => d.urls !== null);
  const usedId = randomPages.find((p) => p.drawId !== undefined)?.drawId;
  const used = made.find((d) => d.id === usedId) ?? null;
  const ordinal = used ? made.indexOf(used) + 1 : null;
  const sentence = drawsSentenceJa(made.length || log.length, used && ordinal ? { ordinal, id: used.id, seed: used.seed, plannedAt: used.plannedAt, population: used.population, n: used.n } : null);
  return { count: made.length, log, used, ordinal, sentence };
}

function drawNotes(d: DrawsSummary): SelectionWarning[] {
  const notes = d.log.filter((x) => x.urls === null).map((x) => selectionWarning('plan-not-drawn', { id: x.id, seed: x.seed, plannedAt: x.plannedAt }));
  if (d.count > 1 && d.used) notes.push(selectionWarning('draws-repeated', { count: d.count, ordinal: d.ordinal!, id: d.used.id, seed: d.used.seed }));
  return notes;
}

function methodOf(rep: number, random: number): SelectionMethod {
  return rep && random ? 'representative-random' : random ? 'random' : 'representative';
}

/** The stored selection of `testId` against `pages` (the run's audited pages). Null when the test has none. */
export async function storedSelection(store: SelectionStore, testId: number, pages: readonly SelectablePage[], runId?: number): Promise<Selection | null> {
  const stored = await store.listSelection(testId);
  if (!stored.length) return null;
  const pop = population(pages);
  const audited = new Set(pop.map((p) => p.url));
  const rep = stored.filter((p) => p.kind === 'representative');
  const repUrls = new Set(rep.map((p) => p.url));
  const random = stored.filter((p) => p.kind === 'random' && !repUrls.has(p.url));
  const selected = [...rep, ...random];
  const draws = summariseDraws(await store.listDraws(testId), random);
  const method = methodOf(rep.length, random.length);
  const urls = selected.map((p) => p.url);
  const warnings = [
    ...selectionWarnings({
      method,
      population: pop,
      urls,
      random: random.map((p) => p.url),
      requestedRandom: draws.used ? draws.used.n : null,
      pool: draws.used ? draws.used.population : pop.length - rep.length,
      notAudited: urls.filter((u) => !audited.has(u)),
      runId,
    }),
    ...drawNotes(draws),
  ];
  return {
    method,
    methodLabel: METHOD_LABEL_JA[method],
    population: pop.length,
    seed: draws.used?.seed ?? null,
    requestedRandom: draws.used?.n ?? null,
    templates: [],
    templateCount: 0,
    representative: rep.map((p) => p.url),
    random: random.map((p) => p.url),
    urls,
    pages: selected,
    warnings,
    draws,
    description: describeSelection({ method, population: pop.length, representative: rep.length, random: random.length, total: urls.length, seed: draws.used?.seed ?? null }),
  };
}
