// 問題の多いページ: the pages with the most failing criteria, violations and reviews (chosen in
// reports/model/pages.ts worstPages).
import type { ModelPage } from '../model.js';
import { html, lines, type Html } from '../html.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

function row(p: ModelPage): Html {
  const failing = p.failing.length ? p.failing.join('、') : '0';
  return html`<tr><th scope="row">${p.title || '（タイトルなし）'}<br><span class="url">${p.url}</span></th><td class="num">${failing}</td><td class="num">${p.violations}</td><td class="num">${p.reviews}</td></tr>`;
}

const head = { id: 'worst', title: '問題の多いページ' };

export const worstPagesSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      m.worstPages.length
        ? [tableStart('問題の多いページ（上位 10 ページ）', ['ページ', numeric('満たしていない達成基準'), numeric('不適合箇所'), numeric('要確認箇所')]), m.worstPages.map(row), tableEnd]
        : html`<p>不適合・要確認の箇所があるページはありません。</p>`,
      html`</section>`,
    ),
};
