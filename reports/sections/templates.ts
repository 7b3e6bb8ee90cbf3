// テンプレート別の問題: the pages by the CMS template they were built from, and each template's own problems
// (header, menus, footer) once with the number of pages they appear on (grouped in reports/model/templates.ts).
// One fix in the template removes them from every page of it.
import { KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { TemplateGroup, TemplateProblem } from '../model.js';
import { html, lines, type Html } from '../html.js';
import { snippet } from './findings.js';
import { numeric, sectionStart, tableEnd, tableStart, type SiteSection } from './section.js';

/** Templates printed with their problems; the rest are counted in one sentence. */
const MAX_TEMPLATES = 30;
const MAX_PROBLEMS = 20;

function problemRow(p: TemplateProblem): Html {
  return html`<tr><th scope="row">${p.message}（${KIND_LABEL_JA[p.kind]}、${p.criteria.join('・')}）</th><td><code>${p.selectorPattern || '（ページ全体）'}</code>${snippet(p.snippet, 200)}</td><td class="num">${p.pages}</td><td>${p.help}</td></tr>`;
}

function template(t: TemplateGroup): Html {
  const examples = t.examples.map((e) => html`<li><a href="${e.url}">${e.title || e.url}</a></li>`);
  return lines(
    html`<h3>テンプレート ${t.number}（${t.pages.toLocaleString('ja-JP')} ページ）</h3>`,
    html`<p>このテンプレートのページの例:</p><ul>${examples}</ul>`,
    t.problems.length
      ? [tableStart(`テンプレート ${t.number} の共通部分の問題`, ['問題', '位置と HTML', numeric('ページ数'), '直し方']), t.problems.slice(0, MAX_PROBLEMS).map(problemRow), tableEnd]
      : html`<p>共通部分（ヘッダー・メニュー・フッター）に自動検査で見つかった問題はありません（人による確認が要らないという意味ではありません）。</p>`,
  );
}

const head = { id: 'templates', title: 'テンプレート別の問題（CMS のレイアウト）' };

export const templatesSection: SiteSection = {
  ...head,
  render: (m) =>
    lines(
      sectionStart(head),
      m.templates.length
        ? [
            html`<p>ページの本文の外側（ヘッダー、メニュー、フッターなど）の作りと CSS から、同じ CMS テンプレートで作られたページをまとめました。${m.templates.length} 種類のテンプレートがあります。共通部分の問題は、テンプレートを 1 か所直せば、そのテンプレートのすべてのページで解消します。</p>`,
            m.templates.slice(0, MAX_TEMPLATES).map(template),
            m.templates.length > MAX_TEMPLATES ? html`<p>ほかに ${m.templates.length - MAX_TEMPLATES} 種類のテンプレートがあります（ページ数の少ないもの）。</p>` : '',
          ]
        : html`<p>この検査ではテンプレートを識別していません（以前の版で検査した結果です）。</p>`,
      html`</section>`,
    ),
};
