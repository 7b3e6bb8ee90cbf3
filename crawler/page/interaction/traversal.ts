// Gather: Tab through the page (then Shift+Tab back), recording each stop, how it looks focused vs not,
// what happened when it got focus, and where focus could not get out. The checks judge these artifacts.
import type { Page } from 'puppeteer';
import type { Budget } from './budget.js';
import { sleep } from './budget.js';
import { call } from './in-page-loader.js';
import type { NavigationGuard } from './guard.js';
import { decodePng, diffImages } from './png.js';
import { KeySender, type KeyName } from './keys.js';
import type { Box, FocusStop, GuardEvent, StopEvidence, TrapEvidence, TraversalArtifacts } from './types.js';

/** Text that advises a key (combination) to move on: "Ctrl+M", "Alt + Q", "F6 キー", "press … to exit", "キーで抜け…". */
const EXIT_KEY_ADVICE = /\b(ctrl|control|alt|option|cmd|command|shift)\s*[+＋]\s*\S|\bF\d{1,2}\s*キー|キーを押して.{0,12}(抜け|移動|閉じ|戻)|キーで.{0,8}(抜け|移動|閉じ|戻)|\bpress\b.{0,40}\b(exit|leave|escape|move on)\b/;

type Active =
  | { none: true; events: GuardEvent[]; selfBlurred: (FocusStop & { id: number }) | null }
  | {
      none: false;
      /** An iframe, media element or date field: Tab moves inside it while activeElement stays on it. */
      frame: boolean;
      id: number;
      stop: FocusStop;
      styleDiff: string[];
      faintDiff: string[];
      viewRect: Box;
      view: View;
      textEntry: boolean;
      events: GuardEvent[];
    };

interface View {
  sx: number;
  sy: number;
  w: number;
  h: number;
}

export interface TraversalOptions {
  maxTabs: number;
  /** Leave this much of the budget for what comes after (ms). */
  reserveMs: number;
  maxPixelChecks: number;
  /** The forward pass stops when this share of the budget is spent (the probes need the rest). */
  forwardShare: number;
  /** The Shift+Tab pass stops when this share of the budget is spent. */
  backwardShare: number;
  /** How many elements Tab can reach according to the DOM (from init). */
  tabbables: number;
}

