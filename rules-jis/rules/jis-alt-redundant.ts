// 1.1.1: alt that repeats the text right next to it (read twice), or an alt too long to listen to.
import type { JisCheck } from './types.js';
import { altRepeats, meaninglessAlt, textWidth, LONG_ALT } from '../text/alt.js';

/** The text shown beside the image: the rest of its link/button, its figure caption, or its parent's text. */
function nearText(img: Element): string {
  const holder = img.closest('a, button') ?? img.closest('figure')?.querySelector('figcaption') ?? img.parentElement;
  if (!holder) return '';
  let out = '';
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c === img) continue;
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !/^(SCRIPT|STYLE|IMG)$/.test((c as Element).tagName)) walk(c);
    }
  };
  walk(holder);
  return out.replace(/\s+/g, ' ').trim();
}

export const rule: JisCheck = {
  id: 'jis-alt-redundant',
  selector: 'img[alt], input[type=image][alt]',
  matches: (node) => /\S/.test(node.getAttribute('alt') ?? ''),
  evaluate(node) {
    const alt = (node.getAttribute('alt') ?? '').trim();
    if (meaninglessAlt(alt, node.getAttribute('src') ?? '')) return true; // jis-alt-meaningless reports it
    if (textWidth(alt) > LONG_ALT) {
      this.data({ alt: alt.slice(0, 30) + '…', reason: `代替テキストが ${alt.length} 文字あり、長すぎる可能性があります` });
      return false;
    }
    if (altRepeats(alt, nearText(node))) {
      this.data({ alt, reason: 'すぐ隣のテキストと同じ内容で、二度読み上げられます' });
      return false;
    }
    return true;
  },
};
