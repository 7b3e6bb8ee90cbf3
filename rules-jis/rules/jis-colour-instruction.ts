// 1.4.1: information or instructions given by colour alone (赤字の項目, 青色で表示).
import type { JisCheck } from './types.js';
import { TEXT_BLOCK_SELECTOR, ownText } from '../dom/text.js';
import { colourWords } from '../text/sensory.js';

/** Controls whose text is their accessible name. */
const CONTROL_NAMED_BY_TEXT = 'button, summary, [role="button"], [role="tab"], [role="menuitem"]';

export const rule: JisCheck = {
  id: 'jis-colour-instruction',
  selector: TEXT_BLOCK_SELECTOR,
  // A control's own text is its name (a button labelled 「赤いボタン」), not an instruction about the page.
  matches: (node) => !node.matches(CONTROL_NAMED_BY_TEXT) && /[赤青緑黄紫茶灰黒白水色]|オレンジ|ピンク|グレー/.test(ownText(node)),
  evaluate(node) {
    const hits = colourWords(ownText(node).replace(/\n/g, ' '));
    if (!hits.length) return true;
    this.data({ words: [...new Set(hits.map((h) => h.text))].join('」「') });
    return false;
  },
};
