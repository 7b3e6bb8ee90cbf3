// Whether a text node can be read where it is laid out now (1.4.4; the 200% pass in crawler/page/zoom/): walking
// up from the text, the first box that clips it (overflow hidden/clip), how much of the text is outside that
// box, whether the text is only reachable by scrolling a box (overflow auto/scroll), and whether the clipping is
// a designed truncation (text-overflow: ellipsis, line-clamp). Absolutely positioned and fixed boxes escape the
// clipping of the ancestors below their containing block, as CSS says.

/** How one text node sits in its clipping boxes. */
export interface ClipState {
  /** Part of the text is cut off by a box that hides overflow. */
  cut: boolean;
  /** Nothing of the text is left to see (collapsed panel, closed menu, slide out of view). */
  outside: boolean;
  /** Pixels of the text beyond the clipping box (the larger axis). */
  lost: number;
  axis: 'x' | 'y' | '';
  clipper: Element | null;
  ellipsis: boolean;
  /** The text runs beyond a scrolling box horizontally: readable only by scrolling it sideways. */
  hscroll: Element | null;
}

interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}

const HIDES = new Set(['hidden', 'clip']);
const SCROLLS = new Set(['auto', 'scroll']);

/** Computed styles of one measurement (one layout): read once per element. */
export class StyleCache {
  private map = new Map<Element, CSSStyleDeclaration>();
  of(el: Element): CSSStyleDeclaration {
    let cs = this.map.get(el);
    if (!cs) this.map.set(el, (cs = getComputedStyle(el)));
    return cs;
  }
}

/** The padding box of an element in viewport coordinates (what overflow clips to). */
function paddingBox(el: Element): Box {
  const r = el.getBoundingClientRect();
  const l = r.left + el.clientLeft;
  const t = r.top + el.clientTop;
  // clientWidth is 0 for inline boxes: use the border box then
  const w = el.clientWidth || r.width;
  const h = el.clientHeight || r.height;
  return { l, t, r: l + w, b: t + h };
}

const beyond = (lo: number, hi: number, boxLo: number, boxHi: number) => Math.max(0, boxLo - lo) + Math.max(0, hi - boxHi);

/** Where the text is and how large it is set (the tolerance is a third of the font size). */
export function textBox(t: Text): Box | null {
  const range = document.createRange();
  range.selectNodeContents(t);
  const r = range.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { l: r.left, t: r.top, r: r.right, b: r.bottom } : null;
}

/** Does `cur` end the containing-block escape of an absolutely positioned descendant? */
function escapeAfter(cur: Element, cs: CSSStyleDeclaration): Element | 'viewport' | null {
  if (cs.position === 'fixed') return 'viewport';
  if (cs.position === 'absolute') return (cur as HTMLElement).offsetParent ?? 'viewport';
  return null;
}

/** The clipping state of a text node in the current layout. */
export function clipState(t: Text, styles: StyleCache): ClipState | null {
  const box = textBox(t);
  if (!box || !t.parentElement) return null;
  const fs = parseFloat(styles.of(t.parentElement).fontSize) || 16;
  const tol = Math.max(2, fs * 0.3);
  const s: ClipState = { cut: false, outside: false, lost: 0, axis: '', clipper: null, ellipsis: false, hscroll: null };
  let seen: Box = { ...box };
  let escapeTo: Element | 'viewport' | null = null;
  for (let cur: Element | null = t.parentElement; cur && cur !== document.documentElement; cur = cur.parentElement) {
    if (escapeTo === cur) escapeTo = null;
    const cs = styles.of(cur);
    if (escapeTo === null) {
      const hideX = HIDES.has(cs.overflowX);
      const hideY = HIDES.has(cs.overflowY);
      if (hideX || hideY || SCROLLS.has(cs.overflowX) || SCROLLS.has(cs.overflowY)) {
        const p = paddingBox(cur);
        const lostX = beyond(seen.l, seen.r, p.l, p.r);
        const lostY = beyond(seen.t, seen.b, p.t, p.b);
        if (!s.cut && ((hideX && lostX > tol) || (hideY && lostY > tol))) {
          s.cut = true;
          s.clipper = cur;
          s.axis = hideX && lostX > tol && (!hideY || lostX >= lostY) ? 'x' : 'y';
          s.lost = Math.round(s.axis === 'x' ? lostX : lostY);
          s.ellipsis = cs.textOverflow === 'ellipsis' || (cs.getPropertyValue('-webkit-line-clamp') || 'none') !== 'none';
        }
        if (!s.hscroll && SCROLLS.has(cs.overflowX) && lostX > tol) s.hscroll = cur;
        seen = { l: Math.max(seen.l, p.l), t: Math.max(seen.t, p.t), r: Math.min(seen.r, p.r), b: Math.min(seen.b, p.b) };
        if (seen.r - seen.l < 1 || seen.b - seen.t < 1) {
          s.outside = true;
          break;
        }
      }
    }
    escapeTo = escapeTo ?? escapeAfter(cur, cs);
    if (escapeTo === 'viewport') break;
  }
  return s;
}

/** A box is clipped to nothing on purpose (visually hidden text: 1px box, clip, clip-path). */
export function visuallyHidden(el: Element, styles: StyleCache): boolean {
  for (let cur: Element | null = el; cur && cur !== document.body; cur = cur.parentElement) {
    const cs = styles.of(cur);
    if ((cs.clip && cs.clip !== 'auto') || /inset\(50%/.test(cs.clipPath)) return true;
    if (HIDES.has(cs.overflowX) || HIDES.has(cs.overflowY)) {
      const r = cur.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2) return true;
    }
  }
  return false;
}
