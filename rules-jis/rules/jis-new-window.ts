// Advisory (参考): a link that opens a new window or tab without saying so.
import type { JisRule } from '../types.js';
import { linkName, readableText } from '../dom/text.js';
import { mentionsNewWindow } from '../text/file-link.js';

function textAfter(a: Element): string {
  const n = a.nextSibling;
  if (!n) return '';
  return n.nodeType === 1 ? readableText(n as Element).slice(0, 40) : (n.textContent ?? '').slice(0, 40);
}

export const rule: JisRule = {
  id: 'jis-new-window',
  selector: 'a[href][target], area[href][target]',
  matches: (node) => !/^(_self|_parent|_top|)$/i.test((node.getAttribute('target') ?? '').trim()),
  evaluate(node) {
    const described = (node.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => node.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
    const text = [linkName(node), node.getAttribute('alt') ?? '', node.getAttribute('title') ?? '', described, textAfter(node)].join(' ');
    if (mentionsNewWindow(text)) return true;
    this.data({ text: linkName(node) || node.getAttribute('alt') || '' });
    return false;
  },
  criteria: [],
  failKind: 'advisory',
  impact: 'minor',
  messages: {
    description: '新しいウィンドウ（タブ）で開くリンクに、そのことが書かれているか',
    why: '新しいウィンドウで開いたことに気づかないと、スクリーンリーダーや拡大表示の利用者は「戻る」が効かず、元のページに戻れなくなります。',
    help: 'CMS のリンク設定で「新しいウィンドウで開く」を外せるなら外してください（同じウィンドウで開くのが基本です）。新しいウィンドウで開く必要がある場合は、リンクのテキストに「（新しいウィンドウで開きます）」と書くか、その旨の代替テキストを付けたアイコンを添えてください。',
    fail: 'リンク「${data.text}」は新しいウィンドウで開きますが、そのことが書かれていません。',
    pass: '新しいウィンドウで開くことが書かれています。',
  },
};
