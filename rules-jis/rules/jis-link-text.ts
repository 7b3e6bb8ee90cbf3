// 2.4.4: link text that says nothing (こちら, 詳細, click here). Violation when nothing around the link
// (its sentence/paragraph, list item, table cell and headers, a heading before it) gives the purpose;
// review when such context exists and a person must judge whether it is enough.
import type { JisCheck } from './types.js';
import { collectText, linkName, readableText } from '../dom/text.js';
import { meaninglessLinkText } from '../text/link-text.js';

const CONTEXT_BLOCK = 'p, li, td, th, dd, dt, caption, figcaption, h1, h2, h3, h4, h5, h6, [role=heading], blockquote, label, legend, div';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading]';

/** Text of `block` without links that themselves say nothing (この「こちら」も「あちら」も context ではない). */
function contextOf(block: Element): string {
  return collectText(block, (e) => {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(e.tagName) || e.getAttribute('aria-hidden') === 'true') return null;
    if (e.matches('a[href], [role=link]') && meaninglessLinkText(linkName(e))) return null;
    if (e.tagName === 'IMG') return e.getAttribute('alt') ?? '';
    return undefined;
  });
}

function meaningful(text: string): boolean {
  const letters = text.replace(/[\s\p{P}\p{S}0-9０-９]/gu, '');
  return letters.length >= 2;
}

function hasContext(a: Element): boolean {
  const block = a.parentElement?.closest(CONTEXT_BLOCK);
  if (block && block.tagName !== 'BODY' && meaningful(contextOf(block))) return true;
  // Table cell: its header cells give the purpose (H79).
  const cell = a.closest('td');
  if (cell && cell.closest('table')?.querySelector('th')) return true;
  // A labelled navigation (ページ送り) or rel=next/prev says what a «/» link does.
  const nav = a.closest('nav, [role=navigation]');
  if (nav && (nav.getAttribute('aria-label') ?? '').trim()) return true;
  if (/\b(next|prev|previous)\b/i.test(a.getAttribute('rel') ?? '')) return true;
  const described = a.getAttribute('aria-describedby');
  if (described && described.split(/\s+/).some((id) => meaningful(readableText(a.ownerDocument.getElementById(id) ?? a.ownerDocument.createElement('i'))))) return true;
  // A heading before the link (H80).
  for (const h of Array.from(a.ownerDocument.querySelectorAll(HEADING))) {
    if (h.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING && meaningful(readableText(h))) return true;
  }
  return false;
}

export const rule: JisCheck = {
  id: 'jis-link-text',
  selector: 'a[href], area[href], [role=link]',
  evaluate(node) {
    const name = node.tagName === 'AREA' ? node.getAttribute('alt') ?? '' : linkName(node);
    if (!meaninglessLinkText(name)) return true;
    this.data({ text: name.trim() });
    return hasContext(node) ? undefined : false;
  },
};
