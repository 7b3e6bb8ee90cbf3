// 2.4.4: links with the same text that go to different places on one page.
import type { JisCheck } from './types.js';
import { linkName, perDocument } from '../dom/text.js';
import { hrefOf } from '../page/dom/href.js';
import { meaninglessLinkText, normalizeLinkText } from '../text/link-text.js';

function destination(a: Element): string {
  const href = hrefOf(a);
  return href.replace(/#.*$/, '').replace(/\/index\.(html?|php|aspx?)$/i, '/').replace(/\/$/, '');
}

/** normalized link text → destinations, and the first link having it. */
function groups(doc: Document): Map<string, { first: Element; dests: Set<string>; count: number }> {
  const m = new Map<string, { first: Element; dests: Set<string>; count: number }>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (/^(javascript:|#)/i.test(href)) continue;
    const key = normalizeLinkText(linkName(a));
    if (!key) continue;
    const g = m.get(key) ?? { first: a, dests: new Set<string>(), count: 0 };
    g.dests.add(destination(a));
    g.count++;
    m.set(key, g);
  }
  return m;
}

export const rule: JisCheck = {
  id: 'jis-link-same-text',
  selector: 'a[href]',
  evaluate(node) {
    const name = linkName(node);
    // Texts like こちら are jis-link-text's job: report each problem once.
    if (!name || meaninglessLinkText(name)) return true;
    const g = perDocument(node.ownerDocument, 'link-groups', () => groups(node.ownerDocument)).get(normalizeLinkText(name));
    if (!g || g.first !== node || g.dests.size < 2) return true;
    this.data({ text: name.trim(), count: g.count, dests: g.dests.size });
    return false;
  },
};
