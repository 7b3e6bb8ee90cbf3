// ダッシュボード: the latest crawls with the live progress of a running one (polled every few seconds while this
// screen is open), the current test's completion, the claim it would make today, what still blocks it, the trend
// per year, and the schedules with 今すぐ検査 for 管理.
import { html, nothing } from 'lit';
import { api } from '../api.js';
import type { Dashboard, RunRow } from '../api-types.js';
import { View } from '../base.js';
import { jaDateTime, jaDuration } from '../format.js';
import { DASHBOARD_JA as T, VIEW_TITLE_JA } from '../texts-ja.js';

/** How often a running crawl's progress is asked for. */
export const POLL_MS = 3000;

export class DashboardView extends View {
  static properties = { ...View.properties, data: { state: true } };
  data: Dashboard | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  disconnectedCallback(): void {
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  private async load(): Promise<void> {
    try {
      this.data = await api<Dashboard>('GET', 'dashboard');
    } catch (e) {
      this.fail(e);
    }
    if (this.isConnected) this.timer = setTimeout(() => void this.load(), POLL_MS);
  }

  private async runNow(name: string): Promise<void> {
    try {
      await api('POST', 'crawls', { schedule: name });
      this.say(T.started202(name));
      clearTimeout(this.timer);
      void this.load();
    } catch (e) {
      this.fail(e);
    }
  }

  protected render() {
    const d = this.data;
    return html`
      <h1 tabindex="-1">${VIEW_TITLE_JA.dashboard}</h1>
      ${d ? html`${this.test(d)}${this.runs(d.runs)}${this.trend(d)}${this.schedules(d)}` : nothing}
    `;
  }

  private runs(runs: RunRow[]) {
    return html`<section aria-labelledby="ws-runs">
      <h2 id="ws-runs">${T.runs}</h2>
      <p>${T.polling}</p>
      ${runs.length === 0
        ? html`<p>${T.noRuns}</p>`
        : html`<div class="table-wrap">
            <table>
              <thead><tr><th scope="col">${T.started}</th><th scope="col">${T.status}</th><th scope="col">${T.pages}</th><th scope="col">${T.rate}</th><th scope="col">${T.errors}</th><th scope="col">${T.eta}</th></tr></thead>
              <tbody>${runs.map((r) => this.run(r))}</tbody>
            </table>
          </div>`}
    </section>`;
  }

  private run(r: RunRow) {
    const p = r.progress;
    const total = p ? p.done + p.queued : 0;
    return html`<tr class=${p ? 'running' : ''}>
      <th scope="row">${jaDateTime(r.startedAt)}${r.schedule || r.label ? html`<br /><span class="muted">${r.schedule || r.label}</span>` : nothing}</th>
      <td>${T.runStatus[r.status] ?? r.status}</td>
      <td>
        ${p
          ? html`<span class="run-progress">${p.done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')}</span>
              <progress max=${Math.max(total, 1)} .value=${p.done} aria-label=${T.progressLabel(p.done, total)}></progress>`
          : (r.pages ?? 0).toLocaleString('ja-JP')}
      </td>
      <td>${p?.pagesPerMinute != null ? T.perMinute(p.pagesPerMinute) : '—'}</td>
      <td>${p ? p.errors.toLocaleString('ja-JP') : '—'}</td>
      <td>${p ? jaDuration(p.etaSeconds) : '—'}</td>
    </tr>`;
  }

  private test(d: Dashboard) {
    const t = d.test;
    if (!t) return html`<section aria-labelledby="ws-test"><h2 id="ws-test">${T.test}</h2><p>${T.noTest}</p></section>`;
    const claim = typeof t.claim === 'string' ? t.claim : (t.claim?.text ?? '—');
    return html`<section aria-labelledby="ws-test">
      <h2 id="ws-test">${T.test}: ${t.name}</h2>
      <dl class="facts">
        ${t.period ? html`<dt>${T.period}</dt><dd>${jaDateTime(t.period.from)} 〜 ${jaDateTime(t.period.to)}</dd>` : nothing}
        ${t.completion
          ? html`<dt>${T.completion}</dt>
              <dd><span class="completion">${T.completionText(t.completion.decided, t.completion.cells)}</span>
                <progress max=${Math.max(t.completion.cells, 1)} .value=${t.completion.decided} aria-label=${T.completion}></progress></dd>`
          : nothing}
        <dt>${T.claimToday}</dt>
        <dd class="claim">${claim}</dd>
      </dl>
      ${t.blockers?.length
        ? html`<h3>${T.blockers}</h3><ul class="blockers">${t.blockers.map((b) => html`<li>${b}</li>`)}</ul>`
        : nothing}
    </section>`;
  }

  private trend(d: Dashboard) {
    if (!d.trend?.length) return nothing;
    return html`<section aria-labelledby="ws-trend">
      <h2 id="ws-trend">${T.trend}</h2>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">${T.year}</th><th scope="col">${T.pages}</th><th scope="col">${T.violations}</th><th scope="col">${T.failing}</th></tr></thead>
        <tbody>${d.trend.map((y) => html`<tr><th scope="row">${T.fiscalYear(y.fiscalYear ?? y.year ?? '')}</th><td>${(y.pages ?? 0).toLocaleString('ja-JP')}</td><td>${(y.violations ?? 0).toLocaleString('ja-JP')}</td><td>${y.failingCriteria ?? '—'}</td></tr>`)}</tbody>
      </table></div>
    </section>`;
  }

  private schedules(d: Dashboard) {
    return html`<section aria-labelledby="ws-schedules">
      <h2 id="ws-schedules">${T.schedules}</h2>
      ${!d.schedules?.length
        ? html`<p>${T.noSchedules}</p>`
        : html`<ul class="schedules">${d.schedules.map(
            (s) => html`<li>
              <span class="schedule-name">${s.name}</span>${s.next ? html` — ${T.next}: ${jaDateTime(s.next)}` : nothing}
              ${this.can('admin') ? html`<button type="button" class="primary" ?disabled=${!!s.running} @click=${() => this.runNow(s.name)}>${T.runNow}<span class="vh">（${s.name}）</span></button>` : nothing}
            </li>`,
          )}</ul>`}
    </section>`;
  }
}

customElements.define('ws-dashboard', DashboardView);
