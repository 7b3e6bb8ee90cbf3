// Dialogs in the page (2.4.3 dialog-focus, 2.1.1 dialog-close; judged in
// crawler/page/interaction/checks/dialogs.ts): controls that say they open a dialog or lightbox, the dialog that
// became visible after Enter on one, where focus is while it is open, and its close controls (focusable or not).
import { cssPath, snippet } from '../dom/selector.js';
import { shortName } from '../dom/name.js';
import { FOCUSABLE_SEL, hiddenReason, isTabbable } from '../dom/visibility.js';
import { deepActive, isNowhere } from './stops.js';
import { kid, state } from './session.js';

/** A focusable control that opens a dialog, and the dialog it names when it names one. */
export interface DialogOpener {
  id: number;
  selector: string;
  html: string;
  name: string;
  target: number | null;
}

/** A close control inside an open dialog. */
export interface CloseControl {
  id: number;
  selector: string;
  html: string;
  name: string;
  focusable: boolean;
}

/** A dialog that became visible. */
export interface OpenedDialog {
  id: number;
  selector: string;
  html: string;
  name: string;
  /** aria-modal="true", or a native modal <dialog>: the page behind is declared inert. */
  modal: boolean;
  /** It (or a backdrop that appeared with it) covers half the viewport or more. */
  overlay: boolean;
  focusInside: boolean;
  /** Elements Tab can reach inside it. */
  tabbables: number;
  closes: CloseControl[];
}

/** Where focus is while a dialog is open. */
export interface FocusPlace {
  where: 'inside' | 'outside' | 'none';
  selector: string;
  name: string;
  /** The focused element outside is covered by something else (the overlay) at its centre. */
  covered: boolean;
}

const DIALOG_SEL = 'dialog,[role=dialog],[role=alertdialog],[aria-modal=true],[class*=modal],[class*=lightbox],[class*=dialog],[id*=modal],[id*=lightbox],#colorbox,[class*=fancybox]';
const OPENER_SEL = '[aria-haspopup=dialog],[data-toggle=modal],[data-bs-toggle=modal],[data-micromodal-trigger],[data-modal],[data-lightbox],[data-fancybox],a[rel^=lightbox],[class*=lightbox],[class*=colorbox],[class*=modal-open],[aria-controls],a[href^="#"]';
const CLOSE_RE = /閉じる|とじる|close|×|✕|✖|╳|キャンセル/i;

const byId = (id: number) => state.byId[id] as HTMLElement | undefined;
const visible = (el: Element) => !hiddenReason(el);

