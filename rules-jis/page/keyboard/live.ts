// The live keyboard check of the editors' extension (extension/lib/keyboard-live.ts judges what this records):
// the editor presses Tab through the page herself; this records each focus stop (focusin) with the same
// probes as the crawl's keyboard phase (stopInfo, the computed-style look against the unfocused look), the
// Tab presses that moved nothing, and when focus left the document (the browser's own UI: the end of the
// sequence). It draws the path as numbered badges while she goes. No debugger, no synthetic key presses.
// Everything start() adds is taken away by stop() (listeners) and clear() (the drawing).
import { FOCUSABLE_SEL, isTabbable } from '../dom/visibility.js';
import { cssPath, snippet } from '../dom/selector.js';
import { shortName } from '../dom/name.js';
import { diffLooks, finishTransitions, lookOf, type Look } from './look.js';
import { deepActive, stopInfo, type StopInfo } from './stops.js';
import { controlCandidates, type Candidate } from './controls.js';

/** One recorded focus stop: the crawl's StopInfo plus how its look changed and how the editor got there. */
export interface LiveStop extends StopInfo {
  /** Stable number of the element for this recording (the same element visited twice has the same key). */
  key: number;
  /** Computed-style properties that changed visibly on focus ([] = no visible change in styles). */
  styleDiff: string[];
  faintDiff: string[];
  /** Reached with Shift+Tab. */
  back: boolean;
  /** Viewport height at the time (for "jumped far up the page"). */
  viewH: number;
}

/** What happened, in order. */
export type LiveEvent =
  | ({ type: 'stop' } & LiveStop)
  | { type: 'left' }
  | { type: 'stuck'; key: number; selector: string; name: string; html: string };

/** An element Tab should reach. */
export interface LiveTarget {
  key: number;
  selector: string;
  name: string;
  html: string;
  tag: string;
}

export interface LiveRecording {
  url: string;
  events: LiveEvent[];
  /** Every element in the Tab sequence when the recording started or ended. */
  tabbable: LiveTarget[];
  /** Things that look like controls but are not focusable (the crawl's 2.1.1 candidates). */
  candidates: Candidate[];
}

const LAYER = 'live';
const BADGE = 'min-width:20px;height:20px;padding:0 3px;box-sizing:border-box;border-radius:10px;background:#c00000;color:#fff;font:bold 12px/20px sans-serif;text-align:center;box-shadow:0 0 0 2px #fff;';

const rec = {
  on: false,
  keys: new WeakMap<Element, number>(),
  next: 0,
  pre: new WeakMap<Element, Look>(),
  events: [] as LiveEvent[],
  tabbable: new Map<number, LiveTarget>(),
  shift: false,
  pressedAt: 0,
};

function keyOf(el: Element): number {
  let k = rec.keys.get(el);
  if (k === undefined) rec.keys.set(el, (k = rec.next++));
  return k;
}

function noteTabbable(): void {
  const focused = deepActive();
  for (const el of Array.from(document.querySelectorAll(FOCUSABLE_SEL))) {
    if (!isTabbable(el) || el.closest('[data-jis-kbd]')) continue;
    const key = keyOf(el);
    // the focused element's look now is its focused look: no unfocused look is known for it
    if (!rec.pre.has(el) && el !== focused) rec.pre.set(el, lookOf(el));
    if (!rec.tabbable.has(key)) rec.tabbable.set(key, { key, selector: cssPath(el), name: shortName(el), html: snippet(el), tag: el.localName });
  }
}

function layer(): HTMLElement {
  let l = document.querySelector<HTMLElement>(`[data-jis-kbd="${LAYER}"]`);
  if (!l) {
    l = document.createElement('div');
    l.setAttribute('data-jis-kbd', LAYER);
    l.setAttribute('aria-hidden', 'true');
    l.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:2147483647;';
    document.documentElement.appendChild(l);
  }
  return l;
}

