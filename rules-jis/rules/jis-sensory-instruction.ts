// 1.3.3: instructions that rely on position or shape (右のボタン, 丸いアイコン, ●印; "the menu on the right").
import type { JisCheck } from './types.js';
import { TEXT_BLOCK_SELECTOR, ownText } from '../dom/text.js';
import { sensoryWords } from '../text/sensory.js';

export const rule: JisCheck = {
  id: 'jis-sensory-instruction',
  selector: TEXT_BLOCK_SELECTOR,
  matches: (node) => /[右左丸四角三角星形印●○◎■□◆◇▲△▼▽★☆囲]|right|left|round|square|triang|star|circl|diamond/i.test(ownText(node)),
  evaluate(node) {
    const hits = sensoryWords(ownText(node).replace(/\n/g, ' '));
    if (!hits.length) return true;
    this.data({ words: [...new Set(hits.map((h) => h.text))].join('」「') });
    return false;
  },
};
