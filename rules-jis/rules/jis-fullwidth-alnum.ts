// Advisory (参考): 全角英数字 (ＰＤＦ, ２０２５).
import { fullwidthAlnum } from '../text/chars-advisory.js';
import { charAdvisoryRule } from './char-advisory.js';

export const rule = charAdvisoryRule({
  id: 'jis-fullwidth-alnum',
  prefilter: /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]{2}/,
  find: fullwidthAlnum,
  messages: {
    description: '英字や2桁以上の数字を全角で書いていないか',
    why: '全角の英字は、スクリーンリーダーによって一文字ずつ「ピー、ディー、エフ」と読まれ、単語として伝わりません。全角数字も桁ごとに読まれることがあり、「２０２５」が「に、ぜろ、に、ご」となる場合があります。検索でも半角と区別されてヒットしません。',
    help: 'CMS の本文で、英字と数字を半角に直してください（ＰＤＦ → PDF、２０２５年 → 2025年）。1桁の数字（４月）や単独の記号的な英字（Ａ棟）は全角のままでも構いません。',
    fail: '全角の英数字「${data.chars}」が使われています。',
    pass: '全角の英数字の連続は見つかりません。',
  },
});
