// Where the checklist's judgements go: the 公開時の URL of this page (typed, or made by the site's mapping rule
// from preview to public URL, set once), and the exports (JSON, XLSX, printable HTML) under that URL. The panel
// stores the settings (lib/public-url.ts) and writes the files (lib/exports.ts); this only asks and shows.
import { LitElement, css, html } from 'lit';
import { baseStyles } from './styles.js';
import { PUBLISH_JA as T } from '../lib/exports-text.js';
import type { PublicUrlRule } from '../lib/public-url.js';

export type ExportFormat = 'json' | 'xlsx' | 'html';

export class JisPublish extends LitElement {
  static properties = {
    previewUrl: { type: String },
    publicUrl: { type: String },
    typed: { type: String },
    rule: { attribute: false },
  };

  declare previewUrl: string;
  declare publicUrl: string;
  declare typed: string;
  declare rule: PublicUrlRule | null;

  constructor() {
    super();
    this.previewUrl = '';
    this.publicUrl = '';
    this.typed = '';
    this.rule = null;
  }

  static styles = [
    baseStyles,
    css`
      input[type='url'] {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
      }
      .row {
        margin: 0.3rem 0;
      }
      .actions {
        display: flex;
        gap: 0.4rem;
        flex-wrap: wrap;
        margin: 0.5rem 0;
      }
      .to {
        word-break: break-all;
      }
    `,
  ];

  private emit<T>(name: string, detail: T) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private value(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
  }

  private origin(): string {
    try {
      return `${new URL(this.previewUrl).origin}/`;
    } catch {
      return '';
    }
  }

  render() {
    return html`
      <h3>${T.heading}</h3>
      <p class="muted">${T.explain}</p>
      <div class="row">
        <label for="public-url">${T.publicUrlLabel}</label>
        <input
          id="public-url"
          type="url"
          data-testid="public-url"
          aria-describedby="public-url-hint"
          .value=${this.typed}
          @change=${() => this.emit('jis-public-url', this.value('public-url'))}
        />
        <span id="public-url-hint" class="muted">${T.publicUrlHint}</span>
      </div>
      <fieldset>
        <legend>置き換えの規則（このサイト）</legend>
        <div class="row">
          <label for="rule-from">${T.ruleFrom}</label>
          <input id="rule-from" type="url" data-testid="rule-from" .value=${this.rule?.previewPrefix ?? this.origin()} />
        </div>
        <div class="row">
          <label for="rule-to">${T.ruleTo}</label>
          <input id="rule-to" type="url" data-testid="rule-to" placeholder="https://www.pref.example.lg.jp/" .value=${this.rule?.publicPrefix ?? ''} />
        </div>
        <button
          type="button"
          data-testid="rule-save"
          @click=${() => this.emit<PublicUrlRule>('jis-public-rule', { previewPrefix: this.value('rule-from'), publicPrefix: this.value('rule-to') })}
        >
          ${T.saveRule}
        </button>
      </fieldset>
      <p class="to" data-testid="exports-to">${T.exportsTo(this.publicUrl)}</p>
      <div class="actions">
        <button type="button" data-testid="export-json" @click=${() => this.emit<ExportFormat>('jis-export-as', 'json')}>${T.exportJson}</button>
        <button type="button" data-testid="export-xlsx" @click=${() => this.emit<ExportFormat>('jis-export-as', 'xlsx')}>${T.exportXlsx}</button>
        <button type="button" data-testid="export-html" @click=${() => this.emit<ExportFormat>('jis-export-as', 'html')}>${T.exportHtml}</button>
      </div>
      <p class="muted">${T.workspaceHint}</p>
    `;
  }
}

if (!customElements.get('jis-publish')) customElements.define('jis-publish', JisPublish);

declare global {
  interface HTMLElementTagNameMap {
    'jis-publish': JisPublish;
  }
}
