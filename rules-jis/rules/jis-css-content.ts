// 1.3.1 (F87): words a stylesheet inserts with ::before/::after (「必須」「NEW」「PDF」). Review: the words vanish when
// a user turns styles off or applies their own, and not every screen reader reads them; a person decides whether
// they carry information. Starts from the page's readable style rules (rules-jis/dom/css-rules.ts), one finding per
// element, at most 20 a page.
import type { JisCheck } from './types.js';
import { perDocument } from '../dom/text.js';
import { matching, styleRules } from '../dom/css-rules.js';
import { contentText, meaningfulContent } from '../text/css-content.js';

const PSEUDO = /::?(before|after)\b/i;

function visible(el: Element): boolean {
  const v = el as Element & { checkVisibility?: (o?: object) => boolean };
  return v.checkVisibility ? v.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0;
}

/** Elements whose ::before/::after holds words, with the words, found from the style rules that set `content`. */
function generated(doc: Document): Map<Element, string> {
  const out = new Map<Element, string>();
  for (const r of styleRules(doc)) {
    if (out.size >= 20) break;
    if (!PSEUDO.test(r.selector) || !meaningfulContent(r.style.getPropertyValue('content'))) continue;
    for (const part of r.selector.split(',')) {
      const m = PSEUDO.exec(part);
      if (!m) continue;
      const host = part.slice(0, m.index).trim() || '*';
      for (const el of matching(doc, host, 20)) {
        if (!visible(el)) continue;
        const value = getComputedStyle(el, m[1].toLowerCase() === 'before' ? '::before' : '::after').getPropertyValue('content');
        if (meaningfulContent(value) && !out.has(el)) out.set(el, contentText(value).trim());
      }
    }
  }
  return out;
}

export const rule: JisCheck = {
  id: 'jis-css-content',
  selector: 'body *',
  excludeHidden: false,
  matches: (node) => perDocument(node.ownerDocument, 'css-content', () => generated(node.ownerDocument)).has(node),
  evaluate(node) {
    const text = perDocument(node.ownerDocument, 'css-content', () => generated(node.ownerDocument)).get(node) ?? '';
    this.data({ text: text.slice(0, 30) });
    return false;
  },
};
