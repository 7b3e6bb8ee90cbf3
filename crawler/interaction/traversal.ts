// Gather: Tab through the page (then Shift+Tab back), recording each stop, how it looks focused vs not,
// what happened when it got focus, and where focus could not get out. The checks judge these artifacts.
import type { Page } from 'puppeteer';
import type { Budget } from './budget.js';
import { sleep } from './budget.js';
import { call } from './in-page-loader.js';
import type { NavigationGuard } from './guard.js';
import { decodePng, diffImages } from './png.js';
import type { Box, FocusStop, GuardEvent, StopEvidence, TrapEvidence, TraversalArtifacts } from './types.js';

type Active =
  | { none: true; events: GuardEvent[]; selfBlurred: (FocusStop & { id: number }) | null }
  | {
      none: false;
      id: number;
      stop: FocusStop;
      styleDiff: string[];
      faintDiff: string[];
      viewRect: Box;
      textEntry: boolean;
      events: GuardEvent[];
    };

export interface TraversalOptions {
  maxTabs: number;
  /** Leave this much of the budget for what comes after (ms). */
  reserveMs: number;
  maxPixelChecks: number;
}

/** Thrown when the document was replaced under us (after the guard restored it). */
export class PageReplaced extends Error {}

export async function traverse(page: Page, guard: NavigationGuard, budget: Budget, o: TraversalOptions): Promise<TraversalArtifacts & { ids: number[] }> {
  const vp = (await budget.run(page.evaluate('[innerWidth, innerHeight]'))) as [number, number];
  const art: TraversalArtifacts & { ids: number[] } = {
    stops: [],
    traps: [],
    tabbableCount: 0,
    completed: false,
    presses: 0,
    viewport: { width: vp[0], height: vp[1] },
    ids: [],
  };
  const recorded = new Set<number>();
  let seen = new Map<number, number>(); // id → position in `order` since the last reset
  let order: number[] = [];
  let prevId: number | null = null;
  let stuck = 0;
  let pixelChecks = 0;
  const press = async (key: 'Tab' | 'Escape', shift = false) => {
    art.presses++;
    if (shift) await budget.run(page.keyboard.down('Shift'));
    try {
      await budget.run(page.keyboard.press(key));
    } finally {
      if (shift) await budget.run(page.keyboard.up('Shift'));
    }
  };
  const activeId = () => budget.run(call<number | null>(page, 'activeId'));

  await budget.run(call(page, 'reset'));

  const handleTrap = async (ids: number[], direction: 'forward' | 'backward'): Promise<TrapEvidence> => {
    const set = new Set(ids);
    const trapStops = art.stops.filter((s) => set.has(art.ids[s.stop.index - 1]));
    // can Shift+Tab (or Tab, going backward) get out?
    let otherWay = false;
    for (let k = 0; k < set.size + 2; k++) {
      await press('Tab', direction === 'forward');
      const id = await activeId();
      if (id === null || !set.has(id)) {
        otherWay = true;
        break;
      }
    }
    let escapeReleased = false;
    if (!otherWay) {
      // the modal pattern: Escape closes it and focus goes back outside
      await press('Escape');
      await sleep(50);
      const id = await activeId();
      const stillShown = await budget.run(call<boolean>(page, 'anyVisible', ids));
      escapeReleased = id === null || !set.has(id) || !stillShown;
    }
    return {
      selectors: trapStops.map((s) => s.stop.selector),
      html: trapStops[0]?.stop.html ?? '',
      direction,
      otherDirection: otherWay,
      escapeReleased,
    };
  };

  // ---------------- forward ----------------
  while (art.presses < o.maxTabs) {
    budget.check(o.reserveMs);
    await press('Tab');
    let a: Active;
    try {
      a = await budget.run(call<Active>(page, 'active', art.stops.length + 1));
    } catch (e) {
      if (guard.leftPage) throw new PageReplaced(String(e));
      throw e;
    }
    const events = [...a.events, ...guard.take()];
    if (a.none) {
      if (a.selfBlurred && !recorded.has(a.selfBlurred.id)) {
        // focus arrived and was thrown away by the page (F55); Tab goes on from there
        const { id, ...stop } = a.selfBlurred;
        recorded.add(id);
        art.ids.push(id);
        art.stops.push({ stop: { ...stop, index: art.stops.length + 1 }, styleDiff: [], faintDiff: [], events, selfBlurred: true });
        continue;
      }
      if (events.length && art.stops.length) art.stops[art.stops.length - 1].events.push(...events);
      art.completed = true;
      break;
    }
    let trapIds: number[] | null = null;
    if (a.id === prevId) {
      if (++stuck >= 2) trapIds = [a.id];
    } else if (seen.has(a.id)) {
      trapIds = order.slice(seen.get(a.id));
    }
    if (trapIds) {
      if (art.traps.length >= 3) break;
      const t = await handleTrap(trapIds, 'forward');
      art.traps.push(t);
      if (t.escapeReleased || t.otherDirection) {
        // focus is outside now: go on from there, without calling what we meet again a cycle
        seen = new Map();
        order = [];
        prevId = await activeId();
        stuck = 0;
        if (prevId === null) await budget.run(call(page, 'reset'));
        continue;
      }
      const moved = await budget.run(call<boolean>(page, 'focusAfter', trapIds));
      if (!moved) {
        art.completed = true;
        break;
      }
      seen = new Map();
      order = [];
      prevId = await activeId();
      stuck = 0;
      continue;
    }
    prevId = a.id;
    stuck = 0;
    seen.set(a.id, order.length);
    order.push(a.id);
    if (recorded.has(a.id)) continue;
    recorded.add(a.id);
    const ev: StopEvidence = { stop: { ...a.stop, index: art.stops.length + 1 }, styleDiff: a.styleDiff, faintDiff: a.faintDiff, events };
    art.ids.push(a.id);
    art.stops.push(ev);
    if (!a.styleDiff.length && a.stop.visible && pixelChecks < o.maxPixelChecks && budget.left() > o.reserveMs + 500) {
      pixelChecks++;
      ev.pixels = await pixelCompare(page, budget, a.id, a.viewRect, a.textEntry);
    }
  }
  if (art.presses >= o.maxTabs) art.completed = false;

  // ---------------- backward (Shift+Tab from the last stop) ----------------
  const forwardTrapped = new Set(art.traps.flatMap((t) => t.selectors));
  if (art.ids.length > 1 && budget.left() > o.reserveMs + 1000) {
    const last = art.ids[art.ids.length - 1];
    if (await budget.run(call<boolean>(page, 'focus', last))) {
      const back = new Set<number>([last]);
      let prev: number | null = last;
      const limit = art.ids.length + 3;
      for (let k = 0; k < limit && budget.left() > o.reserveMs + 500; k++) {
        await press('Tab', true);
        const id = await activeId();
        if (id === null) break; // reached the top
        if (id === prev || back.has(id)) {
          const ids = id === prev ? [id] : [...back].slice([...back].indexOf(id));
          const t = await handleTrap(ids, 'backward');
          if (!t.selectors.some((s) => forwardTrapped.has(s)) && t.selectors.length) art.traps.push(t);
          break;
        }
        back.add(id);
        prev = id;
      }
    }
  }
  await budget.run(call(page, 'reset'));
  const stray = guard.take();
  if (stray.length && art.stops.length) art.stops[art.stops.length - 1].events.push(...stray);
  return art;
}

/** Screenshot the viewport focused and unfocused; count changed pixels on the element's box (+8 px) and elsewhere. */
async function pixelCompare(page: Page, budget: Budget, id: number, r: Box, textEntry: boolean): Promise<StopEvidence['pixels']> {
  const shot = () => budget.run(page.screenshot({ type: 'png', captureBeyondViewport: false, optimizeForSpeed: true }));
  const focused = await shot();
  await budget.run(call(page, 'unfocus', id));
  const blurred = await shot();
  await budget.run(call(page, 'refocus', id));
  const a = decodePng(focused);
  const b = decodePng(blurred);
  const vw = (await budget.run(page.evaluate('innerWidth'))) as number;
  const s = a.width / (vw || a.width);
  const pad = 8;
  const d = diffImages(a, b, { x: (r.x - pad) * s, y: (r.y - pad) * s, width: (r.width + 2 * pad) * s, height: (r.height + 2 * pad) * s });
  return { inBox: Math.round(d.inBox / (s * s)), boxArea: Math.round(d.boxArea / (s * s)), elsewhere: Math.round(d.elsewhere / (s * s)), textEntry };
}
