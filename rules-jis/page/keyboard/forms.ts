// Forms in the page (3.3.1, judged in crawler/page/interaction/checks/form-errors.ts): the forms worth
// submitting empty, a snapshot of how their fields look and what text the page shows before the submit, and
// after it: which fields the page marked (colour, aria-invalid), what new text appeared and whether that text
// is tied to the field (aria-describedby / aria-errormessage, its label, next to it), in an alert region, or
// the browser's own validation message. The submission itself never leaves: session.ts stops it.
import { cssPath, snippet } from '../dom/selector.js';
import { shortName } from '../dom/name.js';
import { hiddenReason, isTabbable } from '../dom/visibility.js';
import { deepActive, isNowhere } from './stops.js';
import { kid, state } from './session.js';

/** A form to submit empty, with the control that submits it. */
export interface FormTarget {
  id: number;
  selector: string;
  html: string;
  name: string;
  submit: number;
  fields: number;
  required: number;
}

/** What the page did to one field after the empty submit. */
export interface FieldOutcome {
  id: number;
  selector: string;
  html: string;
  name: string;
  /** Style properties that changed (colour of the border, background, outline, shadow). */
  looks: string[];
  invalid: boolean;
  /** How a new error text is tied to the field ('' when it is not). */
  tie: '' | 'describedby' | 'errormessage' | 'label' | 'near' | 'placeholder' | 'summary';
  text: string;
}

/** What the page did after the empty submit. */
export interface FormOutcome {
  /** The browser's own validation message was shown (invalid events the page did not cancel). */
  native: boolean;
  /** Lines of text that appeared anywhere on the page. */
  newText: string[];
  /** New text in role=alert / aria-live / role=status. */
  alertText: string;
  /** Focus moved to a marked field or to the new text. */
  focusOnError: boolean;
  fields: FieldOutcome[];
}

const FIELD_SEL = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]),select,textarea';
const LOOK_PROPS = ['border-top-color', 'border-bottom-color', 'border-left-color', 'background-color', 'outline-style', 'outline-color', 'box-shadow', 'color'];
const REQUIRED_RE = /必須|※|\*|required/i;
const ERROR_LINE = /入力|選択|してください|必須|エラー|誤り|正しく|不正|未入力|error|required|invalid/i;

interface Snapshot {
  form: Element;
  looks: Map<Element, string[]>;
  invalid: Map<Element, boolean>;
  placeholders: Map<Element, string>;
  lines: Map<string, number>;
  near: Map<Element, string>;
  events: Event[];
}
let snap: Snapshot | null = null;

const fieldsOf = (form: Element) => Array.from(form.querySelectorAll<HTMLInputElement>(FIELD_SEL)).filter((f) => !f.disabled && (!hiddenReason(f) || !!f.closest('label')));
const labelText = (f: HTMLInputElement) => Array.from(f.labels ?? []).map((l) => l.innerText).join(' ');
const isRequired = (f: HTMLInputElement) => f.required || f.getAttribute('aria-required') === 'true' || REQUIRED_RE.test(labelText(f));

function submitOf(form: HTMLFormElement): HTMLElement | null {
  const own = Array.from(form.querySelectorAll<HTMLElement>('button:not([type]),button[type=submit],input[type=submit],input[type=image]'));
  const outside = form.id ? Array.from(document.querySelectorAll<HTMLElement>(`[form="${CSS.escape(form.id)}"]`)).filter((e) => e.matches('button,input[type=submit]')) : [];
  return [...own, ...outside].find((b) => isTabbable(b) && !hiddenReason(b) && !(b as HTMLButtonElement).formNoValidate && !b.hasAttribute('formtarget')) ?? null;
}

/** A search box (one field) or a form that would open elsewhere is not submitted. */
function worthSubmitting(form: HTMLFormElement, fields: HTMLInputElement[]): boolean {
  if (form.closest('[role=search]') || form.getAttribute('role') === 'search' || form.method === 'dialog') return false;
  const target = (form.getAttribute('target') ?? '').trim();
  if (target && target !== '_self') return false;
  const typed = fields.filter((f) => f.localName !== 'input' || !['checkbox', 'radio'].includes(f.type));
  if (typed.length < 2 && !(typed.length === 1 && isRequired(typed[0]) && !/^(q|s|query|keyword|kw|search)$/i.test(typed[0].name))) return false;
  return fields.every(untouched);
}

/** The field still has the value the page gave it: we never submit what a person typed. */
function untouched(f: HTMLInputElement): boolean {
  if (f.localName === 'select') {
    const s = f as unknown as HTMLSelectElement;
    const def = Array.from(s.options).findIndex((o) => o.defaultSelected);
    return s.selectedIndex === (def < 0 ? 0 : def) || s.multiple;
  }
  if (f.type === 'checkbox' || f.type === 'radio') return f.checked === f.defaultChecked;
  return f.value === f.defaultValue;
}

/** Forms with fields to leave empty and a focusable submit button (at most `max`). */
export function formTargets(max: number): FormTarget[] {
  const out: FormTarget[] = [];
  for (const form of Array.from(document.forms)) {
    if (out.length >= max) break;
    if (hiddenReason(form)) continue;
    const fields = fieldsOf(form);
    const submit = submitOf(form);
    if (!submit || !worthSubmitting(form, fields)) continue;
    out.push({ id: kid(form), selector: cssPath(form), html: snippet(form, 200), name: shortName(submit), submit: kid(submit), fields: fields.length, required: fields.filter(isRequired).length });
  }
  return out;
}

const lookOf = (f: Element) => {
  const cs = getComputedStyle(f);
  return LOOK_PROPS.map((p) => cs.getPropertyValue(p));
};

