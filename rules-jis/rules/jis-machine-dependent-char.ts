// Advisory (参考): 機種依存文字 (①, ㈱, ㍻, Ⅰ, ㌔).
import { machineDependentChars } from '../text/chars-advisory.js';
import { charAdvisoryRule } from './char-advisory.js';

export const rule = charAdvisoryRule({
  id: 'jis-machine-dependent-char',
  prefilter: /[\u2460-\u24FF\u2160-\u217F\u3220-\u33FF\u2116\u2121]/,
  find: machineDependentChars,
});
