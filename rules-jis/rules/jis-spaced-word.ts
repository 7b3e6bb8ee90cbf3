// 1.3.2: a word spaced out or broken into lines for visual layout (お　知　ら　せ / 申<br>込<br>書).
import type { JisCheck } from './types.js';
import { directLines, hasDirectText } from '../dom/text.js';
import { spacedInLines } from '../text/spaced.js';
import { isJaLetter } from '../text/chars.js';

export const rule: JisCheck = {
  id: 'jis-spaced-word',
  selector: 'body *:not(script):not(style):not(noscript):not(template):not(pre)',
  matches: (node) => hasDirectText(node, /[\u3041-\u30FF\u3400-\u9FFF\uF900-\uFAFF]/),
  evaluate(node) {
    const v = spacedInLines(directLines(node));
    if (!v) return true;
    const shown = v.word.split('').filter(isJaLetter).join('');
    this.data({ word: shown });
    return v.kind === 'violation' ? false : undefined;
  },
};
