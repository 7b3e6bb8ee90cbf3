// Advisory (参考): 半角カナ (ｶﾀｶﾅ).
import { halfwidthKana } from '../text/chars-advisory.js';
import { charAdvisoryRule } from './char-advisory.js';

export const rule = charAdvisoryRule({
  id: 'jis-halfwidth-kana',
  prefilter: /[\uFF66-\uFF9D]/,
  find: halfwidthKana,
});
