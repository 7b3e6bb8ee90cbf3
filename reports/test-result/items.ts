// The items of the 試験結果 (JIS X 8341-3:2016 附属書JB.3.1), in the order the standard lists them, then what a
// body publishes with them (方針, 今後の対応方針, 追加の対応), each a heading and a small render function of the
// TestResultDocument (never of the report model). reports/test-result.ts puts them together.
import type { TestResultDocument, DocClaim } from './document.js';
import { html, join, type HtmlValue } from '../html.js';
import { dateJa, num } from '../format.js';
import { checklistTable } from './checklist-table.js';
import { SELECTION_KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';

/** One item: its id (after the fragment's prefix), its heading, and the lines under it. */
export interface TestResultItem {
  id: string;
  title: string;
  /** Items that may be left out (the tester's organisation) say when they are shown. */
  shown?: (d: TestResultDocument) => boolean;
  /** `h` is the level of the item's own heading (a heading inside the item is h + 1). */
  render: (d: TestResultDocument, idPrefix: string, h: number) => HtmlValue[];
}

/** Missing results per criterion, with up to this many URLs each (the full list is in test-result.json). */
const MISSING_URLS_SHOWN = 10;

function missingList(c: DocClaim): HtmlValue {
  if (!c.missing.length) return null;
  const title = (id: string) => c.remaining.find((r) => r.id === id)?.title ?? '';
  return html`<ul>${c.missing.map((m) => {
    const shown = m.pages.slice(0, MISSING_URLS_SHOWN);
    const more = m.pages.length - shown.length;
    return html`<li>${m.criterion} ${title(m.criterion)}: ${num(m.pages.length)} ページ<ul class="url">${shown.map((p) => html`<li>${p.url}</li>`)}${more > 0 ? html`<li>ほか ${num(more)} ページ（test-result.json に全件）</li>` : null}</ul></li>`;
  })}</ul>`;
}

/** The claim as a real heading, the target, and why no claim is stated or what keeps it from 準拠. */
function levelAndClaim(d: TestResultDocument, prefix: string, h: number): HtmlValue[] {
  const c = d.claim;
  const names = (rows: DocClaim['failed']) => join(rows.map((r) => `${r.id} ${r.title}`), '、');
  const hc = Math.min(h + 1, 6);
  return [
    html`<h${hc} id="${prefix}claim">対応度: ${c.text}</h${hc}>`,
    html`<p>目標とする適合レベル: 適合レベル${d.target}（${d.target === 'AA' ? 'A 及び AA の 38' : 'A の 25'} 達成基準）</p>`,
    c.reason ? html`<p>${c.reason}</p>` : null,
    c.failed.length ? html`<p>満たしていない達成基準: ${names(c.failed)}</p>` : null,
    c.state === 'incomplete' && c.remaining.length ? html`<p>結果がそろっていない達成基準（${c.remaining.length} 件）とページ:</p>` : null,
    c.state === 'incomplete' ? missingList(c) : null,
    c.state === 'stated' && c.futurePlan ? html`<p>今後の対応方針: ${c.futurePlan}</p>` : null,
    html`<p class="note">注記: ${c.note}</p>`,
  ];
}

function scope(d: TestResultDocument): HtmlValue[] {
  const ex = d.statement.exclusions;
  return [
    html`<p>${d.statement.scopeDescription}</p>`,
    ex.length ? [html`<p>対象から除外したもの:</p>`, html`<ul>${ex.map((e) => html`<li>${e}</li>`)}</ul>`] : html`<p>対象から除外したもの: なし</p>`,
  ];
}

function selectionMethod(d: TestResultDocument): HtmlValue[] {
  const s = d.selection;
  return [
    html`<p>${s.methodLabel}（JIS X 8341-3:2016 附属書JB.1.2）: ${s.description}。</p>`,
    html`<p>試験したページ数: ${num(s.pages.length)} ページ（対象となるウェブページ ${num(s.population)} ページ中）</p>`,
    s.documents ? html`<p>試験した文書（PDF・Office）: ${num(s.documents.documents.length)} 件（${s.documents.description}）</p>` : null,
    s.notes?.length ? html`<ul class="selection-notes">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>` : null,
  ];
}

/**
 * Every tested URI, printed in full and linked, marked 代表 / ランダム when the selection says so. The link text is
 * the page's title with its URI: a bare URL tells a screen-reader user little (our own check asks about it), and
 * titles alone repeat across pages (two links with one text going to two places).
 */
function uris(d: TestResultDocument): HtmlValue[] {
  const docs = d.selection.documents?.documents ?? [];
  return [
    html`<ol class="url">${d.selection.pages.map((p) => html`<li><a href="${p.url}">${p.title ? `${p.title} ${p.url}` : p.url}</a>${p.kind ? `（${SELECTION_KIND_LABEL_JA[p.kind]}）` : ''}</li>`)}</ol>`,
    docs.length ? html`<p>試験した文書（PDF・Office）の URI:</p>` : null,
    docs.length ? html`<ol class="url">${docs.map((x) => html`<li><a href="${x.url}">${x.title ? `${x.title} ${x.url}` : x.url}</a>（文書）</li>`)}</ol>` : null,
  ];
}

function tools(d: TestResultDocument): HtmlValue[] {
  const envs = d.statement.environments;
  return [
    html`<ul>${d.tools.map((t) => html`<li>${t}</li>`)}</ul>`,
    envs.length ? html`<p>人による確認の環境:</p>` : null,
    envs.length ? html`<ul>${envs.map((e) => html`<li>${[e.os, e.browser, e.assistiveTech].filter(Boolean).join('、')}</li>`)}</ul>` : null,
  ];
}

const list = (items: string[]): HtmlValue[] => [html`<ul>${items.map((x) => html`<li>${x}</li>`)}</ul>`];

export const TEST_RESULT_ITEMS: readonly TestResultItem[] = [
  {
    id: 'date',
    title: '表明日',
    // a 表明日 before the end of the test's 試験実施期間 (reports/model/test.ts) is said where the date is printed
    render: (d) => [html`<p>${dateJa(d.statement.statementDate)}</p>`, ...d.statement.problems.map((p) => html`<p class="review"><strong>${p}</strong></p>`)],
  },
  { id: 'standard', title: '規格の規格番号及び改正年', render: () => [html`<p>JIS X 8341-3:2016</p>`] },
  { id: 'level', title: '満たしている適合レベル及び対応度', render: levelAndClaim },
  { id: 'scope', title: '対象となるウェブページの説明', render: scope },
  { id: 'tech', title: '依存したウェブコンテンツ技術', render: (d) => [html`<p>${join(d.statement.technologies, '、')}</p>`] },
  { id: 'method', title: '試験対象のウェブページの選択方法及びページ数', render: selectionMethod },
  { id: 'uris', title: '試験したウェブページの URI', render: uris },
  { id: 'checklist', title: '達成基準チェックリスト', render: (d, prefix) => [checklistTable(d, prefix + 'cl')] },
  { id: 'period', title: '試験実施期間', render: (d) => [html`<p>${dateJa(d.period.from)} から ${dateJa(d.period.to)} まで</p>`] },
  { id: 'tools', title: '試験に使用したツール', render: tools },
  { id: 'org', title: '試験の実施者', shown: (d) => !!d.statement.organisation, render: (d) => [html`<p>${d.statement.organisation}</p>`] },
  { id: 'policy', title: 'ウェブアクセシビリティ方針', shown: (d) => !!d.statement.policyUrl, render: (d) => [html`<p><a href="${d.statement.policyUrl}">${d.statement.policyUrl}</a></p>`] },
  { id: 'plan', title: '今後の対応方針', shown: (d) => !!d.statement.futurePlan, render: (d) => [html`<p>${d.statement.futurePlan}</p>`] },
  { id: 'measures', title: '追加の対応', shown: (d) => d.statement.additionalMeasures.length > 0, render: (d) => list(d.statement.additionalMeasures) },
];
