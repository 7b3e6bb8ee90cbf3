// 1.3.2: a word spaced out or broken into lines for visual layout (お　知　ら　せ / 申<br>込<br>書).
import type { JisRule } from '../types.js';
import { directLines, hasDirectText } from '../dom/text.js';
import { spacedInLines } from '../text/spaced.js';
import { isJaLetter } from '../text/chars.js';

export const rule: JisRule = {
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
  criteria: ['1.3.2'],
  failKind: 'violation',
  impact: 'serious',
  messages: {
    description: '単語の途中に、見た目を整えるための空白や改行が入っていないか',
    why: '「お　知　ら　せ」のように文字の間に空白や改行を入れると、スクリーンリーダーは一文字ずつ「お、し、ら、せ」と読み上げ、単語として伝わりません。ページ内検索や読み上げ辞書も働かず、拡大表示では文字がばらばらに折り返されます。',
    help: 'CMS の本文編集画面で、単語の途中の空白（全角・半角スペース）と改行（Shift+Enter）を削除し、「お知らせ」と続けて入力してください。文字の間隔を広げたい場合や表の見出しを揃えたい場合は、空白ではなく CMS のスタイル設定（文字間隔・セル幅）を使ってください。姓と名の間の空白一つ（山口 太郎）はそのままで構いません。',
    fail: '「${data.word}」が空白または改行で一文字ずつ区切られています。',
    review: '「${data.word}」が改行で区切られています。一つの単語を見た目のために区切っていないか確認してください。',
    pass: '単語の途中に空白や改行はありません。',
  },
};
