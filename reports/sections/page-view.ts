// ページごとの問題: for each page with a violation or a review, grouped by 所属, its title and link and its
// findings by criterion, each with the rule's Japanese title and what a person sees of the element (its
// name or visible text, and a crop where one was taken). What an editor opens when told 「このページを直して」.
import { JUDGED_OUTCOME_LABEL_JA, KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { ReportModel } from '../model.js';
import type { PageCriterionView, PageRuleItem, PageView } from '../model/page-view.js';
import { html, lines, type Html } from '../html.js';
import { num } from '../format.js';
import { sectionStart, type SiteSection } from './section.js';
import { pageLink, ruleHeading, seen } from './findings.js';

/** Pages printed (worst first within each 所属); the CSV has every finding. */
export const MAX_PAGE_VIEWS = 100;
/** Occurrences of one rule printed on one page. */
export const MAX_PER_RULE_ON_PAGE = 5;

/** The fragment id of a page's entry (linked from the per-section view). */
export const pageAnchor = (pageId: number) => `p-${pageId}`;

function ruleItem(i: PageRuleItem): Html {
  const shown = i.occurrences.slice(0, MAX_PER_RULE_ON_PAGE);
  const more = i.occurrences.length - shown.length;
  return html`<li>${ruleHeading(i.rule)} — ${i.occurrences.length} 箇所<ul>${shown.map((o) => html`<li>${seen(o, true)}</li>`)}${more > 0 ? html`<li>ほか ${more} 箇所</li>` : ''}</ul></li>`;
}

function criterion(c: PageCriterionView): Html {
  const name = c.level ? `${c.id} ${c.ja}` : c.ja;
  const outcome = c.outcome ? `（このページ: ${JUDGED_OUTCOME_LABEL_JA[c.outcome]}）` : '';
  return html`<li><strong>${name}</strong>${outcome}<ul>${c.rules.map(ruleItem)}</ul></li>`;
}

function pageEntry(v: PageView): Html {
  const p = v.page;
  const counts = `${KIND_LABEL_JA.violation} ${num(p.violations)} 箇所、${KIND_LABEL_JA.review} ${num(p.reviews)} 箇所`;
  return lines(
    html`<h4 id="${pageAnchor(p.id)}">${pageLink(p.url, p.title)}</h4>`,
    html`<p>${v.section}　${counts}${p.selected ? '　（試験したページ）' : ''}</p>`,
    html`<ul class="occ">${v.criteria.map(criterion)}</ul>`,
  );
}

/** The shown pages under one h3 per 所属, in the model's order. */
function bySection(views: PageView[]): Html[] {
  const out: Html[] = [];
  let current: string | null = null;
  for (const v of views) {
    if (v.section !== current) {
      current = v.section;
      out.push(html`<h3>${current}</h3>`);
    }
    out.push(pageEntry(v));
  }
  return out;
}

const head = { id: 'by-page', title: 'ページごとの問題' };

export const pageViewSection: SiteSection = {
  ...head,
  render: (m: ReportModel) => {
    const shown = m.pageViews.slice(0, MAX_PAGE_VIEWS);
    const more = m.pageViews.length - shown.length;
    return lines(
      sectionStart(head),
      m.pageViews.length
        ? html`<p>不適合・要確認の箇所があるページ（${num(m.pageViews.length)} ページ）を、所属ごとに問題の多い順に示します。各ページの問題は達成基準ごとにまとめ、問題の要素に表示される文字（または画像）を添えています。</p>`
        : html`<p>不適合・要確認の箇所があるページはありません。</p>`,
      m.pageViews.some((v) => v.criteria.some((c) => c.rules.some((r) => r.occurrences.some((o) => o.crop))))
        ? html`<p class="note">要素の画像は、試験したページの不適合の箇所を、報告書を作ったときにページを開き直して撮影したものです。その後にページが変わっていれば、画像も変わります。</p>`
        : null,
      bySection(shown),
      more > 0 ? html`<p>ほか ${num(more)} ページ（findings.csv に全件あります）</p>` : null,
      html`</section>`,
    );
  },
};
