// The 達成基準チェックリスト as published in the 試験結果 (columns of WAIC's guideline: 達成基準, 適合レベル,
// 適用 ○/−, 結果 ○/×, 注記, plus how each result was reached: 自動 / 自動＋人 / 人), rendered from the
// TestResultDocument, each criterion linked to WAIC's understanding document. Every mark is printed with its
// words (「○ 満たしている」): a bare symbol is read by nobody's screen reader the same way, and our own check
// cannot tell its contrast.
import { APPLICABLE_MARK_JA, APPLICABLE_MARK_WORDS_JA, DECIDED_BY_LABEL_JA, KIT_AUTOMATION_LABEL_JA, RESULT_MARK_JA, RESULT_MARK_WORDS_JA } from '../../rules-jis/labels-ja.js';
import type { DocChecklistEntry, TestResultDocument } from './document.js';
import { html, join, type Html } from '../html.js';
import { STATUS_CLASS } from '../format.js';

const A = APPLICABLE_MARK_JA;
const R = RESULT_MARK_JA;
/** What the marks of the 適用 and 結果 columns mean. */
const MARKS_LEGEND = `適用: ${A.applicable} ${APPLICABLE_MARK_WORDS_JA.applicable}、${A.inapplicable} ${APPLICABLE_MARK_WORDS_JA.inapplicable}。結果: ${R.pass} ${RESULT_MARK_WORDS_JA['○']}、${R.fail} ${RESULT_MARK_WORDS_JA['×']}、${R.review}・${R.untested}・${R.recheck} は確認が済んでいない`;

/** A mark with its words, in one text so that the words are read and seen with it. */
export function markText(mark: string, words: string): string {
  return words ? `${mark} ${words}` : mark;
}

/** How the result was reached: what was actually used, else the kit's plan (「人（予定）」) while still open. */
export function howJudged(e: DocChecklistEntry): string {
  if (e.decidedBy) return DECIDED_BY_LABEL_JA[e.decidedBy];
  return e.kit ? `${KIT_AUTOMATION_LABEL_JA[e.kit]}（予定）` : '';
}

function row(e: DocChecklistEntry): Html {
  const applicable = e.applicable ? markText(A.applicable, APPLICABLE_MARK_WORDS_JA.applicable) : markText(A.inapplicable, APPLICABLE_MARK_WORDS_JA.inapplicable);
  return html`<tr><th scope="row">${e.id} <a href="${e.understandingUrl}" lang="ja">${e.title}</a></th><td class="mark">${e.level}</td><td class="mark">${applicable}</td><td class="mark ${STATUS_CLASS[e.status]}">${markText(e.mark, RESULT_MARK_WORDS_JA[e.mark])}</td><td class="mark">${howJudged(e)}</td><td>${e.note}</td></tr>`;
}

/** The table, with `id` on it so the fragment's heading can be linked to it. */
export function checklistTable(d: TestResultDocument, id: string): Html {
  return html`<table id="${id}">
<caption>達成基準チェックリスト（${d.checklist.length} 達成基準。${MARKS_LEGEND}）</caption>
<thead><tr><th scope="col">達成基準</th><th scope="col">適合レベル</th><th scope="col">適用</th><th scope="col">結果</th><th scope="col">確認の方法</th><th scope="col">注記</th></tr></thead>
<tbody>
${join(d.checklist.map(row), '\n')}
</tbody>
</table>`;
}
