// Aids for what no rule can judge: overlays on the page (alt text, headings, landmarks, tab order),
// the heading outline and landmark list in the panel, and the contrast ratio of a picked element.
import { LitElement, css, html, nothing } from 'lit';
import { baseStyles } from './styles.js';
import { LANDMARK_LABEL_JA, type AidName, type ContrastReport, type OutlineItem } from '../lib/page-aids.js';

export interface AidToggleDetail {
  aid: AidName;
  on: boolean;
}

const AIDS: { aid: AidName; label: string; hint: string }[] = [
  { aid: 'alt', label: '画像の代替テキスト', hint: '画像ごとに alt の内容をページ上に表示します' },
  { aid: 'headings', label: '見出し', hint: '見出しのレベルをページ上に表示し、下に見出しの構造を示します' },
  { aid: 'landmarks', label: 'ランドマーク', hint: 'header・nav・main などの領域を枠で示します' },
  { aid: 'taborder', label: 'Tab キーの移動順', hint: 'Tab キーでフォーカスが移る順に番号を表示します' },
];

export class JisAids extends LitElement {
  static properties = {
    active: { attribute: false },
    counts: { attribute: false },
    headings: { attribute: false },
    landmarks: { attribute: false },
    contrast: { attribute: false },
    picking: { type: Boolean },
    disabled: { type: Boolean },
  };

  declare active: Partial<Record<AidName, boolean>>;
  declare counts: Partial<Record<AidName, number>>;
  declare headings: OutlineItem[] | null;
  declare landmarks: OutlineItem[] | null;
  declare contrast: ContrastReport | null;
  declare picking: boolean;
  declare disabled: boolean;

  constructor() {
    super();
    this.active = {};
    this.counts = {};
    this.headings = null;
    this.landmarks = null;
    this.contrast = null;
    this.picking = false;
    this.disabled = false;
  }

  static styles = [
    baseStyles,
    css`
      .toggles {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      ol.outline {
        list-style: none;
        padding: 0;
      }
      ol.outline li {
        margin: 0.1rem 0;
      }
      ol.outline button {
        text-align: left;
        border: none;
        background: none;
        padding: 0.1rem 0.2rem;
        text-decoration: underline;
        color: #123f91;
      }
      .skip {
        color: #b00020;
        font-weight: bold;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0 0.8rem;
        margin: 0.3rem 0;
      }
      dt {
        font-weight: bold;
      }
      dd {
        margin: 0;
      }
      .swatch {
        display: inline-block;
        width: 0.9em;
        height: 0.9em;
        border: 1px solid #333;
        vertical-align: middle;
      }
    `,
  ];

  private emit<T>(name: string, detail?: T) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private renderOutline() {
    if (!this.headings) return nothing;
    let prev = 0;
    return html`<h3 id="outline-h">見出しの構造（${this.headings.length}）</h3>
      ${this.headings.length === 0
        ? html`<p>見出しがありません。ページの内容を見出しで区切ってください（1.3.1・2.4.6）。</p>`
        : html`<ol class="outline" aria-labelledby="outline-h" data-testid="outline">
            ${this.headings.map((h) => {
              const level = h.level ?? 2;
              const skipped = prev > 0 && level > prev + 1;
              prev = level;
              return html`<li style="padding-inline-start:${(level - 1) * 0.9}rem">
                <button type="button" @click=${() => this.emit('jis-highlight', { selector: h.selector })}>
                  H${level} ${h.text || '（空の見出し）'}</button
                >${skipped ? html` <span class="skip">レベルが飛んでいます</span>` : nothing}
              </li>`;
            })}
          </ol>`}`;
  }

