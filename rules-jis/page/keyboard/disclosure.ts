// Disclosure widgets in the page (2.1.1): accordion headers that open a hidden panel on click but are not
// focusable (judged in crawler/page/interaction/checks/keyboard-operable.ts after a real click opened the
// panel), and tooltips shown on mouse hover (judged in checks/hover-content.ts after a real hover showed them).
// This file only finds the candidates and says whether a panel or tip is shown now.
import { cssPath, snippet } from '../dom/selector.js';
import { shortName } from '../dom/name.js';
import { FOCUSABLE_SEL, hiddenReason, isTabbable } from '../dom/visibility.js';
import { kid, state } from './session.js';

/** A header that looks like it opens the hidden panel after it, and cannot take focus. */
export interface DisclosureHeader {
  id: number;
  selector: string;
  html: string;
  name: string;
  panel: number;
}

/** A hidden tip and the element that should show it on hover. */
export interface HoverTip {
  trigger: number;
  triggerSelector: string;
  triggerHtml: string;
  triggerName: string;
  tip: number;
  tipText: string;
  /** The trigger (or something inside it) can take focus by Tab; its id, or null. */
  focusTarget: number | null;
}

/** Class or id words of accordion / FAQ headers (ja CMS templates use the English words too). */
const ACC_RE = /acc|toggle|trigger|open|collapse|expand|faq|qa|question|switch|disclosure|(^|[-_\s])(hd|head|header|ttl|title)([-_\s]|$)/i;
const TIP_RE = /tool-?tip|tip-?text|balloon|fukidashi|popover|hint-?box/i;
const MAX_SCANNED = 6000;

/** Hidden as a panel is: not rendered, invisible, or folded to no height. */
export function panelHidden(el: Element): boolean {
  if (hiddenReason(el)) return true;
  const r = el.getBoundingClientRect();
  return r.height <= 1 && getComputedStyle(el).overflowY !== 'visible';
}

const words = (el: Element | null) => (el ? `${typeof el.className === 'string' ? el.className : ''} ${el.id}` : '');
const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function looksClickable(el: Element): boolean {
  return getComputedStyle(el).cursor === 'pointer' || el.hasAttribute('onclick') || ACC_RE.test(words(el)) || ACC_RE.test(words(el.parentElement));
}

/** The panel a header controls: its aria-controls target, else the next element. */
function panelOf(el: Element): Element | null {
  const ctl = el.getAttribute('aria-controls');
  const byId = ctl ? document.getElementById(ctl.trim().split(/\s+/)[0]) : null;
  return byId ?? el.nextElementSibling;
}

/** Folded away without walking the ancestors (the scan looks at thousands of elements). */
function quickHidden(el: Element): boolean {
  if (el.getClientRects().length === 0) return true;
  return el.getBoundingClientRect().height <= 1 || getComputedStyle(el).visibility === 'hidden';
}

function asHeader(el: Element): DisclosureHeader | null {
  if (el.childElementCount > 4 || el === state.sentinel) return null;
  const panel = panelOf(el);
  if (!panel || !quickHidden(panel)) return null;
  const name = textOf(el);
  if (!name || name.length > 80 || textOf(panel).length < 2) return null;
  if (el.matches(FOCUSABLE_SEL) || el.querySelector(FOCUSABLE_SEL)) return null;
  if (el.closest('a[href],button,label,summary,[tabindex],[data-jis-kbd]') || hiddenReason(el) || !looksClickable(el)) return null;
  return { id: kid(el), selector: cssPath(el), html: snippet(el), name: shortName(el), panel: kid(panel) };
}

/** Headers (h2–h6, dt, div, p, span, li > span) that look like they open the hidden panel after them (at most `max`). */
export function disclosureHeaders(max: number): DisclosureHeader[] {
  const out: DisclosureHeader[] = [];
  const all = document.body.querySelectorAll('h2,h3,h4,h5,h6,dt,div,p,span,th');
  for (let i = 0; i < all.length && i < MAX_SCANNED && out.length < max; i++) {
    const h = asHeader(all[i]);
    if (h) out.push(h);
  }
  return out;
}

/** Is the element rendered and seen now (a panel opened, a tip shown)? */
export function shownNow(id: number): boolean {
  const el = state.byId[id];
  return !!el && el.isConnected && !panelHidden(el);
}

/** Where a tip's trigger is: the element that describes itself by it, else the tip's parent, else the element before it. */
function triggerOf(tip: Element): Element | null {
  if (tip.id) {
    const by = document.querySelector(`[aria-describedby~="${CSS.escape(tip.id)}"]`);
    if (by) return by;
  }
  const parent = tip.parentElement;
  if (parent && parent !== document.body && !hiddenReason(parent)) return parent;
  const prev = tip.previousElementSibling;
  return prev && !hiddenReason(prev) ? prev : null;
}

function focusTargetOf(trigger: Element): Element | null {
  if (isTabbable(trigger) && trigger.matches(FOCUSABLE_SEL)) return trigger;
  return Array.from(trigger.querySelectorAll(FOCUSABLE_SEL)).find((e) => isTabbable(e)) ?? null;
}

/** Hidden tooltips ([role=tooltip] or a tooltip class) with the element that should show them (at most `max`). */
export function hoverTips(max: number): HoverTip[] {
  const out: HoverTip[] = [];
  const cands = Array.from(document.body.querySelectorAll('[role=tooltip], [class*=tip], [class*=balloon], [class*=fukidashi], [class*=popover]'));
  for (const tip of cands) {
    if (out.length >= max) break;
    if (tip.getAttribute('role') !== 'tooltip' && !TIP_RE.test(words(tip))) continue;
    const text = textOf(tip);
    if (text.length < 2 || text.length > 300 || !hiddenReason(tip)) continue;
    const trigger = triggerOf(tip);
    if (!trigger || trigger.closest('[data-jis-kbd]')) continue;
    const ft = focusTargetOf(trigger);
    out.push({ trigger: kid(trigger), triggerSelector: cssPath(trigger), triggerHtml: snippet(trigger), triggerName: shortName(trigger), tip: kid(tip), tipText: text.slice(0, 80), focusTarget: ft ? kid(ft) : null });
  }
  return out;
}

/** Is the point the mouse would use on the element really on it (not covered by something else)? */
export function hittable(id: number, x: number, y: number): boolean {
  const el = state.byId[id];
  const at = document.elementFromPoint(x, y);
  return !!el && !!at && (at === el || el.contains(at));
}
