// 概要: the claim in WAIC's words, the numbers of the run, what is not met or still open, and links to
// the other files of the same report folder.
import type { ReportModel } from '../model.js';
import { byStatus } from '../model/checklist.js';
import { html, join, lines, type Html, type HtmlValue } from '../html.js';
import { bytesJa, num } from '../format.js';
import { sectionStart, type ReportLink, type ReportLinks, type SiteSection } from './section.js';
import { procedureId } from './manual-checks.js';

function claimBox(m: ReportModel): Html {
  const c = m.claim;
  // until a claim may be stated (rules-jis/claim.ts), the reason stands where the claim sentence would
  const said = c.state === 'stated' ? c.text : c.reason;
  return html`<div class="claim"><h3 class="words">${c.short}</h3><p>${said}（試験したページ ${num(m.selection.urls.length)} ページ、${m.selection.methodLabel}）</p><p class="note">${c.note}</p></div>`;
}

function numbersTable(m: ReportModel): Html {
  const met = byStatus(m.checklist, 'met').length;
  const rows: [string, HtmlValue][] = [
    ['検査したページ', `${num(m.pages.length)} ページ`],
    ['表示できなかったページ', `${num(m.erroredPages.length)} ページ`],
    [`満たしている達成基準（${m.checklist.length} 中）`, `${met} 件`],
    ['満たしていない達成基準', html`<span class="fail">${byStatus(m.checklist, 'failed').length} 件</span>`],
    ['確認が済んでいない達成基準', `${byStatus(m.checklist, 'open').length} 件`],
    ['不適合の箇所', `${num(m.summary.findings.violation)} 件`],
    ['要確認の箇所', `${num(m.summary.findings.review)} 件`],
    ['参考の箇所', `${num(m.summary.findings.advisory)} 件`],
    ['文書（PDF・Office）', `${num(m.documents.length)} 件`],
    ['リンク切れ', `${num(m.brokenLinks.length)} 件`],
  ];
  return lines(
    html`<table><caption>検査の数字</caption><tbody>`,
    rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td class="num">${v}</td></tr>`),
    html`</tbody></table>`,
  );
}

/** The criteria not met (linked to their findings) and those a person still has to check: a line each, if any. */
function openCriteria(m: ReportModel): HtmlValue[] {
  const failing = byStatus(m.checklist, 'failed');
  const open = byStatus(m.checklist, 'open');
  return [
    failing.length ? html`<p>満たしていない達成基準: ${join(failing.map((r) => html`<a href="#c-${r.id}">${r.id} ${r.ja}</a>`), '、')}</p>` : null,
    open.length ? html`<p>人による確認が必要な達成基準: ${join(open.map((r) => html`<a href="#${procedureId(r.id)}">${r.id} ${r.ja}</a>`), '、')}。各達成基準の確認の手順は「人による確認の手順」にあります。確認した結果は <code>jis-a11y judge</code> で記録すると、次の報告書から反映されます。</p>` : null,
  ];
}

/** What each sibling file is, and its format as the link says it. */
const FILE_LINKS: [keyof ReportLinks, string, string][] = [
  ['testResult', '公開用の試験結果ページ', 'HTML'],
  ['testResultPdf', '試験結果の PDF 版', 'PDF'],
  ['testResultJson', '試験結果のデータ', 'JSON'],
  ['csv', '問題の一覧（Excel で開けます）', 'CSV'],
  ['documentsCsv', '文書（PDF・Office）の指摘の一覧（Excel で開けます）', 'CSV'],
  ['xlsx', '達成基準チェックリスト', 'Excel'],
  ['worksheet', '人による確認のワークシート（記入して judge --import で読み込みます）', 'Excel'],
  ['pdf', 'この報告書の PDF 版', 'PDF'],
  ['json', '検査結果のデータ', 'JSON'],
];

/** 「問題の一覧（Excel で開けます）: findings.csv（CSV、12.3 KB）」: what, the file, its format and size. */
export function fileLinkText(what: string, format: string, link: string | ReportLink): string {
  const l = typeof link === 'string' ? { href: link } : link;
  const name = l.href.split('/').pop() ?? l.href;
  return `${what}: ${name}（${format}${l.bytes != null ? `、${bytesJa(l.bytes)}` : ''}）`;
}

function fileLinks(links: ReportLinks = {}): Html | null {
  const items = FILE_LINKS.flatMap(([k, what, format]) => {
    const l = links[k];
    if (!l) return [];
    return [html`<li><a href="${typeof l === 'string' ? l : l.href}">${fileLinkText(what, format, l)}</a></li>`];
  });
  return items.length ? html`<p>関連するファイル:</p><ul>${items}</ul>` : null;
}

const head = { id: 'summary', title: '概要' };

export const summarySection: SiteSection = {
  ...head,
  render: (m, o) => lines(sectionStart(head), claimBox(m), numbersTable(m), openCriteria(m), fileLinks(o.links), html`</section>`),
};
