// Advisory (参考): a link that opens a new window or tab without saying so.
import type { JisCheck } from './types.js';
import { linkName, readableText } from '../dom/text.js';
import { mentionsNewWindow } from '../text/file-link.js';

function textAfter(a: Element): string {
  const n = a.nextSibling;
  if (!n) return '';
  return n.nodeType === 1 ? readableText(n as Element).slice(0, 40) : (n.textContent ?? '').slice(0, 40);
}

export const rule: JisCheck = {
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
};
