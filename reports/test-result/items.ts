// The items of the 試験結果 (JIS X 8341-3:2016 附属書JB.3.1), in the order the standard lists them, each
// a heading and a small render function of the report model. reports/test-result.ts puts them together.
import { TOOL_NAME, TOOL_VERSION } from '../../rules-jis/version.js';
import type { ReportModel } from '../model.js';
import { byStatus } from '../model/checklist.js';
import { html, join, type HtmlValue } from '../html.js';
import { dateJa, num } from '../format.js';
import { checklistTable } from './checklist-table.js';
import { SELECTION_KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { SelectedPage } from '../../rules-jis/jis-test.js';

/** One item: its id (after the fragment's prefix), its heading, and the lines under it. */
export interface TestResultItem {
  id: string;
  title: string;
  /** Items that may be left out (the tester's organisation) say when they are shown. */
  shown?: (m: ReportModel) => boolean;
  render: (m: ReportModel, idPrefix: string) => HtmlValue[];
}

/** The tools that made the results: this tool with its axe-core, the browser, and the human judgements used. */
export function toolsUsed(m: ReportModel): string[] {
  const tools = [`${TOOL_NAME} ${m.run.toolVersion || TOOL_VERSION}（axe-core ${m.run.axeVersion || '不明'} を含む自動検査）`];
  if (m.run.browser) tools.push(`ブラウザー: ${m.run.browser.replace('/', ' ')}（ヘッドレス）`);
  if (m.judgements.used.length) tools.push(`人による確認（${m.judgements.used.length} 件の判断を反映）`);
  return tools;
}

/** The claim, the target, and what keeps the claim from 準拠 (criteria failed, criteria still open). */
function levelAndClaim(m: ReportModel): HtmlValue[] {
  const failed = byStatus(m.checklist, 'failed');
  const open = byStatus(m.checklist, 'open');
  const names = (rows: typeof failed) => join(rows.map((r) => `${r.id} ${r.jaJis}`), '、');
  return [
    html`<p><strong>${m.claim.text}</strong></p>`,
    html`<p>目標とする適合レベル: 適合レベル${m.target}（${m.target === 'AA' ? 'A 及び AA の 38' : 'A の 25'} 達成基準）</p>`,
    failed.length ? html`<p>満たしていない達成基準: ${names(failed)}</p>` : null,
    open.length ? html`<p>人による確認が済んでいないため「準拠」と表記できない達成基準（${open.length} 件）: ${names(open)}</p>` : null,
    html`<p class="note">注記: ${m.claim.note}</p>`,
  ];
}

function scope(m: ReportModel): HtmlValue[] {
  const ex = m.statement.exclusions;
  return [
    html`<p>${m.statement.scopeDescription}</p>`,
    ex.length ? [html`<p>対象から除外したもの:</p>`, html`<ul>${ex.map((e) => html`<li>${e}</li>`)}</ul>`] : html`<p>対象から除外したもの: なし</p>`,
  ];
}

/** How the pages were chosen, how many, the draws (how many were made, which one is used) and the warnings. */
function selectionMethod(m: ReportModel): HtmlValue[] {
  const sel = m.selection;
  const notes = sel.warnings;
  return [
    html`<p>${sel.methodLabel}（JIS X 8341-3:2016 附属書JB.1.2）: ${sel.description}。</p>`,
    html`<p>試験したページ数: ${num(sel.urls.length)} ページ（対象となるウェブページ ${num(sel.population)} ページ中）</p>`,
    sel.draws?.sentence ? html`<p>${sel.draws.sentence}</p>` : null,
    notes.length ? html`<ul class="selection-notes">${notes.map((w) => html`<li>${w.level === 'warning' ? '注意' : '注記'}: ${w.message}</li>`)}</ul>` : null,
  ];
}

/** Every tested URI, each a link, marked 代表 / ランダム (nothing to mark when every page was tested). */
function uriList(m: ReportModel): HtmlValue[] {
  const sel = m.selection;
  const mark = (p: SelectedPage) => (sel.method === 'all' ? null : html`<span class="kind">${SELECTION_KIND_LABEL_JA[p.kind]}</span> `);
  return [html`<ol class="url">${sel.pages.map((p) => html`<li>${mark(p)}${/^https?:\/\//i.test(p.url) ? html`<a href="${p.url}">${p.url}</a>` : p.url}</li>`)}</ol>`];
}

export const TEST_RESULT_ITEMS: readonly TestResultItem[] = [
  { id: 'date', title: '表明日', render: (m) => [html`<p>${dateJa(m.statement.statementDate)}</p>`] },
  { id: 'standard', title: '規格の規格番号及び改正年', render: () => [html`<p>JIS X 8341-3:2016</p>`] },
  { id: 'level', title: '満たしている適合レベル及び対応度', render: levelAndClaim },
  { id: 'scope', title: '対象となるウェブページの説明', render: scope },
  { id: 'tech', title: '依存したウェブコンテンツ技術', render: (m) => [html`<p>${join(m.statement.technologies, '、')}</p>`] },
  { id: 'method', title: '試験対象のウェブページの選択方法及びページ数', render: selectionMethod },
  { id: 'uris', title: '試験したウェブページの URI', render: uriList },
  { id: 'checklist', title: '達成基準チェックリスト', render: (m, prefix) => [checklistTable(m, prefix + 'cl')] },
  { id: 'period', title: '試験実施期間', render: (m) => [html`<p>${dateJa(m.statement.period.from)} から ${dateJa(m.statement.period.to)} まで</p>`] },
  { id: 'tools', title: '試験に使用したツール', render: (m) => [html`<ul>${toolsUsed(m).map((t) => html`<li>${t}</li>`)}</ul>`] },
  { id: 'org', title: '試験の実施者', shown: (m) => !!m.statement.organisation, render: (m) => [html`<p>${m.statement.organisation}</p>`] },
];
