// Whether the keyboard phase can see and Tab to an element (rules-jis/page/keyboard/): the reason an element
// is not seen is part of focus-order findings (crawler/page/interaction/checks/focus-order.ts).

/** What a browser puts in the Tab sequence natively. */
export const NATIVE_INTERACTIVE =
  'a[href],area[href],button,input,select,textarea,summary,iframe,audio[controls],video[controls],[contenteditable=""],[contenteditable="true"]';
export const FOCUSABLE_SEL = NATIVE_INTERACTIVE + ',[tabindex]';

function offscreen(el: Element, r: DOMRect): string {
  const x = r.left + scrollX;
  const y = r.top + scrollY;
  if (x + r.width <= 0 || y + r.height <= 0) return '画面外（左または上）';
  const dw = Math.max(el.ownerDocument.documentElement.scrollWidth, innerWidth);
  return x >= dw ? '画面外（右）' : '';
}

/** Hidden by an ancestor (or itself): transparent, clipped, or outside an overflow:hidden box. */
function hiddenByAncestor(el: Element, r: DOMRect): string {
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

/** Why an element is not seen (Japanese, for findings), or '' when it is. */
export function hiddenReason(el: Element): string {
  if (getComputedStyle(el).visibility !== 'visible') return 'visibility:hidden';
  if (!el.getClientRects || el.getClientRects().length === 0) return 'display:none';
  const r = el.getBoundingClientRect();
  if (r.width <= 1 && r.height <= 1) return '大きさがほぼ0';
  return offscreen(el, r) || hiddenByAncestor(el, r);
}

/** In the sequential focus order: not disabled, inert, negative tabindex, unrendered or invisible. */
export function isTabbable(el: Element): boolean {
  const h = el as HTMLElement & { disabled?: boolean };
  if (h.tabIndex < 0 || h.disabled) return false;
  if (el.closest('[inert]')) return false;
  if (el.getClientRects().length === 0) return false;
  return getComputedStyle(el).visibility === 'visible';
}
