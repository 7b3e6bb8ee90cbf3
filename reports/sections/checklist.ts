// 達成基準ごとの結果: every criterion of the target level with its site-level result over the selected
// pages and how many pages had each outcome (the published checklist is reports/test-result/checklist-table.ts).
import { DECIDED_BY_PERSON_SUFFIX_JA, JUDGED_OUTCOME_LABEL_JA, KIND_LABEL_JA, OUTCOME_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { claimStatus } from '../../rules-jis/verdict.js';
import type { ChecklistRow } from '../model.js';
import { html, lines, type Html } from '../html.js';
import { num, STATUS_CLASS } from '../format.js';
import { numeric, sectionStart, tableStart, type Column, type SiteSection } from './section.js';

const PAGE_COUNTS = (['fail', 'review', 'untested', 'pass', 'inapplicable'] as const).map((o) => `${OUTCOME_LABEL_JA[o]}ページ`);
const COLUMNS: Column[] = ['達成基準', 'レベル', '結果', ...[...PAGE_COUNTS, `${KIND_LABEL_JA.violation}箇所`, `${KIND_LABEL_JA.review}箇所`].map(numeric)];

function row(r: ChecklistRow): Html {
  // only where a person decided the result: an automated fail stays 「不適合」 whatever was judged elsewhere
  const judged = r.decidedBy === 'person' ? DECIDED_BY_PERSON_SUFFIX_JA : '';
  const counts = [r.pages.fail, r.pages.review, r.pages.untested, r.pages.pass, r.pages.inapplicable, r.violations, r.reviews].map((n) => html`<td class="num">${n}</td>`);
  return html`<tr><th scope="row">${r.id} ${r.jaJis}</th><td class="mark">${r.level}</td><td class="${STATUS_CLASS[claimStatus(r.outcome)]}">${JUDGED_OUTCOME_LABEL_JA[r.outcome]}${judged}</td>${counts}</tr>`;
}

const head = { id: 'checklist', title: '達成基準ごとの結果' };

export const checklistSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      html`<p>試験したページ（${num(m.selection.urls.length)} ページ）での、${m.checklist.length} の達成基準の結果です。ページ数は、その結果になったページの数です。</p>`,
      tableStart('達成基準ごとの結果とページ数', COLUMNS, 'counts'),
      m.checklist.map(row),
      html`</tbody></table></section>`,
    ),
};
