// Runs INSIDE the audited page (bundled to an IIFE by in-page-loader.ts, evaluated through CDP).
// No imports, no Node APIs. It puts `window.__jisKbd` on the page for the duration of the phase and
// takes it away again in cleanup(). Everything it adds to the page is undone there.

interface Rect { x: number; y: number; width: number; height: number }
interface Ev { type: 'navigation' | 'popup' | 'submit' | 'window-open'; url: string }

const STYLE_PROPS = [
  'outline-style', 'outline-width', 'outline-color', 'outline-offset',
  'box-shadow',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'background-color', 'background-image', 'color',
  'text-decoration-line', 'text-decoration-color', 'text-decoration-thickness', 'text-decoration-style',
  'opacity', 'transform', 'filter', 'font-weight', 'text-shadow',
];
const PSEUDO_PROPS = ['content', 'display', 'background-color', 'border-top-color', 'border-bottom-color',
  'border-top-width', 'border-bottom-width', 'box-shadow', 'outline-style', 'outline-width', 'opacity', 'transform', 'width', 'height'];
const COLOR_PROPS = new Set(['background-color', 'color', 'border-top-color', 'border-right-color', 'border-bottom-color',
  'border-left-color', 'outline-color', 'text-decoration-color']);

const WIDGET_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox',
  'menuitemradio', 'option', 'treeitem', 'slider', 'spinbutton', 'combobox', 'textbox', 'searchbox']);
const NATIVE_INTERACTIVE = 'a[href],area[href],button,input,select,textarea,summary,iframe,audio[controls],video[controls],[contenteditable=""],[contenteditable="true"]';
const FOCUSABLE_SEL = NATIVE_INTERACTIVE + ',[tabindex]';
const TEXT_ENTRY = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

type Snapshot = { own: Record<string, string>; before: Record<string, string>; after: Record<string, string> };

const ids = new WeakMap<Element, number>();
const byId: Element[] = [];
const pre = new WeakMap<Element, Snapshot>();
const events: Ev[] = [];
let sentinel: HTMLElement | null = null;
let lastFocusIn: Element | null = null;
let mutations = 0;
let clicks: Element[] = [];
let keyPrevented = 0;
let observer: MutationObserver | null = null;
const origOpen = window.open;
const origSubmit = HTMLFormElement.prototype.submit;
const origRequestSubmit = HTMLFormElement.prototype.requestSubmit;

function kid(el: Element): number {
  let k = ids.get(el);
  if (k === undefined) {
    k = byId.length;
    byId.push(el);
    ids.set(el, k);
  }
  return k;
}

