// 承認: the completed test, the draft 試験結果 exactly as it will be published (the server's own rendering in an
// iframe and a link), the approval (承認者 and up; a second press confirms, since it fixes 表明日), and every version
// approved so far with its files. A change after approval makes a new version; the old ones stay listed.
import { html, nothing } from 'lit';
import { api } from '../api.js';
import type { Approval, Version } from '../api-types.js';
import { View } from '../base.js';
import { jaDateTime } from '../format.js';
import { APPROVAL_JA as T, VIEW_TITLE_JA } from '../texts-ja.js';

export class ApprovalView extends View {
  static properties = { ...View.properties, data: { state: true }, confirming: { state: true } };
  data: Approval | null = null;
  confirming = false;

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.data = await api<Approval>('GET', 'approval');
    } catch (e) {
      this.fail(e);
    }
  }

  private async approve(): Promise<void> {
    if (!this.confirming) {
      this.confirming = true;
      this.say(T.confirm);
      return;
    }
    this.confirming = false;
    try {
      const r = await api<{ version?: Version; message?: string }>('POST', 'approval');
      this.say(r?.message ?? T.approved(r?.version?.version ?? 0));
      void this.load();
    } catch (e) {
      this.fail(e);
    }
  }

  protected render() {
    const d = this.data;
    return html`
      <h1 tabindex="-1">${VIEW_TITLE_JA.approval}</h1>
      ${d ? this.state(d) : nothing}
      ${d?.draftUrl ? html`<section aria-labelledby="ws-draft">
        <h2 id="ws-draft">${T.draft}</h2>
        <p><a href=${d.draftUrl} target="_blank" rel="noopener">${T.openDraft}<span class="vh">（新しいタブで開きます）</span></a></p>
        <iframe class="draft" src=${d.draftUrl} title=${T.draftFrame}></iframe>
      </section>` : nothing}
      ${d ? this.versions(d.versions) : nothing}
    `;
  }

  private state(d: Approval) {
    return html`<section aria-labelledby="ws-ready">
      <h2 id="ws-ready">${d.ready ? T.ready : T.notReady}</h2>
      ${d.blockers.length ? html`<ul class="blockers">${d.blockers.map((b) => html`<li>${b}</li>`)}</ul>` : nothing}
      ${this.can('approver')
        ? html`<button type="button" class="primary" ?disabled=${!d.ready} @click=${() => this.approve()}>${this.confirming ? `${T.approve}（確認）` : T.approve}</button>`
        : nothing}
    </section>`;
  }

  private versions(list: Version[]) {
    return html`<section aria-labelledby="ws-versions">
      <h2 id="ws-versions">${T.versions}</h2>
      ${list.length === 0
        ? html`<p>${T.noVersions}</p>`
        : html`<div class="table-wrap"><table>
            <thead><tr><th scope="col">版</th><th scope="col">${T.approvedAt}</th><th scope="col">${T.approvedBy}</th><th scope="col">${T.files}</th></tr></thead>
            <tbody>${list.map((v) => html`<tr><th scope="row">${T.version(v.version)}</th><td>${jaDateTime(v.approvedAt)}</td><td>${v.approvedBy ?? '—'}</td>
              <td><ul class="files">${(v.files ?? []).map((f, i) => html`<li><a href=${v.urls?.[i] ?? '#'}>${f}</a></li>`)}</ul></td></tr>`)}</tbody>
          </table></div>`}
    </section>`;
  }
}

customElements.define('ws-approval', ApprovalView);
