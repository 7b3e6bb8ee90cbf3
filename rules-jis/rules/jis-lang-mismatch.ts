// 3.1.1: the page's lang says one language, its text is clearly in another.
import type { JisCheck } from './types.js';
import { langContradiction, primaryLang } from '../text/language.js';
import { collectText } from '../dom/text.js';

const NAMES: Record<string, string> = { ja: '日本語', en: '英語', zh: '中国語', ko: '韓国語' };

/** Body text without scripts and without parts that declare their own, different language. */
function pageText(doc: Document, declared: string): string {
  if (!doc.body) return '';
  const visit = (e: Element) => {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(e.tagName)) return null;
    const l = e.getAttribute('lang');
    return l !== null && primaryLang(l) !== primaryLang(declared) ? null : undefined;
  };
  return collectText(doc.body, visit, ' ');
}

export const rule: JisCheck = {
  id: 'jis-lang-mismatch',
  selector: 'html',
  matches: (node) => !!(node.getAttribute('lang') ?? '').trim(),
  evaluate(node) {
    const declared = node.getAttribute('lang') ?? '';
    const found = langContradiction(declared, pageText(node.ownerDocument, declared));
    if (!found) return true;
    this.data({ declared, found: NAMES[found] ?? found, foundCode: found });
    return false;
  },
};
