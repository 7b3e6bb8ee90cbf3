// Advisory (参考): CJK 互換漢字・康熙部首 (PDF からの貼り付けで混入する ⾏ U+2F8F など).
import { compatibilityChars } from '../text/chars-advisory.js';
import { charAdvisoryRule } from './char-advisory.js';

export const rule = charAdvisoryRule({
  id: 'jis-compat-char',
  prefilter: /[\u2E80-\u2FD5\uF900-\uFAFF]|[\uD87E][\uDC00-\uDE1F]/,
  find: compatibilityChars,
});
