// The キーボード tab: the live keyboard check. The editor starts a recording, presses Tab through the page
// herself (no debugger permission, no synthetic keys), and stops it; the path is drawn on the page while she
// goes (rules-jis/page/keyboard/live.ts) and judged here (extension/lib/keyboard-live.ts) into 要確認 findings
// for 2.1.1, 2.1.2, 2.4.3 and 2.4.7, which the panel adds to the page's result (event jis-keyboard-result).
import { LitElement, css, html, nothing } from 'lit';
import { baseStyles } from './styles.js';
import type { PanelHost } from '../lib/tab-client.js';
import { judgeLive, type LiveJudgement, type LiveRecording } from '../lib/keyboard-live.js';
import { LIVE_UI_JA as T } from '../lib/keyboard-live-text.js';
import { KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { ExtraFindings } from '../../rules-jis/result.js';

export class JisKeyboard extends LitElement {
  static properties = {
    host: { attribute: false },
    disabled: { type: Boolean },
    recording: { state: true },
    judged: { state: true },
    message: { state: true },
  };

  declare host: PanelHost | null;
  declare disabled: boolean;
  declare recording: boolean;
  declare judged: LiveJudgement | null;
  declare message: string;

  constructor() {
    super();
    this.host = null;
    this.disabled = false;
    this.recording = false;
    this.judged = null;
    this.message = '';
  }

  static styles = [
    baseStyles,
    css`
      .toggles {
        display: flex;
        gap: 0.4rem;
        flex-wrap: wrap;
        margin: 0.4rem 0;
      }
      .finding {
        margin: 0.3rem 0;
      }
      .stops {
        font-size: 0.8rem;
      }
    `,
  ];

  private emit(detail: ExtraFindings) {
    this.dispatchEvent(new CustomEvent('jis-keyboard-result', { detail, bubbles: true, composed: true }));
  }

  private async call(op: 'start' | 'stop' | 'clear') {
    try {
      if (!this.host?.liveKeys) throw new Error('このブラウザーでは使えません。');
      return await this.host.liveKeys(op);
    } catch (err) {
      this.message = `キーボードの確認ができませんでした: ${err instanceof Error ? err.message : String(err)}`;
      return undefined;
    }
  }

  async start() {
    const n = await this.call('start');
    if (typeof n !== 'number') return;
    this.recording = true;
    this.judged = null;
    this.message = T.recording(n);
  }

  async stop() {
    const rec = (await this.call('stop')) as LiveRecording | null | undefined;
    this.recording = false;
    if (!rec) return;
    const j = judgeLive(rec);
    this.judged = j;
    this.message = !j.stops.length
      ? T.noStops
      : `${T.done(j.stops.length, j.findings.length)}${j.trap ? T.trapped : ''}${j.complete ? '' : T.incomplete}`;
    this.emit({ findings: j.findings, ruleStats: j.ruleStats });
  }

  /** Another page in the audited tab: the recording and its findings belonged to the old one. */
  reset() {
    this.recording = false;
    this.judged = null;
    this.message = '';
  }

  async clear() {
    await this.call('clear');
  }

  private renderJudged(j: LiveJudgement) {
    return html`
      <h3>${T.findingsHeading}</h3>
      ${j.findings.length
        ? html`<ul data-testid="keys-findings">
            ${j.findings.map(
              (f) => html`<li class="finding" data-rule=${f.ruleId} data-criteria=${f.criteria.join(' ')} data-selector=${f.selector}>
                <strong>${KIND_LABEL_JA.review}</strong> ${f.message}
              </li>`,
            )}
          </ul>`
        : html`<p>${T.none}</p>`}
      <h3>${T.stopsHeading}</h3>
      <ol class="stops" data-testid="keys-stops">
        ${j.stops.map((s) => html`<li>${s.name || s.tag}${s.back ? '（Shift+Tab）' : ''}</li>`)}
      </ol>
    `;
  }

  render() {
    return html`
      <p class="muted">${T.intro}</p>
      <div class="toggles">
        <button type="button" class="primary" data-testid="keys-start" ?disabled=${this.disabled || this.recording} @click=${() => this.start()}>
          ${T.start}
        </button>
        <button type="button" data-testid="keys-stop" ?disabled=${!this.recording} @click=${() => this.stop()}>${T.stop}</button>
        <button type="button" data-testid="keys-clear" ?disabled=${this.disabled} @click=${() => this.clear()}>${T.clear}</button>
      </div>
      <p role="status" data-testid="keys-status">${this.message}</p>
      ${this.judged ? this.renderJudged(this.judged) : nothing}
    `;
  }
}

if (!customElements.get('jis-keyboard')) customElements.define('jis-keyboard', JisKeyboard);

declare global {
  interface HTMLElementTagNameMap {
    'jis-keyboard': JisKeyboard;
  }
}
