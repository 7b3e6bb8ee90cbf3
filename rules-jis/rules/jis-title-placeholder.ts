// 2.4.2: a page title that is a placeholder (無題ドキュメント, Untitled) or the site name alone.
import type { JisCheck } from './types.js';
import { isHomePage } from '../dom/text.js';
import { titleProblem } from '../text/title.js';

const REASON: Record<string, string> = {
  placeholder: '作成時の仮のタイトルのままです',
  'site-only': 'サイト名だけで、ページの内容を表していません',
  'file-name': 'ファイル名で、ページの内容を表していません',
  'office-export': 'Office 文書から変換したときのファイル名のままの可能性があります',
};

export const rule: JisCheck = {
  id: 'jis-title-placeholder',
  selector: 'html',
  evaluate(node) {
    const title = node.ownerDocument.title;
    const p = titleProblem(title, isHomePage(node.ownerDocument.location ?? location));
    if (!p) return true;
    this.data({ title: title.trim(), reason: REASON[p] });
    return p === 'office-export' ? undefined : false;
  },
};
