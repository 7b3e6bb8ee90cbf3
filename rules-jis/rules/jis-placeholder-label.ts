// 3.3.2: an input whose only label is its placeholder. The placeholder disappears as soon as one types, is often too
// faint to read, and is not a label in JIS practice (axe's `label` accepts it as a name, so axe passes such a field).
// A one-field form (site search) labelled by its button (「検索」, G167) is fine.
import type { JisCheck } from './types.js';
import { TEXT_INPUT, labelledByButton, ownLabel, visibleCaption, type Field } from '../dom/form.js';

export const rule: JisCheck = {
  id: 'jis-placeholder-label',
  selector: TEXT_INPUT,
  matches: (node) => /\S/.test(node.getAttribute('placeholder') ?? '') && !node.closest('[hidden], [aria-hidden=true]'),
  evaluate(node) {
    const el = node as Field;
    if (ownLabel(el) || labelledByButton(el)) return true;
    const placeholder = (el.getAttribute('placeholder') ?? '').trim();
    // a caption in the row header, the dt or the text before it: visible, only not tied (not this rule's case)
    const caption = visibleCaption(el).replace(placeholder, '').trim();
    if (caption.replace(/[\s\p{P}\p{S}]/gu, '').length >= 2) return true;
    this.data({ placeholder: placeholder.slice(0, 40) });
    return false;
  },
};
