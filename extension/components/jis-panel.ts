// The side panel: run the audit on the current tab, then 結果 / 補助ツール / チェックリスト as ARIA tabs.
// All browser access goes through the PanelHost, so the component runs under happy-dom in tests.
import { LitElement, css, html, nothing } from 'lit';
import { baseStyles } from './styles.js';
import './jis-results.js';
import './jis-aids.js';
import './jis-checklist.js';
import './jis-keyboard.js';
import { withExtra } from '../lib/keyboard-merge.js';
import type { ExtraFindings } from '../../rules-jis/result.js';
import type { PanelHost, AuditRun, TabInfo } from '../lib/tab-client.js';
import { NoAccessError } from '../lib/tab-client.js';
import { summarize } from '../lib/view.js';
import { buildExport, exportFileName, loadJudgements, loadWho, pageKey, saveJudgements, saveWho, type EditorJudgement, type JudgementExport } from '../lib/judgements.js';
import './jis-publish.js';
import type { ExportFormat } from './jis-publish.js';
import { findRule, loadRules, loadTypedPublicUrl, publicUrlOf, saveRule, saveTypedPublicUrl, type PublicUrlRule } from '../lib/public-url.js';
import { exportRows, judgementsHtml, judgementsXlsx } from '../lib/exports.js';
import { loadWorkspace, type WorkspaceSettings } from '../lib/workspace-settings.js';
import { sendJudgements, sendSummary, workspaceOrigin, type SendReport } from '../lib/workspace-send.js';
import { WS_SEND_JA } from '../lib/workspace-send-text.js';
import { offerDownload, XLSX_TYPE, type MadeFile } from '../lib/download.js';
import { PUBLISH_JA } from '../lib/exports-text.js';
import { KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { AidName, ContrastReport, OutlineItem } from '../lib/page-aids.js';
import type { AidToggleDetail } from './jis-aids.js';
import type { JudgementChangeDetail } from './jis-checklist.js';
import type { HighlightDetail, ShotDetail } from './jis-results.js';

const AID_NAMES_JA: Record<AidName, string> = {
  alt: '画像の代替テキスト',
  headings: '見出し',
  landmarks: 'ランドマーク',
  taborder: 'Tab キーの移動順',
};

type TabName = 'results' | 'aids' | 'keyboard' | 'checklist';
const TABS: { id: TabName; label: string }[] = [
  { id: 'results', label: '結果' },
  { id: 'aids', label: '補助ツール' },
  { id: 'keyboard', label: 'キーボード' },
  { id: 'checklist', label: 'チェックリスト' },
];

export class JisPanel extends LitElement {
  static properties = {
    host: { attribute: false },
    tabInfo: { state: true },
    run: { state: true },
    busy: { state: true },
    status: { state: true },
    error: { state: true },
    needsAccess: { state: true },
    selected: { state: true },
    aidsActive: { state: true },
    aidCounts: { state: true },
    headings: { state: true },
    landmarks: { state: true },
    contrast: { state: true },
    picking: { state: true },
    judgements: { state: true },
    who: { state: true },
    shots: { state: true },
    rules: { state: true },
    typedPublic: { state: true },
    workspace: { state: true },
    sending: { state: true },
  };

  declare host: PanelHost | null;
  declare tabInfo: TabInfo | null;
  declare run: AuditRun | null;
  declare busy: boolean;
  declare status: string;
  declare error: string;
  declare needsAccess: string;
  declare selected: TabName;
  declare aidsActive: Partial<Record<AidName, boolean>>;
  declare aidCounts: Partial<Record<AidName, number>>;
  declare headings: OutlineItem[] | null;
  declare landmarks: OutlineItem[] | null;
  declare contrast: ContrastReport | null;
  declare picking: boolean;
  declare judgements: Record<string, EditorJudgement>;
  declare rules: PublicUrlRule[];
  declare typedPublic: string;
  declare who: string;
  /** The options' workspace address and personal token (the send button shows only with both). */
  declare workspace: WorkspaceSettings;
  declare sending: boolean;
  /** The last send to the workspace (for tests). */
  lastSend: SendReport | null = null;
  /** Pictures of findings' elements (selector → data URL or why none), for the results list. */
  declare shots: Record<string, { url?: string; reason?: string }>;
  /** The last export, kept for tests and for copying. */
  lastExport: JudgementExport | null = null;
  /** The last file of each export format (for tests and copying). */
  lastFiles: Partial<Record<ExportFormat, MadeFile>> = {};
  /** The live keyboard check's findings, added to every audit of this page until the tab changes. */
  private keyboardExtra: ExtraFindings | null = null;
  private hooked = false;

  constructor() {
    super();
    this.host = null;
    this.tabInfo = null;
    this.run = null;
    this.busy = false;
    this.status = '';
    this.error = '';
    this.needsAccess = '';
    this.selected = 'results';
    this.aidsActive = {};
    this.aidCounts = {};
    this.headings = null;
    this.landmarks = null;
    this.contrast = null;
    this.picking = false;
    this.judgements = {};
    this.who = '';
    this.shots = {};
    this.rules = [];
    this.typedPublic = '';
    this.workspace = { url: '', token: '' };
    this.sending = false;
  }

  static styles = [
    baseStyles,
    css`
      :host {
        padding: 0.6rem 0.8rem 2rem;
      }
      header h1 {
        font-size: 1.1rem;
        margin: 0 0 0.2rem;
      }
      .page {
        margin: 0 0 0.5rem;
        word-break: break-all;
      }
      .run {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .error {
        border: 2px solid #b00020;
        border-radius: 4px;
        padding: 0.4rem 0.6rem;
        margin: 0.5rem 0;
      }
      [role='tablist'] {
        display: flex;
        gap: 0.2rem;
        border-bottom: 2px solid #1a56c4;
        margin-top: 0.8rem;
      }
      [role='tab'] {
        border-radius: 4px 4px 0 0;
        border-bottom: none;
        padding: 0.3rem 0.8rem;
      }
      [role='tab'][aria-selected='true'] {
        background: #1a56c4;
        border-color: #1a56c4;
        color: #fff;
        font-weight: bold;
      }
      [role='tabpanel'] {
        padding-top: 0.3rem;
      }
      .status {
        min-height: 1.4em;
        margin: 0.3rem 0;
      }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    void this.init();
  }

  private async init() {
    const host = this.host;
    if (!host || this.hooked) return;
    this.hooked = true;
    host.onContrast((r) => {
      this.contrast = r;
      this.picking = false;
      this.status = `コントラスト比は ${r.ratio.toFixed(2)}:1 です（${r.passAA ? '1.4.3 の基準を満たしています' : '1.4.3 の基準を満たしていません'}）。`;
    });
    host.onTabChanged(() => void this.loadTab(true));
    this.who = await loadWho(host.store);
    await this.loadTab(false);
  }

  private async loadTab(changed: boolean) {
    const host = this.host!;
    this.tabInfo = await host.tab();
    if (changed) {
      this.run = null;
      this.keyboardExtra = null;
      this.renderRoot.querySelector('jis-keyboard')?.reset();
      this.aidsActive = {};
      this.aidCounts = {};
      this.headings = null;
      this.landmarks = null;
      this.contrast = null;
      this.picking = false;
      this.error = '';
      this.needsAccess = '';
    }
    this.judgements = this.tabInfo ? await loadJudgements(host.store, pageKey(this.tabInfo.url)) : {};
    this.rules = await loadRules(host.store);
    this.workspace = await loadWorkspace(host.store);
    this.typedPublic = this.tabInfo ? await loadTypedPublicUrl(host.store, pageKey(this.tabInfo.url)) : '';
  }

  /** The URL this page will be published at: where its judgements are exported (lib/public-url.ts). */
  get publicUrl(): string {
    return publicUrlOf(this.url, this.rules, this.typedPublic);
  }

  private get url(): string {
    return pageKey(this.run?.result.pages[0]?.url ?? this.tabInfo?.url ?? '');
  }

  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    this.error = '';
    try {
      return await fn();
    } catch (err) {
      if (err instanceof NoAccessError) {
        // Without access the tab's URL is hidden too: then only the toolbar button (activeTab) can help.
        this.needsAccess = this.tabInfo?.url ?? '';
        this.error = this.needsAccess
          ? `${err.message}「このサイトへのアクセスを許可」を押すか、ツールバーの jis-a11y ボタン（Alt+Shift+J）を押してからもう一度お試しください。`
          : 'このページにアクセスする権限がありません。検査したいページでツールバーの jis-a11y ボタン（Alt+Shift+J）を押してから、もう一度「検査」を押してください。';
      } else {
        this.error = `${what}できませんでした: ${err instanceof Error ? err.message : String(err)}`;
      }
      this.status = '';
      return undefined;
    }
  }

  async audit() {
    if (!this.host || this.busy) return;
    this.busy = true;
    this.status = '検査しています…（ページの大きさにより数秒～数十秒かかります）';
    // The audit removes every overlay from the page first: the aid toggles start over.
    this.aidsActive = {};
    this.aidCounts = {};
    this.headings = null;
    this.landmarks = null;
    this.picking = false;
    try {
      await this.guard('検査', async () => {
        this.tabInfo = await this.host!.tab();
        const run = withExtra(await this.host!.audit(), this.keyboardExtra);
        this.run = run;
        this.shots = {};
        const s = summarize(run.result.pages[0]);
        this.judgements = await loadJudgements(this.host!.store, this.url);
        await this.host!.setBadge(s.violations, s.reviews).catch(() => undefined);
        this.status = `検査が終わりました。${KIND_LABEL_JA.violation} ${s.violations} 件、${KIND_LABEL_JA.review} ${s.reviews} 件、${KIND_LABEL_JA.advisory} ${s.advisories} 件です。`;
        this.needsAccess = '';
        this.selected = 'results';
      });
    } finally {
      this.busy = false;
    }
  }

  private async grantAccess() {
    // permissions.request needs the click's user activation: call it before anything else awaits.
    const ok = await this.host!.requestAccess(this.needsAccess).catch(() => false);
    if (ok) {
      this.needsAccess = '';
      this.error = '';
      await this.audit();
    } else {
      this.error = 'アクセスが許可されませんでした。ツールバーの拡張機能ボタンを押してからもう一度お試しください。';
    }
  }

  private async onHighlight(e: CustomEvent<HighlightDetail>) {
    const r = await this.guard('表示', () => this.host!.highlight(e.detail.selector));
    if (r) this.status = r.found ? `ページ上の要素（${e.detail.selector}）を枠で示しました。` : (r.reason ?? '要素が見つかりません。');
  }

  private async onShot(e: CustomEvent<ShotDetail>) {
    const { selector } = e.detail;
    const shot = await this.host!.shot(selector).catch((err: unknown) => ({ reason: `画像を撮れませんでした: ${err instanceof Error ? err.message : String(err)}` }));
    this.shots = { ...this.shots, [selector]: shot };
  }

  private async onAidToggle(e: CustomEvent<AidToggleDetail>) {
    const { aid, on } = e.detail;
    const r = await this.guard('表示', () => this.host!.showAid(aid, on));
    if (!r) return;
    this.aidsActive = { ...this.aidsActive, [aid]: on };
    this.aidCounts = { ...this.aidCounts, [aid]: r.count };
    if (aid === 'headings') this.headings = on ? r.items : null;
    if (aid === 'landmarks') this.landmarks = on ? r.items : null;
    const name = AID_NAMES_JA[aid];
    this.status = on ? `${name}をページ上に表示しました（${r.count} 件）。` : `${name}の表示を消しました。`;
  }

  private async onPick() {
    if (this.picking) {
      await this.host!.stopPicker().catch(() => undefined);
      this.picking = false;
      this.status = '要素の選択を取り消しました。';
      return;
    }
    const ok = await this.guard('要素の選択を開始', async () => {
      await this.host!.startPicker();
      return true;
    });
    if (ok) {
      this.picking = true;
      this.status = 'ページ上で、測りたい文字をクリックしてください（Esc で取り消し）。';
    }
  }

  private async onMeasureFocused() {
    const r = await this.guard('測定', () => this.host!.measureFocused());
    if (r === undefined) return;
    if (!r) {
      this.status = 'ページ上でフォーカスのある要素がありません。ページで Tab キーを押して要素を選んでから、もう一度押してください。';
      return;
    }
    this.contrast = r;
    this.status = `コントラスト比は ${r.ratio.toFixed(2)}:1 です。`;
  }

  private async onJudgement(e: CustomEvent<JudgementChangeDetail>) {
    const { criterion, result, note, siteWide } = e.detail;
    const next = { ...this.judgements };
    const scope: EditorJudgement['scope'] = siteWide ? { type: 'site' } : { type: 'page', url: this.publicUrl };
    if (result === null) delete next[criterion];
    else next[criterion] = { criterion, result, note, who: this.who, when: new Date().toISOString(), scope };
    this.judgements = next;
    await saveJudgements(this.host!.store, this.url, next);
  }

  private onKeyboardResult(e: CustomEvent<ExtraFindings>) {
    this.keyboardExtra = e.detail;
    if (this.run) this.run = withExtra(this.run, e.detail);
  }

  private async onWho(e: CustomEvent<string>) {
    this.who = e.detail;
    await saveWho(this.host!.store, this.who);
  }

  /** Builds the export and offers it as a file download. */
  exportJudgements(): JudgementExport {
    const data = buildExport(this.judgements, this.run?.result ?? null, this.publicUrl);
    this.lastExport = data;
    this.exportFile('json', JSON.stringify(data, null, 2), 'application/json', data.judgements.length);
    return data;
  }

  /** The judgements as JSON, XLSX or printable HTML, all under the public URL. */
  exportAs(format: ExportFormat): void {
    if (format === 'json') {
      this.exportJudgements();
      return;
    }
    const rows = exportRows(this.judgements, this.run?.result ?? null, this.publicUrl);
    if (format === 'xlsx') this.exportFile('xlsx', judgementsXlsx(rows), XLSX_TYPE, rows.length - 1);
    else this.exportFile('html', judgementsHtml(rows, this.publicUrl, this.url), 'text/html', rows.length - 1);
  }

  private exportFile(format: ExportFormat, data: string | Uint8Array, type: string, count: number) {
    const file = { name: exportFileName(this.publicUrl, new Date(), format), type, data };
    this.lastFiles = { ...this.lastFiles, [format]: file };
    offerDownload(file);
    this.status = PUBLISH_JA.exported(count, file.name);
  }

  private async onPublicUrl(e: CustomEvent<string>) {
    await this.guard('公開時の URL の保存', async () => {
      await saveTypedPublicUrl(this.host!.store, this.url, e.detail);
      this.typedPublic = e.detail.trim();
      await this.rehome();
    });
  }

  private async onPublicRule(e: CustomEvent<PublicUrlRule>) {
    await this.guard('置き換えの規則の登録', async () => {
      this.rules = await saveRule(this.host!.store, e.detail);
      this.status = PUBLISH_JA.ruleSaved(e.detail.previewPrefix.trim(), e.detail.publicPrefix.trim());
      await this.rehome();
    });
  }

  /**
   * 「ワークスペースへ送る」: asks for the workspace's host permission first (the click's user activation is
   * needed, so nothing awaits before it), then sends every judgement of the page under its public URL.
   */
  async sendToWorkspace(): Promise<void> {
    if (!this.host || this.sending) return;
    const s = this.workspace;
    const origin = workspaceOrigin(s.url);
    const ok = origin ? await this.host.requestAccess(s.url).catch(() => false) : false;
    this.error = '';
    if (!ok) {
      this.error = origin ? WS_SEND_JA.denied(origin) : WS_SEND_JA.noSettings;
      return;
    }
    const list = Object.values(this.judgements);
    if (!list.length) {
      this.status = WS_SEND_JA.nothing;
      return;
    }
    this.sending = true;
    this.status = WS_SEND_JA.sending(list.length);
    try {
      const report = await sendJudgements(s, list, this.publicUrl, (u, i) => fetch(u, i));
      this.lastSend = report;
      this.status = sendSummary(report);
    } finally {
      this.sending = false;
    }
  }

  /** Page judgements follow a changed public URL. */
  private async rehome() {
    const url = this.publicUrl;
    const next = Object.fromEntries(
      Object.entries(this.judgements).map(([k, j]) => [k, j.scope.type === 'page' ? { ...j, scope: { type: 'page' as const, url } } : j]),
    );
    this.judgements = next;
    await saveJudgements(this.host!.store, this.url, next);
  }

  private onTabKey(e: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.id === this.selected);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    this.selected = TABS[next].id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.selected}`)?.focus());
  }

  /** The panel's heading and which page it checks. */
  private renderHeader() {
    return html`<header>
      <h1>jis-a11y アクセシビリティ検査</h1>
      <p class="page muted">
        ${this.tabInfo
          ? this.tabInfo.url
            ? html`検査するページ: ${this.tabInfo.title || '（無題）'}<br /><span>${this.tabInfo.url}</span>`
            : 'このタブにはまだアクセスできません。ツールバーの jis-a11y ボタンを押すと検査できるようになります。'
          : '検査するタブがありません'}
      </p>
    </header>`;
  }

  /** The tab list (arrow keys move between tabs: onTabKey). */
  private renderTabs() {
    return html`<div role="tablist" aria-label="表示の切り替え" @keydown=${this.onTabKey}>
      ${TABS.map(
        (t) => html`<button
          type="button"
          role="tab"
          id="tab-${t.id}"
          aria-controls="panel-${t.id}"
          aria-selected=${this.selected === t.id ? 'true' : 'false'}
          tabindex=${this.selected === t.id ? '0' : '-1'}
          @click=${() => (this.selected = t.id)}
        >
          ${t.label}
        </button>`,
      )}
    </div>`;
  }

  render() {
    const page = this.run?.result.pages[0] ?? null;
    return html`
      ${this.renderHeader()}
      <main>
        <div class="run">
          <button type="button" class="primary" data-testid="audit" ?disabled=${this.busy || !this.host} @click=${() => this.audit()}>
            ${this.busy ? '検査中…' : this.run ? 'もう一度検査' : 'このページを検査'}
          </button>
          ${this.needsAccess
            ? html`<button type="button" data-testid="grant" @click=${() => this.grantAccess()}>このサイトへのアクセスを許可</button>`
            : nothing}
        </div>
        <p class="status" role="status" data-testid="status">${this.status}</p>
        ${this.error ? html`<p class="error" role="alert" data-testid="error">${this.error}</p>` : nothing}
        ${this.renderTabs()}
        <section role="tabpanel" id="panel-results" aria-labelledby="tab-results" ?hidden=${this.selected !== 'results'}>
          <h2>検査結果（達成基準ごと）</h2>
          <jis-results .page=${page} .shots=${this.shots} @jis-highlight=${this.onHighlight} @jis-shot=${this.onShot}></jis-results>
        </section>
        <section role="tabpanel" id="panel-aids" aria-labelledby="tab-aids" ?hidden=${this.selected !== 'aids'}>
          <h2>補助ツール</h2>
          <jis-aids
            .active=${this.aidsActive}
            .counts=${this.aidCounts}
            .headings=${this.headings}
            .landmarks=${this.landmarks}
            .contrast=${this.contrast}
            .picking=${this.picking}
            ?disabled=${!this.tabInfo}
            @jis-aid-toggle=${this.onAidToggle}
            @jis-highlight=${this.onHighlight}
            @jis-pick=${this.onPick}
            @jis-measure-focused=${this.onMeasureFocused}
          ></jis-aids>
        </section>
        <section role="tabpanel" id="panel-keyboard" aria-labelledby="tab-keyboard" ?hidden=${this.selected !== 'keyboard'}>
          <h2>キーボードで操作できるか</h2>
          <jis-keyboard .host=${this.host} ?disabled=${!this.tabInfo} @jis-keyboard-result=${this.onKeyboardResult}></jis-keyboard>
        </section>
        <section role="tabpanel" id="panel-checklist" aria-labelledby="tab-checklist" ?hidden=${this.selected !== 'checklist'}>
          <h2>チェックリスト（人による確認）</h2>
          <jis-checklist
            .page=${page}
            .judgements=${this.judgements}
            .who=${this.who}
            @jis-judgement-change=${this.onJudgement}
            @jis-who-change=${this.onWho}
            @jis-export=${() => this.exportJudgements()}
            @jis-aid-toggle=${this.onAidToggle}
            @jis-pick=${this.onPick}
            @jis-open-tab=${(e: CustomEvent<TabName>) => (this.selected = e.detail)}
          ></jis-checklist>
          <jis-publish
            .previewUrl=${this.url}
            .publicUrl=${this.publicUrl}
            .typed=${this.typedPublic}
            .rule=${findRule(this.rules, this.url)}
            @jis-public-url=${this.onPublicUrl}
            @jis-public-rule=${this.onPublicRule}
            @jis-export-as=${(e: CustomEvent<ExportFormat>) => this.exportAs(e.detail)}
          ></jis-publish>
          ${this.workspace.url && this.workspace.token
            ? html`<p class="run">
                <button type="button" data-testid="ws-send" ?disabled=${this.sending} @click=${() => this.sendToWorkspace()}>
                  ${this.sending ? '送信中…' : 'ワークスペースへ送る'}
                </button>
                <span class="muted">公開時の URL（${this.publicUrl}）で記録されます。</span>
              </p>`
            : nothing}
        </section>
      </main>
    `;
  }
}

if (!customElements.get('jis-panel')) customElements.define('jis-panel', JisPanel);

declare global {
  interface HTMLElementTagNameMap {
    'jis-panel': JisPanel;
  }
}
