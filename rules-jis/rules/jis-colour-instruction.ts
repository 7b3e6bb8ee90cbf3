// 1.4.1: information or instructions given by colour alone (赤字の項目, 青色で表示).
import type { JisRule } from '../types.js';
import { TEXT_BLOCK_SELECTOR, ownText } from '../dom/text.js';
import { colourWords } from '../text/sensory.js';

export const rule: JisRule = {
  id: 'jis-colour-instruction',
  selector: TEXT_BLOCK_SELECTOR,
  matches: (node) => /[赤青緑黄紫茶灰黒白水色]|オレンジ|ピンク|グレー/.test(ownText(node)),
  evaluate(node) {
    const hits = colourWords(ownText(node).replace(/\n/g, ' '));
    if (!hits.length) return true;
    this.data({ words: [...new Set(hits.map((h) => h.text))].join('」「') });
    return false;
  },
  criteria: ['1.4.1', '1.3.3'],
  failKind: 'review',
  impact: 'serious',
  messages: {
    description: '色だけで情報を伝えていないか（「赤字の項目は必須」など）',
    why: '色の見分けにくい人（日本人男性の約20人に1人）、白黒で印刷した人、スクリーンリーダーの利用者には、色の違いが伝わりません。「赤字の項目」がどれなのかわからず、必須項目を見落とします。',
    help: 'CMS の本文で、色と一緒に文字や記号でも示してください。例：「赤字の項目は必須です」→ 各項目名に「（必須）」と書き、説明を「（必須）と書かれた項目は必ず入力してください」にします。色分けしたグラフには凡例の文字やパターンを加えます。',
    fail: '「${data.words}」という表現があります。色がわからなくても同じ情報が伝わるか確認してください。',
    pass: '色だけに頼る表現は見つかりません。',
  },
};
