// 人による確認の記録: every recorded human judgement, whether it decided a result in this report, and
// where it no longer applies because the page content changed since it was made (「再確認」).
import { JUDGEMENT_RESULT_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { describeScope, type Judgement } from '../../rules-jis/judgements.js';
import type { ReportModel } from '../model.js';
import { html, lines, type Html } from '../html.js';
import { dateTimeJa } from '../format.js';
import { sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

/** What became of each judgement in this report: made stale by a content change, used, or not applying. */
function stateOf(m: ReportModel): (j: Judgement) => Html | string {
  const used = new Set(m.judgements.used.map((j) => j.id));
  const staleUrls = new Map(m.judgements.stale.map((s) => [s.judgement.id, s.urls]));
  return (j) => {
    const urls = staleUrls.get(j.id);
    if (urls) return html`<span class="review">ページの内容が変わったため、${urls.length} ページで無効（確認し直してください）</span>`;
    return used.has(j.id) ? '反映済み' : '該当なし（自動検査の結果が優先、または対象のページがありません）';
  };
}

function row(j: Judgement, state: Html | string): Html {
  return html`<tr><th scope="row">${j.criterion}</th><td class="url">${describeScope(j.scope)}</td><td>${JUDGEMENT_RESULT_LABEL_JA[j.result]}</td><td>${j.who || '不明'}<br>${dateTimeJa(j.when)}</td><td>${j.note}</td><td>${state}</td></tr>`;
}

function table(m: ReportModel): Html[] {
  const state = stateOf(m);
  return [tableStart('記録されている判断（反映されたもの・内容の変更で無効になったもの）', COLUMNS), ...m.judgements.all.map((j) => row(j, state(j))), tableEnd];
}

const COLUMNS = ['達成基準', '範囲', '判断', '確認者・日時', '注記', '状態'];
const head = { id: 'judgements', title: '人による確認の記録' };

export const judgementsSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      m.judgements.all.length
        ? table(m)
        : html`<p>人による確認の記録はまだありません。自動では判定できない達成基準は、確認した結果を <code>jis-a11y judge</code> で記録してください。</p>`,
      html`</section>`,
    ),
};
