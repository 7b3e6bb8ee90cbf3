// What the keyboard phase adds to the page while it runs, and takes away again: a focus sentinel at the top
// of <body>, listeners that record focus, clicks, key handling and submissions, wrappers around
// window.open / form.submit() / requestSubmit() (the page must not leave or spawn windows during the audit),
// a MutationObserver, numbered element references, and axe's tree. init() installs, cleanup() undoes all.
// Driven from Node by crawler/page/interaction/ through window.jisA11y.keyboard (./index.ts).
import { dropTree, markTreeStale } from '../axe-helpers.js';
import type { Look } from './look.js';

/** Something the page did that would change the context (recorded instead of done). */
export interface PageEvent {
  type: 'navigation' | 'popup' | 'submit' | 'window-open';
  url: string;
}

/** The phase's state in the page; reset by cleanup(). */
export const state = {
  ids: new WeakMap<Element, number>(),
  /** The unfocused look of every element Tab could reach at init, before anything got focus. */
  pre: new WeakMap<Element, Look>(),
  byId: [] as Element[],
  events: [] as PageEvent[],
  sentinel: null as HTMLElement | null,
  lastFocusIn: null as Element | null,
  mutations: 0,
  clicks: [] as Element[],
  keyPrevented: 0,
  scroll: [0, 0] as [number, number],
};

/** The page's own functions, put back by cleanup(). */
let originals: { open: typeof window.open; submit: () => void; requestSubmit: (s?: HTMLElement | null) => void } | null = null;
let observer: MutationObserver | null = null;

/** A number for an element, stable for the phase (Node refers to elements by it). */
export function kid(el: Element): number {
  let k = state.ids.get(el);
  if (k === undefined) {
    k = state.byId.length;
    state.byId.push(el);
    state.ids.set(el, k);
  }
  return k;
}

export const takeEvents = (): PageEvent[] => state.events.splice(0, state.events.length);

const onFocusIn = (e: Event) => void (state.lastFocusIn = e.target as Element);
const onSubmitCapture = (e: Event) => void state.events.push({ type: 'submit', url: (e.target as HTMLFormElement).action || location.href });
// page handlers ran (capture/target); stop the browser's own submission so the page stays
const onSubmitBubble = (e: Event) => void (e.defaultPrevented || e.preventDefault());
const onClick = (e: Event) => void state.clicks.push(e.target as Element);
const onKey = (e: KeyboardEvent) => void (e.defaultPrevented && state.keyPrevented++);

const LISTENERS: [EventTarget, string, EventListener, boolean][] = [
  [document, 'focusin', onFocusIn, true],
  [window, 'submit', onSubmitCapture, true],
  [window, 'submit', onSubmitBubble, false],
  [window, 'click', onClick, true],
  [window, 'keydown', onKey as EventListener, false],
  [window, 'keyup', onKey as EventListener, false],
];

function makeSentinel(): HTMLElement {
  const s = document.createElement('span');
  s.tabIndex = -1;
  s.setAttribute('data-jis-kbd', 'sentinel');
  s.setAttribute('aria-hidden', 'true');
  s.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;overflow:hidden;outline:none;opacity:0;pointer-events:none;';
  return s;
}

/** Record instead of opening or submitting: a page that opens windows must not spawn targets during the audit. */
function wrapNavigation(): void {
  const proto = HTMLFormElement.prototype;
  originals = { open: window.open, submit: proto.submit, requestSubmit: proto.requestSubmit };
  window.open = function (url?: string | URL) {
    state.events.push({ type: 'window-open', url: String(url ?? '') });
    return null;
  } as typeof window.open;
  proto.submit = function (this: HTMLFormElement) {
    state.events.push({ type: 'submit', url: this.action || location.href });
  };
  proto.requestSubmit = proto.submit;
}

function watchMutations(): void {
  observer = new MutationObserver((recs) => {
    for (const r of recs) {
      if (r.target instanceof Element && r.target.closest('[data-jis-kbd]')) continue;
      state.mutations++;
      markTreeStale();
    }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Installs everything the phase needs in the page. */
export function install(): void {
  if (originals) uninstall(); // a second init without cleanup: start clean
  state.scroll = [scrollX, scrollY];
  state.sentinel = makeSentinel();
  document.body.insertBefore(state.sentinel, document.body.firstChild);
  for (const [target, type, fn, capture] of LISTENERS) target.addEventListener(type, fn, capture);
  wrapNavigation();
  watchMutations();
}

/** Takes away everything install() added, gives focus and scroll position back. */
export function uninstall(): void {
  observer?.disconnect();
  observer = null;
  for (const [target, type, fn, capture] of LISTENERS) target.removeEventListener(type, fn, capture);
  if (originals) {
    window.open = originals.open;
    HTMLFormElement.prototype.submit = originals.submit;
    HTMLFormElement.prototype.requestSubmit = originals.requestSubmit;
    originals = null;
  }
  state.sentinel?.remove();
  document.querySelectorAll('[data-jis-kbd]').forEach((e) => e.remove());
  dropTree();
  (document.activeElement as HTMLElement | null)?.blur?.();
  window.scrollTo(state.scroll[0], state.scroll[1]);
  Object.assign(state, { ids: new WeakMap(), pre: new WeakMap(), byId: [], events: [], sentinel: null, lastFocusIn: null, mutations: 0, clicks: [], keyPrevented: 0 });
}
