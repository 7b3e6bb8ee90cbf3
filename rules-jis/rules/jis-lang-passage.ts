// 3.1.2: a passage in another language inside the page without its own lang. An element that declares a lang of
// its own with the wrong value (<p lang="en"> round Japanese) is jis-lang-element's: the lang is there, only wrong.
import type { JisCheck } from './types.js';
import { TEXT_BLOCK_SELECTOR, effectiveLang, ownText, perDocument } from '../dom/text.js';
import { foreignPassage, langContradiction } from '../text/language.js';

const NAMES: Record<string, string> = { ja: '日本語', en: '英語', zh: '中国語', ko: '韓国語' };

export const rule: JisCheck = {
  id: 'jis-lang-passage',
  selector: TEXT_BLOCK_SELECTOR,
  matches: (node) => !node.hasAttribute('lang') && /\S/.test(ownText(node, { skipLang: true })) && !!effectiveLang(node),
  evaluate(node) {
    const doc = node.ownerDocument;
    const root = doc.documentElement;
    // When the whole page's lang is wrong, jis-lang-mismatch reports it once; do not repeat it per paragraph.
    const pageWrong = perDocument(doc, 'lang-mismatch', () =>
      !!langContradiction(root.getAttribute('lang') ?? '', doc.body?.textContent ?? ''),
    );
    if (pageWrong) return true;
    const found = foreignPassage(ownText(node, { skipLang: true }), effectiveLang(node));
    if (!found) return true;
    this.data({ lang: NAMES[found.lang] ?? found.lang, code: found.lang, passage: found.passage });
    return false;
  },
};
