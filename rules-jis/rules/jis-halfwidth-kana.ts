// Advisory (参考): 半角カナ (ｶﾀｶﾅ).
import { halfwidthKana } from '../text/chars-advisory.js';
import { charAdvisoryRule } from './char-advisory.js';

export const rule = charAdvisoryRule({
  id: 'jis-halfwidth-kana',
  prefilter: /[\uFF66-\uFF9D]/,
  find: halfwidthKana,
  messages: {
    description: '半角カタカナを使っていないか',
    why: '半角カタカナは、スクリーンリーダーによって一文字ずつ読まれたり読み飛ばされたりすることがあり、検索や点字変換でも正しく扱われません。',
    help: 'CMS の本文で、半角カタカナを全角カタカナに直してください（ｶﾀｶﾅ → カタカナ）。Excel や他システムから貼り付けた文字に多いので、貼り付け後に確認してください。',
    fail: '半角カタカナ「${data.chars}」が使われています。',
    pass: '半角カタカナは見つかりません。',
  },
});
