// 2.4.4: link text that says nothing about where the link goes (こちら, 詳細, click here).
import data from '../data/ja-link-text.json';
import { foldLabel } from './chars.js';

const MEANINGLESS = new Set((data as { meaningless: string[] }).meaningless.map(foldLabel));

/** Strip decoration around a link text: brackets, arrows, trailing punctuation. */
export function normalizeLinkText(text: string): string {
  return foldLabel(text)
    .replace(/^[\s「『【\[［(（<＜›»▶▷►→⇒・●■◆>＞]+/, '')
    .replace(/[\s」』】\]］)）>＞›»▶▷►→⇒。．.、,！!]+$/, '');
}

/** True when the link text is one of the words that give no purpose on their own. */
export function meaninglessLinkText(text: string): boolean {
  const t = normalizeLinkText(text);
  return t.length > 0 && MEANINGLESS.has(t);
}
