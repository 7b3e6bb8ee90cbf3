// 2.4.6 / 1.3.1: two fields of one form with the same label (「電話番号」 for the applicant and for the contact) and no
// group that tells them apart (fieldset/legend, role=group with a name): a screen reader user cannot tell which is
// which. Review on the second and later fields.
import type { JisCheck } from './types.js';
import { perDocument } from '../dom/text.js';
import { groupLabel, ownLabel, type Field } from '../dom/form.js';

const FIELD = 'input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea';

/** Key of a field: its form, its group's name and its label (folded). */
function keyOf(el: Field): string {
  const label = ownLabel(el).replace(/[\s：:（）()＊*※必須]/g, '');
  if (!label) return '';
  const forms = Array.from(el.ownerDocument.forms);
  return `${el.form ? forms.indexOf(el.form) : -1}|${groupLabel(el).name}|${label}`;
}

export const rule: JisCheck = {
  id: 'jis-duplicate-label',
  selector: FIELD,
  evaluate(node) {
    const el = node as Field;
    const key = keyOf(el);
    if (!key) return true;
    const first = perDocument(el.ownerDocument, 'duplicate-label', () => {
      const m = new Map<string, Element>();
      for (const f of Array.from(el.ownerDocument.querySelectorAll<Field>(FIELD))) {
        const k = keyOf(f);
        if (k && !m.has(k)) m.set(k, f);
      }
      return m;
    }).get(key);
    if (!first || first === el) return true;
    this.data({ label: ownLabel(el).slice(0, 30) });
    return false;
  },
};
