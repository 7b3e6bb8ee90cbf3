// 1.3.3: instructions that rely on position or shape (右のボタン, 丸いアイコン, ●印).
import type { JisRule } from '../types.js';
import { TEXT_BLOCK_SELECTOR, ownText } from '../dom/text.js';
import { sensoryWords } from '../text/sensory.js';

export const rule: JisRule = {
  id: 'jis-sensory-instruction',
  selector: TEXT_BLOCK_SELECTOR,
  matches: (node) => /[右左丸四角三角星形印●○◎■□◆◇▲△▼▽★☆囲]/.test(ownText(node)),
  evaluate(node) {
    const hits = sensoryWords(ownText(node).replace(/\n/g, ' '));
    if (!hits.length) return true;
    this.data({ words: [...new Set(hits.map((h) => h.text))].join('」「') });
    return false;
  },
  criteria: ['1.3.3'],
  failKind: 'review',
  impact: 'moderate',
  messages: {
    description: '説明が位置や形だけに頼っていないか（「右のボタン」「丸いアイコン」「●印」）',
    why: 'スクリーンリーダーの利用者には画面上の位置や形が見えず、拡大表示している人には「右」にあるものが画面の外にあります。スマートフォンでは配置そのものが変わります。位置や形だけで示された対象は見つけられません。',
    help: 'CMS の本文で、位置や形ではなく名前で対象を示してください。例：「右のボタンを押す」→「『送信』ボタンを押す」、「●印の項目は必須」→「『必須』と書かれた項目は入力が必要です」。位置を残すなら名前と併記します（「右側の『申請』ボタン」）。',
    fail: '「${data.words}」という表現があります。位置や形がわからなくても対象がわかるか確認してください。',
    pass: '位置や形だけに頼る表現は見つかりません。',
  },
};
