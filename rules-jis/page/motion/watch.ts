// The motion watch (2.2.1, 2.2.2; judged in crawler/page/interaction/checks/motion.ts). It starts with the
// keyboard phase and runs beside it, so the phase's own seconds are the observation window (no extra wait on a
// page with nothing that may move). Every 400 ms it notes the state of each candidate (./candidates.ts): which
// slides are shown, where a ticker's text is, whether a message is still there. A change counts as by itself
// only when nothing the phase did could have caused it: in the second before it, no key other than Tab, no
// click, no focus or mouse inside the candidate, no layout change of ours (watchNote: the 200% text pass).
// A MutationObserver adds text that a script rewrites by itself again and again (a counter, a news feed).
import { animations, carousels, controlsNear, describeEl, messages, tickers, type ControlsNear, type MotionCandidate, type MotionKind } from './candidates.js';
import { hiddenReason } from '../dom/visibility.js';

/** A thing that moved by itself, as the watch saw it. */
export interface MotionItem {
  kind: MotionKind;
  selector: string;
  html: string;
  name: string;
  /** Changes of state (slide shown, text position) with no action of ours behind them; one advance = one burst. */
  advances: number;
  slides: number;
  /** Active duration of an animation, or of the one moving a ticker's text (ms; -1 = repeats for ever); 0 otherwise. */
  durationMs: number;
  controls: ControlsNear;
}

/** A message that went away by itself. */
export interface VanishedItem {
  selector: string;
  html: string;
  text: string;
  /** When it went, ms after the page started loading. */
  atMs: number;
}

export interface MotionReport {
  items: MotionItem[];
  vanished: VanishedItem[];
  /** Things watched that may move (carousels, tickers, animations, rewritten text): 0 → 2.2.2 inapplicable. */
  moving: number;
  /** Messages watched: 0 → 2.2.1 inapplicable. */
  messages: number;
  watchedMs: number;
}

interface Watched {
  c: MotionCandidate;
  sig: string;
  /** Times of changes by itself (merged into bursts when judged). */
  changes: number[];
}

interface Message {
  el: Element;
  /** A toast: fixed on the screen and announced (role=status/alert) or named so — worth waiting for. */
  toast: boolean;
  info: ReturnType<typeof describeEl> & { text: string };
  gone: number | null;
}

interface Action {
  t: number;
  target: Element | null;
  /** Could have changed anything on the page (a key other than Tab, a click, our layout change). */
  global: boolean;
}

const POLL_MS = 400;
/** An action this long before a change may have caused it. */
const CAUSE_MS = 1000;
/** Changes closer than this are one advance (a slide transition seen mid-way and at its end). */
const BURST_MS = 1200;

let timer: number | null = null;
let started = 0;
let last = 0;
let watched: Watched[] = [];
let msgs: Message[] = [];
let actions: Action[] = [];
let observer: MutationObserver | null = null;
/** Text rewrites by element: the times they happened (by itself or not is decided at the report). */
let rewrites = new Map<Element, number[]>();
const MAX_REWRITTEN = 200;

const sigOf = (c: MotionCandidate): string => {
  if (c.kind === 'carousel') return c.slides.map((s) => (hiddenReason(s) ? '0' : '1')).join('');
  // relative to the box, so that scrolling the page (focus moving down it) is not motion
  const first = c.el.firstElementChild ?? c.el;
  const r = first.getBoundingClientRect();
  const box = c.el.getBoundingClientRect();
  return `${Math.round((r.left - box.left) / 2)},${Math.round((r.top - box.top) / 2)},${c.el.scrollLeft},${c.el.scrollTop}`;
};

const onAction = (e: Event) => {
  const key = (e as KeyboardEvent).key;
  const global = e.type === 'click' || e.type === 'mousedown' || e.type === 'submit' || (e.type === 'keydown' && key !== 'Tab' && key !== 'Shift');
  actions.push({ t: performance.now(), target: e.target instanceof Element ? e.target : null, global });
  if (actions.length > 2000) actions.splice(0, 1000);
};
const ACTION_EVENTS = ['keydown', 'mousedown', 'click', 'mouseover', 'focusin', 'input', 'change', 'submit'];

/** Nothing the phase did in the window could have changed `el`. */
function byItself(el: Element, from: number, to: number): boolean {
  return !actions.some((a) => a.t >= from - CAUSE_MS && a.t <= to && (a.global || (a.target !== null && (el.contains(a.target) || a.target.contains(el)))));
}

/** The element is inside or around one of the candidates (one moving thing is reported once). */
const overlaps = (el: Element, cs: MotionCandidate[]) => cs.some((c) => c.el.contains(el) || el.contains(c.el));

function poll(): void {
  const now = performance.now();
  for (const w of watched) {
    if (!w.c.el.isConnected) continue;
    const sig = sigOf(w.c);
    if (sig !== w.sig && byItself(w.c.el, last, now)) w.changes.push(now);
    w.sig = sig;
  }
  for (const m of msgs) {
    if (m.gone !== null) continue;
    if ((!m.el.isConnected || hiddenReason(m.el)) && byItself(m.el, last, now)) m.gone = now;
  }
  last = now;
}

/** A small block of text whose words a script replaced (not our helpers, not a big container being filled). */
function rewritten(target: Node): Element | null {
  const el = target.nodeType === Node.TEXT_NODE ? target.parentElement : (target as Element);
  if (!el || el === document.body || el.closest('[data-jis-kbd]')) return null;
  const len = (el.textContent ?? '').trim().length;
  return len >= 1 && len <= 300 ? el : null;
}

