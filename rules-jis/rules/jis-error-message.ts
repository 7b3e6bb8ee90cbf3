// 3.3.1 / 3.3.3: an error message shown in a form (after a submit, or a page the CMS re-renders with errors) must say
// which field is wrong and how to put it right, in text a screen reader reaches. Whether 「入力内容に誤りがあります」
// is enough is a person's call (W3C ACT 36b590: "Please fill the field correctly" fails, "Age must be at least 1"
// passes). Review, saying whether the message is tied to a field or announced. Error words: text/form.ts isErrorText.
import type { JisCheck } from './types.js';
import { isErrorText } from '../text/form.js';

/** The element's own text (not that of nested fields), collapsed. */
function ownText(el: Element): string {
  return [...el.childNodes].map((n) => (n.nodeType === 3 ? n.nodeValue : n.nodeType === 1 && !(n as Element).matches('input, select, textarea, button') ? (n as Element).textContent : '')).join('').replace(/\s+/g, ' ').trim();
}

/** A block of error text: the innermost element whose own text reads as an error. */
function isErrorBlock(el: Element): boolean {
  if (el.closest('script, style, option, label, legend, button')) return false;
  if (![...el.children].every((c) => c.matches('br, strong, b, em, span, a, i'))) return false;
  return isErrorText(ownText(el));
}

/** Shown on screen (aria-hidden content is shown too: a sighted user reads it, a screen reader does not). */
function shown(el: Element): boolean {
  const cs = getComputedStyle(el);
  return el.getClientRects().length > 0 && cs.visibility !== 'hidden';
}

function tiedOrAnnounced(el: Element): string {
  if (el.closest('[aria-hidden=true]')) return 'aria-hidden でスクリーンリーダーから隠されています';
  const id = el.id;
  if (id && el.ownerDocument.querySelector(`[aria-describedby~="${CSS.escape(id)}"], [aria-errormessage~="${CSS.escape(id)}"]`)) return '入力欄と aria-describedby 等で結び付いています';
  if (el.closest('[role=alert], [aria-live]')) return '表示されたときに読み上げられます';
  return '入力欄と結び付いておらず、表示されても読み上げられない可能性があります';
}

export const rule: JisCheck = {
  id: 'jis-error-message',
  selector: 'form p, form div, form span, form li, form strong, form [role=alert]',
  // aria-hidden error text must be seen too: axe would drop it as hidden
  excludeHidden: false,
  // the text test first: it rules out almost every element of a form without a style read
  matches: (node) => isErrorBlock(node) && !(node.parentElement && isErrorBlock(node.parentElement)) && shown(node),
  evaluate(node) {
    this.data({ text: ownText(node).slice(0, 60), tie: tiedOrAnnounced(node) });
    return undefined;
  },
};
