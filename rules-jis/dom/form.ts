// DOM reads for the form rules: a field's own label (not its placeholder), the visible text just before it, and the
// group a radio or checkbox belongs to. Runs in the page; the words are rules-jis/text/form.ts.
import { readableText } from './text.js';

export type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Input types that take typed text (where a placeholder can stand in for a label). */
export const TEXT_INPUT = 'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url], input[type=search], input[type=number], input[type=password], textarea';

function byIds(el: Element, attr: string): string {
  const ids = (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => el.ownerDocument.getElementById(id)).filter((x): x is HTMLElement => !!x).map((x) => x.textContent ?? '').join(' ').trim();
}

/** The field's label from <label>, aria-labelledby, aria-label or title: everything but the placeholder. */
export function ownLabel(el: Field): string {
  const labelled = byIds(el, 'aria-labelledby');
  if (labelled) return labelled;
  const aria = (el.getAttribute('aria-label') ?? '').trim();
  if (aria) return aria;
  const labels = Array.from(el.labels ?? []).map((l) => readableText(l)).join(' ').trim();
  if (labels) return labels;
  return (el.getAttribute('title') ?? '').trim();
}

/** The label elements of a field (for= and wrapping). */
export function labelElements(el: Field): HTMLLabelElement[] {
  return Array.from(el.labels ?? []);
}

/** The text a sighted reader sees as the field's caption: its label, the row header, the dt, or the text before it. */
export function visibleCaption(el: Field): string {
  const own = ownLabel(el);
  if (own) return own;
  const cell = el.closest('td');
  const row = cell?.parentElement;
  const th = row?.querySelector(':scope > th');
  if (th) return readableText(th);
  const dd = el.closest('dd');
  const dt = dd?.previousElementSibling;
  if (dt?.tagName === 'DT') return readableText(dt);
  return textBefore(el);
}

/** Text before the field inside its nearest block (「電話番号<br><input>」). */
export function textBefore(el: Element): string {
  const block = el.closest('p, div, li, td, dd, label, fieldset, form');
  if (!block) return '';
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (el.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) break;
    if (n.parentElement?.closest('script, style, select, option, button')) continue;
    out += n.nodeValue ?? '';
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** A search or one-field form labelled by its button (G167): 「検索」 next to the box. */
export function labelledByButton(el: Field): boolean {
  const form = el.closest('form') ?? el.parentElement;
  if (!form) return false;
  const fields = form.querySelectorAll(TEXT_INPUT);
  const button = form.querySelector('button, input[type=submit], input[type=image], [role=button]');
  if (!button || fields.length !== 1) return false;
  const name = (readableText(button) || button.getAttribute('value') || button.getAttribute('alt') || button.getAttribute('aria-label') || '').trim();
  return name.length > 0;
}

/** The radios/checkboxes sharing `el`'s name in its form (or document). */
export function groupOf(el: HTMLInputElement): HTMLInputElement[] {
  const scope: ParentNode = el.form ?? el.ownerDocument;
  const name = el.name;
  if (!name) return [el];
  return Array.from(scope.querySelectorAll<HTMLInputElement>(`input[type=${el.type}]`)).filter((x) => x.name === name && (x.form ?? null) === (el.form ?? null));
}

/** The name of the group around `el`: fieldset's legend, role=group/radiogroup's label. '' when none. */
export function groupLabel(el: Element): { name: string; fieldset: HTMLFieldSetElement | null } {
  const fieldset = el.closest('fieldset');
  const legend = fieldset?.querySelector(':scope > legend');
  const fromLegend = legend ? readableText(legend) : '';
  if (fromLegend) return { name: fromLegend, fieldset };
  const group = el.closest('[role=group], [role=radiogroup]');
  if (group) {
    const name = byIds(group, 'aria-labelledby') || (group.getAttribute('aria-label') ?? '').trim();
    if (name) return { name, fieldset };
  }
  return { name: '', fieldset: fieldset ?? null };
}
