// 3.1.1: the page's lang says one language, its text is clearly in another.
import type { JisCheck } from './types.js';
import { langContradiction, primaryLang } from '../text/language.js';

const NAMES: Record<string, string> = { ja: '日本語', en: '英語', zh: '中国語', ko: '韓国語' };

/** Body text without scripts and without parts that declare their own, different language. */
function pageText(doc: Document, declared: string): string {
  let out = '';
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(e.tagName)) continue;
        const l = e.getAttribute('lang');
        if (l !== null && primaryLang(l) !== primaryLang(declared)) continue;
        out += ' ';
        walk(e);
      }
    }
  };
  if (doc.body) walk(doc.body);
  return out;
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
