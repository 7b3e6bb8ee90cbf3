// A test's random draw, in the order that makes it impossible to shop for a kind sample (JB.1.2): the plan
// (seed — given, or new from crypto — n, population and its fingerprint, time) is written to the store and
// committed first; only then is the draw made, from the seed as the store holds it; what it drew is recorded
// against that plan, which can be drawn once. A second draw is allowed, and logged like the first.
import type { DrawLog } from '../../rules-jis/jis-test.js';
import { SELECTION_REASON_JA } from '../../rules-jis/selection-messages.js';
import type { SelectionStore } from '../../crawler/store/store.js';
import { drawOrder, newSeed, populationHash, seededSample } from './seeded-sample.js';

export interface DrawRequest {
  testId: number;
  /** Pages to draw. */
  n: number;
  /** The seed; a new one from crypto when absent. */
  seed?: string;
  /** URLs the draw is made from (the audited pages not already representative). */
  population: Iterable<string>;
  /** For tests: the time of the plan. */
  now?: string;
}

/** The draw itself: from the plan as stored, over the population in draw order. Replaceable for tests only. */
export type DrawFn = (plan: DrawLog, population: readonly string[]) => string[] | Promise<string[]>;

export const drawFromPlan: DrawFn = (plan, pop) => seededSample([...pop], plan.n, plan.seed).sort();

/** Plans, commits, then draws and records. Returns the draw as logged. */
export async function drawForTest(store: SelectionStore, req: DrawRequest, draw: DrawFn = drawFromPlan): Promise<DrawLog> {
  if (!Number.isInteger(req.n) || req.n < 1) throw new Error(`ランダムに選ぶページ数は 1 以上の整数です（指定: ${req.n}）。`);
  const pop = drawOrder(req.population);
  const planned = await store.planDraw(req.testId, { n: req.n, seed: req.seed ?? newSeed(), population: pop.length, populationHash: populationHash(pop), plannedAt: req.now });
  // draw from what the store holds, not from what was passed in: the record is the authority
  const plan = await store.getDraw(planned.id);
  if (!plan || plan.urls !== null) throw new Error(`抽選 #${planned.id} の計画を読み直せませんでした。`);
  const urls = await draw(plan, pop);
  return store.recordDraw(plan.id, urls.map((url) => ({ url, reason: SELECTION_REASON_JA.draw(plan.id, plan.seed) })));
}
