// 1.4.1 / 3.3.2 (F81): required fields marked only by colour. Among a form's field captions, some are shown in red
// (the whole caption, or a mark in it) and nothing else sets them apart: no 「必須」, no required/aria-required.
// Violation when the difference is colour alone (red captions vs black ones; the same mark in red on some, in
// black on others); review when the red mark is a glyph (●, ※) whose meaning the page does not explain, or when
// required/aria-required tells assistive technology but the screen shows only the colour.
import type { JisCheck } from './types.js';
import { labelElements, type Field } from '../dom/form.js';
import { explainsMark, isReddish, markGlyphs, parseRgb, saysRequired } from '../text/form.js';

const FIELD = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea';

interface Caption {
  field: Field;
  text: string;
  /** The characters shown in red. */
  red: string;
  required: boolean;
}

/** The element that captions a field: its label, the row header, or the dt before its dd. */
function captionElement(el: Field): Element | null {
  const label = labelElements(el)[0];
  if (label) return label;
  const th = el.closest('td')?.parentElement?.querySelector(':scope > th');
  if (th) return th;
  const dt = el.closest('dd')?.previousElementSibling;
  return dt?.tagName === 'DT' ? dt : null;
}

function captionOf(el: Field): Caption | null {
  const cap = captionElement(el);
  if (!cap) return null;
  let text = '';
  let red = '';
  const walker = el.ownerDocument.createTreeWalker(cap, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = (n.nodeValue ?? '').replace(/\s+/g, '');
    if (!t || !n.parentElement || n.parentElement.closest('select, option, textarea')) continue;
    text += t;
    const rgb = parseRgb(getComputedStyle(n.parentElement).color);
    if (rgb && isReddish(...rgb)) red += t;
  }
  const required = (el as HTMLInputElement).required || el.getAttribute('aria-required') === 'true';
  return text ? { field: el, text, red, required } : null;
}

function judge(caps: Caption[], pageText: string): { kind: 'violation' | 'review'; problem: string } | null {
  const reds = caps.filter((c) => c.red);
  const plain = caps.filter((c) => !c.red);
  if (!reds.length || !plain.length) return null; // nothing red, or everything red: colour sets nothing apart
  const marked = reds.filter((c) => !saysRequired(c.text));
  if (!marked.length) return null;
  const names = marked.slice(0, 3).map((c) => `「${c.text.slice(0, 15)}」`).join('');
  const allRequired = marked.every((c) => c.required);
  const glyphs = markGlyphs(marked.map((c) => c.red).join(''));
  if (glyphs) {
    // the same mark in black on other captions: only its colour differs
    if (plain.some((c) => markGlyphs(c.text).split('').some((g) => glyphs.includes(g))))
      return { kind: allRequired ? 'review' : 'violation', problem: `${names}の印（${glyphs}）は、ほかの項目にも同じ印があり、色（赤）でしか区別できません` };
    // 「●は必須項目です」 on the page: the mark is explained in text
    if (glyphs.split('').every((g) => explainsMark(pageText, g))) return null;
    return { kind: 'review', problem: `${names}に赤い印（${glyphs}）がありますが、印の意味（必須など）がページに書かれていません${allRequired ? '' : '。入力欄に required 属性もありません'}` };
  }
  return { kind: allRequired ? 'review' : 'violation', problem: `${names}は文字の色（赤）だけでほかの項目と区別されており、「必須」などの文字も印もありません` };
}

export const rule: JisCheck = {
  id: 'jis-required-colour',
  selector: 'form',
  matches: (node) => node.querySelectorAll(FIELD).length >= 2,
  evaluate(node) {
    const caps = Array.from(node.querySelectorAll<Field>(FIELD)).slice(0, 60).map(captionOf).filter((c): c is Caption => !!c);
    const pageText = (node.ownerDocument.body?.innerText ?? '').slice(0, 20000);
    const v = judge(caps, pageText);
    if (!v) return true;
    this.data({ problem: v.problem });
    return v.kind === 'violation' ? false : undefined;
  },
};
