// One stop of the Tab sequence as the keyboard phase records it: which element has focus after a Tab press,
// what it is (selector, role, name, box, tabindex, visibility) and how it looks focused against unfocused.
// Node's traversal (crawler/page/interaction/traversal.ts) calls active() after every press.
import { cssPath, snippet } from '../dom/selector.js';
import { shortName } from '../dom/name.js';
import { hiddenReason } from '../dom/visibility.js';
import { diffLooks, finishTransitions, lookOf } from './look.js';
import { kid, state, takeEvents, type PageEvent } from './session.js';

/** A rectangle in CSS px. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The focused element as a stop of the sequence (Node calls it FocusStop: crawler/page/interaction/types.ts). */
export interface StopInfo {
  /** 1-based position in the forward Tab sequence. */
  index: number;
  selector: string;
  tag: string;
  role: string;
  /** Short accessible-ish name (text, aria-label, alt, value), for the report. */
  name: string;
  html: string;
  /** Box while focused, document coordinates. */
  rect: Rect;
  /** The tabindex attribute as written (null when absent). */
  tabindex: number | null;
  /** Rendered and on the page while focused (not display:none, zero-size, transparent or pushed off-screen). */
  visible: boolean;
  /** Why it is not visible, when it is not. */
  hiddenReason?: string;
}

/** What active() finds after a Tab press. */
export type Active =
  | { none: true; events: PageEvent[]; selfBlurred: (StopInfo & { id: number }) | null }
  | {
      none: false;
      /** An iframe, media element or date field: Tab moves inside it while activeElement stays on it. */
      frame: boolean;
      id: number;
      stop: StopInfo;
      styleDiff: string[];
      faintDiff: string[];
      viewRect: Rect;
      view: { sx: number; sy: number; w: number; h: number };
      textEntry: boolean;
      events: PageEvent[];
    };

const TEXT_ENTRY = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);
const MULTI_PART = 'input[type=date],input[type=time],input[type=datetime-local],input[type=month],input[type=week]';

/** The role a person hears first: the explicit role, else the implicit one of common controls. */
export function roleOf(el: Element): string {
  const r = el.getAttribute('role');
  if (r) return r.trim().split(/\s+/)[0];
  const t = el.localName;
  if (t === 'a' && el.hasAttribute('href')) return 'link';
  if (t === 'button') return 'button';
  if (t === 'select') return 'combobox';
  if (t === 'textarea') return 'textbox';
  if (t !== 'input') return '';
  const ty = (el as HTMLInputElement).type;
  if (ty === 'checkbox' || ty === 'radio') return ty;
  return ['submit', 'button', 'reset', 'image'].includes(ty) ? 'button' : 'textbox';
}

/** The focused element, through open shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Focus is nowhere the phase counts: the document itself, or our sentinel. */
export const isNowhere = (el: Element | null): boolean =>
  !el || el === document.body || el === document.documentElement || el === state.sentinel;

export function stopInfo(el: Element, index: number): StopInfo {
  const reason = hiddenReason(el);
  const ti = el.getAttribute('tabindex');
  const r = el.getBoundingClientRect();
  return {
    index,
    selector: cssPath(el),
    tag: el.localName,
    role: roleOf(el),
    name: shortName(el),
    html: snippet(el),
    rect: { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height },
    tabindex: ti === null || ti.trim() === '' || isNaN(Number(ti)) ? null : Number(ti),
    visible: reason === '',
    ...(reason ? { hiddenReason: reason } : {}),
  };
}

/** The unfocused look of `el`: from init, or (created since) looked at now with focus on the sentinel. */
function unfocusedLook(el: Element) {
  const base = state.pre.get(el);
  if (base) return base;
  state.sentinel!.focus({ preventScroll: true });
  finishTransitions(el);
  const look = lookOf(el);
  (el as HTMLElement).focus({ preventScroll: true });
  finishTransitions(el);
  return look;
}

/** Focus went nowhere: the end of the document, or an element that blurred itself (F55). */
function nowhere(index: number, events: PageEvent[]): Active {
  const last = state.lastFocusIn;
  const self = last && last !== state.sentinel && last.isConnected && last !== document.body ? last : null;
  return { none: true, events, selfBlurred: self ? { id: kid(self), ...stopInfo(self, index) } : null };
}

/** After a Tab press: who has focus, and how it looks focused against unfocused. */
export function active(index: number): Active {
  const el = deepActive();
  const events = takeEvents();
  if (!el || isNowhere(el)) return nowhere(index, events);
  finishTransitions(el);
  const focused = lookOf(el);
  const { diff, faint } = diffLooks(unfocusedLook(el), focused);
  const vr = el.getBoundingClientRect();
  const textEntry = el.localName === 'textarea' || (el.localName === 'input' && TEXT_ENTRY.has((el as HTMLInputElement).type)) || (el as HTMLElement).isContentEditable;
  return {
    none: false,
    // Tab moves through parts of these while activeElement stays on them (frame content, media controls, date fields)
    frame: /^(iframe|frame|object|embed|video|audio)$/.test(el.localName) || el.matches(MULTI_PART),
    id: kid(el),
    stop: stopInfo(el, index),
    styleDiff: diff,
    faintDiff: faint,
    viewRect: { x: vr.left, y: vr.top, width: vr.width, height: vr.height },
    view: { sx: scrollX, sy: scrollY, w: document.documentElement.clientWidth || innerWidth, h: document.documentElement.clientHeight || innerHeight },
    textEntry,
    events,
  };
}
