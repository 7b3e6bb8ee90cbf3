// Results view: one entry per rule × criterion set (lib/rule-groups.ts), folded by default, ordered by
// severity, with its count and the texts of the elements it found; opened, it says 何が問題か / 直し方 /
// 場所 (each element's text, 「ページで表示」 and a picture of it), and the selector and HTML behind 開発者向け.
// A finding under two criteria is one entry with both badges: the list counts what the summary counts.
import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Finding, FindingKind, Outcome, PageResult } from '../../rules-jis/types.js';
import { FINDING_PARTS_JA, KIND_LABEL_JA, OUTCOME_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { baseStyles } from './styles.js';
import { DEFAULT_FILTERS, summarize, type Filters } from '../lib/view.js';
import { groupByRule, type RuleGroup } from '../lib/rule-groups.js';
import { snippetText } from '../lib/visible-text.js';
import { resultStyles } from './results-styles.js';

/** The order the summary counts the criteria's outcomes in. */
const SUMMARY_OUTCOMES: Outcome[] = ['fail', 'review', 'pass', 'inapplicable', 'untested'];
/** Affected texts shown in a folded entry before 「ほか N 件」. */
const TEXTS_SHOWN = 5;

export interface HighlightDetail {
  selector: string;
}

/** Asks the panel for a picture of the element (chrome.tabs.captureVisibleTab, cropped to its box). */
export interface ShotDetail {
  selector: string;
}

export class JisResults extends LitElement {
  static properties = {
    page: { attribute: false },
    shots: { attribute: false },
    filters: { state: true },
  };

  declare page: PageResult | null;
  /** selector → data URL of the element's picture, or a reason it could not be taken. */
  declare shots: Record<string, { url?: string; reason?: string }>;
  declare filters: Filters;

  constructor() {
    super();
    this.page = null;
    this.shots = {};
    this.filters = { levels: { ...DEFAULT_FILTERS.levels }, kinds: { ...DEFAULT_FILTERS.kinds } };
  }

  static styles = [baseStyles, resultStyles];

  private setLevel(level: 'A' | 'AA', on: boolean) {
    this.filters = { ...this.filters, levels: { ...this.filters.levels, [level]: on } };
  }

  private setKind(kind: FindingKind, on: boolean) {
    this.filters = { ...this.filters, kinds: { ...this.filters.kinds, [kind]: on } };
  }

  private send<T>(name: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }

  private highlight(f: Finding) {
    this.send<HighlightDetail>('jis-highlight', { selector: f.selector });
  }

  /** Selectors whose picture was asked for on this page (once each). */
  private asked = new Set<string>();

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('page')) this.asked.clear();
  }

  /** Opening an entry asks for the pictures of its first elements. */
  private onToggle(e: Event, g: RuleGroup) {
    if (!(e.target as HTMLDetailsElement).open) return;
    for (const f of g.findings.slice(0, TEXTS_SHOWN)) {
      if (!f.selector || this.asked.has(f.selector)) continue;
      this.asked.add(f.selector);
      this.send<ShotDetail>('jis-shot', { selector: f.selector });
    }
  }

  private renderFilters() {
    const box = <T extends string>(name: string, value: T, checked: boolean, label: string, on: (v: boolean) => void) =>
      html`<label
        ><input type="checkbox" name=${name} .value=${value} .checked=${checked} @change=${(e: Event) => on((e.target as HTMLInputElement).checked)} />
        ${label}</label
      >`;
    return html`<div class="filters">
      <fieldset>
        <legend>適合レベル</legend>
        ${(['A', 'AA'] as const).map((l) => box('level', l, this.filters.levels[l], `レベル ${l}`, (v) => this.setLevel(l, v)))}
      </fieldset>
      <fieldset>
        <legend>種類</legend>
        ${(['violation', 'review', 'advisory'] as const).map((k) => box('kind', k, this.filters.kinds[k], KIND_LABEL_JA[k], (v) => this.setKind(k, v)))}
      </fieldset>
    </div>`;
  }

  private renderWhere(g: RuleGroup, f: Finding, i: number) {
    const text = snippetText(f.html, 80);
    const shot = f.selector ? this.shots[f.selector] : undefined;
    return html`<li class="where" data-selector=${f.selector}>
      <span class="text">${text ? `「${text}」` : f.selector ? '（表示される文字のない要素）' : '（ページ全体）'}</span>
      ${f.line ? html`<span class="muted">ソースの ${f.line} 行 ${f.column ?? ''} 桁目</span>` : nothing}
      ${f.selector
        ? html`<button type="button" class="show" @click=${() => this.highlight(f)}>
            ページで表示<span class="vh">（${g.ruleId} の ${i + 1} 件目）</span>
          </button>`
        : nothing}
      ${shot?.url ? html`<img class="shot" src=${shot.url} alt=${text ? `ページ上の「${text}」の部分` : 'ページ上の該当部分'} />` : nothing}
      ${shot?.reason ? html`<span class="muted shot-reason">${shot.reason}</span>` : nothing}
      <details class="dev">
        <summary>${FINDING_PARTS_JA.developer}</summary>
        ${f.selector ? html`<p class="sel">${f.selector}</p>` : nothing}
        ${f.html ? html`<pre><code>${f.html}</code></pre>` : nothing}
      </details>
    </li>`;
  }

  private renderGroup(g: RuleGroup) {
    const more = g.texts.length - TEXTS_SHOWN;
    return html`<li class="entry ${g.kind}" data-rule=${g.ruleId} data-kind=${g.kind} data-count=${g.findings.length}>
      <details @toggle=${(e: Event) => this.onToggle(e, g)}>
        <summary>
          <span class="badge k-${g.kind}">${KIND_LABEL_JA[g.kind]}</span>
          ${g.criteria.map(
            (c) => html`<span class="badge lv" data-criterion=${c.id} title=${c.title}>${c.id}${c.level ? ` ${c.level}` : ''}</span>`,
          )}
          <span class="msg">${g.message}</span>
          <strong class="count" data-testid="count">${g.findings.length} ${FINDING_PARTS_JA.count}</strong>
          ${g.texts.length
            ? html`<span class="texts">${g.texts.slice(0, TEXTS_SHOWN).map((t) => `「${t}」`).join(' ')}${more > 0 ? ` ほか ${more} 件` : ''}</span>`
            : nothing}
        </summary>
        <div class="body">
          <h4>${FINDING_PARTS_JA.what}</h4>
          <p>${g.message}</p>
          <p class="muted">
            ${g.criteria.map((c) => html`<span>${c.id} ${c.title}${c.outcome ? `（${OUTCOME_LABEL_JA[c.outcome]}）` : ''}</span> `)}
          </p>
          <h4>${FINDING_PARTS_JA.fix}</h4>
          <p>${g.help}</p>
          ${g.helpUrl ? html`<p><a href=${g.helpUrl} target="_blank" rel="noopener">詳しい説明<span class="vh">（${g.ruleId}、新しいタブ）</span></a></p>` : nothing}
          <h4>${FINDING_PARTS_JA.where}（${g.findings.length} ${FINDING_PARTS_JA.count}）</h4>
          <ol class="places">
            ${g.findings.map((f, i) => this.renderWhere(g, f, i))}
          </ol>
        </div>
      </details>
    </li>`;
  }

  render() {
    if (!this.page) return html`<p class="muted">まだ検査していません。「このページを検査」を押してください。</p>`;
    const s = summarize(this.page);
    const groups = groupByRule(this.page, this.filters);
    return html`
      <p class="summary" data-testid="summary">
        ${KIND_LABEL_JA.violation} <strong data-kind="violation">${s.violations}</strong> 件・${KIND_LABEL_JA.review}
        <strong data-kind="review">${s.reviews}</strong> 件・${KIND_LABEL_JA.advisory} <strong data-kind="advisory">${s.advisories}</strong> 件
        <br /><span class="muted"
          >達成基準（A・AA の ${this.page.criteria.length} 項目）: ${SUMMARY_OUTCOMES.map((o) => `${OUTCOME_LABEL_JA[o]} ${s.outcomes[o]}`).join('・')}</span
        >
      </p>
      ${this.renderFilters()}
      ${groups.length === 0
        ? html`<p data-testid="empty">条件に当てはまる指摘はありません。自動チェックで見つからなくても、「チェックリスト」で人による確認が必要な達成基準があります。</p>`
        : html`<ol class="entries" aria-label="指摘（重大なものから）">
            ${repeat(groups, (g) => g.key, (g) => this.renderGroup(g))}
          </ol>`}
    `;
  }
}

if (!customElements.get('jis-results')) customElements.define('jis-results', JisResults);

declare global {
  interface HTMLElementTagNameMap {
    'jis-results': JisResults;
  }
}
