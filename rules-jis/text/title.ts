// 2.4.2: page titles that are a placeholder (無題ドキュメント, Untitled) or only the site name.
import data from '../data/ja-title.json';
import { foldLabel } from './chars.js';

const PLACEHOLDERS = new Set((data as { placeholders: string[] }).placeholders.map(foldLabel));
// Separators between page name and site name: ｜ | ： - — ／ ＜ ＞ « »
const SEP = /\s*(?:[｜|：:／＜＞«»]|\s[-–—－]\s|[–—－])\s*/;
// A site name alone: ○○県, ○○市役所, ○○町公式ホームページ …
const SITE_NAME = /^[\u3005\u3040-\u30FF\u4E00-\u9FFF]{1,12}(都|道|府|県|市|区|町|村|庁|役所|役場|議会)(公式)?(ホームページ|ウェブサイト|ウエブサイト|webサイト|サイト|hp)?$/i;
const OFFICE_EXPORT = /^microsoft\s+(word|excel|powerpoint)\s+-\s+/i;

export type TitleProblem = 'placeholder' | 'site-only' | 'file-name' | 'office-export' | null;

/** `isHome`: the page is the site's top page, where the site name alone is the right title. */
export function titleProblem(title: string, isHome = false): TitleProblem {
  const t = title.replace(/\s+/g, ' ').trim();
  if (!t) return null; // a missing title is axe's document-title
  if (OFFICE_EXPORT.test(t)) return 'office-export';
  const first = t.split(SEP)[0] ?? t;
  if (PLACEHOLDERS.has(foldLabel(t)) || PLACEHOLDERS.has(foldLabel(first))) return 'placeholder';
  if (/^[\w\-]+\.(html?|php|aspx?|jsp|cgi)$/i.test(t)) return 'file-name';
  if (!isHome && SITE_NAME.test(foldLabel(t))) return 'site-only';
  return null;
}
