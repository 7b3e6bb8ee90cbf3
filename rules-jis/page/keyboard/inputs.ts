// 3.2.2 evidence in the page: the form controls to change, changing one the way a user would, and putting
// it back. Judged in crawler/page/interaction/checks/on-input.ts.
import { cssPath, snippet } from '../dom/selector.js';
import { shortName } from '../dom/name.js';
import { hiddenReason } from '../dom/visibility.js';
import { kid, state, takeEvents } from './session.js';

/** A select, radio group or checkbox to change. */
export interface InputTarget {
  id: number;
  kind: string;
  selector: string;
  html: string;
  name: string;
}

/** Skips disabled, unseen (a hidden input inside a label is a styled one), one-option and multiple selects, and radio groups already taken. */
function skipInput(el: Element, groups: Set<string>): boolean {
  const inp = el as HTMLInputElement;
  if (inp.disabled || (hiddenReason(el) && !(el.localName === 'input' && el.closest('label')))) return true;
  if (el.localName === 'select') {
    const s = el as HTMLSelectElement;
    return s.multiple || s.options.length < 2;
  }
  if (inp.type !== 'radio') return false;
  const g = (inp.form ? 'f' : 'd') + ':' + inp.name;
  if (inp.checked || (inp.name && groups.has(g))) return true;
  if (inp.name) groups.add(g);
  return false;
}

/** The controls to change (at most `max`). */
export function inputTargets(max: number): InputTarget[] {
  const out: InputTarget[] = [];
  const groups = new Set<string>();
  for (const el of Array.from(document.querySelectorAll('select, input[type=radio], input[type=checkbox]'))) {
    if (out.length >= max) break;
    if (skipInput(el, groups)) continue;
    const label = (el as HTMLInputElement).labels?.[0];
    const kind = el.localName === 'select' ? 'select' : (el as HTMLInputElement).type;
    out.push({ id: kid(el), kind, selector: cssPath(el), html: snippet(el), name: shortName(label ?? el) });
  }
  return out;
}

function nextOption(s: HTMLSelectElement): number {
  let next = (s.selectedIndex + 1) % s.options.length;
  for (let k = 0; k < s.options.length && s.options[next].disabled; k++) next = (next + 1) % s.options.length;
  return next;
}

/** Changes a control as a user would (value + input/change events); returns what undoChange needs. */
export function change(id: number): { old: number } | null {
  const el = state.byId[id];
  takeEvents();
  if (!el) return null;
  if (el.localName === 'select') {
    const s = el as HTMLSelectElement;
    const old = s.selectedIndex;
    s.selectedIndex = nextOption(s);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    s.dispatchEvent(new Event('change', { bubbles: true }));
    return { old };
  }
  const i = el as HTMLInputElement;
  let old = i.checked ? 1 : 0;
  if (i.type === 'radio') {
    // remember which radio of the group was on, to put it back
    const on = Array.from(document.querySelectorAll<HTMLInputElement>('input[type=radio]')).find((r) => r.name === i.name && r.form === i.form && r.checked);
    old = on ? kid(on) : -1;
  }
  i.click(); // click toggles and fires click, input and change, as Space would
  return { old };
}

export function undoChange(id: number, old: number): void {
  const el = state.byId[id];
  if (!el) return;
  if (el.localName === 'select') (el as HTMLSelectElement).selectedIndex = old;
  else if ((el as HTMLInputElement).type === 'radio') {
    (el as HTMLInputElement).checked = false;
    if (old >= 0 && state.byId[old]) (state.byId[old] as HTMLInputElement).checked = true;
  } else (el as HTMLInputElement).checked = !!old;
}
