// 推移: the problems of every run up to this one (chart and table), failing pages per criterion across the
// runs (with a sparkline each), and the last run of each fiscal year (年度). Every chart (reports/charts.ts)
// has its numbers in the table beside it.
import type { ReportModel } from '../model.js';
import type { TrendPoint, Trends } from '../trends.js';
import { lineChart, sparkBars } from '../charts.js';
import { html, join, lines, type Html, type HtmlValue } from '../html.js';
import { dateJa, fiscalYearJa, monthDayJa } from '../format.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

const counts = (ns: number[]) => ns.map((n) => html`<td class="num">${n}</td>`);

function runsChart(runs: TrendPoint[]): Html {
  const chart = lineChart(
    runs.map((r) => monthDayJa(r.date)),
    [
      { name: '不適合の箇所', values: runs.map((r) => r.violations) },
      { name: '要確認の箇所', values: runs.map((r) => r.reviews) },
      { name: '満たしていない達成基準', values: runs.map((r) => r.failingCriteria) },
    ],
    { title: '検査ごとの問題の数の推移' },
  );
  return lines(html`<figure aria-labelledby="fig-trend-cap">`, chart, html`<figcaption id="fig-trend-cap">図1 検査ごとの問題の数の推移（数値は次の表のとおり）</figcaption></figure>`);
}

function runsTable(runs: TrendPoint[]): Html {
  return lines(
    tableStart('検査ごとの問題の数', ['検査日', ...['検査したページ', '不適合の箇所', '要確認の箇所', '満たしていない達成基準'].map(numeric)]),
    runs.map((r) => html`<tr><th scope="row">${dateJa(r.date)}（検査番号 ${r.runId}）</th>${counts([r.pages, r.violations, r.reviews, r.failingCriteria])}</tr>`),
    tableEnd,
  );
}

/** Failing pages per criterion and run; criteria that never failed are left out. */
function criteriaTable(m: ReportModel, runs: TrendPoint[]): Html {
  const labels = runs.map((r) => monthDayJa(r.date));
  const caption = html`達成基準ごとの不適合ページ数（左から古い順の検査: ${join(runs.map((r) => dateJa(r.date)), '、')}）`;
  const rows: Html[] = [];
  for (const c of m.trends.criteria) {
    const vals = runs.map((r) => r.failingPages[c] ?? 0);
    if (vals.every((v) => v === 0)) continue;
    const name = m.checklist.find((x) => x.id === c)?.ja ?? '';
    rows.push(html`<tr><th scope="row">${c} ${name}</th>${counts(vals)}<td>${sparkBars(labels, vals, `${c} の不適合ページ数の推移`)}</td></tr>`);
  }
  return lines(
    html`<h3>達成基準ごとの推移（不適合のページ数）</h3>`,
    tableStart(caption, ['達成基準', ...labels.map(numeric), 'グラフ']),
    rows,
    html`</tbody></table><p class="note">どの検査でも不適合がなかった達成基準は省略しています。</p>`,
  );
}

function yearsChart(ys: Trends['years']): Html {
  const chart = lineChart(
    ys.map((y) => `${y.fiscalYear}年度`),
    [
      { name: '不適合の箇所', values: ys.map((y) => y.violations) },
      { name: '満たしていない達成基準', values: ys.map((y) => y.failingCriteria) },
    ],
    { title: '年度ごとの問題の数の推移' },
  );
  return lines(html`<figure aria-labelledby="fig-year-cap">`, chart, html`<figcaption id="fig-year-cap">図2 年度ごとの問題の数の推移（各年度の最後の検査。数値は次の表のとおり）</figcaption></figure>`);
}

function years(ys: Trends['years']): HtmlValue[] {
  if (!ys.length) return [];
  return [
    html`<h3>年度ごとの推移</h3>`,
    ys.length >= 2 ? yearsChart(ys) : null,
    tableStart('年度ごとの結果（各年度の最後の検査）', ['年度', '検査日', ...['検査したページ', '不適合の箇所', '満たしていない達成基準'].map(numeric)]),
    ys.map((y) => html`<tr><th scope="row">${fiscalYearJa(y.fiscalYear)}</th><td>${dateJa(y.date)}</td>${counts([y.pages, y.violations, y.failingCriteria])}</tr>`),
    tableEnd,
  ];
}

const head = { id: 'trends', title: '推移' };

export const trendsSection: SiteSection = {
  ...head,
  render(m) {
    const runs = m.trends.runs;
    return lines(
      sectionStart(head),
      runs.length < 2 ? html`<p>推移を示すには 2 回以上の検査が必要です。</p>` : [runsChart(runs), runsTable(runs), criteriaTable(m, runs)],
      years(m.trends.years),
      html`</section>`,
    );
  },
};
