// Advisory (参考): CJK 互換漢字・康熙部首 (PDF からの貼り付けで混入する ⾏ U+2F8F など).
import { compatibilityChars } from '../text/chars-advisory.js';
import { charAdvisoryRule } from './char-advisory.js';

export const rule = charAdvisoryRule({
  id: 'jis-compat-char',
  prefilter: /[\u2E80-\u2FD5\uF900-\uFAFF]|[\uD87E][\uDC00-\uDE1F]/,
  find: compatibilityChars,
  messages: {
    description: 'PDF から貼り付けたときに混入する部首・互換漢字（見た目は同じで別の文字）がないか',
    why: 'PDF から文字をコピーすると、「行」が康熙部首の「⾏」のように見た目が同じ別の文字に置き換わることがあります。スクリーンリーダーは「ぎょうがまえ」などと読んだり読まなかったりし、検索でもヒットしません。',
    help: 'CMS の本文で該当する文字を削除し、日本語入力で普通の漢字を入力し直してください。PDF から文章を貼り付けたときは、いったんテキストエディタに貼り付けて確認するか、元の Word などのファイルからコピーしてください。',
    fail: '部首・互換漢字「${data.chars}」が使われています（PDF からの貼り付けで混入した可能性があります）。',
    pass: '部首・互換漢字は見つかりません。',
  },
});
