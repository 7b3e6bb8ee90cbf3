// Hover menus in the page (2.1.1, judged in crawler/page/interaction/checks/keyboard-operable.ts): the hidden
// sub-menus of a navigation, the top-level item that should open each, what that item is — a link of its own
// (the category page it leads to may list the same links: review), another focusable control, or nothing
// focusable at all (a <span>/<div> opened on mouseenter, F54: the sub-menu is the only route) — and how many of
// the sub-menu's links can be reached nowhere else on the page.
import { cssPath, snippet } from '../dom/selector.js';
import { hrefOf } from '../dom/href.js';
import { shortName } from '../dom/name.js';
import { FOCUSABLE_SEL, hiddenReason, isTabbable } from '../dom/visibility.js';
import { kid } from './session.js';

/** What the top-level item of a sub-menu is. */
export type TriggerKind = 'link' | 'control' | 'none';

/** A hidden sub-menu and the item that should open it. */
export interface Menu {
  trigger: number;
  triggerSelector: string;
  triggerHtml: string;
  triggerName: string;
  /** link: a focusable <a href>; control: another focusable element; none: nothing focusable (F54). */
  triggerKind: TriggerKind;
  items: number[];
  itemSelector: string;
  /** Items that are links (have an href). */
  links: number;
  /** Of those, links whose destination no visible, focusable link outside the hidden sub-menus has. */
  onlyHere: number;
}

const FOCUS_TRIGGER = ':scope > a[href], :scope > button, :scope > * > a[href], :scope > * > button, :scope > [tabindex]';
const LABEL_TRIGGER = ':scope > span, :scope > div, :scope > p, :scope > a:not([href]), :scope > strong, :scope > b, :scope > label, :scope > h2, :scope > h3, :scope > h4, :scope > * > span';
/** A sub-menu outside a list item must sit in a navigation area to count. */
const NAV_AREA = 'nav,[role=navigation],[role=menubar],header';
const MAX_LEVELS = 5;

interface Trigger {
  el: Element;
  kind: TriggerKind;
}

const outside = (t: Element, sub: Element) => !sub.contains(t) && !t.contains(sub);

/** The item's own trigger: a visible focusable link or control first, else a visible text label with nothing focusable in it. */
function triggerIn(item: Element, sub: Element): Trigger | null {
  const focusable = Array.from(item.querySelectorAll(FOCUS_TRIGGER)).find((t) => outside(t, sub) && isTabbable(t) && !hiddenReason(t));
  if (focusable) return { el: focusable, kind: focusable.matches('a[href]') ? 'link' : 'control' };
  const label = Array.from(item.querySelectorAll(LABEL_TRIGGER)).find(
    (t) => outside(t, sub) && !hiddenReason(t) && (t.textContent ?? '').trim() !== '' && !t.querySelector(FOCUSABLE_SEL) && !t.querySelector('ul,ol'),
  );
  return label ? { el: label, kind: 'none' } : null;
}

/**
 * The top-level item of a hidden sub-menu and its trigger: the nearest <li> around the sub-menu, or, for
 * menus not built on lists, the nearest visible block in a navigation area that holds a trigger beside the panel.
 */
function topItem(sub: Element): Trigger | null {
  const li = sub.parentElement?.closest('li');
  if (li) return triggerIn(li, sub);
  let cur = sub.parentElement;
  for (let level = 0; cur && cur !== document.body && level < MAX_LEVELS; level++, cur = cur.parentElement) {
    if (hiddenReason(cur)) continue; // the hidden panel itself holds no visible trigger
    if (!cur.closest(NAV_AREA)) return null;
    const t = triggerIn(cur, sub);
    if (t) return t;
  }
  return null;
}

const noHash = (href: string) => href.replace(/#.*$/, '');

/** Destinations of the links a keyboard user can reach anyway: visible, focusable, outside hidden sub-menus. */
function reachableHrefs(): Set<string> {
  const out = new Set<string>();
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    if (isTabbable(a) && !hiddenReason(a)) out.add(noHash(hrefOf(a)));
  }
  return out;
}

function menuOf(a: Element, seen: Set<Element>, reachable: () => Set<string>): Menu | null {
  if (!hiddenReason(a)) return null;
  const sub = a.closest('ul,ol,[role=menu]');
  if (!sub || seen.has(sub)) return null;
  const trig = topItem(sub);
  if (!trig) return null;
  seen.add(sub);
  const itemEls = Array.from(sub.querySelectorAll('a[href],button'));
  const links = itemEls.filter((e): e is HTMLAnchorElement => e.localName === 'a');
  const there = reachable();
  return {
    trigger: kid(trig.el),
    triggerSelector: cssPath(trig.el),
    triggerHtml: snippet(trig.el),
    triggerName: shortName(trig.el),
    triggerKind: trig.kind,
    items: itemEls.map(kid),
    itemSelector: cssPath(sub),
    links: links.length,
    onlyHere: links.filter((l) => !there.has(noHash(hrefOf(l)))).length,
  };
}

/** Links/buttons in hidden sub-menus, grouped by sub-menu with the item that should open it. */
export function hiddenMenus(max: number): Menu[] {
  const groups: Menu[] = [];
  const seen = new Set<Element>();
  let hrefs: Set<string> | null = null;
  const reachable = () => (hrefs ??= reachableHrefs());
  for (const a of Array.from(document.querySelectorAll('li a[href], li button, nav a[href], header a[href]'))) {
    if (groups.length >= max) break;
    const m = menuOf(a, seen, reachable);
    if (m) groups.push(m);
  }
  return groups;
}
