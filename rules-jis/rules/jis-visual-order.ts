// 1.3.2 / 2.4.3: CSS shows blocks in another order than the HTML (flex/grid `order`, row-reverse/column-reverse, grid
// placement): a screen reader and the Tab key follow the HTML, the eye follows the screen. Review on the container:
// a person decides whether the meaning or the operation depends on the order. Only children with text or controls
// count (an image moved before its caption changes nothing read). Starts from the page's readable style rules and
// inline styles that reorder (rules-jis/dom/css-rules.ts), so the cost does not grow with the page.
import type { JisCheck } from './types.js';
import { perDocument, readableText } from '../dom/text.js';
import { matching, styleRules } from '../dom/css-rules.js';
import { firstInversion, type Block } from '../text/reading-order.js';

const REORDER_DECL = /(^|;)\s*(order\s*:\s*-?[1-9]|flex-direction\s*:\s*(row|column)-reverse|flex-flow\s*:[^;]*reverse|grid-(row|column|area)(-start)?\s*:)/i;

/** Containers whose children CSS may reorder: parents of elements with order/grid placement, reversed flex boxes. */
function candidates(doc: Document): Set<Element> {
  const out = new Set<Element>();
  const add = (el: Element, self: boolean) => {
    const c = self ? el : el.parentElement;
    if (c && out.size < 40) out.add(c);
  };
  for (const r of styleRules(doc)) {
    const css = r.style.cssText;
    if (!REORDER_DECL.test(css)) continue;
    const self = /reverse/i.test(css);
    for (const el of matching(doc, r.selector, 40)) add(el, self);
  }
  for (const el of matching(doc, '[style*="order"], [style*="reverse"], [style*="grid-"]', 40)) if (REORDER_DECL.test(el.getAttribute('style') ?? '')) add(el, /reverse/i.test(el.getAttribute('style') ?? ''));
  return out;
}

function readable(el: Element): boolean {
  return readableText(el).length >= 2 || !!el.querySelector('a[href], button, input, select, textarea');
}

/** The container's in-flow children with text or controls, as boxes in HTML order. */
function blocksOf(container: Element): { blocks: Block[]; els: Element[] } {
  const els = Array.from(container.children).filter((c) => {
    const s = getComputedStyle(c);
    return s.display !== 'none' && s.position !== 'absolute' && s.position !== 'fixed' && readable(c);
  });
  const blocks = els.map((el, index) => {
    const r = el.getBoundingClientRect();
    return { index, x: r.left, y: r.top, width: r.width, height: r.height };
  });
  return { blocks: blocks.filter((b) => b.width > 0 && b.height > 0), els };
}

function reordered(doc: Document): Map<Element, string> {
  const out = new Map<Element, string>();
  for (const c of candidates(doc)) {
    const s = getComputedStyle(c);
    if (!/flex|grid/.test(s.display) || s.direction === 'rtl') continue;
    const { blocks, els } = blocksOf(c);
    if (blocks.length < 2) continue;
    const inv = firstInversion(blocks);
    if (!inv) continue;
    const name = (i: number) => `「${readableText(els[i]).slice(0, 15) || els[i].tagName.toLowerCase()}」`;
    out.set(c, `画面では${name(inv[0].index)}の後に${name(inv[1].index)}が表示されますが、HTML では逆の順序です`);
  }
  return out;
}

export const rule: JisCheck = {
  id: 'jis-visual-order',
  selector: 'body *',
  excludeHidden: false,
  matches: (node) => perDocument(node.ownerDocument, 'visual-order', () => reordered(node.ownerDocument)).has(node),
  evaluate(node) {
    this.data({ what: perDocument(node.ownerDocument, 'visual-order', () => reordered(node.ownerDocument)).get(node) ?? '' });
    return false;
  },
};
