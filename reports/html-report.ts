// The site report (ウェブアクセシビリティ検査報告書): one self-contained HTML file the 広報広聴課 reads, acts on,
// prints and files. Everything comes from the report model.
import { understandingUrl } from '../rules-jis/criteria.js';
import { JUDGEMENT_RESULT_LABEL_JA, KIND_LABEL_JA, OUTCOME_LABEL_JA } from '../rules-jis/labels-ja.js';
import { claimStatus } from '../rules-jis/verdict.js';
import type { ReportModel, CriterionGroup } from './model.js';
import { describeScope } from '../rules-jis/judgements.js';
import { lineChart, sparkBars } from './charts.js';
import { bytesJa, dateJa, dateTimeJa, esc, fiscalYearJa, num, STATUS_CLASS, truncate } from './format.js';
import { htmlPage } from './layout.js';
import { toolsUsed } from './test-result.js';

/** Occurrences printed per rule; the CSV has them all. */
export const MAX_OCCURRENCES = 30;

export interface SiteReportOptions {
  /** Relative links to the sibling files written by generateReports. */
  links?: { testResult?: string; csv?: string; xlsx?: string; json?: string; pdf?: string };
}

export function siteReportHtml(m: ReportModel, o: SiteReportOptions = {}): string {
  const s: string[] = [];
  const title = 'ウェブアクセシビリティ検査報告書';
  s.push(`<h1>${esc(m.siteName)} ${title}</h1>`);
  s.push(`<p>検査日: ${esc(dateJa(m.run.startedAt))}　作成日: ${esc(dateJa(m.generatedAt))}　規格: JIS X 8341-3:2016（目標 適合レベル${esc(m.target)}）</p>`);
  const toc: [string, string][] = [
    ['summary', '概要'],
    ['progress', '前回の検査からの変化'],
    ['checklist', '達成基準ごとの結果'],
    ['findings', '問題の一覧（達成基準・検査項目・ページ別）'],
    ['worst', '問題の多いページ'],
    ['repeats', '多くのページで繰り返す問題（共通部品・テンプレート）'],
    ['trends', '推移'],
    ['documents', '文書（PDF・Office）の一覧'],
    ['broken', 'リンク切れ'],
    ['judgements', '人による確認の記録'],
    ['meta', '検査の情報'],
  ];
  s.push(`<nav aria-labelledby="toc-h"><h2 id="toc-h">目次</h2><ol>${toc.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join('')}</ol></nav>`);

  // ---- summary
  const failing = m.checklist.filter((r) => r.outcome === 'fail');
  const remaining = m.checklist.filter((r) => r.outcome === 'review' || r.outcome === 'untested');
  const met = m.checklist.filter((r) => r.outcome === 'pass' || r.outcome === 'inapplicable');
  s.push(`<section aria-labelledby="summary"><h2 id="summary">概要</h2>`);
  s.push(`<div class="claim"><p class="words">${esc(m.claim.short)}</p><p>${esc(m.claim.text)}（試験したページ ${num(m.selection.urls.length)} ページ、${esc(m.selection.methodLabel)}）</p><p class="note">${esc(m.claim.note)}</p></div>`);
  s.push('<table><caption>検査の数字</caption><tbody>');
  const row = (k: string, v: string) => `<tr><th scope="row">${esc(k)}</th><td class="num">${v}</td></tr>`;
  s.push(row('検査したページ', `${num(m.pages.length)} ページ`));
  s.push(row('表示できなかったページ', `${num(m.erroredPages.length)} ページ`));
  s.push(row(`満たしている達成基準（${m.checklist.length} 中）`, `${met.length} 件`));
  s.push(row('満たしていない達成基準', `<span class="fail">${failing.length} 件</span>`));
  s.push(row('確認が済んでいない達成基準', `${remaining.length} 件`));
  s.push(row('不適合の箇所', `${num(m.summary.findings.violation)} 件`));
  s.push(row('要確認の箇所', `${num(m.summary.findings.review)} 件`));
  s.push(row('参考の箇所', `${num(m.summary.findings.advisory)} 件`));
  s.push(row('文書（PDF・Office）', `${num(m.documents.length)} 件`));
  s.push(row('リンク切れ', `${num(m.brokenLinks.length)} 件`));
  s.push('</tbody></table>');
  if (failing.length) s.push(`<p>満たしていない達成基準: ${failing.map((r) => `<a href="#c-${esc(r.id)}">${esc(r.id)} ${esc(r.ja)}</a>`).join('、')}</p>`);
  if (remaining.length) s.push(`<p>人による確認が必要な達成基準: ${remaining.map((r) => `${esc(r.id)} ${esc(r.ja)}`).join('、')}。確認した結果は <code>jis-a11y judge</code> で記録すると、次の報告書から反映されます。</p>`);
  const files: string[] = [];
  if (o.links?.testResult) files.push(`<li><a href="${esc(o.links.testResult)}">公開用の試験結果ページ</a></li>`);
  if (o.links?.csv) files.push(`<li><a href="${esc(o.links.csv)}">問題の一覧（CSV、Excel で開けます）</a></li>`);
  if (o.links?.xlsx) files.push(`<li><a href="${esc(o.links.xlsx)}">達成基準チェックリスト（Excel）</a></li>`);
  if (o.links?.pdf) files.push(`<li><a href="${esc(o.links.pdf)}">この報告書の PDF 版</a></li>`);
  if (o.links?.json) files.push(`<li><a href="${esc(o.links.json)}">検査結果のデータ（JSON）</a></li>`);
  if (files.length) s.push(`<p>関連するファイル:</p><ul>${files.join('')}</ul>`);
  s.push('</section>');

  // ---- progress
  s.push(`<section aria-labelledby="progress"><h2 id="progress">前回の検査からの変化</h2>`);
  if (!m.progress) s.push('<p>比較できる前回の検査がありません（今回が最初の検査です）。</p>');
  else {
    const p = m.progress;
    s.push(`<p>前回の検査（${esc(dateJa(p.previousRun.startedAt))}、検査番号 ${p.previousRun.id}）と比べた、不適合・要確認の箇所の変化です。</p>`);
    s.push('<table><caption>前回からの変化（箇所数）</caption><thead><tr><th scope="col">区分</th><th scope="col" class="num">件数</th></tr></thead><tbody>');
    s.push(`<tr><th scope="row">新たに見つかった問題</th><td class="num">${num(p.newFindings.length)}</td></tr>`);
    s.push(`<tr><th scope="row">解消した問題</th><td class="num">${num(p.fixed.length)}</td></tr>`);
    s.push(`<tr><th scope="row">残っている問題</th><td class="num">${num(p.remaining)}</td></tr>`);
    s.push('</tbody></table>');
    const list = (items: typeof p.fixed, h: string) =>
      items.length
        ? `<h3>${esc(h)}</h3><ul>${items.slice(0, 50).map((i) => `<li><span class="url">${esc(i.pageUrl)}</span>: ${esc(KIND_LABEL_JA[i.kind])} ${esc(i.criteria.join('・'))} ${esc(truncate(i.message, 120))}</li>`).join('')}</ul>${items.length > 50 ? `<p>ほか ${num(items.length - 50)} 件</p>` : ''}`
        : '';
    s.push(list(p.newFindings, '新たに見つかった問題'));
    s.push(list(p.fixed, '解消した問題'));
  }
  s.push('</section>');

  // ---- checklist with counts
  s.push(`<section aria-labelledby="checklist"><h2 id="checklist">達成基準ごとの結果</h2>`);
  s.push(`<p>試験したページ（${num(m.selection.urls.length)} ページ）での、${m.checklist.length} の達成基準の結果です。ページ数は、その結果になったページの数です。</p>`);
  s.push('<table class="counts"><caption>達成基準ごとの結果とページ数</caption><thead><tr><th scope="col">達成基準</th><th scope="col">レベル</th><th scope="col">結果</th><th scope="col" class="num">不適合ページ</th><th scope="col" class="num">要確認ページ</th><th scope="col" class="num">未検査ページ</th><th scope="col" class="num">適合ページ</th><th scope="col" class="num">適用なしページ</th><th scope="col" class="num">不適合箇所</th><th scope="col" class="num">要確認箇所</th></tr></thead><tbody>');
  for (const r of m.checklist) {
    const cls = STATUS_CLASS[claimStatus(r.outcome)];
    s.push(
      `<tr><th scope="row">${esc(r.id)} ${esc(r.jaJis)}</th><td class="mark">${esc(r.level)}</td><td class="${cls}">${esc(OUTCOME_LABEL_JA[r.outcome])}${r.judgements.length ? '（人による確認）' : ''}</td><td class="num">${r.pages.fail}</td><td class="num">${r.pages.review}</td><td class="num">${r.pages.untested}</td><td class="num">${r.pages.pass}</td><td class="num">${r.pages.inapplicable}</td><td class="num">${r.violations}</td><td class="num">${r.reviews}</td></tr>`,
    );
  }
  s.push('</tbody></table></section>');

  // ---- findings
  s.push(`<section aria-labelledby="findings"><h2 id="findings">問題の一覧（達成基準・検査項目・ページ別）</h2>`);
  if (!m.findingGroups.length) s.push('<p>自動検査で見つかった不適合・要確認の箇所はありません。</p>');
  for (const g of m.findingGroups) s.push(criterionGroupHtml(g));
  if (m.advisories) s.push(criterionGroupHtml(m.advisories));
  s.push('</section>');

  // ---- worst pages
  s.push(`<section aria-labelledby="worst"><h2 id="worst">問題の多いページ</h2>`);
  if (!m.worstPages.length) s.push('<p>不適合・要確認の箇所があるページはありません。</p>');
  else {
    s.push('<table><caption>問題の多いページ（上位 10 ページ）</caption><thead><tr><th scope="col">ページ</th><th scope="col" class="num">満たしていない達成基準</th><th scope="col" class="num">不適合箇所</th><th scope="col" class="num">要確認箇所</th></tr></thead><tbody>');
    for (const p of m.worstPages)
      s.push(`<tr><th scope="row">${esc(p.title || '（タイトルなし）')}<br><span class="url">${esc(p.url)}</span></th><td class="num">${p.failing.length ? esc(p.failing.join('、')) : '0'}</td><td class="num">${p.violations}</td><td class="num">${p.reviews}</td></tr>`);
    s.push('</tbody></table>');
  }
  s.push('</section>');

  // ---- repeats
  s.push(`<section aria-labelledby="repeats"><h2 id="repeats">多くのページで繰り返す問題（共通部品・テンプレート）</h2>`);
  s.push('<p>同じ検査項目・同じ位置（セレクターの形）・同じ HTML で、複数のページに出ている問題です。CMS のテンプレートや共通部品を 1 か所直せば、まとめて解消できる可能性があります。</p>');
  if (!m.repeats.length) s.push('<p>複数のページで繰り返す問題はありません。</p>');
  else {
    s.push('<table><caption>繰り返す問題（ページ数の多い順）</caption><thead><tr><th scope="col">検査項目</th><th scope="col">位置と HTML</th><th scope="col" class="num">ページ数</th><th scope="col">直し方</th></tr></thead><tbody>');
    for (const r of m.repeats.slice(0, 50))
      s.push(`<tr><th scope="row">${esc(r.ruleId)}（${esc(KIND_LABEL_JA[r.kind])}、${esc(r.criteria.join('・'))}）</th><td><code>${esc(r.selectorPattern || '（ページ全体）')}</code><pre>${esc(truncate(r.snippet, 300))}</pre></td><td class="num">${r.pages.length}</td><td>${esc(r.help)}</td></tr>`);
    s.push('</tbody></table>');
  }
  s.push('</section>');

  // ---- trends
  s.push(trendsHtml(m));

  // ---- documents
  s.push(`<section aria-labelledby="documents"><h2 id="documents">文書（PDF・Office）の一覧</h2>`);
  s.push('<p>ウェブページからリンクされている PDF や Office の文書です。文書の中身は自動検査していません。文書そのもののアクセシビリティは別に確認してください。</p>');
  if (!m.documents.length) s.push('<p>文書へのリンクはありません。</p>');
  else {
    s.push('<table><caption>文書の一覧</caption><thead><tr><th scope="col">文書</th><th scope="col">種類</th><th scope="col" class="num">大きさ</th><th scope="col">状態</th><th scope="col">リンク元</th></tr></thead><tbody>');
    for (const d of m.documents)
      s.push(`<tr><th scope="row" class="url">${esc(d.url)}</th><td>${esc(d.type)}</td><td class="num">${esc(bytesJa(d.size))}</td><td>${d.error ? `<span class="fail">${esc(d.error.message)}</span>` : d.status ? `応答 ${d.status}` : '未確認'}</td><td><ul>${d.linkedFrom.map((l) => `<li>${esc(l.text || '（リンク文字なし）')}: <span class="url">${esc(l.pageUrl)}</span></li>`).join('')}</ul></td></tr>`);
    s.push('</tbody></table>');
  }
  s.push('</section>');

  // ---- broken links
  s.push(`<section aria-labelledby="broken"><h2 id="broken">リンク切れ</h2>`);
  if (!m.brokenLinks.length) s.push('<p>リンク切れは見つかりませんでした（検査範囲内のリンク先だけを確認しています）。</p>');
  else {
    s.push('<table><caption>リンク切れの一覧</caption><thead><tr><th scope="col">リンク元のページ</th><th scope="col">リンク文字</th><th scope="col">リンク先</th><th scope="col">状態</th></tr></thead><tbody>');
    for (const b of m.brokenLinks)
      s.push(`<tr><th scope="row" class="url">${esc(b.fromUrl)}</th><td>${esc(b.text)}</td><td class="url">${esc(b.toUrl)}</td><td>${b.status ? `エラー ${b.status}` : esc(b.error?.message ?? '応答なし')}</td></tr>`);
    s.push('</tbody></table>');
  }
  if (m.erroredPages.length) {
    s.push('<h3>表示できなかったページ</h3><ul>');
    for (const p of m.erroredPages) s.push(`<li><span class="url">${esc(p.url)}</span>: ${esc(p.error?.message ?? '')}</li>`);
    s.push('</ul>');
  }
  s.push('</section>');

  // ---- judgements
  s.push(`<section aria-labelledby="judgements"><h2 id="judgements">人による確認の記録</h2>`);
  if (!m.judgements.all.length) s.push('<p>人による確認の記録はまだありません。自動では判定できない達成基準は、確認した結果を <code>jis-a11y judge</code> で記録してください。</p>');
  else {
    s.push('<table><caption>記録されている判断（反映されたもの・内容の変更で無効になったもの）</caption><thead><tr><th scope="col">達成基準</th><th scope="col">範囲</th><th scope="col">判断</th><th scope="col">確認者・日時</th><th scope="col">注記</th><th scope="col">状態</th></tr></thead><tbody>');
    const used = new Set(m.judgements.used.map((j) => j.id));
    const staleIds = new Map(m.judgements.stale.map((x) => [x.judgement.id, x.urls]));
    for (const j of m.judgements.all) {
      const state = staleIds.has(j.id)
        ? `<span class="review">ページの内容が変わったため、${staleIds.get(j.id)!.length} ページで無効（確認し直してください）</span>`
        : used.has(j.id)
          ? '反映済み'
          : '該当なし（自動検査の結果が優先、または対象のページがありません）';
      s.push(`<tr><th scope="row">${esc(j.criterion)}</th><td class="url">${esc(describeScope(j.scope))}</td><td>${esc(JUDGEMENT_RESULT_LABEL_JA[j.result])}</td><td>${esc(j.who || '不明')}<br>${esc(dateTimeJa(j.when))}</td><td>${esc(j.note)}</td><td>${state}</td></tr>`);
    }
    s.push('</tbody></table>');
  }
  s.push('</section>');

  // ---- meta
  const cfg = (m.run.config ?? {}) as { scope?: { maxPages?: number; maxDepth?: number; include?: string[]; exclude?: string[] } };
  s.push(`<section aria-labelledby="meta"><h2 id="meta">検査の情報</h2><dl class="meta">`);
  const dd = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${v}</dd>`;
  s.push(dd('検査番号', String(m.run.id) + (m.run.label ? `（${esc(m.run.label)}）` : '')));
  s.push(dd('開始', esc(dateTimeJa(m.run.startedAt))));
  s.push(dd('終了', esc(m.run.finishedAt ? dateTimeJa(m.run.finishedAt) : `終了していません（状態: ${m.run.status}）`)));
  s.push(dd('開始 URL', `<span class="url">${m.run.startUrls.map(esc).join('<br>')}</span>`));
  s.push(dd('検査範囲', esc(`最大 ${cfg.scope?.maxPages ?? '—'} ページ、リンクの深さ ${cfg.scope?.maxDepth != null && cfg.scope.maxDepth >= 0 ? cfg.scope.maxDepth : '制限なし'}${cfg.scope?.include?.length ? `、対象 ${cfg.scope.include.join(' ')}` : ''}${cfg.scope?.exclude?.length ? `、除外 ${cfg.scope.exclude.join(' ')}` : ''}`)));
  s.push(dd('ページ数', esc(`検査 ${m.summary.pagesAudited}、エラー ${m.summary.pagesFailed}、文書 ${m.summary.documents}`)));
  s.push(dd('試験したページの選択', esc(m.selection.description)));
  s.push(dd('使用したツール', toolsUsed(m).map(esc).join('<br>')));
  s.push('</dl></section>');

  return htmlPage({ title, siteName: m.siteName, body: s.join('\n') });
}

function criterionGroupHtml(g: CriterionGroup): string {
  const out: string[] = [];
  const head = g.level ? `${g.id} ${g.jaJis}（レベル ${g.level}）` : g.jaJis;
  out.push(`<h3 id="c-${esc(g.id)}">${esc(head)}</h3>`);
  out.push(`<p>不適合 ${g.violations} 箇所、要確認 ${g.reviews} 箇所。${g.level ? `<a href="${esc(understandingUrl(g.id))}">達成基準 ${esc(g.id)} の解説（WAIC）</a>` : ''}</p>`);
  for (const r of g.rules) {
    out.push(`<h4>${esc(KIND_LABEL_JA[r.kind])}: ${esc(r.ruleId)}（${r.pages} ページ、${r.occurrences.length} 箇所）</h4>`);
    out.push(`<p>${esc(r.message)}</p>`);
    if (r.help) out.push(`<p><strong>直し方:</strong> ${esc(r.help)}</p>`);
    out.push('<ul class="occ">');
    for (const o of r.occurrences.slice(0, MAX_OCCURRENCES)) {
      out.push(`<li>${esc(o.pageTitle || '（タイトルなし）')} <span class="url">${esc(o.pageUrl)}</span><br>位置: <code>${esc(o.selector || (o.line ? `${o.line} 行目` : 'ページ全体'))}</code><pre>${esc(truncate(o.html, 400))}</pre></li>`);
    }
    out.push('</ul>');
    if (r.occurrences.length > MAX_OCCURRENCES) out.push(`<p>ほか ${num(r.occurrences.length - MAX_OCCURRENCES)} 箇所（CSV に全件あります）</p>`);
  }
  return out.join('\n');
}

function trendsHtml(m: ReportModel): string {
  const s: string[] = [`<section aria-labelledby="trends"><h2 id="trends">推移</h2>`];
  const runs = m.trends.runs;
  if (runs.length < 2) {
    s.push('<p>推移を示すには 2 回以上の検査が必要です。</p>');
  } else {
    const labels = runs.map((r) => dateJa(r.date).replace(/^\d+年/, ''));
    s.push('<figure aria-labelledby="fig-trend-cap">');
    s.push(lineChart(labels, [
      { name: '不適合の箇所', values: runs.map((r) => r.violations) },
      { name: '要確認の箇所', values: runs.map((r) => r.reviews) },
      { name: '満たしていない達成基準', values: runs.map((r) => r.failingCriteria) },
    ], { title: '検査ごとの問題の数の推移' }));
    s.push('<figcaption id="fig-trend-cap">図1 検査ごとの問題の数の推移（数値は次の表のとおり）</figcaption></figure>');
    s.push('<table><caption>検査ごとの問題の数</caption><thead><tr><th scope="col">検査日</th><th scope="col" class="num">検査したページ</th><th scope="col" class="num">不適合の箇所</th><th scope="col" class="num">要確認の箇所</th><th scope="col" class="num">満たしていない達成基準</th></tr></thead><tbody>');
    for (const r of runs) s.push(`<tr><th scope="row">${esc(dateJa(r.date))}（検査番号 ${r.runId}）</th><td class="num">${r.pages}</td><td class="num">${r.violations}</td><td class="num">${r.reviews}</td><td class="num">${r.failingCriteria}</td></tr>`);
    s.push('</tbody></table>');
    s.push('<h3>達成基準ごとの推移（不適合のページ数）</h3>');
    s.push(`<table><caption>達成基準ごとの不適合ページ数（左から古い順の検査: ${runs.map((r) => esc(dateJa(r.date))).join('、')}）</caption><thead><tr><th scope="col">達成基準</th>${runs.map((r) => `<th scope="col" class="num">${esc(dateJa(r.date).replace(/^\d+年/, ''))}</th>`).join('')}<th scope="col">グラフ</th></tr></thead><tbody>`);
    for (const c of m.trends.criteria) {
      const vals = runs.map((r) => r.failingPages[c] ?? 0);
      if (vals.every((v) => v === 0)) continue;
      const cr = m.checklist.find((x) => x.id === c);
      s.push(`<tr><th scope="row">${esc(c)} ${esc(cr?.ja ?? '')}</th>${vals.map((v) => `<td class="num">${v}</td>`).join('')}<td>${sparkBars(labels, vals, `${c} の不適合ページ数の推移`)}</td></tr>`);
    }
    s.push('</tbody></table><p class="note">どの検査でも不適合がなかった達成基準は省略しています。</p>');
  }
  if (m.trends.years.length >= 1) {
    s.push('<h3>年度ごとの推移</h3>');
    const ys = m.trends.years;
    if (ys.length >= 2) {
      s.push('<figure aria-labelledby="fig-year-cap">');
      s.push(lineChart(ys.map((y) => `${y.fiscalYear}年度`), [
        { name: '不適合の箇所', values: ys.map((y) => y.violations) },
        { name: '満たしていない達成基準', values: ys.map((y) => y.failingCriteria) },
      ], { title: '年度ごとの問題の数の推移' }));
      s.push('<figcaption id="fig-year-cap">図2 年度ごとの問題の数の推移（各年度の最後の検査。数値は次の表のとおり）</figcaption></figure>');
    }
    s.push('<table><caption>年度ごとの結果（各年度の最後の検査）</caption><thead><tr><th scope="col">年度</th><th scope="col">検査日</th><th scope="col" class="num">検査したページ</th><th scope="col" class="num">不適合の箇所</th><th scope="col" class="num">満たしていない達成基準</th></tr></thead><tbody>');
    for (const y of ys) s.push(`<tr><th scope="row">${esc(fiscalYearJa(y.fiscalYear))}</th><td>${esc(dateJa(y.date))}</td><td class="num">${y.pages}</td><td class="num">${y.violations}</td><td class="num">${y.failingCriteria}</td></tr>`);
    s.push('</tbody></table>');
  }
  s.push('</section>');
  return s.join('\n');
}
