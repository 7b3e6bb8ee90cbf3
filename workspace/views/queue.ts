// 確認待ち: every 要確認 finding of the site grouped by rule × template. Each group shows the pages a decision will
// cover first, then the decision form (確認者 and up); one decision is recorded for every page of the template.
import { html, nothing } from 'lit';
import { api, query } from '../api.js';
import type { Queue, QueueGroup } from '../api-types.js';
import { href, View } from '../base.js';
import { QUEUE_JA as T, VIEW_TITLE_JA } from '../texts-ja.js';
import { criterion as criterionOf } from '../../rules-jis/criteria.js';
import { resultChoices, type ResultForm } from './result-choices.js';

export class QueueView extends View {
  static properties = { ...View.properties, groups: { state: true } };
  groups: QueueGroup[] | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const q = await api<Queue | QueueGroup[]>('GET', `queue${query({ offset: 0, limit: 50 })}`);
      this.groups = Array.isArray(q) ? q : (q.groups ?? q.items ?? []);
    } catch (e) {
      this.fail(e);
    }
  }

  private async decide(g: QueueGroup, crit: string, v: ResultForm): Promise<string> {
    try {
      const r = await api<{ pages?: unknown[]; applied?: unknown[] }>('POST', 'queue/decide', { rule: g.rule, template: g.template, criterion: crit, result: v.result, note: v.note });
      this.say(T.decided((r?.pages ?? r?.applied ?? g.pages).length));
      void this.load();
      return '';
    } catch (e) {
      return this.fail(e);
    }
  }

  protected render() {
    return html`
      <h1 tabindex="-1">${VIEW_TITLE_JA.queue}</h1>
      <p>${T.intro}</p>
      ${this.groups?.length === 0 ? html`<p>${T.empty}</p>` : nothing}
      ${(this.groups ?? []).map((g, i) => this.group(g, i))}
    `;
  }

  private group(g: QueueGroup, i: number) {
    const id = `ws-q-${i}`;
    return html`<section class="panel" aria-labelledby=${id}>
      <h2 id=${id}>${g.ruleLabel}<span class="muted">（${T.template}: ${g.template}）</span></h2>
      <p>${T.count(g.count)}・${g.criteria.map((c) => `${c} ${criterionOf(c)?.ja ?? ''}`).join('、')}</p>
      <h3>${T.pagesFirst(g.pages.length)}</h3>
      <ul class="page-list">${g.pages.map((p) => html`<li><a href=${href('page', { url: p.url, criterion: g.criteria[0] })}>${p.title || p.url}</a></li>`)}</ul>
      ${this.can('tester') ? g.criteria.map((c) => html`<h3>${T.decide}: ${c}</h3>${resultChoices(`q${i}-${c.replace(/\./g, '-')}`, (v) => this.decide(g, c, v), T.decide)}`) : nothing}
    </section>`;
  }
}

customElements.define('ws-queue', QueueView);