/** The block around a field that holds nothing else to fill in: where its error text would go. */
function ownBlock(f: Element, form: Element): Element {
  let cur: Element = f;
  for (let i = 0; i < 3 && cur.parentElement && cur.parentElement !== form; i++) {
    const up: Element = cur.parentElement;
    if (fieldsOf(up).some((o) => o !== f && !(o.type === 'radio' && o.name === (f as HTMLInputElement).name))) break;
    cur = up;
  }
  return cur;
}

/** Text of a block as a person sees it: its text, the alt of its images, generated ::before/::after text. */
function blockText(el: Element): string {
  const parts = [(el as HTMLElement).innerText ?? ''];
  for (const img of Array.from(el.querySelectorAll('img[alt]'))) if (!hiddenReason(img)) parts.push(img.getAttribute('alt') ?? '');
  for (const e of [el, ...Array.from(el.querySelectorAll('*')).slice(0, 30)]) {
    for (const p of ['::before', '::after']) {
      const c = getComputedStyle(e, p).content;
      if (c && c !== 'none' && c !== 'normal' && /["'].*[^\s"'].*["']/.test(c)) parts.push(c);
    }
  }
  return parts.join('\n');
}

function countLines(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of text.split('\n').map((s) => s.trim()).filter((s) => s.length >= 2)) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

const onInvalid = (e: Event) => void snap?.events.push(e);

/** Notes how the form's fields look and what the page says, before the empty submit. */
export function formBefore(id: number): boolean {
  const form = state.byId[id];
  if (!form || !state.sentinel) return false; // never without the session that stops the submission
  const fields = fieldsOf(form);
  snap = {
    form,
    looks: new Map(fields.map((f) => [f, lookOf(f)])),
    invalid: new Map(fields.map((f) => [f, f.getAttribute('aria-invalid') === 'true'])),
    placeholders: new Map(fields.map((f) => [f, f.getAttribute('placeholder') ?? ''])),
    lines: countLines(document.body.innerText),
    near: new Map(fields.map((f) => [f, blockText(ownBlock(f, form))])),
    events: [],
  };
  window.addEventListener('invalid', onInvalid, true);
  return true;
}

/** Lines of `after` that were not there before (counting repeats). */
function added(before: Map<string, number>, after: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [l, n] of after) if (n > (before.get(l) ?? 0)) out.push(l);
  return out;
}

/** The lines of `text` that `before` did not have, joined. */
const freshLines = (text: string, before: string) => added(countLines(before), countLines(text)).join(' ');

function referenced(f: Element, attr: string): string {
  const ids = (f.getAttribute(attr) ?? '').trim().split(/\s+/).filter(Boolean);
  return ids.map((i) => document.getElementById(i)).filter((e): e is HTMLElement => !!e && !hiddenReason(e)).map((e) => e.innerText).join(' ');
}

/** How a new error text is tied to the field, and the text. */
function tieOf(f: HTMLInputElement, s: Snapshot, newText: string[]): { tie: FieldOutcome['tie']; text: string } {
  const fresh = (t: string) => newText.some((l) => t.includes(l));
  const described = referenced(f, 'aria-describedby');
  if (described && fresh(described)) return { tie: 'describedby', text: described };
  const err = referenced(f, 'aria-errormessage');
  if (err && fresh(err)) return { tie: 'errormessage', text: err };
  const label = labelText(f);
  if (label && fresh(label)) return { tie: 'label', text: label };
  const near = freshLines(blockText(ownBlock(f, s.form)), s.near.get(f) ?? '');
  if (near) return { tie: 'near', text: near };
  const ph = f.getAttribute('placeholder') ?? '';
  if (ph !== (s.placeholders.get(f) ?? '') && ph) return { tie: 'placeholder', text: ph };
  // an error summary that names the field
  const name = shortName(f).replace(/[（(]?(必須|任意)[)）]?|※|\*/g, '').trim();
  const named = name.length >= 2 ? newText.find((l) => l.includes(name) && ERROR_LINE.test(l)) : undefined;
  return named ? { tie: 'summary', text: named } : { tie: '', text: '' };
}

function alertText(newText: string[]): string {
  const regions = Array.from(document.querySelectorAll<HTMLElement>('[role=alert],[role=status],[aria-live=assertive],[aria-live=polite]')).filter((e) => !hiddenReason(e));
  return regions.map((r) => r.innerText).filter((t) => newText.some((l) => t.includes(l))).join(' ').slice(0, 200);
}

/** What the page did after the submit (call once, after formBefore and the key press). */
export function formAfter(): FormOutcome | null {
  const s = snap;
  snap = null;
  window.removeEventListener('invalid', onInvalid, true);
  if (!s) return null;
  const newText = added(s.lines, countLines(document.body.innerText));
  const fields: FieldOutcome[] = [];
  for (const [f, before] of s.looks) {
    const now = lookOf(f);
    const looks = LOOK_PROPS.filter((_, i) => now[i] !== before[i]);
    const invalid = f.getAttribute('aria-invalid') === 'true' && !s.invalid.get(f);
    const { tie, text } = tieOf(f as HTMLInputElement, s, newText);
    if (!looks.length && !invalid && !tie) continue;
    fields.push({ id: kid(f), selector: cssPath(f), html: snippet(f, 200), name: shortName(f), looks, invalid, tie, text: text.slice(0, 80) });
  }
  const a = deepActive();
  const focusOnError = !!a && !isNowhere(a) && (fields.some((x) => state.byId[x.id] === a) || newText.some((l) => (a as HTMLElement).innerText?.includes(l)));
  return { native: s.events.some((e) => !e.defaultPrevented), newText: newText.slice(0, 20), alertText: alertText(newText), focusOnError, fields };
}
