// Advisory (参考): a link to a PDF/Word/Excel file whose text does not give the format and size.
import type { JisCheck } from './types.js';
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

export const rule: JisCheck = {
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
};
