// Moving focus and the view on Node's behalf during the keyboard phase: back to the top of the document,
// off an element and back (for the unfocused screenshot), past a trap, and where elements are.
import { FOCUSABLE_SEL, hiddenReason, isTabbable } from '../dom/visibility.js';
import { deepActive, isNowhere } from './stops.js';
import { finishTransitions } from './look.js';
import { kid, state } from './session.js';

const byId = (id: number) => state.byId[id] as HTMLElement | undefined;

/** Puts the sequential-focus starting point at the top of the document. */
export function reset(): void {
  const s = state.sentinel!;
  if (!s.isConnected) document.body.insertBefore(s, document.body.firstChild);
  s.focus({ preventScroll: true });
  state.lastFocusIn = null;
}

/** Takes focus off (to the sentinel) for an unfocused screenshot; refocus(id) puts it back. */
export function unfocus(id: number): void {
  state.sentinel!.focus({ preventScroll: true });
  const el = byId(id);
  if (el) finishTransitions(el);
}

export function refocus(id: number): boolean {
  const el = byId(id);
  if (!el) return false;
  el.focus({ preventScroll: true });
  finishTransitions(el);
  return deepActive() === el;
}

export function focus(id: number): boolean {
  const el = byId(id);
  if (!el || !el.isConnected) return false;
  el.focus();
  return deepActive() === el;
}

export function activeId(): number | null {
  const el = deepActive();
  return isNowhere(el) ? null : kid(el!);
}

/** Are these elements still rendered? (after Escape: a closed dialog is not) */
export function anyVisible(idList: number[]): boolean {
  return idList.some((i) => {
    const el = byId(i);
    return !!el && el.isConnected && hiddenReason(el) === '';
  });
}

/** The smallest region holding all the given elements, from the last of them in document order. */
function regionOf(els: Element[]): Element {
  let last = els[0];
  for (const e of els) if (last.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) last = e;
  let region: Element = last;
  while (!els.every((e) => region.contains(e)) && region.parentElement && region.parentElement !== document.body) region = region.parentElement;
  return region;
}

/** Focuses the first tabbable element after all of the given ones in document order (to step past a trap). */
export function focusAfter(idList: number[]): boolean {
  const els = idList.map((i) => state.byId[i]).filter(Boolean);
  if (!els.length) return false;
  const region = regionOf(els);
  for (const el of Array.from(document.querySelectorAll(FOCUSABLE_SEL))) {
    if (region.contains(el) || !(region.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (!isTabbable(el)) continue;
    (el as HTMLElement).focus();
    if (deepActive() === el) return true;
  }
  return false;
}

/** Scrolls the element into view and gives a point on it, for the mouse (hover menus). */
export function centerOf(id: number): { x: number; y: number } | null {
  const el = byId(id);
  if (!el) return null;
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.left + Math.min(r.width / 2, 20), y: r.top + Math.min(r.height / 2, 10) };
}

export const scrollPos = (): [number, number] => [scrollX, scrollY];
export const scrollTo = (x: number, y: number): void => window.scrollTo(x, y);
export const viewport = (): [number, number] => [innerWidth, innerHeight];
/** The element behind an id (for DevTools calls from Node; not serialisable through page.evaluate). */
export const element = (id: number): Element | undefined => state.byId[id];
