// 2.4.4: link text that says nothing about where the link goes (こちら, 詳細, click here, a lone 「。」 or 「→」).
import data from '../data/ja-link-text.json';
import { foldLabel } from './chars.js';

const MEANINGLESS = new Set((data as { meaningless: string[] }).meaningless.map(foldLabel));

/** Strip decoration around a link text: brackets, arrows, trailing punctuation. */
export function normalizeLinkText(text: string): string {
  return foldLabel(text)
    .replace(/^[\s「『【\[［(（<＜›»▶▷►→⇒・●■◆>＞]+/, '')
    .replace(/[\s」』】\]］)）>＞›»▶▷►→⇒。．.、,！!]+$/, '');
}

/** Only punctuation or symbols: 「。」「→」「＞」「▶」「>>」「…」 (an editor linked the full stop, or an arrow alone). */
export function symbolOnlyLinkText(text: string): boolean {
  const t = foldLabel(text);
  return t.length > 0 && /^[\p{P}\p{S}]+$/u.test(t);
}

/** True when the link text is one of the words that give no purpose on their own, or only a symbol. */
export function meaninglessLinkText(text: string): boolean {
  const t = normalizeLinkText(text);
  return (t.length > 0 && MEANINGLESS.has(t)) || symbolOnlyLinkText(text);
}
