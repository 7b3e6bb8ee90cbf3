// 試験シート: the selected pages down the side, the criteria across, each cell with its state as a symbol and a
// word (colour is never the only cue), filters and paging done by the server, a grid moved through with the arrow
// keys (one tab stop, roving focus), and for the chosen cell: the way to the page view, assignment (承認者 and up)
// and the bulk judgement the kit allows (per template or per site; 確認者 and up).
import { html, nothing } from 'lit';
import { api, query } from '../api.js';
import type { Cell, Sheet, SheetPage } from '../api-types.js';
import { href, View } from '../base.js';
import { jaDateTime, jaDay } from '../format.js';
import { CELL_STATE_JA, SHEET_JA as T, VIEW_TITLE_JA } from '../texts-ja.js';
import { JUDGEMENT_MARK_JA, JUDGEMENT_RESULT_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { ResultForm, resultChoices } from './result-choices.js';

export const PAGE_SIZE = 20;
const FILTERS = ['criterion', 'page', 'state', 'assignee'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const key = (pageUrl: string, criterion: string) => `${pageUrl}\n${criterion}`;

export class SheetView extends View {
  static properties = { ...View.properties, params: { attribute: false }, data: { state: true }, selected: { state: true }, active: { state: true } };
  params = new URLSearchParams();
  data: Sheet | null = null;
  selected: Cell | null = null;
  active: [number, number] = [0, 0];
  private filters: Filters = { criterion: '', page: '', state: '', assignee: '' };
  private offset = 0;
  private cells = new Map<string, Cell>();

  connectedCallback(): void {
    super.connectedCallback();
    for (const f of FILTERS) this.filters[f] = this.params.get(f) ?? '';
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const d = await api<Sheet>('GET', `sheet${query({ ...this.filters, offset: this.offset, limit: PAGE_SIZE })}`);
      this.cells = new Map(d.cells.map((c) => [key(c.pageUrl, c.criterion), c]));
      this.data = d;
      if (this.selected) this.selected = this.cells.get(key(this.selected.pageUrl, this.selected.criterion)) ?? null;
    } catch (e) {
      this.fail(e);
    }
  }

  private applyFilters(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    for (const f of FILTERS) this.filters[f] = String(data.get(f) ?? '');
    this.offset = 0;
    this.active = [0, 0];
    void this.load();
  }

  private page(delta: number): void {
    this.offset = Math.max(0, this.offset + delta * PAGE_SIZE);
    void this.load();
  }

  /** Arrow keys, Home and End move the one focusable cell. */
  private onKey(e: KeyboardEvent): void {
    const d = this.data;
    if (!d) return;
    const rows = d.pages.length;
    const cols = d.criteria.length;
    let [r, c] = this.active;
    if (e.key === 'ArrowRight') c = Math.min(cols - 1, c + 1);
    else if (e.key === 'ArrowLeft') c = Math.max(0, c - 1);
    else if (e.key === 'ArrowDown') r = Math.min(rows - 1, r + 1);
    else if (e.key === 'ArrowUp') r = Math.max(0, r - 1);
    else if (e.key === 'Home') c = 0;
    else if (e.key === 'End') c = cols - 1;
    else return;
    e.preventDefault();
    this.active = [r, c];
    void this.updateComplete.then(() => (this.querySelector(`[data-cell="${r}-${c}"]`) as HTMLElement | null)?.focus());
  }

  private select(r: number, c: number): void {
    const d = this.data!;
    this.active = [r, c];
    this.selected = this.cells.get(key(d.pages[r].url, d.criteria[c].id)) ?? { pageUrl: d.pages[r].url, criterion: d.criteria[c].id, state: 'untested' };
    void this.updateComplete.then(() => (this.querySelector('#ws-selected') as HTMLElement | null)?.focus());
  }

  protected render() {
    return html`
      <h1 tabindex="-1">${VIEW_TITLE_JA.sheet}</h1>
      ${this.filterForm()}
      ${this.data ? this.grid(this.data) : nothing}
      ${this.data ? this.detail() : nothing}
    `;
  }

  private filterForm() {
    const d = this.data;
    return html`<form class="filters" @submit=${this.applyFilters} aria-labelledby="ws-filters">
      <h2 id="ws-filters">${T.filters}</h2>
      <div class="field"><label for="f-criterion">${T.criterion}</label>
        <select id="f-criterion" name="criterion">
          <option value="">${T.all}</option>
          ${(d?.criteria ?? []).map((c) => html`<option value=${c.id} ?selected=${c.id === this.filters.criterion}>${c.id} ${c.title}</option>`)}
        </select></div>
      <div class="field"><label for="f-page">${T.page}</label><input id="f-page" name="page" .value=${this.filters.page} /></div>
      <div class="field"><label for="f-state">${T.state}</label>
        <select id="f-state" name="state">
          <option value="">${T.all}</option>
          ${Object.entries(CELL_STATE_JA).filter(([s]) => s !== 'inapplicable').map(([s, v]) => html`<option value=${s} ?selected=${s === this.filters.state}>${v.mark} ${v.word}</option>`)}
        </select></div>
      <div class="field"><label for="f-assignee">${T.assignee}</label><input id="f-assignee" name="assignee" .value=${this.filters.assignee} /></div>
      <button type="submit">${T.apply}</button>
    </form>`;
  }

  private grid(d: Sheet) {
    if (d.pages.length === 0) return html`<p>${T.empty}</p>`;
    const from = this.offset + 1;
    const to = this.offset + d.pages.length;
    return html`<section aria-labelledby="ws-grid-title">
      <h2 id="ws-grid-title">${T.grid}</h2>
      <p id="ws-grid-help">${T.gridHelp}</p>
      ${this.legend()}
      <div class="grid-wrap" role="region" aria-labelledby="ws-grid-title">
        <table class="sheet" @keydown=${this.onKey} aria-describedby="ws-grid-help">
          <thead><tr><th scope="col">${T.pageColumn}</th>${d.criteria.map((c) => html`<th scope="col"><span class="crit-id">${c.id}</span><span class="vh"> ${c.title}</span></th>`)}</tr></thead>
          <tbody>${d.pages.map((p, r) => this.row(d, p, r))}</tbody>
        </table>
      </div>
      <p class="pager">
        <span>${T.range(from, to, d.total)}</span>
        <button type="button" ?disabled=${this.offset === 0} @click=${() => this.page(-1)}>${T.prev}</button>
        <button type="button" ?disabled=${to >= d.total} @click=${() => this.page(1)}>${T.next}</button>
      </p>
    </section>`;
  }

  private legend() {
    return html`<ul class="legend" aria-label=${T.legend}>
      ${Object.entries(CELL_STATE_JA).filter(([s]) => s !== 'inapplicable').map(([s, v]) => html`<li class="swatch state-${s}">${v.mark} ${v.word}</li>`)}
    </ul>`;
  }

  private row(d: Sheet, p: SheetPage, r: number) {
    return html`<tr>
      <th scope="row"><a href=${href('page', { url: p.url })}>${p.title || p.url}</a>${p.kind ? html` <span class="muted">（${T.kind[p.kind] ?? p.kind}）</span>` : nothing}</th>
      ${d.criteria.map((c, ci) => {
        const cell = this.cells.get(key(p.url, c.id));
        const state = cell?.state ?? 'untested';
        const s = CELL_STATE_JA[state] ?? { mark: '?', word: state };
        const isActive = this.active[0] === r && this.active[1] === ci;
        const chosen = this.selected?.pageUrl === p.url && this.selected?.criterion === c.id;
        return html`<td class="state-${state}">
          <button type="button" class="cell" data-cell="${r}-${ci}" tabindex=${isActive ? 0 : -1} aria-pressed=${chosen ? 'true' : 'false'} @click=${() => this.select(r, ci)}>
            <span class="cell-word">${s.mark} ${s.word}</span>${cell?.assignee ? html`<span class="vh">、${T.assignee} ${cell.assignee}</span>` : nothing}
          </button>
        </td>`;
      })}
    </tr>`;
  }

  private detail() {
    const c = this.selected;
    return html`<section aria-labelledby="ws-selected" class="panel">
      <h2 id="ws-selected" tabindex="-1">${T.selected}</h2>
      ${c ? this.cellDetail(c) : html`<p>${T.noSelection}</p>`}
    </section>`;
  }

  private cellDetail(c: Cell) {
    const d = this.data!;
    const page = d.pages.find((p) => p.url === c.pageUrl);
    const crit = d.criteria.find((x) => x.id === c.criterion);
    const s = CELL_STATE_JA[c.state] ?? { mark: '?', word: c.state };
    return html`<dl class="facts">
        <dt>${T.pageColumn}</dt><dd>${page?.title ?? ''} <span class="url">${c.pageUrl}</span></dd>
        <dt>${T.criterion}</dt><dd>${c.criterion} ${crit?.title ?? ''}</dd>
        <dt>${T.state}</dt><dd>${s.mark} ${s.word}</dd>
        ${c.judgement ? html`<dt>判定</dt><dd>${JUDGEMENT_MARK_JA[c.judgement.result === 'na' ? 'inapplicable' : c.judgement.result]} ${JUDGEMENT_RESULT_LABEL_JA[c.judgement.result === 'na' ? 'inapplicable' : c.judgement.result]}${c.judgement.who ? `（${c.judgement.who}、${jaDateTime(c.judgement.when)}）` : ''}</dd>
          ${c.judgement.note ? html`<dt>注記</dt><dd class="note">${c.judgement.note}</dd>` : nothing}` : nothing}
        <dt>${T.assignee}</dt><dd>${c.assignee ?? T.unassigned}${c.due ? `（${T.due} ${jaDay(c.due)}）` : ''}</dd>
      </dl>
      <p><a href=${href('page', { url: c.pageUrl, criterion: c.criterion })}>${T.openPage}</a></p>
      ${this.can('approver') ? this.assignForm(c) : nothing}
      ${this.can('tester') && (c.scope === 'template' || c.scope === 'site') ? this.bulkForm(c, page) : nothing}`;
  }

  private assignForm(c: Cell) {
    const submit = async (e: SubmitEvent) => {
      e.preventDefault();
      const f = new FormData(e.target as HTMLFormElement);
      const assignee = String(f.get('assignee') ?? '').trim();
      try {
        await api('POST', 'assignments', { criterion: c.criterion, pageUrl: f.get('whole') ? undefined : c.pageUrl, assignee, due: String(f.get('due') ?? '') || undefined });
        this.say(T.assignDone(assignee));
        void this.load();
      } catch (err) {
        this.fail(err);
      }
    };
    return html`<form class="stack" @submit=${submit} aria-labelledby="ws-assign">
      <h3 id="ws-assign">${T.assign}</h3>
      <div class="field"><label for="a-assignee">${T.assignee}</label><input id="a-assignee" name="assignee" required .value=${c.assignee ?? ''} /></div>
      <div class="field"><label for="a-due">${T.due}</label><input id="a-due" name="due" type="date" .value=${c.due ?? ''} /></div>
      <div class="check"><input id="a-whole" name="whole" type="checkbox" /><label for="a-whole">${T.assignWhole}（${c.criterion}）</label></div>
      <button type="submit">${T.assign}</button>
    </form>`;
  }

  private bulkForm(c: Cell, page: SheetPage | undefined) {
    const target = c.scope === 'site' ? { site: true as const } : { template: page?.template ?? '' };
    const label = c.scope === 'site' ? T.bulkSite : T.bulkTemplate(page?.template ?? '');
    const submit = async (v: ResultForm) => {
      try {
        await api('POST', 'judgements', { criterion: c.criterion, ...target, result: v.result, note: v.note });
        this.say(T.judged);
        void this.load();
        return '';
      } catch (err) {
        return this.fail(err);
      }
    };
    return html`<div aria-labelledby="ws-bulk" role="group">
      <h3 id="ws-bulk">${T.bulk}: ${label}</h3>
      <p>${T.bulkHelp}</p>
      ${resultChoices('bulk', submit, T.bulk)}
    </div>`;
  }
}

customElements.define('ws-sheet', SheetView);
