// The judgement form used by the page view, the bulk action of the sheet and the review queue (<ws-result-form>):
// 結果 as three labelled radio buttons (○ 適合 / × 不適合 / − 適用なし), 注記, and in the page view the waiver and
// the evidence. It shows the server's refusal next to the button (a role="alert" the screen reader reads), keeps
// what the user typed when the server refuses, and clears it when the server accepts.
import { html, LitElement, nothing } from 'lit';
import { JUDGEMENT_MARK_JA, JUDGEMENT_RESULT_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { PAGE_JA } from '../texts-ja.js';

export interface ResultForm {
  result: 'pass' | 'fail' | 'na';
  note: string;
  waiver?: string;
  evidence?: File;
  evidenceNote?: string;
}

/** Returns '' when the server accepted, else the message to show. */
export type ResultSubmit = (v: ResultForm) => Promise<string>;

const RESULTS: { value: ResultForm['result']; label: 'pass' | 'fail' | 'inapplicable' }[] = [
  { value: 'pass', label: 'pass' },
  { value: 'fail', label: 'fail' },
  { value: 'na', label: 'inapplicable' },
];

export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

export class ResultFormElement extends LitElement {
  static properties = { prefix: {}, submitLabel: {}, full: { type: Boolean }, onSubmit: { attribute: false }, problem: { state: true }, busy: { state: true } };
  prefix = 'r';
  submitLabel = PAGE_JA.submit;
  full = false;
  onSubmit: ResultSubmit = async () => '';
  problem = '';
  busy = false;

  protected createRenderRoot(): HTMLElement {
    return this;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const result = f.get('result') as ResultForm['result'] | null;
    if (!result) {
      this.problem = `${PAGE_JA.result}を選んでください。`;
      return;
    }
    const file = f.get('evidence');
    const evidence = file instanceof File && file.size > 0 ? file : undefined;
    if (evidence && evidence.size > EVIDENCE_MAX_BYTES) {
      this.problem = PAGE_JA.tooBig;
      return;
    }
    this.busy = true;
    const v: ResultForm = { result, note: String(f.get('note') ?? ''), waiver: String(f.get('waiver') ?? '') || undefined, evidence, evidenceNote: String(f.get('evidenceNote') ?? '') || undefined };
    this.problem = await this.onSubmit(v);
    this.busy = false;
    if (!this.problem) form.reset();
  }

  protected render() {
    const p = this.prefix;
    return html`<form class="stack" @submit=${this.submit} novalidate>
      <fieldset>
        <legend>${PAGE_JA.result}</legend>
        ${RESULTS.map((r) => html`<div class="check">
          <input type="radio" id="${p}-result-${r.value}" name="result" value=${r.value} />
          <label for="${p}-result-${r.value}">${JUDGEMENT_MARK_JA[r.label]} ${JUDGEMENT_RESULT_LABEL_JA[r.label]}</label>
        </div>`)}
      </fieldset>
      <div class="field">
        <label for="${p}-note">${PAGE_JA.note}</label>
        <textarea id="${p}-note" name="note" rows="3" aria-describedby="${p}-note-help"></textarea>
        <p id="${p}-note-help" class="help">${PAGE_JA.noteHelp}</p>
      </div>
      ${this.full
        ? html`<div class="field"><label for="${p}-waiver">${PAGE_JA.waiver}</label><input id="${p}-waiver" name="waiver" /></div>
            <div class="field"><label for="${p}-evidence">${PAGE_JA.evidence}</label><input id="${p}-evidence" name="evidence" type="file" accept="image/png,image/jpeg" /></div>
            <div class="field"><label for="${p}-evidence-note">${PAGE_JA.evidenceNote}</label><input id="${p}-evidence-note" name="evidenceNote" maxlength="500" /></div>`
        : nothing}
      <div role="alert" class=${this.problem ? 'problem' : 'problem empty'}>${this.problem ? html`<strong>${PAGE_JA.refused}:</strong> ${this.problem}` : nothing}</div>
      <button type="submit" class="primary" ?disabled=${this.busy}>${this.submitLabel}</button>
    </form>`;
  }
}

customElements.define('ws-result-form', ResultFormElement);

/** The form inside a lit template. */
export function resultChoices(prefix: string, onSubmit: ResultSubmit, submitLabel: string, full = false) {
  return html`<ws-result-form .prefix=${prefix} .onSubmit=${onSubmit} .submitLabel=${submitLabel} ?full=${full}></ws-result-form>`;
}
