// Advisory (参考): 機種依存文字 (①, ㈱, ㍻, Ⅰ, ㌔).
import type { JisRule } from '../types.js';
import { TEXT_BLOCK_SELECTOR, ownText } from '../dom/text.js';
import { machineDependentChars } from '../text/chars-advisory.js';

export const rule: JisRule = {
  id: 'jis-machine-dependent-char',
  selector: TEXT_BLOCK_SELECTOR,
  matches: (node) => /[\u2460-\u24FF\u2160-\u217F\u3220-\u33FF\u2116\u2121]/.test(ownText(node)),
  evaluate(node) {
    const found = machineDependentChars(ownText(node).replace(/\n/g, ' '));
    if (!found.length) return true;
    this.data({ chars: found.slice(0, 8).join('」「') });
    return false;
  },
  criteria: [],
  failKind: 'advisory',
  impact: 'minor',
  messages: {
    description: '機種依存文字（丸数字・ローマ数字・㈱・㍻・㌔ など）を使っていないか',
    why: '機種依存文字は、スクリーンリーダーによって「まるいち」「かっこかぶ」と読まれたり、まったく読まれなかったりします。環境によっては表示されず、検索や点字変換でも正しく扱われません。',
    help: 'CMS の本文で、機種依存文字を一般的な書き方に置き換えてください。①→（1）または「1.」、㈱→（株）または「株式会社」、㍻→平成、Ⅲ→3 または III、㌔→キロ、№→No.。法令などを原文のまま引用している場合はそのままで構いません。',
    fail: '機種依存文字「${data.chars}」が使われています。',
    pass: '機種依存文字は見つかりません。',
  },
};
