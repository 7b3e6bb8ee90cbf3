// 2.4.2: a page title that is a placeholder (無題ドキュメント, Untitled) or a file name (violation); the site name
// alone below the top page, or an Office export name (review: a person decides whether it names the page).
import type { JisCheck } from './types.js';
import { isHomePage } from '../dom/text.js';
import { titleProblem } from '../text/title.js';

const REASON: Record<string, string> = {
  placeholder: '作成時の仮のタイトルのままです',
  'site-only': 'サイト名だけで、トップページ以外のページの内容を表していない可能性があります',
  'file-name': 'ファイル名で、ページの内容を表していません',
  'office-export': 'Office 文書から変換したときのファイル名のままの可能性があります',
};

export const rule: JisCheck = {
  id: 'jis-title-placeholder',
  selector: 'html',
  evaluate(node) {
    const title = node.ownerDocument.title;
    const found = titleProblem(title);
    // the site name alone is the right title for the top page: read its links only when it matters
    const p = found === 'site-only' && isHomePage(node.ownerDocument) ? null : found;
    if (!p) return true;
    this.data({ title: title.trim(), reason: REASON[p] });
    return p === 'office-export' || p === 'site-only' ? undefined : false;
  },
};
