// Advisory (参考): 半角カナ (ｶﾀｶﾅ).
import type { JisRule } from '../types.js';
import { TEXT_BLOCK_SELECTOR, ownText } from '../dom/text.js';
import { halfwidthKana } from '../text/chars-advisory.js';

export const rule: JisRule = {
  id: 'jis-halfwidth-kana',
  selector: TEXT_BLOCK_SELECTOR,
  matches: (node) => /[\uFF66-\uFF9D]/.test(ownText(node)),
  evaluate(node) {
    const found = halfwidthKana(ownText(node).replace(/\n/g, ' '));
    if (!found.length) return true;
    this.data({ chars: found.slice(0, 8).join('」「') });
    return false;
  },
  criteria: [],
  failKind: 'advisory',
  impact: 'minor',
  messages: {
    description: '半角カタカナを使っていないか',
    why: '半角カタカナは、スクリーンリーダーによって一文字ずつ読まれたり読み飛ばされたりすることがあり、検索や点字変換でも正しく扱われません。',
    help: 'CMS の本文で、半角カタカナを全角カタカナに直してください（ｶﾀｶﾅ → カタカナ）。Excel や他システムから貼り付けた文字に多いので、貼り付け後に確認してください。',
    fail: '半角カタカナ「${data.chars}」が使われています。',
    pass: '半角カタカナは見つかりません。',
  },
};
