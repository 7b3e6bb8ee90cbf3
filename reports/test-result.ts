// The 試験結果 page a public body publishes (JIS X 8341-3:2016 附属書JB.3.1), as a full page and as an
// embeddable fragment for the CMS. Items in the order of JB.3.1; the claim is the computed one (claim.ts).
import { understandingUrl } from '../rules-jis/criteria.js';
import { TOOL_NAME, TOOL_VERSION } from '../rules-jis/version.js';
import { APPLICABLE_MARK_JA, RESULT_MARK_JA } from '../rules-jis/labels-ja.js';
import { claimStatus } from '../rules-jis/verdict.js';
import type { ReportModel } from './model.js';
import { dateJa, esc, num, STATUS_CLASS } from './format.js';
import { htmlPage } from './layout.js';

export interface TestResultOptions {
  /** Level of the fragment's top heading (2 by default: it sits under the CMS page's h1). */
  headingLevel?: 1 | 2 | 3;
  /** Id prefix, so two fragments can live on one page. */
  idPrefix?: string;
}

export function toolsUsed(m: ReportModel): string[] {
  const tools = [`${TOOL_NAME} ${m.run.toolVersion || TOOL_VERSION}（axe-core ${m.run.axeVersion || '不明'} を含む自動検査）`];
  if (m.run.browser) tools.push(`ブラウザー: ${m.run.browser.replace('/', ' ')}（ヘッドレス）`);
  if (m.judgements.used.length) tools.push(`人による確認（${m.judgements.used.length} 件の判断を反映）`);
  return tools;
}

/** The embeddable fragment: semantic HTML only (no style, no script), headings from h2 (or h3). */
export function testResultFragment(m: ReportModel, o: TestResultOptions = {}): string {
  const h = o.headingLevel ?? 2;
  const H = (lvl: number, id: string, text: string) => `<h${lvl} id="${esc((o.idPrefix ?? 'jr-') + id)}">${esc(text)}</h${lvl}>`;
  const st = m.statement;
  const c = m.claim;
  const sel = m.selection;
  const remaining = m.checklist.filter((r) => r.outcome === 'review' || r.outcome === 'untested');
  const failed = m.checklist.filter((r) => r.outcome === 'fail');
  const out: string[] = [];
  out.push(`<section class="jis-test-result" aria-labelledby="${esc((o.idPrefix ?? 'jr-') + 'title')}">`);
  out.push(H(h, 'title', `${st.siteName} JIS X 8341-3:2016 試験結果`));
  out.push(H(h + 1, 'date', '表明日'));
  out.push(`<p>${esc(dateJa(st.statementDate))}</p>`);
  out.push(H(h + 1, 'standard', '規格の規格番号及び改正年'));
  out.push('<p>JIS X 8341-3:2016</p>');
  out.push(H(h + 1, 'level', '満たしている適合レベル及び対応度'));
  out.push(`<p><strong>${esc(c.text)}</strong></p>`);
  out.push(`<p>目標とする適合レベル: 適合レベル${esc(m.target)}（${m.target === 'AA' ? 'A 及び AA の 38' : 'A の 25'} 達成基準）</p>`);
  if (failed.length) {
    out.push(`<p>満たしていない達成基準: ${failed.map((r) => `${esc(r.id)} ${esc(r.jaJis)}`).join('、')}</p>`);
  }
  if (remaining.length) {
    out.push(`<p>人による確認が済んでいないため「準拠」と表記できない達成基準（${remaining.length} 件）: ${remaining.map((r) => `${esc(r.id)} ${esc(r.jaJis)}`).join('、')}</p>`);
  }
  out.push(`<p class="note">注記: ${esc(c.note)}</p>`);
  out.push(H(h + 1, 'scope', '対象となるウェブページの説明'));
  out.push(`<p>${esc(st.scopeDescription)}</p>`);
  if (st.exclusions.length) {
    out.push('<p>対象から除外したもの:</p>');
    out.push(`<ul>${st.exclusions.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>`);
  } else out.push('<p>対象から除外したもの: なし</p>');
  out.push(H(h + 1, 'tech', '依存したウェブコンテンツ技術'));
  out.push(`<p>${st.technologies.map(esc).join('、')}</p>`);
  out.push(H(h + 1, 'method', '試験対象のウェブページの選択方法及びページ数'));
  out.push(`<p>${esc(sel.methodLabel)}（JIS X 8341-3:2016 附属書JB.1.2）: ${esc(sel.description)}。</p>`);
  out.push(`<p>試験したページ数: ${num(sel.urls.length)} ページ（対象となるウェブページ ${num(sel.population)} ページ中）</p>`);
  out.push(H(h + 1, 'uris', '試験したウェブページの URI'));
  out.push(`<ol class="url">${sel.urls.map((u) => `<li>${esc(u)}</li>`).join('')}</ol>`);
  out.push(H(h + 1, 'checklist', '達成基準チェックリスト'));
  out.push(checklistTable(m, (o.idPrefix ?? 'jr-') + 'cl'));
  out.push(H(h + 1, 'period', '試験実施期間'));
  out.push(`<p>${esc(dateJa(st.period.from))} から ${esc(dateJa(st.period.to))} まで</p>`);
  out.push(H(h + 1, 'tools', '試験に使用したツール'));
  out.push(`<ul>${toolsUsed(m).map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`);
  if (st.organisation) {
    out.push(H(h + 1, 'org', '試験の実施者'));
    out.push(`<p>${esc(st.organisation)}</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

const A = APPLICABLE_MARK_JA;
const R = RESULT_MARK_JA;
/** What the marks of the 適用 and 結果 columns mean. */
const MARKS_LEGEND = `適用: ${A.applicable} 適用あり、${A.inapplicable} 適用なし。結果: ${R.pass} 満たしている、${R.fail} 満たしていない、${R.review}・${R.untested} は確認が済んでいない`;

export function checklistTable(m: ReportModel, id: string): string {
  const rows = m.checklist
    .map(
      (r) => `<tr><th scope="row">${esc(r.id)} <a href="${esc(understandingUrl(r.id))}" lang="ja">${esc(r.jaJis)}</a></th><td class="mark">${esc(r.level)}</td><td class="mark">${r.applicable ? APPLICABLE_MARK_JA.applicable : APPLICABLE_MARK_JA.inapplicable}</td><td class="mark ${STATUS_CLASS[claimStatus(r.outcome)]}">${esc(r.resultMark)}</td><td>${esc(r.note)}</td></tr>`,
    )
    .join('\n');
  return `<table id="${esc(id)}">
<caption>達成基準チェックリスト（${m.checklist.length} 達成基準。${MARKS_LEGEND}）</caption>
<thead><tr><th scope="col">達成基準</th><th scope="col">適合レベル</th><th scope="col">適用</th><th scope="col">結果</th><th scope="col">注記</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

export function testResultPage(m: ReportModel): string {
  const frag = testResultFragment(m, { headingLevel: 1 });
  return htmlPage({ title: 'JIS X 8341-3:2016 試験結果', siteName: m.siteName, body: frag });
}
