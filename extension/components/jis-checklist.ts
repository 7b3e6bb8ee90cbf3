// The manual checklist of the current page: for each criterion the automated checks could not decide
// (要確認 / 未確認), the editor records 適合 / 不適合 / 適用なし with a note. The panel stores and exports it.
import { LitElement, css, html, nothing } from 'lit';
import { targetCriteria, understandingUrl } from '../../rules-jis/criteria.js';
import type { CriterionResult, PageResult } from '../../rules-jis/types.js';
import { baseStyles } from './styles.js';
import { JUDGEMENT_RESULT_LABEL_JA, OUTCOME_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { JudgementResult } from '../../rules-jis/judgements.js';
import type { EditorJudgement } from '../lib/judgements.js';
import { KIT_AIDS, manualKit } from '../../rules-jis/manual-kit.js';
import { FIX_BY_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { CHECKLIST_JA as T, KEYBOARD_CRITERIA, KIT_AID_TO_PANEL } from '../lib/checklist-text.js';

/** At most this many of the kit's steps in the panel (the rest is in docs/manual-kit.md). */
const STEPS_SHOWN = 3;

export interface JudgementChangeDetail {
  criterion: string;
  /** null: the judgement is withdrawn (未判定). */
  result: JudgementResult | null;
  note: string;
  /** Judged for the whole template or site (「テンプレート・サイト全体」), not only this page. */
  siteWide?: boolean;
}

const RESULTS: JudgementResult[] = ['pass', 'fail', 'inapplicable'];

export class JisChecklist extends LitElement {
  static properties = {
    page: { attribute: false },
    judgements: { attribute: false },
    who: { type: String },
    showAll: { state: true },
  };

  declare page: PageResult | null;
  declare judgements: Record<string, EditorJudgement>;
  declare who: string;
  declare showAll: boolean;
  /** Notes typed before a result is chosen. */
  private drafts: Record<string, string> = {};

  constructor() {
    super();
    this.page = null;
    this.judgements = {};
    this.who = '';
    this.showAll = false;
  }

  static styles = [
    baseStyles,
    css`
      .who {
        margin: 0.4rem 0;
      }
      .who input {
        font: inherit;
        width: 12rem;
      }
      textarea {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        min-height: 2.6rem;
      }
      .auto {
        font-weight: normal;
        white-space: nowrap;
      }
      .why {
        margin: 0.1rem 0 0.3rem;
        font-size: 0.8rem;
      }
      .not-on-page {
        border-left: 4px solid #8a5a00;
        padding-left: 0.4rem;
        margin: 0.2rem 0;
      }
      .steps ol {
        margin: 0.2rem 0;
        padding-left: 1.4rem;
      }
      .aids {
        display: flex;
        gap: 0.3rem;
        flex-wrap: wrap;
        margin: 0.2rem 0 0.3rem;
      }
      .scope {
        margin: 0.2rem 0;
      }
      .done {
        color: #1b5e20;
        font-weight: bold;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin: 0.6rem 0;
      }
    `,
  ];

  /** The criteria to judge: review/untested by default; every A/AA criterion on request. */
  rows(): { id: string; title: string; level: string; auto: CriterionResult | undefined }[] {
    const results = new Map((this.page?.criteria ?? []).map((c) => [c.id, c]));
    return targetCriteria('AA')
      .map((c) => ({ id: c.wcag, title: c.ja, level: c.level, auto: results.get(c.wcag) }))
      .filter((r) => this.showAll || !r.auto || r.auto.outcome === 'review' || r.auto.outcome === 'untested' || this.judgements[r.id]);
  }

  private emit<T>(name: string, detail: T) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Scopes chosen before a result is. */
  private scopes: Record<string, boolean> = {};

  private siteWide(id: string): boolean {
    const j = this.judgements[id];
    return j ? j.scope.type === 'site' : (this.scopes[id] ?? false);
  }

  private setResult(id: string, result: JudgementResult | null) {
    const note = this.judgements[id]?.note ?? this.drafts[id] ?? '';
    this.emit<JudgementChangeDetail>('jis-judgement-change', { criterion: id, result, note, siteWide: this.siteWide(id) });
  }

  private setNote(id: string, note: string) {
    const j = this.judgements[id];
    if (j) this.emit<JudgementChangeDetail>('jis-judgement-change', { criterion: id, result: j.result, note, siteWide: this.siteWide(id) });
    else this.drafts[id] = note;
  }

  private setScope(id: string, siteWide: boolean) {
    this.scopes[id] = siteWide;
    const j = this.judgements[id];
    if (j) this.emit<JudgementChangeDetail>('jis-judgement-change', { criterion: id, result: j.result, note: j.note, siteWide });
    else this.requestUpdate();
  }

  /** The kit's steps, the aid buttons and whether the editor can fix it on the page. */
  private teach(id: string) {
    const kit = manualKit(id);
    if (!kit) return nothing;
    const steps = kit.procedure.steps;
    const onPage = kit.editorCanFix && kit.judgedPer === 'page';
    return html`
      ${onPage ? nothing : html`<p class="not-on-page" data-testid="not-on-page">${T.notOnPage(FIX_BY_LABEL_JA[kit.fixBy])}</p>`}
      <details class="steps">
        <summary>${T.steps}</summary>
        <ol>
          ${steps.slice(0, STEPS_SHOWN).map((st) => html`<li>${st}</li>`)}
        </ol>
        ${steps.length > STEPS_SHOWN ? html`<p class="muted">${T.more(steps.length - STEPS_SHOWN)}</p>` : nothing}
      </details>
      <div class="aids">
        ${kit.aids.map((a) => {
          const target = KIT_AID_TO_PANEL[a];
          return html`<button
            type="button"
            data-aid=${target}
            @click=${() => (target === 'contrast' ? this.emit('jis-pick', null) : this.emit('jis-aid-toggle', { aid: target, on: true }))}
          >
            ${T.aidButton(KIT_AIDS[a].label)}
          </button>`;
        })}
        ${KEYBOARD_CRITERIA.has(id)
          ? html`<button type="button" data-aid="keyboard" @click=${() => this.emit('jis-open-tab', 'keyboard')}>${T.keyboardButton}</button>`
          : nothing}
      </div>
    `;
  }

  private scopeChoice(id: string) {
    const site = this.siteWide(id);
    return html`<div role="radiogroup" class="scope" aria-label="${T.scope}（${id}）">
      ${T.scope}:
      <label><input type="radio" name="scope-${id}" data-scope="page" .checked=${!site} @change=${() => this.setScope(id, false)} /> ${T.scopePage}</label>
      <label><input type="radio" name="scope-${id}" data-scope="site" .checked=${site} @change=${() => this.setScope(id, true)} /> ${T.scopeSite}</label>
    </div>`;
  }

  render() {
    const rows = this.rows();
    const done = Object.keys(this.judgements).length;
    return html`
      <p>
        自動チェックで判定しきれない達成基準を、ページを見て判断し記録します。記録はこの拡張機能の中に保存され、JSON で書き出して報告書に取り込めます。
      </p>
      <div class="who">
        <label for="who">確認者</label>
        <input
          id="who"
          type="text"
          autocomplete="name"
          .value=${this.who}
          @change=${(e: Event) => this.emit('jis-who-change', (e.target as HTMLInputElement).value)}
        />
      </div>
      ${this.page ? nothing : html`<p class="muted" data-testid="no-audit">${T.noAudit}</p>`}
      <p><span class="done" data-testid="done-count">${done}</span> 件を判断済み（表示中 ${rows.length} 件）</p>
      <label
        ><input type="checkbox" .checked=${this.showAll} @change=${(e: Event) => (this.showAll = (e.target as HTMLInputElement).checked)} />
        自動で判定済みの達成基準も表示する</label
      >
      ${rows.map((r) => {
        const j = this.judgements[r.id];
        const name = `j-${r.id}`;
        return html`<fieldset data-criterion=${r.id}>
          <legend>
            ${r.id} ${r.title}（レベル${r.level}）
            ${r.auto ? html`<span class="auto">— 自動判定: ${OUTCOME_LABEL_JA[r.auto.outcome]}</span>` : nothing}
          </legend>
          <p class="why muted">
            ${r.auto?.reason ? html`${r.auto.reason.replace(/。$/, "")}。` : nothing}
            <a href=${understandingUrl(r.id)} target="_blank" rel="noopener">達成基準 ${r.id} の解説（WAIC、新しいタブ）</a>
          </p>
          ${this.teach(r.id)}
          ${this.scopeChoice(r.id)}
          ${RESULTS.map(
            (res) => html`<label
              ><input
                type="radio"
                name=${name}
                .value=${res}
                .checked=${j?.result === res}
                @change=${() => this.setResult(r.id, res)}
              />
              ${JUDGEMENT_RESULT_LABEL_JA[res]}</label
            >`,
          )}
          <label
            ><input type="radio" name=${name} value="" .checked=${!j} @change=${() => this.setResult(r.id, null)} /> 未判定</label
          >
          <div>
            <label for="note-${r.id}">注記<span class="vh">（${r.id}）</span></label>
            <textarea
              id="note-${r.id}"
              .value=${j?.note ?? this.drafts[r.id] ?? ''}
              @change=${(e: Event) => this.setNote(r.id, (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </div>
          ${j ? html`<p class="muted">${j.who || '確認者未入力'}・${new Date(j.when).toLocaleString('ja-JP')}</p>` : nothing}
        </fieldset>`;
      })}
      <div class="actions">
        <button type="button" class="primary" data-testid="export" @click=${() => this.emit('jis-export', null)}>判断結果を JSON で書き出す</button>
      </div>
    `;
  }
}

if (!customElements.get('jis-checklist')) customElements.define('jis-checklist', JisChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'jis-checklist': JisChecklist;
  }
}
