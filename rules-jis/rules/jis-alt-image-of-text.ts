// 1.1.1: an image of a notice (a flyer, a poster, a guide map) whose alt gives neither the date nor the place shown
// in it, when the text around the image does not give them either. Review: the alt may be a deliberate summary.
import type { JisCheck } from './types.js';
import { readableText } from '../dom/text.js';
import { looksLikeImageOfNotice, noticeGaps } from '../text/image-text.js';

const BLOCK = 'figure, p, li, td, dd, div, section, article';

/** Text around the image: its block (without the image) and the blocks just before and after it, up to 600 letters. */
function nearText(img: Element): string {
  const block = img.parentElement?.closest(BLOCK) ?? img.parentElement;
  if (!block) return '';
  const parts = [readableText(block).replace(img.getAttribute('alt') ?? '\u0000', ' ')];
  const prev = block.previousElementSibling;
  const next = block.nextElementSibling;
  if (prev) parts.push(readableText(prev));
  if (next) parts.push(readableText(next));
  return parts.join(' ').slice(0, 600);
}

export const rule: JisCheck = {
  id: 'jis-alt-image-of-text',
  selector: 'img[alt]',
  matches: (node) => /\S/.test(node.getAttribute('alt') ?? '') && !node.closest('a[href], button'),
  evaluate(node) {
    const img = node as HTMLImageElement;
    const alt = (img.getAttribute('alt') ?? '').trim();
    if (!looksLikeImageOfNotice(alt, img.getAttribute('src') ?? '')) return true;
    const r = img.getBoundingClientRect();
    if (r.width < 150 || r.height < 150) return true; // a thumbnail, not the notice itself
    const gaps = noticeGaps(alt, nearText(img));
    if (!gaps) return true;
    this.data({ alt: alt.slice(0, 40), missing: gaps.join('と') });
    return false;
  },
};