/** The element an opener names (aria-controls, data-target, href="#id"), when it exists. */
function namedTarget(el: Element): Element | null {
  const ref = el.getAttribute('aria-controls') || el.getAttribute('data-target') || el.getAttribute('data-bs-target') || el.getAttribute('data-micromodal-trigger') || el.getAttribute('href') || '';
  const id = ref.trim().split(/\s+/)[0].replace(/^#/, '');
  return id ? document.getElementById(id) : null;
}

const dialogLike = (el: Element | null): el is Element => !!el && el.matches(DIALOG_SEL);

/** Focusable controls that open a dialog or a lightbox (at most `max`). */
export function dialogOpeners(max: number): DialogOpener[] {
  const out: DialogOpener[] = [];
  for (const el of Array.from(document.querySelectorAll(OPENER_SEL))) {
    if (out.length >= max) break;
    if (!isTabbable(el) || !el.matches(FOCUSABLE_SEL) || !visible(el) || el.closest(DIALOG_SEL + ',[data-jis-kbd]')) continue;
    const target = namedTarget(el);
    const declared = el.matches('[aria-haspopup=dialog],[data-toggle=modal],[data-bs-toggle=modal],[data-micromodal-trigger],[data-modal],[data-lightbox],[data-fancybox],a[rel^=lightbox],[class*=lightbox],[class*=colorbox],[class*=modal-open]');
    // aria-controls / href="#id" count only when they name a hidden dialog
    if (!declared && !(dialogLike(target) && !visible(target))) continue;
    out.push({ id: kid(el), selector: cssPath(el), html: snippet(el), name: shortName(el), target: target && dialogLike(target) ? kid(target) : null });
  }
  return out;
}

/** Covers half of the viewport or more, fixed or absolute on top of the page. */
function covering(el: Element): boolean {
  const pos = getComputedStyle(el).position;
  if (pos !== 'fixed' && pos !== 'absolute') return false;
  const r = el.getBoundingClientRect();
  const w = Math.min(r.right, innerWidth) - Math.max(r.left, 0);
  const h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
  return w > 0 && h > 0 && w * h >= 0.5 * innerWidth * innerHeight;
}

/** Dialog-like elements and page-covering layers visible now (ids), to compare before/after Enter. */
export function dialogSnapshot(): number[] {
  const out: number[] = [];
  for (const el of Array.from(document.body.querySelectorAll(DIALOG_SEL))) if (visible(el) && !el.closest('[data-jis-kbd]')) out.push(kid(el));
  for (const el of Array.from(document.querySelectorAll('body > *, body > * > *'))) if (!el.matches(DIALOG_SEL) && visible(el) && covering(el)) out.push(kid(el));
  return out;
}

function closeControls(d: Element): CloseControl[] {
  const hits = Array.from(d.querySelectorAll('*')).filter((el) => {
    if (!visible(el) || el.localName === 'svg' || el.closest('svg')) return false;
    const own = [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('alt'), typeof el.className === 'string' ? el.className : '', el.id].join(' ');
    const text = (el.textContent ?? '').trim();
    return CLOSE_RE.test(own) || (text.length <= 8 && CLOSE_RE.test(text) && el.children.length === 0);
  });
  // the outermost of nested hits is the control a user clicks (<button><span>×</span></button>)
  const outer = hits.filter((el) => !hits.some((o) => o !== el && o.contains(el)));
  return outer.slice(0, 5).map((el) => {
    const f = (el.matches(FOCUSABLE_SEL) && isTabbable(el)) || Array.from(el.querySelectorAll(FOCUSABLE_SEL)).some(isTabbable);
    return { id: kid(el), selector: cssPath(el), html: snippet(el, 200), name: shortName(el) || (el.getAttribute('class') ?? ''), focusable: f };
  });
}

function describe(d: Element, layers: Element[]): OpenedDialog {
  const active = deepActive();
  const modal = d.getAttribute('aria-modal') === 'true' || (d.localName === 'dialog' && d.matches(':modal'));
  return {
    id: kid(d),
    selector: cssPath(d),
    html: snippet(d, 200),
    name: shortName(d).slice(0, 40),
    modal,
    overlay: covering(d) || layers.some(covering),
    focusInside: !!active && d.contains(active),
    tabbables: Array.from(d.querySelectorAll(FOCUSABLE_SEL)).filter(isTabbable).length,
    closes: closeControls(d),
  };
}

/** The dialog that became visible since `before` (the opener's named target first), or null. */
export function openedDialog(before: number[], target: number | null): OpenedDialog | null {
  const was = new Set(before);
  const now = dialogSnapshot().filter((i) => !was.has(i)).map((i) => state.byId[i]);
  const named = target !== null ? state.byId[target] : undefined;
  const dialogs = now.filter((e) => e.matches(DIALOG_SEL));
  const layers = now.filter((e) => !e.matches(DIALOG_SEL));
  // the innermost new dialog-like element that holds content (a .modal holds its .modal-dialog)
  const d = (named && visible(named) ? named : null) ?? dialogs.find((e) => e.matches('dialog,[role=dialog],[role=alertdialog],[aria-modal=true]')) ?? dialogs[0] ?? layers[0];
  return d ? describe(d, layers) : null;
}

/** Where focus is relative to the open dialog `id`. */
export function focusPlace(id: number): FocusPlace {
  const d = byId(id);
  const a = deepActive();
  if (!d || !a || isNowhere(a)) return { where: 'none', selector: '', name: '', covered: false };
  if (d.contains(a)) return { where: 'inside', selector: cssPath(a), name: shortName(a), covered: false };
  const r = a.getBoundingClientRect();
  const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return { where: 'outside', selector: cssPath(a), name: shortName(a), covered: !!at && at !== a && !a.contains(at) };
}

/** Is the dialog still shown? */
export const dialogShown = (id: number): boolean => {
  const d = byId(id);
  return !!d && d.isConnected && visible(d);
};

/** Focuses the first element Tab reaches in the dialog. */
export function focusFirstIn(id: number): boolean {
  const d = byId(id);
  const first = d ? Array.from(d.querySelectorAll<HTMLElement>(FOCUSABLE_SEL)).find(isTabbable) : undefined;
  first?.focus();
  return !!first && deepActive() === first;
}
