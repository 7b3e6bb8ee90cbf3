// The name a keyboard finding or a collected link shows for an element (「参加を申し込む」): the accessible name axe
// computes (rules-jis/page/axe-helpers.ts), else what is seen on it — a clickable <div> has no accessible
// name in accname 1.1, but its text is what an editor recognises.
import { accessibleName } from '../axe-helpers.js';

/** Visible text, value or image alt: what a sighted editor reads on the element. */
function seenText(el: Element): string {
  const h = el as HTMLElement & { value?: unknown };
  const text = h.innerText || (typeof h.value === 'string' ? h.value : '');
  return text || el.querySelector('img[alt]')?.getAttribute('alt') || '';
}

/** The element's name, whitespace collapsed. */
export function nameOf(el: Element): string {
  return (accessibleName(el) || seenText(el)).replace(/\s+/g, ' ').trim();
}

/** The element's name for a message, cut at 60 characters. */
export function shortName(el: Element): string {
  const t = nameOf(el);
  return t.length > 60 ? t.slice(0, 60) + '…' : t;
}
