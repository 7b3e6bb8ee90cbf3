// 人による確認の手順: for every criterion still 要確認 or 未確認 over the selected pages, what a person does to
// judge it — the manual-test kit's steps with their tools and the extension's aids, when to mark ○ and ×, the
// common failures on CMS pages, when it is 適用なし and who fixes — instead of a bare count of pages. The
// words are the kit's (rules-jis/data/manual-kit.json), the same the worksheet and the extension show.
import { KIT_AIDS, KIT_TOOLS } from '../../rules-jis/manual-kit.js';
import { FIX_BY_LABEL_JA, JUDGED_PER_LABEL_JA, KIT_AUTOMATION_LABEL_JA, JUDGED_OUTCOME_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { ManualCheck } from '../model.js';
import { html, join, lines, type Html } from '../html.js';
import { num } from '../format.js';
import { sectionStart, type SiteSection } from './section.js';

/** The fragment id of a criterion's procedure (linked from the summary, the checklist and the findings). */
export const procedureId = (criterion: string) => `k-${criterion}`;

/** 「要確認 12 ページ、未確認 34 ページ」: where the criterion still waits for a person. */
function waiting(c: ManualCheck): string {
  const parts = (['recheck', 'review', 'untested'] as const).filter((o) => c.row.pages[o] > 0).map((o) => `${JUDGED_OUTCOME_LABEL_JA[o]} ${num(c.row.pages[o])} ページ`);
  return parts.length ? parts.join('、') : JUDGED_OUTCOME_LABEL_JA[c.row.outcome];
}

function procedure(c: ManualCheck): Html {
  const k = c.kit;
  const head = html`<h3 id="${procedureId(c.row.id)}">${c.row.id} ${c.row.jaJis}（レベル ${c.row.level}）</h3>`;
  const status = html`<p>試験したページでの状態: <span class="review">${waiting(c)}</span>。</p>`;
  if (!k) return lines(head, status, html`<p>この達成基準の手順はまだありません。WAIC の解説に沿って確認してください。</p>`);
  const tools = [...k.tools.map((t) => KIT_TOOLS[t].label), ...k.aids.map((a) => `補助ツール「${KIT_AIDS[a].label}」`)];
  return lines(
    head,
    status,
    html`<dl class="meta"><dt>判断の単位</dt><dd>${JUDGED_PER_LABEL_JA[k.judgedPer]}（${k.judgedPerReason}）</dd><dt>自動検査との分担</dt><dd>${KIT_AUTOMATION_LABEL_JA[k.automation]}: ${k.automationNote}</dd><dt>使うもの</dt><dd>${tools.length ? join(tools, '、') : '—'}</dd><dt>直す人</dt><dd>${FIX_BY_LABEL_JA[k.fixBy]}（${k.fixNote}）</dd></dl>`,
    html`<h4>手順</h4><ol>${k.procedure.steps.map((s) => html`<li>${s}</li>`)}</ol>`,
    html`<p><strong>○（満たしている）:</strong> ${k.procedure.pass}<br><strong>×（満たしていない）:</strong> ${k.procedure.fail}<br><strong>−（適用なし）:</strong> ${k.inapplicableWhen}</p>`,
    html`<h4>よくある不適合の例</h4><ul>${k.failures.map((f) => html`<li>${f}</li>`)}</ul>`,
  );
}

const head = { id: 'manual', title: '人による確認の手順（要確認・未確認の達成基準）' };

export const manualChecksSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      m.manualChecks.length
        ? html`<p>自動検査だけでは判定できず、人が確かめる必要のある ${m.manualChecks.length} の達成基準です。手順に沿って確かめた結果を <code>jis-a11y judge</code> で記録すると、次に作る報告書から反映されます。</p>`
        : html`<p>人による確認を待っている達成基準はありません。</p>`,
      m.manualChecks.map(procedure),
      html`</section>`,
    ),
};
