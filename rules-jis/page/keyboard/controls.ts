// 2.1.1 evidence in the page: things that look like controls but Tab never reaches, focusable custom
// controls worth pressing Enter/Space on, and what a key press did (hover menus: ./menus.ts; disclosure
// headers: ./disclosure.ts). Judged in crawler/page/interaction/checks/keyboard-operable.ts.
import { cssPath, snippet } from '../dom/selector.js';
import { shortName } from '../dom/name.js';
import { FOCUSABLE_SEL, NATIVE_INTERACTIVE, hiddenReason, isTabbable } from '../dom/visibility.js';
import { deepActive } from './stops.js';
import { kid, state, takeEvents } from './session.js';

/** An element that acts like a control (handler, control role, pointer cursor) but Tab never reaches. */
export interface Candidate { id: number; selector: string; html: string; name: string; inline: boolean; role: string; pointer: boolean }
/** A focusable custom control (not a native one). */
export interface Custom { id: number; selector: string; html: string; name: string; role: string; tag: string; href: boolean; inline: boolean }
/** What a key press on a control did. */
export interface Effects { clicked: boolean; mutations: number; keyPrevented: number; focusMoved: boolean; events: number }

const WIDGET_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox',
  'menuitemradio', 'option', 'treeitem', 'slider', 'spinbutton', 'combobox', 'textbox', 'searchbox']);
/** Roles whose items are reached with arrow keys inside a composite widget, not with Tab. */
const ITEM_ROLES = ['option', 'treeitem', 'menuitem', 'menuitemcheckbox', 'menuitemradio'];
const CUSTOM_ROLES = ['button', 'link', 'checkbox', 'switch', 'tab', 'menuitem', 'radio'];
const MAX_SCANNED = 8000;

/** A widget role that Tab should reach (an item role only outside its composite widget). */
function tabWidgetRole(el: Element, role: string): boolean {
  if (!WIDGET_ROLES.has(role)) return false;
  return !ITEM_ROLES.includes(role) || !el.closest('[role=listbox],[role=tree],[role=menu],[role=menubar]');
}

/** The element's own pointer cursor (not inherited from a pointer parent). */
function ownPointer(el: Element): boolean {
  const parent = el.parentElement;
  return getComputedStyle(el).cursor === 'pointer' && (!parent || getComputedStyle(parent).cursor !== 'pointer');
}

function skipForCandidates(el: Element): boolean {
  if (el === state.sentinel || (el.closest('svg') && el.localName !== 'svg')) return true;
  if (el.matches(FOCUSABLE_SEL) || el.closest(NATIVE_INTERACTIVE + ',label,[tabindex],[aria-activedescendant]')) return true;
  return el.localName === 'option' || el.localName === 'optgroup' || el.localName === 'label';
}

function asCandidate(el: Element): Candidate | null {
  if (skipForCandidates(el)) return null;
  const inline = el.hasAttribute('onclick') || el.hasAttribute('onmousedown') || el.hasAttribute('onmouseup');
  const role = el.getAttribute('role') || '';
  const widget = tabWidgetRole(el, role);
  const pointer = ownPointer(el);
  if (!inline && !widget && !pointer) return null;
  if (el.querySelector(FOCUSABLE_SEL)) return null; // a keyboard user can use the control inside
  if (hiddenReason(el)) return null;
  return { id: kid(el), selector: cssPath(el), html: snippet(el), name: shortName(el), inline, role: widget ? role : '', pointer };
}

/** Things that look like controls but Tab never reaches (at most `max`). */
export function controlCandidates(max: number): Candidate[] {
  const out: Candidate[] = [];
  const all = document.body.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < MAX_SCANNED && out.length < max; i++) {
    const c = asCandidate(all[i]);
    if (c) out.push(c);
  }
  return out;
}

function asCustom(el: Element): Custom | null {
  if (el === state.sentinel) return null;
  const role = el.getAttribute('role') || '';
  const nativeCtl = el.matches('button,input,select,textarea,summary') || (el.matches('a[href]') && !role);
  if (nativeCtl) return null;
  if ((el as HTMLElement).tabIndex < 0 || !isTabbable(el) || hiddenReason(el)) return null;
  const inline = el.hasAttribute('onclick');
  if (!CUSTOM_ROLES.includes(role) && !inline) return null;
  return { id: kid(el), selector: cssPath(el), html: snippet(el), name: shortName(el), role, tag: el.localName, href: el.matches('a[href]'), inline };
}

/** Focusable custom controls (not native) worth pressing Enter/Space on (at most `max`). */
export function customControls(max: number): Custom[] {
  const out: Custom[] = [];
  for (const el of Array.from(document.querySelectorAll('[tabindex],a[href][role]'))) {
    if (out.length >= max) break;
    const c = asCustom(el);
    if (c) out.push(c);
  }
  return out;
}

/** Starts watching the effects of a key press. */
export function watch(): void {
  state.mutations = 0;
  state.clicks = [];
  state.keyPrevented = 0;
  takeEvents();
}

/** What happened since watch(), for a key press on element `id`. */
export function effects(id: number): Effects {
  const el = state.byId[id];
  const clicked = state.clicks.some((t) => t === el || (el && el.contains(t)));
  return { clicked, mutations: state.mutations, keyPrevented: state.keyPrevented, focusMoved: deepActive() !== el, events: takeEvents().length };
}
