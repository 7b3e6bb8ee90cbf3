// 多くのページで繰り返す問題: the same rule at the same position with the same HTML on several pages, which
// one fix in a CMS template or shared part may solve everywhere (grouped in reports/model/repeats.ts).
import { KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { RepeatGroup } from '../model.js';
import { html, lines, type Html } from '../html.js';
import { snippet } from './findings.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

/** Repeats printed; they are sorted by the number of pages, so the ones left out matter least. */
const MAX_REPEATS = 50;

function row(r: RepeatGroup): Html {
  return html`<tr><th scope="row">${r.ruleId}（${KIND_LABEL_JA[r.kind]}、${r.criteria.join('・')}）</th><td><code>${r.selectorPattern || '（ページ全体）'}</code>${snippet(r.snippet, 300)}</td><td class="num">${r.pages.length}</td><td>${r.help}</td></tr>`;
}

const head = { id: 'repeats', title: '多くのページで繰り返す問題（共通部品・テンプレート）' };

export const repeatsSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      html`<p>同じ検査項目・同じ位置（セレクターの形）・同じ HTML で、複数のページに出ている問題です。CMS のテンプレートや共通部品を 1 か所直せば、まとめて解消できる可能性があります。</p>`,
      m.repeats.length
        ? [tableStart('繰り返す問題（ページ数の多い順）', ['検査項目', '位置と HTML', numeric('ページ数'), '直し方']), m.repeats.slice(0, MAX_REPEATS).map(row), tableEnd]
        : html`<p>複数のページで繰り返す問題はありません。</p>`,
      html`</section>`,
    ),
};
