// Results view: findings grouped by 達成基準 with level and outcome; filters by level and kind.
// Clicking 「ページで表示」 asks the panel to scroll the page to the element and outline it.
import { LitElement, css, html, nothing } from 'lit';
import type { Finding, FindingKind, Outcome, PageResult } from '../../rules-jis/types.js';
import { ADVISORY_GROUP_JA, KIND_LABEL_JA, OUTCOME_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { baseStyles } from './styles.js';
import { DEFAULT_FILTERS, groupFindings, summarize, type Filters } from '../lib/view.js';

/** The order the summary counts the criteria's outcomes in. */
const SUMMARY_OUTCOMES: Outcome[] = ['fail', 'review', 'pass', 'inapplicable', 'untested'];

export interface HighlightDetail {
  selector: string;
}

export class JisResults extends LitElement {
  static properties = {
    page: { attribute: false },
    filters: { state: true },
  };

  declare page: PageResult | null;
  declare filters: Filters;

  constructor() {
    super();
    this.page = null;
    this.filters = { levels: { ...DEFAULT_FILTERS.levels }, kinds: { ...DEFAULT_FILTERS.kinds } };
  }

  static styles = [
    baseStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.6rem;
      }
      section.group {
        border-top: 1px solid #cfcfcf;
        padding-top: 0.2rem;
      }
      ol.findings {
        list-style: none;
        padding: 0;
      }
      ol.findings > li {
        border-left: 4px solid #8a8a8a;
        padding: 0.2rem 0 0.3rem 0.5rem;
        margin: 0.4rem 0;
      }
      ol.findings > li.violation {
        border-left-color: #b00020;
      }
      ol.findings > li.review {
        border-left-color: #7a4f00;
      }
      .msg {
        margin: 0.2rem 0;
      }
      .help {
        margin: 0.2rem 0;
      }
      .sel {
        font-family: ui-monospace, monospace;
        font-size: 0.75rem;
        word-break: break-all;
        color: #3d3d3d;
      }
      .reason {
        margin: 0;
        font-size: 0.8rem;
      }
    `,
  ];

  private setLevel(level: 'A' | 'AA', on: boolean) {
    this.filters = { ...this.filters, levels: { ...this.filters.levels, [level]: on } };
  }

  private setKind(kind: FindingKind, on: boolean) {
    this.filters = { ...this.filters, kinds: { ...this.filters.kinds, [kind]: on } };
  }

  private highlight(f: Finding) {
    this.dispatchEvent(
      new CustomEvent<HighlightDetail>('jis-highlight', { detail: { selector: f.selector }, bubbles: true, composed: true }),
    );
  }

  render() {
    if (!this.page) return html`<p class="muted">まだ検査していません。「このページを検査」を押してください。</p>`;
    const s = summarize(this.page);
    const groups = groupFindings(this.page, this.filters);
    let n = 0;
    return html`
      <p class="summary" data-testid="summary">
        ${KIND_LABEL_JA.violation} <strong>${s.violations}</strong> 件・${KIND_LABEL_JA.review} <strong>${s.reviews}</strong> 件・${KIND_LABEL_JA.advisory}
        <strong>${s.advisories}</strong> 件
        <br /><span class="muted"
          >達成基準（A・AA の ${this.page.criteria.length} 項目）: ${SUMMARY_OUTCOMES.map((o) => `${OUTCOME_LABEL_JA[o]} ${s.outcomes[o]}`).join('・')}</span
        >
      </p>
      <div class="filters">
        <fieldset>
          <legend>適合レベル</legend>
          ${(['A', 'AA'] as const).map(
            (l) => html`<label
              ><input
                type="checkbox"
                name="level"
                .value=${l}
                .checked=${this.filters.levels[l]}
                @change=${(e: Event) => this.setLevel(l, (e.target as HTMLInputElement).checked)}
              />
              レベル ${l}</label
            >`,
          )}
        </fieldset>
        <fieldset>
          <legend>種類</legend>
          ${(['violation', 'review', 'advisory'] as const).map(
            (k) => html`<label
              ><input
                type="checkbox"
                name="kind"
                .value=${k}
                .checked=${this.filters.kinds[k]}
                @change=${(e: Event) => this.setKind(k, (e.target as HTMLInputElement).checked)}
              />
              ${KIND_LABEL_JA[k]}</label
            >`,
          )}
        </fieldset>
      </div>
      ${groups.length === 0
        ? html`<p data-testid="empty">条件に当てはまる指摘はありません。自動チェックで見つからなくても、「チェックリスト」で人による確認が必要な達成基準があります。</p>`
        : nothing}
      ${groups.map((g) => {
        const hid = `g-${g.id.replace(/\./g, '-') || 'advisory'}`;
        return html`<section class="group" aria-labelledby=${hid} data-criterion=${g.id}>
          <h3 id=${hid}>
            ${g.id ? `${g.id} ${g.title}` : g.title}
            ${g.level ? html`<span class="badge lv">レベル${g.level}</span>` : nothing}
            ${g.outcome ? html`<span class="badge o-${g.outcome}" data-outcome=${g.outcome}>${OUTCOME_LABEL_JA[g.outcome]}</span>` : nothing}
          </h3>
          ${g.reason ? html`<p class="reason muted">${g.reason}</p>` : nothing}
          <ol class="findings">
            ${g.findings.map((f) => {
              n++;
              return html`<li class=${f.kind} data-rule=${f.ruleId}>
                <p class="msg"><span class="badge k-${f.kind}">${KIND_LABEL_JA[f.kind]}</span> ${f.message}</p>
                ${f.help ? html`<p class="help"><strong>修正方法:</strong> ${f.help}</p>` : nothing}
                ${f.html ? html`<pre><code>${f.html}</code></pre>` : nothing}
                ${f.line ? html`<p class="sel">ソースの ${f.line} 行 ${f.column ?? ''} 桁目</p>` : nothing}
                ${f.selector
                  ? html`<p class="sel">${f.selector}</p>
                      <button type="button" class="show" @click=${() => this.highlight(f)}>
                        ページで表示<span class="vh">（${g.id || ADVISORY_GROUP_JA.short} の ${n} 件目）</span>
                      </button>`
                  : nothing}
                ${f.helpUrl
                  ? html` <a href=${f.helpUrl} target="_blank" rel="noopener">詳しい説明<span class="vh">（${f.ruleId}、新しいタブ）</span></a>`
                  : nothing}
              </li>`;
            })}
          </ol>
        </section>`;
      })}
    `;
  }
}

if (!customElements.get('jis-results')) customElements.define('jis-results', JisResults);

declare global {
  interface HTMLElementTagNameMap {
    'jis-results': JisResults;
  }
}
