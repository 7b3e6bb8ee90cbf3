// What a person sees of a finding's element, read in Node from the HTML snippet the store kept (cheerio):
// the element's accessible name or visible text — aria-label, alt, the text inside, a form control's
// value or placeholder, title — so an editor can find 「お問い合わせはこちら」 on the page without reading
// a CSS selector. The snippet is outer HTML cut at a length, so a missing closing tag is normal.
import * as cheerio from 'cheerio';

/** Longest text kept (the report shows one line). */
export const MAX_VISIBLE_TEXT = 80;

export interface VisibleText {
  /** What the text is: 「表示テキスト」「代替テキスト（alt）」「aria-label」「入力値」「title 属性」… */
  source: string;
  text: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function cut(s: string): string {
  return s.length > MAX_VISIBLE_TEXT ? s.slice(0, MAX_VISIBLE_TEXT - 1) + '…' : s;
}

/** Attributes in the order they name the element for a person (the accessible-name order, roughly). */
const NAMING_ATTRS: [string, string][] = [
  ['aria-label', 'aria-label'],
  ['alt', '代替テキスト（alt）'],
  ['value', '入力値'],
  ['placeholder', '入力欄の例示（placeholder）'],
  ['title', 'title 属性'],
];

/** The first element's name or text; null when the snippet shows nothing a person could recognise. */
export function visibleText(snippet: string): VisibleText | null {
  if (!snippet.trim()) return null;
  const $ = cheerio.load(snippet, null, false);
  const el = $.root().children().first();
  if (!el.length) {
    const t = squash($.root().text());
    return t ? { source: '表示テキスト', text: cut(t) } : null;
  }
  const label = squash(el.attr('aria-label') ?? '');
  if (label) return { source: 'aria-label', text: cut(label) };
  el.find('script, style, template').remove();
  const text = squash(el.text());
  if (text) return { source: '表示テキスト', text: cut(text) };
  // an image inside (a linked banner): its alt is what the link shows to a screen reader
  const innerAlt = squash(el.find('img[alt]').first().attr('alt') ?? '');
  if (innerAlt) return { source: '中の画像の代替テキスト（alt）', text: cut(innerAlt) };
  for (const [attr, source] of NAMING_ATTRS.slice(1)) {
    const v = squash(el.attr(attr) ?? '');
    if (v) return { source, text: cut(v) };
  }
  const src = el.attr('src') ?? el.find('img[src]').first().attr('src');
  if (src) return { source: '画像のファイル名', text: cut(src.split(/[?#]/)[0].split('/').pop() || src) };
  return null;
}