function cssPath(el: Element): string {
  if (el.id && document.querySelectorAll('#' + CSS.escape(el.id)).length === 1) return '#' + CSS.escape(el.id);
  const parts: string[] = [];
  let cur: Element | null = el;
  while (cur && cur.nodeType === 1 && cur !== document.documentElement) {
    if (cur.id && document.querySelectorAll('#' + CSS.escape(cur.id)).length === 1) {
      parts.unshift('#' + CSS.escape(cur.id));
      break;
    }
    const tag = cur.localName;
    const parent: Element | null = cur.parentElement;
    if (parent) {
      const same = Array.from(parent.children).filter((c) => c.localName === tag);
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(cur) + 1})` : tag);
    } else parts.unshift(tag);
    cur = parent;
  }
  return parts.join(' > ');
}

function snippet(el: Element): string {
  const h = el.outerHTML;
  return h.length > 300 ? h.slice(0, 300) + '…' : h;
}

function nameOf(el: Element): string {
  const lab = (el as HTMLInputElement).labels?.[0];
  const a = el.getAttribute('aria-label') || (lab ? (lab as HTMLElement).innerText : '') || el.getAttribute('title') || el.getAttribute('alt') || '';
  let t = a || (el as HTMLElement).innerText || (el as HTMLInputElement).value || '';
  if (!t) {
    const img = el.querySelector('img[alt]');
    if (img) t = img.getAttribute('alt') || '';
  }
  t = t.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? t.slice(0, 60) + '…' : t;
}

function roleOf(el: Element): string {
  const r = el.getAttribute('role');
  if (r) return r.trim().split(/\s+/)[0];
  const t = el.localName;
  if (t === 'a' && el.hasAttribute('href')) return 'link';
  if (t === 'button') return 'button';
  if (t === 'select') return 'combobox';
  if (t === 'textarea') return 'textbox';
  if (t === 'input') {
    const ty = (el as HTMLInputElement).type;
    if (ty === 'checkbox' || ty === 'radio') return ty;
    if (ty === 'submit' || ty === 'button' || ty === 'reset' || ty === 'image') return 'button';
    return 'textbox';
  }
  return '';
}

function docRect(el: Element): Rect {
  const r = el.getBoundingClientRect();
  return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
}

/** Why an element is not seen, or '' when it is. */
function hiddenReason(el: Element): string {
  const cs = getComputedStyle(el);
  if (cs.visibility !== 'visible') return 'visibility:hidden';
  if (!(el as HTMLElement).getClientRects || el.getClientRects().length === 0) return 'display:none';
  const r = el.getBoundingClientRect();
  if (r.width <= 1 && r.height <= 1) return '大きさがほぼ0';
  const x = r.left + scrollX;
  const y = r.top + scrollY;
  if (x + r.width <= 0 || y + r.height <= 0) return '画面外（左または上）';
  const dw = Math.max(document.documentElement.scrollWidth, innerWidth);
  if (x >= dw) return '画面外（右）';
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const c = getComputedStyle(cur);
    if (parseFloat(c.opacity) === 0) return 'opacity:0';
    if (c.clip === 'rect(0px, 0px, 0px, 0px)' || c.clipPath === 'inset(50%)') return 'clip で隠れている';
    if (cur !== el && (c.overflow === 'hidden' || c.overflowX === 'hidden' || c.overflowY === 'hidden')) {
      const pr = cur.getBoundingClientRect();
      if (pr.width <= 1 || pr.height <= 1) return '親要素の大きさがほぼ0';
      if (r.right <= pr.left || r.left >= pr.right || r.bottom <= pr.top || r.top >= pr.bottom) return '親要素の外にはみ出して見えない';
    }
  }
  return '';
}

function isTabbable(el: Element): boolean {
  const h = el as HTMLElement;
  if (h.tabIndex < 0) return false;
  if ((h as HTMLButtonElement).disabled) return false;
  if (el.closest('[inert]')) return false;
  if (el.getClientRects().length === 0) return false;
  if (getComputedStyle(el).visibility !== 'visible') return false;
  return true;
}

function pick(cs: CSSStyleDeclaration, props: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const p of props) o[p] = cs.getPropertyValue(p);
  return o;
}

function snap(el: Element): Snapshot {
  return {
    own: pick(getComputedStyle(el), STYLE_PROPS),
    before: pick(getComputedStyle(el, '::before'), PSEUDO_PROPS),
    after: pick(getComputedStyle(el, '::after'), PSEUDO_PROPS),
  };
}

function finishTransitions(el: Element) {
  try {
    for (const a of el.getAnimations({ subtree: true })) {
      if (typeof CSSTransition !== 'undefined' && a instanceof CSSTransition) a.finish();
    }
  } catch {
    /* older engines: nothing to finish */
  }
}

function parseColor(c: string): [number, number, number, number] | null {
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p[3] ?? 1];
}
function lum([r, g, b]: number[]): number {
  const f = (v: number) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
/** Contrast ratio between two colours (alpha blended over white). */
function colorRatio(a: string, b: string): number {
  const ca = parseColor(a);
  const cb = parseColor(b);
  if (!ca || !cb) return a === b ? 1 : 21;
  const blend = (c: number[]) => c.slice(0, 3).map((v) => v * c[3] + 255 * (1 - c[3]));
  const la = lum(blend(ca));
  const lb = lum(blend(cb));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Compare unfocused vs focused snapshots: visible differences and faint ones. */
function diffStyles(a: Snapshot, b: Snapshot): { diff: string[]; faint: string[] } {
  const diff: string[] = [];
  const faint: string[] = [];
  for (const p of STYLE_PROPS) {
    const x = a.own[p];
    const y = b.own[p];
    if (x === y) continue;
    if (p.startsWith('outline') && b.own['outline-style'] === 'none') continue;
    if (p.startsWith('border') && p.endsWith('width') && b.own[p.replace('width', 'style')] === 'none') continue;
    if (p === 'outline-width' && parseFloat(y) < 1) {
      faint.push(p);
      continue;
    }
    if (COLOR_PROPS.has(p) && colorRatio(x, y) < 1.1) {
      // the colour moved, but too little to see (WCAG's 3:1 is 2.1; far below that is "faint")
      faint.push(p);
      continue;
    }
    diff.push(p);
  }
  for (const part of ['before', 'after'] as const) {
    for (const p of PSEUDO_PROPS) {
      if (a[part][p] !== b[part][p] && !(p === 'content' && b[part].content === 'none')) {
        diff.push(`::${part} ${p}`);
        break;
      }
    }
  }
  return { diff, faint };
}

function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

function stopInfo(el: Element, index: number) {
  const reason = hiddenReason(el);
  const ti = el.getAttribute('tabindex');
  return {
    index,
    selector: cssPath(el),
    tag: el.localName,
    role: roleOf(el),
    name: nameOf(el),
    html: snippet(el),
    rect: docRect(el),
    tabindex: ti === null || ti.trim() === '' || isNaN(Number(ti)) ? null : Number(ti),
    visible: reason === '',
    ...(reason ? { hiddenReason: reason } : {}),
  };
}

function onFocusIn(e: Event) {
  lastFocusIn = e.target as Element;
}
function onSubmitCapture(e: Event) {
  const f = e.target as HTMLFormElement;
  events.push({ type: 'submit', url: f.action || location.href });
}
function onSubmitBubble(e: Event) {
  // page handlers ran (capture/target); stop the browser's own submission so the page stays
  if (!e.defaultPrevented) e.preventDefault();
}
function onClick(e: Event) {
  clicks.push(e.target as Element);
}
function onKey(e: KeyboardEvent) {
  if (e.defaultPrevented) keyPrevented++;
}

const api = {
  init(): number {
    sentinel = document.createElement('span');
    sentinel.tabIndex = -1;
    sentinel.setAttribute('data-jis-kbd', 'sentinel');
    sentinel.setAttribute('aria-hidden', 'true');
    sentinel.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;overflow:hidden;outline:none;opacity:0;pointer-events:none;';
    document.body.insertBefore(sentinel, document.body.firstChild);
    document.addEventListener('focusin', onFocusIn, true);
    window.addEventListener('submit', onSubmitCapture, true);
    window.addEventListener('submit', onSubmitBubble, false);
    window.addEventListener('click', onClick, true);
    window.addEventListener('keydown', onKey, false);
    window.addEventListener('keyup', onKey, false);
    // record instead of opening: a page that opens windows must not spawn targets during the audit
    window.open = function (url?: string | URL) {
      events.push({ type: 'window-open', url: String(url ?? '') });
      return null;
    } as typeof window.open;
    HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
      events.push({ type: 'submit', url: this.action || location.href });
    };
    HTMLFormElement.prototype.requestSubmit = function (this: HTMLFormElement) {
      events.push({ type: 'submit', url: this.action || location.href });
    };
    observer = new MutationObserver((recs) => {
      for (const r of recs) {
        if (!(r.target instanceof Element && r.target.closest('[data-jis-kbd]'))) mutations++;
      }
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    // the unfocused look of everything Tab can reach, before anything gets focus
    let n = 0;
    for (const el of Array.from(document.querySelectorAll(FOCUSABLE_SEL))) {
      if (!isTabbable(el)) continue;
      n++;
      pre.set(el, snap(el));
    }
    return n;
  },

  cleanup() {
    observer?.disconnect();
    document.removeEventListener('focusin', onFocusIn, true);
    window.removeEventListener('submit', onSubmitCapture, true);
    window.removeEventListener('submit', onSubmitBubble, false);
    window.removeEventListener('click', onClick, true);
    window.removeEventListener('keydown', onKey, false);
    window.removeEventListener('keyup', onKey, false);
    window.open = origOpen;
    HTMLFormElement.prototype.submit = origSubmit;
    HTMLFormElement.prototype.requestSubmit = origRequestSubmit;
    if (sentinel && document.activeElement === sentinel) sentinel.blur();
    sentinel?.remove();
    document.querySelectorAll('[data-jis-kbd]').forEach((e) => e.remove());
    delete (window as unknown as Record<string, unknown>).__jisKbd;
  },

  /** Put the sequential-focus starting point at the top of the document. */
  reset() {
    if (!sentinel || !sentinel.isConnected) document.body.insertBefore(sentinel!, document.body.firstChild);
    sentinel!.focus({ preventScroll: true });
    lastFocusIn = null;
  },

  takeEvents(): Ev[] {
    return events.splice(0, events.length);
  },

  /** After a Tab press: who has focus, how it looks focused vs unfocused. */
  active(index: number) {
    const el = deepActive();
    const evs = events.splice(0, events.length);
    if (!el || el === document.body || el === document.documentElement || el === sentinel) {
      // focus went nowhere: the end of the document, or an element that blurred itself (F55)
      const self = lastFocusIn && lastFocusIn !== sentinel && lastFocusIn.isConnected && lastFocusIn !== document.body ? lastFocusIn : null;
      return { none: true as const, events: evs, selfBlurred: self ? { id: kid(self), ...stopInfo(self, index) } : null };
    }
    finishTransitions(el);
    const focused = snap(el);
    let base = pre.get(el);
    if (!base) {
      // created after init: look at it unfocused now, then give focus back
      sentinel!.focus({ preventScroll: true });
      finishTransitions(el);
      base = snap(el);
      (el as HTMLElement).focus({ preventScroll: true });
      finishTransitions(el);
    }
    const { diff, faint } = diffStyles(base, focused);
    const vr = el.getBoundingClientRect();
    const textEntry = el.localName === 'textarea' || (el.localName === 'input' && TEXT_ENTRY.has((el as HTMLInputElement).type)) || (el as HTMLElement).isContentEditable;
    return {
      none: false as const,
      // Tab moves through parts of these while activeElement stays on them (frame content, media controls, date fields)
      frame: /^(iframe|frame|object|embed|video|audio)$/.test(el.localName) || el.matches('input[type=date],input[type=time],input[type=datetime-local],input[type=month],input[type=week]'),
      id: kid(el),
      stop: stopInfo(el, index),
      styleDiff: diff,
      faintDiff: faint,
      viewRect: { x: vr.left, y: vr.top, width: vr.width, height: vr.height },
      view: { sx: scrollX, sy: scrollY, w: document.documentElement.clientWidth || innerWidth, h: document.documentElement.clientHeight || innerHeight },
      textEntry,
      events: evs,
    };
  },

  /** Take focus off (to the sentinel) for an unfocused screenshot; refocus(id) puts it back. */
  unfocus(id: number) {
    sentinel!.focus({ preventScroll: true });
    const el = byId[id];
    if (el) finishTransitions(el);
  },
  refocus(id: number) {
    const el = byId[id] as HTMLElement | undefined;
    if (!el) return false;
    el.focus({ preventScroll: true });
    finishTransitions(el);
    return deepActive() === el;
  },
  focus(id: number) {
    const el = byId[id] as HTMLElement | undefined;
    if (!el || !el.isConnected) return false;
    el.focus();
    return deepActive() === el;
  },
  activeId(): number | null {
    const el = deepActive();
    if (!el || el === document.body || el === sentinel || el === document.documentElement) return null;
    return kid(el);
  },
  /** Are these elements still rendered? (after Escape: a closed dialog is not) */
  anyVisible(idList: number[]): boolean {
    return idList.some((i) => byId[i] && byId[i].isConnected && hiddenReason(byId[i]) === '');
  },
  /** Focus the first tabbable element after all of the given ones in document order (to step past a trap). */
  focusAfter(idList: number[]): boolean {
    const els = idList.map((i) => byId[i]).filter(Boolean);
    if (!els.length) return false;
    let last = els[0];
    for (const e of els) if (last.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) last = e;
    // step past the smallest region holding all trapped elements (the element itself when it is one)
    let region: Element = last;
    while (!els.every((e) => region.contains(e)) && region.parentElement && region.parentElement !== document.body) region = region.parentElement;
    for (const el of Array.from(document.querySelectorAll(FOCUSABLE_SEL))) {
      if (region.contains(el) || !(region.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      if (!isTabbable(el)) continue;
      (el as HTMLElement).focus();
      if (deepActive() === el) return true;
    }
    return false;
  },
  scrollPos() {
    return [scrollX, scrollY];
  },
  scrollTo(x: number, y: number) {
    window.scrollTo(x, y);
  },

  // ---- 2.1.1: things that look like controls but Tab never reaches ----
  controlCandidates(max: number) {
    const out: { id: number; selector: string; html: string; name: string; inline: boolean; role: string; pointer: boolean }[] = [];
    const all = document.body.getElementsByTagName('*');
    for (let i = 0; i < all.length && i < 8000 && out.length < max; i++) {
      const el = all[i];
      if (el === sentinel || el.closest('svg') && el.localName !== 'svg') continue;
      if (el.matches(FOCUSABLE_SEL) || el.closest(NATIVE_INTERACTIVE + ',label,[tabindex],[aria-activedescendant]')) continue;
      if (el.localName === 'option' || el.localName === 'optgroup' || el.localName === 'label') continue;
      const inline = el.hasAttribute('onclick') || el.hasAttribute('onmousedown') || el.hasAttribute('onmouseup');
      const role = el.getAttribute('role') || '';
      const widget = WIDGET_ROLES.has(role) && !['option', 'treeitem', 'menuitem', 'menuitemcheckbox', 'menuitemradio'].includes(role)
        ? true
        : WIDGET_ROLES.has(role) && !el.closest('[role=listbox],[role=tree],[role=menu],[role=menubar]');
      const cs = getComputedStyle(el);
      const parent = el.parentElement;
      const pointer = cs.cursor === 'pointer' && (!parent || getComputedStyle(parent).cursor !== 'pointer');
      if (!inline && !widget && !pointer) continue;
      if (el.querySelector(FOCUSABLE_SEL)) continue; // a keyboard user can use the control inside
      if (hiddenReason(el)) continue;
      out.push({ id: kid(el), selector: cssPath(el), html: snippet(el), name: nameOf(el), inline, role: widget ? role : '', pointer });
    }
    return out;
  },

  /** Focusable custom controls (not native) worth pressing Enter/Space on. */
  customControls(max: number) {
    const out: { id: number; selector: string; html: string; name: string; role: string; tag: string; href: boolean; inline: boolean }[] = [];
    for (const el of Array.from(document.querySelectorAll('[tabindex],a[href][role]'))) {
      if (out.length >= max) break;
      if (el === sentinel) continue;
      const role = el.getAttribute('role') || '';
      const nativeCtl = el.matches('button,input,select,textarea,summary') || (el.matches('a[href]') && !role);
      if (nativeCtl) continue;
      if ((el as HTMLElement).tabIndex < 0 || !isTabbable(el) || hiddenReason(el)) continue;
      const inline = el.hasAttribute('onclick');
      if (!['button', 'link', 'checkbox', 'switch', 'tab', 'menuitem', 'radio'].includes(role) && !inline) continue;
      out.push({ id: kid(el), selector: cssPath(el), html: snippet(el), name: nameOf(el), role, tag: el.localName, href: el.matches('a[href]'), inline });
    }
    return out;
  },
  /** Start watching effects of a key press on element id. */
  watch() {
    mutations = 0;
    clicks = [];
    keyPrevented = 0;
    events.splice(0, events.length);
  },
  effects(id: number) {
    const el = byId[id];
    const clicked = clicks.some((t) => t === el || (el && el.contains(t)));
    const focusMoved = deepActive() !== el;
    const evs = events.splice(0, events.length);
    return { clicked, mutations, keyPrevented, focusMoved, events: evs.length };
  },

  /** Links/buttons in hidden sub-menus: [{ trigger, items }] grouped by sub-menu. */
  hiddenMenus(max: number) {
    const groups: { trigger: number; triggerSelector: string; triggerHtml: string; triggerName: string; items: number[]; li: number; itemSelector: string }[] = [];
    const seen = new Set<Element>();
    for (const a of Array.from(document.querySelectorAll('li a[href], li button'))) {
      if (groups.length >= max) break;
      if (!hiddenReason(a)) continue;
      const sub = a.closest('ul,ol,[role=menu]');
      if (!sub || seen.has(sub)) continue;
      const li = sub.parentElement?.closest('li');
      if (!li || li.closest('nav,[role=navigation],[role=menubar],header,ul') === null) continue;
      const trig = Array.from(li.querySelectorAll(':scope > a[href], :scope > button, :scope > * > a[href], :scope > * > button, :scope > [tabindex]')).find(
        (t) => !sub.contains(t) && isTabbable(t) && !hiddenReason(t),
      );
      if (!trig) continue;
      seen.add(sub);
      const items = Array.from(sub.querySelectorAll('a[href],button')).map(kid);
      groups.push({ trigger: kid(trig), triggerSelector: cssPath(trig), triggerHtml: snippet(trig), triggerName: nameOf(trig), items, li: kid(li), itemSelector: cssPath(sub) });
    }
    return groups;
  },
  centerOf(id: number) {
    const el = byId[id];
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + Math.min(r.height / 2, 10) };
  },

  // ---- 3.2.2: form controls to change ----
  inputTargets(max: number) {
    const out: { id: number; kind: string; selector: string; html: string; name: string }[] = [];
    const groups = new Set<string>();
    for (const el of Array.from(document.querySelectorAll('select, input[type=radio], input[type=checkbox]'))) {
      if (out.length >= max) break;
      const inp = el as HTMLInputElement;
      if (inp.disabled || hiddenReason(el) && !(el.localName === 'input' && el.closest('label'))) continue;
      if (el.localName === 'select') {
        const s = el as HTMLSelectElement;
        if (s.multiple || s.options.length < 2) continue;
      } else if (inp.type === 'radio') {
        const g = (inp.form ? 'f' : 'd') + ':' + inp.name;
        if (inp.checked || (inp.name && groups.has(g))) continue;
        if (inp.name) groups.add(g);
      }
      const label = (el as HTMLInputElement).labels?.[0];
      out.push({ id: kid(el), kind: el.localName === 'select' ? 'select' : inp.type, selector: cssPath(el), html: snippet(el), name: label ? nameOf(label) : nameOf(el) });
    }
    return out;
  },
  /** Change a control the way a user would (value + input/change events); returns a token to undo it. */
  change(id: number) {
    const el = byId[id];
    events.splice(0, events.length);
    if (!el) return null;
    if (el.localName === 'select') {
      const s = el as HTMLSelectElement;
      const old = s.selectedIndex;
      let next = (old + 1) % s.options.length;
      for (let k = 0; k < s.options.length && s.options[next].disabled; k++) next = (next + 1) % s.options.length;
      s.selectedIndex = next;
      s.dispatchEvent(new Event('input', { bubbles: true }));
      s.dispatchEvent(new Event('change', { bubbles: true }));
      return { old };
    }
    const i = el as HTMLInputElement;
    let old = i.checked ? 1 : 0;
    if (i.type === 'radio') {
      // remember which radio of the group was on, to put it back
      const on = Array.from(document.querySelectorAll<HTMLInputElement>('input[type=radio]')).find((r) => r.name === i.name && r.form === i.form && r.checked);
      old = on ? kid(on) : -1;
    }
    i.click(); // click toggles and fires click, input and change, as Space would
    return { old };
  },
  undoChange(id: number, old: number) {
    const el = byId[id];
    if (!el) return;
    if (el.localName === 'select') (el as HTMLSelectElement).selectedIndex = old;
    else if ((el as HTMLInputElement).type === 'radio') {
      (el as HTMLInputElement).checked = false;
      if (old >= 0 && byId[old]) (byId[old] as HTMLInputElement).checked = true;
    } else (el as HTMLInputElement).checked = !!old;
  },
  el(id: number) {
    return byId[id];
  },

  // ---- overlay ----
  drawOverlay(stops: { index: number; rect: Rect; visible: boolean }[]) {
    const w = Math.max(document.documentElement.scrollWidth, innerWidth);
    const h = Math.max(document.documentElement.scrollHeight, innerHeight);
    const layer = document.createElement('div');
    layer.setAttribute('data-jis-kbd', 'overlay');
    layer.style.cssText = `position:absolute;left:0;top:0;width:${w}px;height:${h}px;pointer-events:none;z-index:2147483647;`;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', String(w));
    svg.setAttribute('height', String(h));
    svg.setAttribute('style', 'position:absolute;left:0;top:0;');
    const pts = stops.map((s) => `${s.rect.x + s.rect.width / 2},${s.rect.y + s.rect.height / 2}`).join(' ');
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', pts);
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', 'rgba(200,0,0,0.55)');
    line.setAttribute('stroke-width', '2');
    svg.appendChild(line);
    layer.appendChild(svg);
    for (const s of stops) {
      const box = document.createElement('div');
      box.style.cssText = `position:absolute;left:${s.rect.x - 2}px;top:${s.rect.y - 2}px;width:${s.rect.width}px;height:${s.rect.height}px;border:2px ${s.visible ? 'solid' : 'dashed'} #c00000;`;
      const badge = document.createElement('div');
      badge.textContent = String(s.index);
      badge.style.cssText = `position:absolute;left:${Math.max(0, s.rect.x - 12)}px;top:${Math.max(0, s.rect.y - 12)}px;min-width:20px;height:20px;padding:0 3px;box-sizing:border-box;border-radius:10px;background:#c00000;color:#fff;font:bold 12px/20px sans-serif;text-align:center;`;
      layer.appendChild(box);
      layer.appendChild(badge);
    }
    document.body.appendChild(layer);
    return { width: w, height: h };
  },
  removeOverlay() {
    document.querySelectorAll('[data-jis-kbd=overlay]').forEach((e) => e.remove());
  },
};

(window as unknown as { __jisKbd: typeof api }).__jisKbd = api;
export type InPageKbd = typeof api;
