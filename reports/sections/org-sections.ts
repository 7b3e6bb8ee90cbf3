// 所属ごとの問題: pages mapped to divisions (所属) by URL prefix (reports/model/org-sections.ts), with each
// division's pages, pages with a violation, violations, reviews and worst pages linked to the per-page view,
// so each 所属 sees what is its own to fix.
import type { ReportModel } from '../model.js';
import type { SectionSummary } from '../model/org-sections.js';
import { html, join, lines, type Html } from '../html.js';
import { num } from '../format.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';
import { pageAnchor } from './page-view.js';

function row(s: SectionSummary, m: ReportModel): Html {
  const shown = new Set(m.pageViews.map((v) => v.page.url));
  const worst = s.worst.map((p) => (shown.has(p.url) ? html`<a href="#${pageAnchor(p.id)}">${p.title || p.url}</a>` : html`${p.title || p.url}`));
  const prefixes = s.prefixes.length ? html`<br><span class="note url">${s.prefixes.join(' ')}</span>` : '';
  const counts = [s.pages, s.failingPages, s.violations, s.reviews].map((n) => html`<td class="num">${num(n)}</td>`);
  return html`<tr><th scope="row">${s.name}${prefixes}</th>${counts}<td>${worst.length ? join(worst, html`<br>`) : '—'}</td></tr>`;
}

const head = { id: 'by-section', title: '所属ごとの問題' };

export const orgSectionsSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      m.sectionMappings.length
        ? html`<p>ページの URL の先頭で所属に振り分けています（設定の <code>sections</code>）。どれにも当てはまらないページは「その他」です。</p>`
        : html`<p>所属の対応が設定されていないため、すべてのページを「その他」にまとめています。設定ファイルに <code>"sections": [{ "prefix": "/kenko/", "name": "健康福祉部 健康増進課" }]</code> のように書くと、所属ごとに分けて示します。</p>`,
      tableStart('所属ごとのページ数と問題の数', ['所属', ...['検査したページ', '不適合のあるページ', '不適合の箇所', '要確認の箇所'].map(numeric), '問題の多いページ']),
      m.sections.map((s) => row(s, m)),
      tableEnd,
      html`</section>`,
    ),
};
