// Review (要確認): a frame whose address is not a web page (file:, chrome:, …). No front door can put the
// checks into it (browsers do not load such a frame into a web page at all, so visitors see nothing there
// either), so its content is left unchecked and a person must look (issue 21 case 13). The Node side skips
// such frames instead of waiting for them (crawler/page/inject.ts, frameScheme below is the same test).
import type { JisCheck } from './types.js';

/** Addresses a frame of a web page can be checked in: web pages and the documents a page makes itself. */
const CHECKABLE = new Set(['http:', 'https:', 'about:', 'data:', 'blob:', 'javascript:']);

/** The scheme ("file:") of a frame address that cannot be checked, or null when it can (or there is none). */
export function uncheckableScheme(src: string): string | null {
  if (!src.trim()) return null;
  const m = /^([a-z][a-z0-9+.-]*:)/i.exec(src.trim());
  if (!m) return null; // relative: the page's own scheme
  const scheme = m[1]!.toLowerCase();
  return CHECKABLE.has(scheme) ? null : scheme;
}

export const rule: JisCheck = {
  id: 'jis-frame-unchecked',
  selector: 'iframe[src], frame[src]',
  matches: (node) => uncheckableScheme(node.getAttribute('src') ?? '') !== null,
  evaluate(node) {
    this.data({ scheme: uncheckableScheme(node.getAttribute('src') ?? '') ?? '' });
    return undefined;
  },
};