/** Tab presses spent inside one frame before we step past it. */
const MAX_IN_FRAME = 40;

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
  let frameStay = 0;
  let resumed = false; // the next recorded stop does not follow the previous one by a Tab press
  let pixelChecks = 0;
  const keys = await budget.run(KeySender.open(page));
  const press = async (key: KeyName, shift = false) => {
    art.presses++;
    await budget.run(keys.press(key, shift));
  };
  try {
    return await walk();
  } finally {
    void keys.close();
  }

  async function walk(): Promise<TraversalArtifacts & { ids: number[] }> {
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
    // 2.1.2 allows a non-standard exit key when the user is told about it: a person must check those.
    const exitKeyAdvised = otherWay || escapeReleased
      ? false
      : await budget.run(page.evaluate((re: string) => new RegExp(re, 'i').test(document.body?.innerText ?? ''), EXIT_KEY_ADVICE.source)).catch(() => false);
    return {
      selectors: trapStops.map((s) => s.stop.selector),
      html: trapStops[0]?.stop.html ?? '',
      direction,
      otherDirection: otherWay,
      escapeReleased,
      exitKeyAdvised: exitKeyAdvised === true,
    };
  };

  const record = async (a: Extract<Active, { none: false }>, events: GuardEvent[]) => {
    prevId = a.id;
    stuck = 0;
    frameStay = 0;
    seen.set(a.id, order.length);
    order.push(a.id);
    if (recorded.has(a.id)) return;
    recorded.add(a.id);
    const ev: StopEvidence = {
      stop: { ...a.stop, index: art.stops.length + 1 },
      styleDiff: a.styleDiff,
      faintDiff: a.faintDiff,
      events,
      ...(a.frame ? { multiPart: true } : {}),
      ...(resumed ? { resumed: true } : {}),
    };
    resumed = false;
    art.ids.push(a.id);
    art.stops.push(ev);
    if (!a.frame && !a.styleDiff.length && a.stop.visible && pixelChecks < o.maxPixelChecks && budget.left() > o.reserveMs + 500) {
      pixelChecks++;
      ev.pixels = await pixelCompare(page, budget, a.id, a.viewRect, a.view, a.textEntry);
    }
  };

  // ---------------- forward ----------------
  while (art.presses < o.maxTabs) {
    budget.check(o.reserveMs);
    if (budget.elapsed() > o.forwardShare * budget.ms) break; // leave time for the probes after us
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
    if (a.id === prevId && a.frame) {
      // moving through the frame's own content; we cannot see inside it (cross-origin), so we only bound it
      if (++frameStay <= MAX_IN_FRAME) continue;
      frameStay = 0;
      resumed = true;
      if (!(await budget.run(call<boolean>(page, 'focusAfter', [a.id])))) {
        art.completed = true;
        break;
      }
      const next = await budget.run(call<Active>(page, 'active', art.stops.length + 1));
      if (!next.none) await record(next, [...next.events, ...guard.take()]);
      else prevId = null;
      continue;
    } else if (a.id === prevId) {
      // Tab did not move focus at all
      if (++stuck < 2) continue;
      trapIds = [a.id];
    } else if (seen.has(a.id)) {
      if (seen.get(a.id) === 0 && order.length >= 0.9 * o.tabbables) {
        // back at the first stop after (nearly) everything: the browser wrapped around, not a trap
        art.completed = true;
        break;
      }
      trapIds = order.slice(seen.get(a.id));
    }
    if (trapIds) {
      if (art.traps.length >= 3) break;
      const t = await handleTrap(trapIds, 'forward');
      art.traps.push(t);
      if (t.escapeReleased) {
        // the dialog is closed: Tab the page again from the top (what was recorded is not recorded twice)
        seen = new Map();
        order = [];
        prevId = null;
        stuck = 0;
        resumed = true;
        await budget.run(call(page, 'reset'));
        continue;
      }
      if (t.otherDirection) {
        // focus is outside now: go on from there, without calling what we meet again a cycle
        seen = new Map();
        order = [];
        prevId = await activeId();
        stuck = 0;
        resumed = true;
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
      stuck = 0;
      resumed = true;
      // the element after the trap is a stop like any other (it is where a user would want to go)
      const next = await budget.run(call<Active>(page, 'active', art.stops.length + 1));
      if (next.none) {
        prevId = null;
        continue;
      }
      await record(next, [...next.events, ...guard.take()]);
      continue;
    }
    await record(a, events);
  }

  // ---------------- backward (Shift+Tab from the last stop) ----------------
  const forwardTrapped = new Set(art.traps.flatMap((t) => t.selectors));
  if (art.ids.length > 1 && budget.left() > o.reserveMs + 1000) {
    const last = art.ids[art.ids.length - 1];
    if (await budget.run(call<boolean>(page, 'focus', last))) {
      const back = new Set<number>([last]);
      const frameIds = new Set(art.ids.filter((_, i) => art.stops[i].multiPart));
      let inFrame = 0;
      let prev: number | null = last;
      const limit = art.ids.length + 3;
      for (let k = 0; k < limit && budget.left() > o.reserveMs + 500 && budget.elapsed() < o.backwardShare * budget.ms; k++) {
        await press('Tab', true);
        const id = await activeId();
        if (id === null || (id === last && back.size > 1)) break; // reached the top, or wrapped to the end
        if (id === prev && frameIds.has(id)) {
          if (++inFrame > MAX_IN_FRAME) break;
          continue;
        }
        inFrame = 0;
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
}

/** How far around the element a focus indicator is looked for (CSS px). */
const NEAR = 150;

/**
 * Screenshot the element and its surroundings (NEAR px, within the viewport) focused and unfocused;
 * count changed pixels on the element's box (+8 px) and in the rest of the region.
 */
async function pixelCompare(page: Page, budget: Budget, id: number, r: Box, v: View, textEntry: boolean): Promise<StopEvidence['pixels']> {
  const x0 = Math.max(0, Math.floor(r.x - NEAR));
  const y0 = Math.max(0, Math.floor(r.y - NEAR));
  const x1 = Math.min(v.w, Math.ceil(r.x + r.width + NEAR));
  const y1 = Math.min(v.h, Math.ceil(r.y + r.height + NEAR));
  if (x1 - x0 < 2 || y1 - y0 < 2) return undefined; // not in the viewport
  // puppeteer's clip is in document coordinates
  const clip = { x: x0 + v.sx, y: y0 + v.sy, width: x1 - x0, height: y1 - y0 };
  const shot = () => budget.run(page.screenshot({ type: 'png', clip, captureBeyondViewport: false, optimizeForSpeed: true }));
  const focused = await shot();
  await budget.run(call(page, 'unfocus', id));
  const blurred = await shot();
  await budget.run(call(page, 'refocus', id));
  const a = decodePng(focused);
  const b = decodePng(blurred);
  const s = a.width / clip.width;
  const pad = 8;
  const d = diffImages(a, b, { x: (r.x - pad - x0) * s, y: (r.y - pad - y0) * s, width: (r.width + 2 * pad) * s, height: (r.height + 2 * pad) * s });
  return { inBox: Math.round(d.inBox / (s * s)), boxArea: Math.round(d.boxArea / (s * s)), elsewhere: Math.round(d.elsewhere / (s * s)), textEntry };
}
