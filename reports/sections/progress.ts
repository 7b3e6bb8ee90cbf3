// 前回の検査からの変化: new, fixed and remaining findings against the previous finished run
// (computed in reports/trends.ts buildProgress), with the first 50 of each list.
import { KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { ProgressItem } from '../trends.js';
import { html, lines, type Html } from '../html.js';
import { dateJa, num, truncate } from '../format.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

/** Items printed per list; the CSV of this run and of the previous one have them all. */
const MAX_ITEMS = 50;

/** One list of changed findings under its h3, or an empty line when there is none. */
function changeList(items: ProgressItem[], heading: string): Html {
  if (!items.length) return html``;
  const li = items.slice(0, MAX_ITEMS).map((i) => html`<li><span class="url">${i.pageUrl}</span>: ${KIND_LABEL_JA[i.kind]} ${i.criteria.join('・')} ${truncate(i.message, 120)}</li>`);
  const more = items.length > MAX_ITEMS ? html`<p>ほか ${num(items.length - MAX_ITEMS)} 件</p>` : '';
  return html`<h3>${heading}</h3><ul>${li}</ul>${more}`;
}

const head = { id: 'progress', title: '前回の検査からの変化' };

export const progressSection: SiteSection = {
  ...head,
  render(m) {
    const p = m.progress;
    if (!p) return lines(sectionStart(head), html`<p>比較できる前回の検査がありません（今回が最初の検査です）。</p>`, html`</section>`);
    const row = (label: string, n: number) => html`<tr><th scope="row">${label}</th><td class="num">${num(n)}</td></tr>`;
    return lines(
      sectionStart(head),
      html`<p>前回の検査（${dateJa(p.previousRun.startedAt)}、検査番号 ${p.previousRun.id}）と比べた、不適合・要確認の箇所の変化です。</p>`,
      tableStart('前回からの変化（箇所数）', ['区分', numeric('件数')]),
      row('新たに見つかった問題', p.newFindings.length),
      row('解消した問題', p.fixed.length),
      row('残っている問題', p.remaining),
      tableEnd,
      changeList(p.newFindings, '新たに見つかった問題'),
      changeList(p.fixed, '解消した問題'),
      html`</section>`,
    );
  },
};
