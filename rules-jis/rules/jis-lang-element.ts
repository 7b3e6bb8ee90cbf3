// 3.1.2: an element whose lang attribute names one language while its own text is in another (<span lang="fr"> round
// an English phrase, <p lang="en"> round Japanese). Review: short runs and names can fool any identifier.
import type { JisCheck } from './types.js';
import { collectText } from '../dom/text.js';
import { primaryLang } from '../text/language.js';
import { LANGUAGE_NAMES, partLanguageMismatch } from '../text/language-id.js';

/** The element's text without parts that declare their own lang. */
function ownLangText(el: Element): string {
  return collectText(el, (e) => (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(e.tagName) || e.hasAttribute('lang') ? null : undefined), ' ').replace(/\s+/g, ' ').trim();
}

export const rule: JisCheck = {
  id: 'jis-lang-element',
  selector: 'body [lang]',
  matches: (node) => /^[a-z]{2,3}\b/i.test((node.getAttribute('lang') ?? '').trim()) && /\S/.test(node.textContent ?? ''),
  evaluate(node) {
    const declared = primaryLang(node.getAttribute('lang'));
    const text = ownLangText(node);
    const found = partLanguageMismatch(text, declared);
    if (!found) return true;
    this.data({ declared: node.getAttribute('lang')?.trim() ?? '', found: LANGUAGE_NAMES[found] ?? found, passage: text.slice(0, 40) });
    return false;
  },
};
