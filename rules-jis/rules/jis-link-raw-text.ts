// 2.4.4: a link whose text is a file name (kouhou_2026_04.pdf) or a URL that does not say where it goes. Review: a
// file name or a path can mean something to some readers, and the sentence around it may say more.
import type { JisCheck } from './types.js';
import { linkName } from '../dom/text.js';
import { rawLinkText } from '../text/link-raw.js';

export const rule: JisCheck = {
  id: 'jis-link-raw-text',
  selector: 'a[href], [role=link]',
  matches: (node) => /[./]/.test(node.textContent ?? ''),
  evaluate(node) {
    const name = linkName(node);
    const why = rawLinkText(name);
    if (!why) return true;
    this.data({ text: name.trim().slice(0, 80), what: why === 'file-name' ? 'ファイル名' : 'URL' });
    return false;
  },
};
