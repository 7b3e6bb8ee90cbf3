// 2.1.2 evidence: focus cycled or stuck during a Tab pass (tab-walk.ts). Can Tab the other way get out?
// Does Escape release it (the modal pattern)? Does the page tell of another key? Judged in
// checks/keyboard-trap.ts.
import { sleep } from './budget.js';
import { call } from './page-calls.js';
import type { TabWalk } from './tab-walk.js';
import type { TrapEvidence } from './types.js';

/** Text that advises a key (combination) to move on: "Ctrl+M", "Alt + Q", "F6 キー", "press … to exit", "キーで抜け…". */
const EXIT_KEY_ADVICE = /\b(ctrl|control|alt|option|cmd|command|shift)\s*[+＋]\s*\S|\bF\d{1,2}\s*キー|キーを押して.{0,12}(抜け|移動|閉じ|戻)|キーで.{0,8}(抜け|移動|閉じ|戻)|\bpress\b.{0,40}\b(exit|leave|escape|move on)\b/;

/** A control inside the trap that offers help on moving on ("How to go to the next element", 「操作方法」): 2.1.2's advice may be behind it. */
const HELP_CONTROL = /\bhow to\b|\bhelp\b|instructions|keyboard shortcuts|操作方法|操作の説明|抜け方|移動方法|使い方|ヘルプ/i;

function offersHelp(html: string): boolean {
  return HELP_CONTROL.test(html.replace(/<[^>]*>/g, ' '));
}

/** Tab the other way (Shift+Tab for a forward trap) a few times: did focus leave the set? */
async function otherWayOut(w: TabWalk, set: Set<number>, direction: 'forward' | 'backward'): Promise<boolean> {
  for (let k = 0; k < set.size + 2; k++) {
    await w.press('Tab', direction === 'forward');
    const id = await w.activeId();
    if (id === null || !set.has(id)) return true;
  }
  return false;
}

/** Escape, then: is focus outside, or the trapping content gone? */
async function escapeReleases(w: TabWalk, ids: number[], set: Set<number>): Promise<boolean> {
  await w.press('Escape');
  await sleep(50);
  const id = await w.activeId();
  const stillShown = await w.budget.run(call(w.page, 'anyVisible', ids));
  return id === null || !set.has(id) || !stillShown;
}

/** 2.1.2 allows a non-standard exit key when the user is told about it: a person must check those. */
async function exitKeyAdvised(w: TabWalk): Promise<boolean> {
  const found = await w.budget
    .run(w.page.evaluate((re: string) => new RegExp(re, 'i').test(document.body?.innerText ?? ''), EXIT_KEY_ADVICE.source))
    .catch(() => false);
  return found === true;
}

/** Tries the ways out of a cycle (or a stuck element) of in-page ids. */
export async function probeTrap(w: TabWalk, ids: number[], direction: 'forward' | 'backward'): Promise<TrapEvidence> {
  const set = new Set(ids);
  const trapStops = w.art.stops.filter((s) => set.has(w.art.ids[s.stop.index - 1]));
  const otherDirection = await otherWayOut(w, set, direction);
  const escapeReleased = otherDirection ? false : await escapeReleases(w, ids, set);
  return {
    selectors: trapStops.map((s) => s.stop.selector),
    html: trapStops[0]?.stop.html ?? '',
    direction,
    otherDirection,
    escapeReleased,
    exitKeyAdvised: otherDirection || escapeReleased ? false : trapStops.some((s) => offersHelp(s.stop.html)) || (await exitKeyAdvised(w)),
  };
}
