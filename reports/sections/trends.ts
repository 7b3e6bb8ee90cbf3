// 推移: the site's problems by fiscal year (年度) and by run, as rates per audited page — findings per page
// and the share of pages failing each criterion — so a larger crawl does not look like a worse site. Every
// chart (reports/charts.ts) has its numbers in the table beside it, totals included.
import type { ReportModel } from '../model.js';
import { pageShare, type TrendPoint, type Trends } from '../trends.js';
import { chartImage, lineChart, sparkBars } from '../charts.js';
import { html, join, lines, type Html, type HtmlValue } from '../html.js';
import { dateJa, fiscalYear, fiscalYearJa, monthDayJa, num } from '../format.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

const counts = (ns: (number | string)[]) => ns.map((n) => html`<td class="num">${typeof n === 'number' ? num(n) : n}</td>`);
const rate = (n: number) => n.toFixed(2);

/** The axis label of a run: its day, and its 年度 on a second line. */
const runLabel = (r: TrendPoint) => `${monthDayJa(r.date)}\n${fiscalYear(r.date)}年度`;

function rateChart(labels: string[], points: TrendPoint[], title: string, figId: string, caption: string): Html {
  const svg = lineChart(
    labels,
    [
      { name: '1ページあたりの不適合の箇所', values: points.map((p) => p.perPage.violations) },
      { name: '1ページあたりの要確認の箇所', values: points.map((p) => p.perPage.reviews) },
    ],
    { title, fractional: true, width: 680 },
  );
  const chart = chartImage(svg, `${title}の折れ線グラフ（1ページあたりの不適合と要確認の箇所）`);
  return lines(html`<figure aria-labelledby="${figId}">`, chart, html`<figcaption id="${figId}">${caption}</figcaption></figure>`);
}

const RATE_COLUMNS = ['検査したページ', '不適合の箇所', '1ページあたりの不適合', '要確認の箇所', '1ページあたりの要確認', '満たしていない達成基準'].map(numeric);
const rateCells = (p: TrendPoint) => counts([p.pages, p.violations, rate(p.perPage.violations), p.reviews, rate(p.perPage.reviews), p.failingCriteria]);

function years(ys: Trends['years']): HtmlValue[] {
  if (!ys.length) return [];
  return [
    html`<h3>年度ごとの推移</h3>`,
    rateChart(
      ys.map((y) => `${y.fiscalYear}年度`),
      ys,
      '年度ごとの、1ページあたりの問題の数',
      'fig-year-cap',
      '図1 年度ごとの推移（各年度の最後の検査。数値は次の表のとおり）',
    ),
    tableStart('年度ごとの結果（各年度の最後の検査）', ['年度', '検査日', ...RATE_COLUMNS]),
    ys.map((y) => html`<tr><th scope="row">${fiscalYearJa(y.fiscalYear)}</th><td>${dateJa(y.date)}</td>${rateCells(y)}</tr>`),
    tableEnd,
  ];
}

function runs(rs: TrendPoint[]): Html {
  return lines(
    html`<h3>検査ごとの推移</h3>`,
    rateChart(rs.map(runLabel), rs, '検査ごとの、1ページあたりの問題の数', 'fig-trend-cap', '図2 検査ごとの推移（数値は次の表のとおり）'),
    tableStart('検査ごとの問題の数', ['検査日', ...RATE_COLUMNS]),
    rs.map((r) => html`<tr><th scope="row">${dateJa(r.date)}（${fiscalYear(r.date)}年度、検査番号 ${r.runId}）</th>${rateCells(r)}</tr>`),
    tableEnd,
  );
}

/** The share of pages failing each criterion, per run; criteria that never failed are left out. */
function criteriaTable(m: ReportModel, rs: TrendPoint[]): Html {
  const labels = rs.map(runLabel);
  const heads = rs.map((r) => `${monthDayJa(r.date)}（${fiscalYear(r.date)}年度）`);
  const caption = html`達成基準ごとの、不適合のページの割合（%。左から古い順の検査: ${join(rs.map((r) => dateJa(r.date)), '、')}）`;
  const rows: Html[] = [];
  for (const c of m.trends.criteria) {
    const vals = rs.map((r) => pageShare(r.failingPages[c] ?? 0, r.pages));
    if (vals.every((v) => v === 0)) continue;
    const name = m.checklist.find((x) => x.id === c)?.ja ?? '';
    rows.push(html`<tr><th scope="row">${c} ${name}</th>${counts(vals.map((v) => `${v}%`))}<td>${sparkBars(labels, vals, `${c} の不適合のページの割合の推移`, '%')}</td></tr>`);
  }
  return lines(
    html`<h3>達成基準ごとの推移（不適合のページの割合）</h3>`,
    tableStart(caption, ['達成基準', ...heads.map(numeric), 'グラフ']),
    rows,
    html`</tbody></table><p class="note">割合は、その検査で検査したページのうち、その達成基準が不適合だったページの割合です。どの検査でも不適合がなかった達成基準は省略しています。</p>`,
  );
}

const head = { id: 'trends', title: '推移' };

export const trendsSection: SiteSection = {
  ...head,
  render(m) {
    const rs = m.trends.runs;
    return lines(
      sectionStart(head),
      html`<p>検査するページの数は検査ごとに違うため、問題の数は「1ページあたり」と「ページの割合」で比べます。合計の数も表にあります。</p>`,
      years(m.trends.years),
      rs.length < 2 ? html`<p>検査ごとの推移を示すには 2 回以上の検査が必要です。</p>` : [runs(rs), criteriaTable(m, rs)],
      html`</section>`,
    );
  },
};