  private renderLandmarks() {
    if (!this.landmarks) return nothing;
    return html`<h3 id="lm-h">ランドマーク（${this.landmarks.length}）</h3>
      ${this.landmarks.length === 0
        ? html`<p>ランドマークがありません。header・nav・main・footer 要素でページの領域を示すと、支援技術の利用者が移動しやすくなります。</p>`
        : html`<ul aria-labelledby="lm-h" data-testid="landmarks">
            ${this.landmarks.map(
              (l) => html`<li>
                <button type="button" class="link" @click=${() => this.emit('jis-highlight', { selector: l.selector })}>
                  ${LANDMARK_LABEL_JA[l.role ?? ''] ?? l.role}${l.text ? `「${l.text}」` : ''}
                </button>
              </li>`,
            )}
          </ul>`}`;
  }

  private renderContrast() {
    const c = this.contrast;
    if (!c) return nothing;
    return html`<div data-testid="contrast-result" role="group" aria-label="コントラストの測定結果">
      <dl>
        <dt>要素</dt>
        <dd><code>${c.selector}</code>${c.text ? html`（${c.text}）` : nothing}</dd>
        <dt>コントラスト比</dt>
        <dd><strong data-testid="ratio">${c.ratio.toFixed(2)}:1</strong></dd>
        <dt>文字色</dt>
        <dd><span class="swatch" style="background:${c.foreground}"></span> ${c.foreground}</dd>
        <dt>背景色</dt>
        <dd><span class="swatch" style="background:${c.background}"></span> ${c.background}</dd>
        <dt>文字</dt>
        <dd>${Math.round(c.fontSizePx * 10) / 10}px・太さ ${c.fontWeight}（${c.large ? '大きな文字' : '通常の文字'}）</dd>
        <dt>1.4.3（AA）</dt>
        <dd>
          ${c.passAA ? '基準を満たしています' : '基準を満たしていません'}（${c.requiredAA}:1 以上が必要）
        </dd>
        <dt>1.4.6（AAA）</dt>
        <dd>${c.passAAA ? '満たしています' : '満たしていません'}</dd>
      </dl>
      ${c.uncertain
        ? html`<p><strong>注意:</strong> 背景に画像またはグラデーションがあるため、背景色は推定です。目で確認してください。</p>`
        : nothing}
    </div>`;
  }

  render() {
    return html`
      <h3>ページ上に表示する</h3>
      <p class="muted">ボタンを押すと、ページの上に補助の表示を重ねます。もう一度押すと消えます。</p>
      <div class="toggles">
        ${AIDS.map(
          (a) => html`<button
            type="button"
            aria-pressed=${this.active[a.aid] ? 'true' : 'false'}
            ?disabled=${this.disabled}
            data-aid=${a.aid}
            title=${a.hint}
            @click=${() => this.emit<AidToggleDetail>('jis-aid-toggle', { aid: a.aid, on: !this.active[a.aid] })}
          >
            ${a.label}${this.active[a.aid] && this.counts[a.aid] !== undefined ? `（${this.counts[a.aid]}）` : ''}
          </button>`,
        )}
      </div>
      ${this.renderOutline()} ${this.renderLandmarks()}
      <h3>文字のコントラスト比</h3>
      <p class="muted">「要素を選ぶ」を押してから、ページ上の文字をクリックしてください（Esc で取り消し）。キーボードでは、ページ上でフォーカスを移してから「フォーカス中の要素を測る」を押します。</p>
      <div class="toggles">
        <button type="button" data-testid="pick" aria-pressed=${this.picking ? 'true' : 'false'} ?disabled=${this.disabled} @click=${() => this.emit('jis-pick')}>
          要素を選ぶ
        </button>
        <button type="button" data-testid="measure-focused" ?disabled=${this.disabled} @click=${() => this.emit('jis-measure-focused')}>
          フォーカス中の要素を測る
        </button>
      </div>
      ${this.renderContrast()}
    `;
  }
}

if (!customElements.get('jis-aids')) customElements.define('jis-aids', JisAids);

declare global {
  interface HTMLElementTagNameMap {
    'jis-aids': JisAids;
  }
}
