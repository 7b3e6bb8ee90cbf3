// Advisory (参考): 機種依存文字 (①, ㈱, ㍻, Ⅰ, ㌔).
import { machineDependentChars } from '../text/chars-advisory.js';
import { charAdvisoryRule } from './char-advisory.js';

export const rule = charAdvisoryRule({
  id: 'jis-machine-dependent-char',
  prefilter: /[\u2460-\u24FF\u2160-\u217F\u3220-\u33FF\u2116\u2121]/,
  find: machineDependentChars,
  messages: {
    description: '機種依存文字（丸数字・ローマ数字・㈱・㍻・㌔ など）を使っていないか',
    why: '機種依存文字は、スクリーンリーダーによって「まるいち」「かっこかぶ」と読まれたり、まったく読まれなかったりします。環境によっては表示されず、検索や点字変換でも正しく扱われません。',
    help: 'CMS の本文で、機種依存文字を一般的な書き方に置き換えてください。①→（1）または「1.」、㈱→（株）または「株式会社」、㍻→平成、Ⅲ→3 または III、㌔→キロ、№→No.。法令などを原文のまま引用している場合はそのままで構いません。',
    fail: '機種依存文字「${data.chars}」が使われています。',
    pass: '機種依存文字は見つかりません。',
  },
});
