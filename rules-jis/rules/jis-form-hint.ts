// 1.3.1: an input hint (「半角数字で入力」「例：012-345-6789」) shown next to a field but not tied to it (not in its label,
// not referenced by aria-describedby): a screen reader moving field to field never hears it. Review.
import type { JisCheck } from './types.js';
import { TEXT_INPUT, ownLabel, type Field } from '../dom/form.js';
import { isHintText } from '../text/form.js';

const BLOCK = 'p, div, li, td, dd, span';

/** Hint texts in the field's own block, outside any label (the field's or another's). */
function nearbyHints(el: Element): string[] {
  const block = el.parentElement?.closest(BLOCK) ?? el.parentElement;
  if (!block || block.querySelectorAll('input, select, textarea').length > 1) return [];
  const out: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('label, script, style, option, button, [hidden]')) continue;
    const t = (n.nodeValue ?? '').trim();
    if (isHintText(t)) out.push(t);
  }
  return out;
}

function describedText(el: Element): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
}

export const rule: JisCheck = {
  id: 'jis-form-hint',
  selector: `${TEXT_INPUT}, select`,
  matches: (node) => !node.closest('[hidden], [aria-hidden=true]'),
  evaluate(node) {
    const el = node as Field;
    const tied = (ownLabel(el) + ' ' + describedText(el) + ' ' + (el.getAttribute('title') ?? '')).replace(/\s+/g, '');
    const loose = nearbyHints(el).filter((h) => !tied.includes(h.replace(/\s+/g, '')));
    if (!loose.length) return true;
    this.data({ hint: loose[0].slice(0, 40) });
    return false;
  },
};