function draw(s: LiveStop, prev: LiveStop | undefined): void {
  const l = layer();
  const box = document.createElement('div');
  box.style.cssText = `position:absolute;left:${s.rect.x - 2}px;top:${s.rect.y - 2}px;width:${s.rect.width}px;height:${s.rect.height}px;border:2px ${s.styleDiff.length ? 'solid' : 'dashed'} #c00000;`;
  const badge = document.createElement('div');
  badge.textContent = String(s.index);
  badge.dataset.jisKbdStop = String(s.index);
  badge.style.cssText = `position:absolute;left:${Math.max(0, s.rect.x - 12)}px;top:${Math.max(0, s.rect.y - 12)}px;${BADGE}`;
  l.append(box, badge);
  if (!prev) return;
  // the path: a thin line from the previous stop's centre to this one's
  const [x1, y1] = [prev.rect.x + prev.rect.width / 2, prev.rect.y + prev.rect.height / 2];
  const [x2, y2] = [s.rect.x + s.rect.width / 2, s.rect.y + s.rect.height / 2];
  const line = document.createElement('div');
  const len = Math.hypot(x2 - x1, y2 - y1);
  line.style.cssText = `position:absolute;left:${x1}px;top:${y1}px;width:${len}px;height:0;border-top:2px solid rgba(200,0,0,0.55);transform-origin:0 0;transform:rotate(${Math.atan2(y2 - y1, x2 - x1)}rad);`;
  l.appendChild(line);
}

function lastStop(): LiveStop | undefined {
  for (let i = rec.events.length - 1; i >= 0; i--) {
    const e = rec.events[i];
    if (e.type === 'stop') return e;
  }
  return undefined;
}

function onFocusIn(): void {
  const el = deepActive();
  if (!el || el === document.body || el === document.documentElement || el.closest('[data-jis-kbd]')) return;
  finishTransitions(el);
  const key = keyOf(el);
  const pre = rec.pre.get(el);
  // No unfocused look known (focused when the recording started): not judged for 2.4.7.
  const { diff, faint } = pre ? diffLooks(pre, lookOf(el)) : { diff: ['unknown'], faint: [] };
  const index = rec.events.filter((e) => e.type === 'stop').length + 1;
  const s: LiveStop = { ...stopInfo(el, index), key, styleDiff: diff, faintDiff: faint, back: rec.shift, viewH: innerHeight };
  const prev = lastStop();
  rec.events.push({ type: 'stop', ...s });
  draw(s, prev);
}

/** Focus went to no element of the document (the browser's UI, the address bar): the end of the sequence. */
function onFocusOut(e: FocusEvent): void {
  if (e.relatedTarget) return;
  setTimeout(() => {
    const a = deepActive();
    if (!a || a === document.body || a === document.documentElement || !document.hasFocus()) rec.events.push({ type: 'left' });
  }, 0);
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  rec.shift = e.shiftKey;
  const before = deepActive();
  const count = rec.events.length;
  // A Tab that moved focus nowhere: the page held it (a trap by keydown), noted after the page's handlers ran.
  setTimeout(() => {
    if (!rec.on || rec.events.length !== count || !before || deepActive() !== before) return;
    if (before === document.body || before === document.documentElement) return;
    rec.events.push({ type: 'stuck', key: keyOf(before), selector: cssPath(before), name: shortName(before), html: snippet(before) });
  }, 50);
}

const LISTENERS: [EventTarget, string, EventListener][] = [
  [document, 'focusin', onFocusIn],
  [document, 'focusout', onFocusOut as EventListener],
  [window, 'keydown', onKeyDown as EventListener],
];

/** Starts recording (again from nothing); returns how many elements are in the Tab sequence now. */
export function liveStart(): number {
  liveStop();
  liveClear();
  rec.keys = new WeakMap();
  rec.pre = new WeakMap();
  rec.next = 0;
  rec.events = [];
  rec.tabbable = new Map();
  noteTabbable();
  for (const [t, n, f] of LISTENERS) t.addEventListener(n, f, true);
  rec.on = true;
  return rec.tabbable.size;
}

/** What has been recorded so far (the recording goes on). */
export function liveReport(): LiveRecording {
  if (rec.on) noteTabbable();
  return { url: location.href, events: rec.events.slice(), tabbable: [...rec.tabbable.values()], candidates: controlCandidates(50) };
}

/** Stops recording and returns it; the path stays drawn until liveClear(). */
export function liveStop(): LiveRecording {
  const out = liveReport();
  for (const [t, n, f] of LISTENERS) t.removeEventListener(n, f, true);
  rec.on = false;
  return out;
}

export function liveClear(): void {
  document.querySelectorAll(`[data-jis-kbd="${LAYER}"]`).forEach((e) => e.remove());
}
