// 2.4.2: a page title that is a placeholder (無題ドキュメント, Untitled) or the site name alone.
import type { JisRule } from '../types.js';
import { isHomePage } from '../dom/text.js';
import { titleProblem } from '../text/title.js';

const REASON: Record<string, string> = {
  placeholder: '作成時の仮のタイトルのままです',
  'site-only': 'サイト名だけで、ページの内容を表していません',
  'file-name': 'ファイル名で、ページの内容を表していません',
  'office-export': 'Office 文書から変換したときのファイル名のままの可能性があります',
};

export const rule: JisRule = {
  id: 'jis-title-placeholder',
  selector: 'html',
  evaluate(node) {
    const title = node.ownerDocument.title;
    const p = titleProblem(title, isHomePage(node.ownerDocument.location ?? location));
    if (!p) return true;
    this.data({ title: title.trim(), reason: REASON[p] });
    return p === 'office-export' ? undefined : false;
  },
  criteria: ['2.4.2'],
  failKind: 'violation',
  impact: 'serious',
  messages: {
    description: 'ページのタイトル（title 要素）がページの内容を表しているか',
    why: 'ページを開いたとき、スクリーンリーダーは最初にタイトルを読み上げます。タブやブックマーク、検索結果、履歴でもタイトルでページを見分けます。「無題ドキュメント」やサイト名だけでは、どのページにいるのかわかりません。',
    help: 'CMS のページ設定の「タイトル」欄に、ページの内容を表す名前を入れてください。形式は「ページ名｜サイト名」（例：「令和7年度 児童手当の申請｜みどり県」）にそろえます。',
    fail: 'ページのタイトル「${data.title}」は${data.reason}。',
    review: 'ページのタイトル「${data.title}」は${data.reason}。内容を表す名前か確認してください。',
    pass: 'ページのタイトルは仮のタイトルやサイト名だけではありません。',
  },
};
