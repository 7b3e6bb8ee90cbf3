// ページ: one selected page — its screenshot with the findings drawn on it (numbered boxes in an SVG over the image,
// the same numbers as the findings list), the findings in plain Japanese, the live page opened in a new tab (for the
// extension), the kit's procedure for the chosen criterion (rules-jis/manual-kit.ts, the same data as
// docs/manual-kit.md) and the judgement form, which shows the server's refusal and its reason.
import { html, nothing, svg } from 'lit';
import { api, query } from '../api.js';
import type { PageFinding, PageView as PageData } from '../api-types.js';
import { View } from '../base.js';
import { jaDateTime } from '../format.js';
import { PAGE_JA as T, VIEW_TITLE_JA } from '../texts-ja.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { manualKit } from '../../rules-jis/manual-kit.js';
import { APPLICABLE_MARK_WORDS_JA, JUDGED_PER_LABEL_JA, RESULT_MARK_WORDS_JA, JUDGEMENT_MARK_JA, JUDGEMENT_RESULT_LABEL_JA, KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { resultChoices, type ResultForm } from './result-choices.js';

const resultKey = (r: string) => (r === 'na' ? 'inapplicable' : r) as 'pass' | 'fail' | 'inapplicable';

export class PageScreen extends View {
  static properties = { ...View.properties, url: {}, criterion: {}, data: { state: true } };
  url = '';
  criterion = '';
  data: PageData | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.criterion) this.criterion = '1.1.1';
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.url) return;
    try {
      this.data = await api<PageData>('GET', `pages${query({ url: this.url })}`);
    } catch (e) {
      this.fail(e);
    }
  }

  private async judge(v: ResultForm): Promise<string> {
    try {
      const evidence: string[] = [];
      const target = { pageUrl: this.url, criterion: this.criterion };
      if (v.evidence) evidence.push((await api<{ sha256: string }>('POST', `evidence${query(target)}`, undefined, { raw: v.evidence })).sha256);
      if (v.evidenceNote) evidence.push((await api<{ sha256: string }>('POST', 'evidence', { note: v.evidenceNote, ...target })).sha256);
      await api('POST', 'judgements', { criterion: this.criterion, pageUrl: this.url, result: v.result, note: v.note, waiver: v.waiver, evidence: evidence.length ? evidence : undefined });
      this.say(T.recorded);
      void this.load();
      return '';
    } catch (e) {
      return this.fail(e);
    }
  }

  /** Places the box labels through the CSSOM (the CSP allows no style attribute, and lit's styleMap writes one first). */
  protected updated(): void {
    for (const el of this.querySelectorAll<HTMLElement>('.box-label')) {
      el.style.left = `${el.dataset.left}%`;
      el.style.top = `${el.dataset.top}%`;
    }
  }

  protected render() {
    if (!this.url) return html`<h1 tabindex="-1">${VIEW_TITLE_JA.page}</h1><p>${T.noPage}</p>`;
    const d = this.data;
    const title = d?.page.title || this.url;
    return html`
      <h1 tabindex="-1">${VIEW_TITLE_JA.page}: ${title}</h1>
      <p class="url">${this.url}${d?.page.template ? html` <span class="muted">（${T.template}: ${d.page.template}）</span>` : nothing}</p>
      <p><a href=${this.url} target="_blank" rel="noopener noreferrer">${T.openLive}<span class="vh">${T.newTab}</span></a></p>
      <div class="page-layout">
        <div>${d ? this.screenshot(d) : nothing}${d ? this.findings(d.findings) : nothing}</div>
        <div>${this.judging(d)}</div>
      </div>
    `;
  }

  private screenshot(d: PageData) {
    const s = d.screenshot;
    if (!s) return html`<section aria-labelledby="ws-shot"><h2 id="ws-shot">${T.screenshot}</h2><p>${T.noScreenshot}</p></section>`;
    const boxed = d.findings.map((f, i) => ({ f, n: i + 1 })).filter((x) => x.f.box);
    return html`<section aria-labelledby="ws-shot">
      <h2 id="ws-shot">${T.screenshot}</h2>
      <figure class="shot">
        <div class="shot-frame">
          <img src=${s.url} width=${s.width} height=${s.height} alt="${d.page.title ?? ''}のスクリーンショット" />
          <svg class="shot-boxes" viewBox="0 0 ${s.width} ${s.height}" aria-hidden="true" focusable="false">
            ${boxed.map(({ f, n }) => svg`<rect class="box-${f.kind}" x=${f.box!.x} y=${f.box!.y} width=${f.box!.width} height=${f.box!.height}></rect>`)}
          </svg>
          ${boxed.map(({ f, n }) => html`<span class="box-label box-label-${f.kind}" aria-hidden="true" data-left=${(100 * f.box!.x) / s.width} data-top=${(100 * f.box!.y) / s.height}>${T.findingNo(n)}</span>`)}
        </div>
      </figure>
    </section>`;
  }

  private findings(list: PageFinding[]) {
    return html`<section aria-labelledby="ws-findings">
      <h2 id="ws-findings">${T.findings}（${list.length.toLocaleString('ja-JP')} 件）</h2>
      ${list.length === 0
        ? html`<p>${T.noFindings}</p>`
        : html`<ol class="findings">${list.map((f, i) => html`<li class="finding-${f.kind}">
            <span class="kind">${T.findingNo(i + 1)} ${f.kindLabel ?? KIND_LABEL_JA[f.kind as 'violation'] ?? f.kind}</span>
            ${f.rule ? html`<span>${f.rule}</span>` : nothing}
            ${f.criteria?.length ? html`<span class="muted">（${f.criteria.map((c) => `${c.id} ${c.title}`).join('、')}）</span>` : nothing}
            <p>${f.message}</p>${f.help ? html`<p class="help">${f.help}</p>` : nothing}
          </li>`)}</ol>`}
    </section>`;
  }

  private judging(d: PageData | null) {
    const kit = manualKit(this.criterion);
    const mine = (d?.judgements ?? []).filter((j) => j.criterion === this.criterion);
    return html`<section aria-labelledby="ws-judge">
      <h2 id="ws-judge">${T.judgement}</h2>
      <div class="field">
        <label for="ws-criterion">${T.criterion}</label>
        <select id="ws-criterion" @change=${(e: Event) => (this.criterion = (e.target as HTMLSelectElement).value)}>
          ${targetCriteria('AA').map((c) => html`<option value=${c.wcag} ?selected=${c.wcag === this.criterion}>${c.wcag} ${c.ja}</option>`)}
        </select>
      </div>
      ${kit
        ? html`<h3>${T.procedure}（${JUDGED_PER_LABEL_JA[kit.judgedPer]}）</h3>
            <ol class="steps">${kit.procedure.steps.map((s) => html`<li>${s}</li>`)}</ol>
            <dl class="facts"><dt>○ ${RESULT_MARK_WORDS_JA['○']}</dt><dd>${kit.procedure.pass}</dd><dt>× ${RESULT_MARK_WORDS_JA['×']}</dt><dd>${kit.procedure.fail}</dd><dt>− ${APPLICABLE_MARK_WORDS_JA.inapplicable}</dt><dd>${kit.inapplicableWhen}</dd></dl>`
        : nothing}
      <h3>${T.judgements}</h3>
      ${mine.length === 0
        ? html`<p>${T.noJudgements}</p>`
        : html`<ul class="judgements">${mine.map((j) => html`<li>${JUDGEMENT_MARK_JA[resultKey(j.result)]} ${JUDGEMENT_RESULT_LABEL_JA[resultKey(j.result)]}${j.who ? `（${j.who}、${jaDateTime(j.when)}）` : ''}${j.recheck ? html` <strong>${T.recheck}</strong>` : nothing}${j.note ? html`<p class="note">${j.note}</p>` : nothing}</li>`)}</ul>`}
      ${this.evidence(d)}
      ${this.can('tester') ? resultChoices('page', (v) => this.judge(v), T.submit, true) : nothing}
    </section>`;
  }

  private evidence(d: PageData | null) {
    const list = (d?.evidence ?? []).filter((e) => !e.criterion || e.criterion === this.criterion);
    if (!list.length) return nothing;
    return html`<h3>${T.evidenceList}</h3>
      <ul class="evidence">${list.map((e) => html`<li>${e.note ? html`<span class="note">${e.note}</span>` : html`<a href=${e.url ?? `/api/v1/ws/files/${e.sha256}`}>${T.evidenceImage}</a>`}${e.actor ? `（${e.actor}、${jaDateTime(e.createdAt)}）` : ''}</li>`)}</ul>`;
  }
}

customElements.define('ws-page', PageScreen);
