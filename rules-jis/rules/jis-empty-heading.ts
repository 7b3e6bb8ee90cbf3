// 1.3.1 / 2.4.6: headings that are empty in effect, in the ways axe's `empty-heading` does not see.
// axe already reports (in Chromium, checked) a heading whose only content is an image with alt="" or a
// presentational image, and a heading of white space (incl. 全角スペース); we do not repeat those.
// We add: a heading whose only content is zero-width characters or decoration symbols (■, ◆, ――),
// or an image whose alt only says "heading" (見出し画像, タイトル).
import type { JisCheck } from './types.js';
import { readableText } from '../dom/text.js';
import { foldLabel } from '../text/chars.js';

const PLACEHOLDER_ALT = new Set(['見出し', '見出し画像', 'タイトル', 'タイトル画像', '見出しイメージ', 'title', 'heading', 'midashi', 'h2', 'h3']);
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const DECORATION = /^[■□◆◇●○◎▲△▼▽★☆※・ー―─━－\-_=＝|｜/／＊*~〜～…‥.。、,]+$/;

export const rule: JisCheck = {
  id: 'jis-empty-heading',
  selector: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  evaluate(node) {
    if (node.getAttribute('aria-label')?.trim() || node.getAttribute('aria-labelledby')) return true;
    const text = readableText(node);
    const bare = text.replace(/\s/g, '');
    if (!bare) return true; // truly empty: axe's empty-heading reports it
    const visible = bare.replace(ZERO_WIDTH, '');
    let what = '';
    if (!visible) what = '幅のない文字（ゼロ幅スペースなど）';
    else if (DECORATION.test(visible)) what = `飾りの記号「${visible}」`;
    else if (!(node.textContent ?? '').replace(/\s/g, '') && PLACEHOLDER_ALT.has(foldLabel(visible))) what = `代替テキスト「${visible}」の画像`;
    if (!what) return true;
    this.data({ what });
    return false;
  },
};
