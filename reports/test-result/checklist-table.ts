// The 達成基準チェックリスト as published in the 試験結果 (columns of WAIC's guideline: 達成基準, 適合レベル,
// 適用 ○/−, 結果 ○/×, 注記), with each criterion linked to WAIC's understanding document.
import { understandingUrl } from '../../rules-jis/criteria.js';
import { APPLICABLE_MARK_JA, RESULT_MARK_JA } from '../../rules-jis/labels-ja.js';
import { claimStatus } from '../../rules-jis/verdict.js';
import type { ChecklistRow, ReportModel } from '../model.js';
import { html, join, type Html } from '../html.js';
import { STATUS_CLASS } from '../format.js';

const A = APPLICABLE_MARK_JA;
const R = RESULT_MARK_JA;
/** What the marks of the 適用 and 結果 columns mean. */
const MARKS_LEGEND = `適用: ${A.applicable} 適用あり、${A.inapplicable} 適用なし。結果: ${R.pass} 満たしている、${R.fail} 満たしていない、${R.review}・${R.untested} は確認が済んでいない`;

function row(r: ChecklistRow): Html {
  const applicable = r.applicable ? A.applicable : A.inapplicable;
  return html`<tr><th scope="row">${r.id} <a href="${understandingUrl(r.id)}" lang="ja">${r.jaJis}</a></th><td class="mark">${r.level}</td><td class="mark">${applicable}</td><td class="mark ${STATUS_CLASS[claimStatus(r.outcome)]}">${r.resultMark}</td><td>${r.note}</td></tr>`;
}

/** The table, with `id` on it so the fragment's heading can be linked to it. */
export function checklistTable(m: ReportModel, id: string): Html {
  return html`<table id="${id}">
<caption>達成基準チェックリスト（${m.checklist.length} 達成基準。${MARKS_LEGEND}）</caption>
<thead><tr><th scope="col">達成基準</th><th scope="col">適合レベル</th><th scope="col">適用</th><th scope="col">結果</th><th scope="col">注記</th></tr></thead>
<tbody>
${join(m.checklist.map(row), '\n')}
</tbody>
</table>`;
}
