// 3.1.1: the page's lang says one language, its text is clearly in another. Japanese, Chinese, Korean and English
// against them by their scripts (../text/language.ts); other languages of one script (English marked fr, Portuguese
// marked es) by franc and function words (../text/language-id.ts): a violation on a long text, a review on a short one.
// A page in a language other than Japanese passes only when its text shows the declared language; otherwise a person
// looks (a short English/Dutch page cannot be told apart). Japanese pages keep the script check both ways.
import type { JisCheck } from './types.js';
import { langContradiction, primaryLang } from '../text/language.js';
import { confirmsLanguage, LANGUAGE_NAMES, otherLanguage } from '../text/language-id.js';
import { collectText } from '../dom/text.js';

const NAMES = LANGUAGE_NAMES;
const UNCONFIRMED = '本文が短いか、いくつかの言語が混じっているため、本文がこの言語で書かれていることを自動では確かめられませんでした。';

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
    const text = pageText(node.ownerDocument, declared);
    const found = langContradiction(declared, text);
    if (found) {
      this.data({ declared, found: NAMES[found] ?? found, foundCode: found });
      return false;
    }
    const primary = primaryLang(declared);
    const other = otherLanguage(text, primary);
    if (!other) {
      if (primary === 'ja' || confirmsLanguage(text, primary)) return true;
      this.data({ declared, detail: UNCONFIRMED });
      return undefined;
    }
    const name = NAMES[other.found] ?? other.found;
    this.data({ declared, found: name, foundCode: other.found, detail: `本文は${name}のようです（文章が短いため確実ではありません）。` });
    return other.certainty === 'sure' ? false : undefined;
  },
};
