// The Shift+Tab pass (traversal.ts): from the last stop back to the top, looking for places focus cannot
// leave going backward (a trap only one direction shows). Stops at 75 % of the budget by default.
import { call } from './page-calls.js';
import { probeTrap } from './trap.js';
import { MAX_IN_FRAME, type TabWalk } from './tab-walk.js';

/** Shift+Tab from the last recorded stop; a backward trap not already found forward is added. */
export async function backwardPass(w: TabWalk): Promise<void> {
  const { art, budget, o } = w;
  if (art.ids.length <= 1 || budget.left() <= o.reserveMs + 1000) return;
  const last = art.ids[art.ids.length - 1];
  if (!(await budget.run(call(w.page, 'focus', last)))) return;
  const forwardTrapped = new Set(art.traps.flatMap((t) => t.selectors));
  const back = new Set<number>([last]);
  const frameIds = new Set(art.ids.filter((_, i) => art.stops[i].multiPart));
  let inFrame = 0;
  let prev: number | null = last;
  const limit = art.ids.length + 3;
  for (let k = 0; k < limit && budget.left() > o.reserveMs + 500 && budget.elapsed() < o.backwardShare * budget.ms; k++) {
    await w.press('Tab', true);
    const id = await w.activeId();
    if (id === null || (id === last && back.size > 1)) return; // reached the top, or wrapped to the end
    if (id === prev && frameIds.has(id)) {
      if (++inFrame > MAX_IN_FRAME) return;
      continue;
    }
    inFrame = 0;
    if (id === prev || back.has(id)) {
      const ids = id === prev ? [id] : [...back].slice([...back].indexOf(id));
      const t = await probeTrap(w, ids, 'backward');
      if (!t.selectors.some((s) => forwardTrapped.has(s)) && t.selectors.length) art.traps.push(t);
      return;
    }
    back.add(id);
    prev = id;
  }
}
