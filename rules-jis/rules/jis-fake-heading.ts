// 1.3.1: text made to look like a heading (short, bold or large, or 【】/■ marked, followed by content)
// that is not marked up as a heading.
import type { JisCheck } from './types.js';
import { BLOCK_TAGS, ownText } from '../dom/text.js';

const MARKED = /^(?:[■□◆◇●○▼▽▶▷★☆◎]\s*\S|【[^】]+】$)/;
const NOT_HEADING_PLACES = 'h1, h2, h3, h4, h5, h6, [role=heading], th, td, caption, legend, label, button, a, li, dt, dd, nav, header, footer, form, table, blockquote';

function hasBlockChild(el: Element): boolean {
  return Array.from(el.children).some((c) => BLOCK_TAGS.has(c.tagName));
}

function looksBig(el: Element): { bold: boolean; big: boolean } {
  const w = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let bold = true, big = true, any = false;
  const base = parseFloat(getComputedStyle(el.ownerDocument.body).fontSize) || 16;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    if (!/\S/.test(n.nodeValue ?? '')) continue;
    any = true;
    const cs = getComputedStyle(n.parentElement!);
    if (!(parseInt(cs.fontWeight, 10) >= 600)) bold = false;
    if (!(parseFloat(cs.fontSize) >= base * 1.2)) big = false;
  }
  return { bold: any && bold, big: any && big };
}

/** The next sibling element that has content (text, list, table). */
function followedByContent(el: Element): boolean {
  const next = el.nextElementSibling;
  if (!next || /^(H[1-6]|SCRIPT|STYLE|HR)$/.test(next.tagName)) return false;
  return (next.textContent ?? '').trim().length > 0;
}

export const rule: JisCheck = {
  id: 'jis-fake-heading',
  selector: 'p, div',
  matches: (node) => {
    if (hasBlockChild(node) || node.parentElement?.closest(NOT_HEADING_PLACES)) return false;
    const t = ownText(node).replace(/\s+/g, ' ').trim();
    return t.length >= 2 && t.length <= 30;
  },
  evaluate(node) {
    const t = ownText(node).replace(/\s+/g, ' ').trim();
    if (/[。．.!！?？、,]$/.test(t) || !followedByContent(node)) return true;
    // Text that is one link (a menu item) is navigation, not a heading.
    const links = node.querySelectorAll('a');
    if (links.length && Array.from(links).map((a) => a.textContent ?? '').join('').trim() === t.replace(/\s/g, ' ').trim()) return true;
    const { bold, big } = looksBig(node);
    const marked = MARKED.test(t);
    if (!bold && !big && !marked) return true;
    this.data({ text: t, how: marked ? '記号や【】で' : big ? '大きな文字で' : '太字で' });
    return false;
  },
};
