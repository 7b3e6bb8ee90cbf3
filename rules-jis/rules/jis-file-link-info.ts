// Advisory (参考): a link to a PDF/Word/Excel file whose text does not give the format and size.
import type { JisRule } from '../types.js';
import { linkName } from '../dom/text.js';
import { fileTypeOfHref, missingFileInfo } from '../text/file-link.js';

/** Text right after the link in the same line (CMSs print 「（PDF：120KB）」 after the link). */
function textAfter(a: Element): string {
  let out = '';
  for (let n = a.nextSibling; n && out.length < 60; n = n.nextSibling) {
    if (n.nodeType === 1 && /^(A|BR|P|DIV|LI|TD)$/.test((n as Element).tagName)) break;
    out += n.textContent ?? '';
  }
  return out;
}

export const rule: JisRule = {
  id: 'jis-file-link-info',
  selector: 'a[href]',
  matches: (node) => !!fileTypeOfHref(node.getAttribute('href') ?? ''),
  evaluate(node) {
    const text = [linkName(node), node.getAttribute('title') ?? '', textAfter(node)].join(' ');
    const miss = missingFileInfo(node.getAttribute('href') ?? '', text);
    if (!miss) return true;
    const what = [!miss.format && 'ファイル形式', !miss.size && 'ファイルサイズ'].filter(Boolean).join('と');
    this.data({ type: miss.type, what });
    return false;
  },
  criteria: [],
  failKind: 'advisory',
  impact: 'minor',
  messages: {
    description: 'PDF・Word・Excel などへのリンクに、ファイル形式とサイズが書かれているか',
    why: 'リンク先がファイルだと知らずに開くと、スクリーンリーダーの利用者は別のアプリに切り替わって戸惑い、通信量の限られた人は大きなファイルをダウンロードしてしまいます。形式がわかれば、読めないファイルを避けたり、代わりの形式を探したりできます。',
    help: 'CMS のリンク挿入画面で、リンクのテキストの後ろに形式とサイズを書いてください（例：「申請書（PDF：120KB）」「集計表（Excel：45KB）」）。CMS にファイル情報の自動表示機能があれば有効にしてください。',
    fail: '${data.type} ファイルへのリンクに${data.what}が書かれていません。',
    pass: 'ファイルへのリンクに形式とサイズが書かれています。',
  },
};
