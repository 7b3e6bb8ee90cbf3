// 1.1.1: alt that repeats the text right next to it (read twice), or an alt too long to listen to.
import type { JisRule } from '../types.js';
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

export const rule: JisRule = {
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
  criteria: ['1.1.1'],
  failKind: 'review',
  impact: 'minor',
  messages: {
    description: '代替テキストが隣のテキストの繰り返しになっていないか、長すぎないか',
    why: '画像の alt と隣のテキストが同じだと、スクリーンリーダーでは同じ言葉が二度続けて読まれ、聞き取りの負担になります。非常に長い alt は途中で読み返すことができず、要点がつかめません。',
    help: 'CMS の画像設定で、隣に同じ文言があるなら代替テキストを空（装飾画像）にするか、画像にしかない情報だけを書いてください。グラフや図の詳しい説明が必要なら、alt は短い要約にし、詳しい内容は本文や表で示してください。',
    fail: '代替テキスト「${data.alt}」：${data.reason}。',
    pass: '代替テキストは隣のテキストの繰り返しではありません。',
  },
};
