// Gather: Tab through the page (then Shift+Tab back, backward.ts), recording each stop, how it looks focused
// vs not, what happened when it got focus, and where focus could not get out (trap.ts). The checks judge
// these artifacts. One Tab press is one step(); what it found decides the next.
import type { Page } from 'puppeteer';
import type { Active } from '../../../rules-jis/page/keyboard/index.js';
import type { Budget } from './budget.js';
import type { NavigationGuard } from './guard.js';
import { KeySender } from './keys.js';
import { call } from './page-calls.js';
import { backwardPass } from './backward.js';
import { probeTrap } from './trap.js';
import { MAX_IN_FRAME, TabWalk, type Focused, type Traversal, type TraversalOptions } from './tab-walk.js';
import type { GuardEvent } from './types.js';

export type { TraversalOptions, Traversal } from './tab-walk.js';

/** Thrown when the document was replaced under us (after the guard restored it). */
export class PageReplaced extends Error {}

/** After a Tab press: go on (true) or end the forward pass (false). */
type Step = Promise<boolean>;

export async function traverse(page: Page, guard: NavigationGuard, budget: Budget, o: TraversalOptions): Promise<Traversal> {
  const viewport = await budget.run(call(page, 'viewport'));
  const keys = await budget.run(KeySender.open(page));
  try {
    const w = new TabWalk(page, guard, budget, o, keys, viewport);
    await budget.run(call(page, 'reset'));
    await forwardPass(w);
    await backwardPass(w);
    await budget.run(call(page, 'reset'));
    w.addToLast(guard.take());
    return w.art;
  } finally {
    void keys.close();
  }
}

async function forwardPass(w: TabWalk): Promise<void> {
  while (w.art.presses < w.o.maxTabs) {
    w.budget.check(w.o.reserveMs);
    if (w.budget.elapsed() > w.o.forwardShare * w.budget.ms) return; // leave time for the probes after us
    if (!(await step(w))) return;
  }
}

async function step(w: TabWalk): Step {
  await w.press('Tab');
  let a: Active;
  try {
    a = await w.active();
  } catch (e) {
    if (w.guard.leftPage) throw new PageReplaced(String(e));
    throw e;
  }
  const events = [...a.events, ...w.guard.take()];
  if (a.none) return focusWentNowhere(w, a, events);
  if (a.id === w.prevId && a.frame) return insideFrame(w, a);
  const trapIds = cycleOf(w, a);
  if (trapIds === 'wrapped') return finished(w);
  if (trapIds === 'wait') return true;
  if (trapIds) return onTrap(w, trapIds);
  await w.record(a, events);
  return true;
}

function finished(w: TabWalk): false {
  w.art.completed = true;
  return false;
}

/** Nothing has focus: an element that blurred itself (recorded, go on), or the end of the document. */
function focusWentNowhere(w: TabWalk, a: Extract<Active, { none: true }>, events: GuardEvent[]): boolean {
  if (a.selfBlurred && !w.has(a.selfBlurred.id)) {
    w.recordSelfBlurred(a, events);
    return true;
  }
  w.addToLast(events);
  return finished(w);
}

/** Moving through a frame's own content: we cannot see inside it (cross-origin), so we only bound it. */
async function insideFrame(w: TabWalk, a: Focused): Step {
  if (++w.frameStay <= MAX_IN_FRAME) return true;
  w.frameStay = 0;
  w.resumed = true;
  if (!(await w.budget.run(call(w.page, 'focusAfter', [a.id])))) return finished(w);
  await w.recordCurrent();
  return true;
}

/** The ids focus keeps cycling in (or is stuck on); 'wait' for one more press; 'wrapped' at the end. */
function cycleOf(w: TabWalk, a: Focused): number[] | null | 'wait' | 'wrapped' {
  if (a.id === w.prevId) return ++w.stuck < 2 ? 'wait' : [a.id]; // Tab did not move focus at all
  const at = w.seen.get(a.id);
  if (at === undefined) return null;
  // back at the first stop after (nearly) everything: the browser wrapped around, not a trap
  if (at === 0 && w.order.length >= 0.9 * w.o.tabbables) return 'wrapped';
  return w.order.slice(at);
}

/** Probe the trap, then carry on from wherever the way out left focus. */
async function onTrap(w: TabWalk, trapIds: number[]): Step {
  if (w.art.traps.length >= 3) return false;
  const t = await probeTrap(w, trapIds, 'forward');
  w.art.traps.push(t);
  if (t.escapeReleased) {
    // the dialog is closed: Tab the page again from the top (what was recorded is not recorded twice)
    w.restartCycle(null);
    await w.budget.run(call(w.page, 'reset'));
    return true;
  }
  if (t.otherDirection) {
    // focus is outside now: go on from there, without calling what we meet again a cycle
    w.restartCycle(await w.activeId());
    if (w.prevId === null) await w.budget.run(call(w.page, 'reset'));
    return true;
  }
  if (!(await w.budget.run(call(w.page, 'focusAfter', trapIds)))) return finished(w);
  // the element after the trap is a stop like any other (it is where a user would want to go)
  w.restartCycle(w.prevId);
  await w.recordCurrent();
  return true;
}
