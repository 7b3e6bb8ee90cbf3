// Advisory (参考): 全角英数字 (ＰＤＦ, ２０２５).
import { fullwidthAlnum } from '../text/chars-advisory.js';
import { charAdvisoryRule } from './char-advisory.js';

export const rule = charAdvisoryRule({
  id: 'jis-fullwidth-alnum',
  prefilter: /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]{2}/,
  find: fullwidthAlnum,
});