function onMutations(recs: MutationRecord[]): void {
  const t = performance.now();
  for (const r of recs) {
    if (r.type === 'childList' && !Array.from(r.addedNodes).concat(Array.from(r.removedNodes)).some((n) => n.nodeType === Node.TEXT_NODE || (n.textContent ?? '').trim())) continue;
    const el = rewritten(r.target);
    if (!el || (!rewrites.has(el) && rewrites.size >= MAX_REWRITTEN)) continue;
    const times = rewrites.get(el) ?? [];
    if (times[times.length - 1] !== t) times.push(t);
    rewrites.set(el, times);
  }
}

/** Text blocks rewritten by themselves in two bursts or more (outside the carousels and tickers watched). */
function updatingItems(): MotionItem[] {
  const out: MotionItem[] = [];
  for (const [el, times] of rewrites) {
    if (out.length >= 3 || !el.isConnected || hiddenReason(el) || overlaps(el, watched.map((w) => w.c))) continue;
    const own = times.filter((t) => byItself(el, t, t));
    const n = bursts(own);
    if (n < 2) continue;
    const c: MotionCandidate = { el, kind: 'updating', slides: [], durationMs: 0 };
    out.push({ kind: 'updating', ...describeEl(el), advances: n, slides: 0, durationMs: 0, controls: controlsNear(c) });
  }
  return out;
}

/** Starts the watch (the keyboard phase's set-up); returns the number of candidates. */
export function watchStart(): number {
  watchStop();
  const cs = carousels(5);
  const moving = [...cs, ...tickers(5, cs.map((c) => c.el))];
  const all = [...moving, ...animations(5).filter((a) => !overlaps(a.el, moving))];
  watched = all.map((c) => ({ c, sig: sigOf(c), changes: [] }));
  msgs = messages(10)
    .filter((el) => !all.some((c) => c.el.contains(el)))
    .map((el) => ({ el, toast: toastLike(el), info: { ...describeEl(el), text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60) }, gone: null }));
  for (const t of ACTION_EVENTS) window.addEventListener(t, onAction, true);
  observer = new MutationObserver(onMutations);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  started = last = performance.now();
  timer = window.setInterval(poll, POLL_MS);
  return watched.length + msgs.length;
}

/** Something of ours changed the layout (the 200% text pass): changes now are not by themselves. */
export function watchNote(): void {
  actions.push({ t: performance.now(), target: document.documentElement, global: true });
}

const toastLike = (el: Element) =>
  ['fixed', 'sticky'].includes(getComputedStyle(el).position) && (el.matches('[role=status],[role=alert]') || /toast|snack|flash/i.test(`${el.className} ${el.id}`));

/**
 * A carousel or ticker has not moved yet, or a toast is still shown: the phase may wait a little longer
 * (until `carouselMs` of watching / `toastMs` after the page started loading).
 */
export function watchPending(carouselMs: number, toastMs: number): { pending: boolean; waitMs: number } {
  const now = performance.now();
  const still = watched.some((w) => w.c.kind !== 'animation' && w.changes.length === 0) ? carouselMs - (now - started) : 0;
  const toast = msgs.some((m) => m.toast && m.gone === null) ? toastMs - now : 0;
  const waitMs = Math.max(still, toast);
  return { pending: waitMs > 0, waitMs };
}

function bursts(times: number[]): number {
  let n = 0;
  let prev = -Infinity;
  for (const t of times) {
    if (t - prev > BURST_MS) n++;
    prev = t;
  }
  return n;
}

/** What moved or went away by itself since watchStart (animations that started since are added now). */
export function watchReport(): MotionReport {
  if (timer !== null) poll();
  const seen = watched.map((w) => w.c.el);
  for (const c of animations(5)) if (!seen.includes(c.el) && !overlaps(c.el, watched.map((w) => w.c))) watched.push({ c, sig: '', changes: [] });
  const items: MotionItem[] = [];
  for (const w of watched) {
    // a running animation moves by definition; a carousel or ticker only when it was seen to
    const advances = w.c.kind === 'animation' ? 1 : w.c.kind === 'ticker' ? w.changes.length : bursts(w.changes);
    if (!advances || !w.c.el.isConnected) continue;
    const durationMs = w.c.durationMs === Infinity ? -1 : w.c.durationMs;
    items.push({ kind: w.c.kind, ...describeEl(w.c.el), advances, slides: w.c.slides.length, durationMs, controls: controlsNear(w.c) });
  }
  items.push(...updatingItems());
  const vanished = msgs.filter((m) => m.gone !== null).map((m) => ({ selector: m.info.selector, html: m.info.html, text: m.info.text, atMs: Math.round(m.gone!) }));
  const moving = watched.length + items.filter((i) => i.kind === 'updating').length;
  return { items, vanished, moving, messages: msgs.length, watchedMs: Math.round(performance.now() - started) };
}

/** Stops the watch and forgets it (the keyboard phase's cleanup). */
export function watchStop(): void {
  if (timer !== null) window.clearInterval(timer);
  timer = null;
  observer?.disconnect();
  observer = null;
  rewrites = new Map();
  for (const t of ACTION_EVENTS) window.removeEventListener(t, onAction, true);
  watched = [];
  msgs = [];
  actions = [];
}
