// The 試験結果 page a public body publishes (JIS X 8341-3:2016 附属書JB.3.1), as a full page and as an
// embeddable fragment for the CMS. The items, in the order of JB.3.1, are in reports/test-result/items.ts;
// the claim is the computed one (rules-jis/claim.ts).
import type { ReportModel } from './model.js';
import { html, lines, type Html } from './html.js';
import { htmlPage } from './layout.js';
import { TEST_RESULT_ITEMS } from './test-result/items.js';

export { toolsUsed } from './test-result/items.js';
export { checklistTable } from './test-result/checklist-table.js';

export interface TestResultOptions {
  /** Level of the fragment's top heading (2 by default: it sits under the CMS page's h1). */
  headingLevel?: 1 | 2 | 3;
  /** Id prefix, so two fragments can live on one page. */
  idPrefix?: string;
}

function heading(level: number, id: string, text: string): Html {
  return html`<h${level} id="${id}">${text}</h${level}>`;
}

function fragment(m: ReportModel, o: TestResultOptions): Html {
  const h = o.headingLevel ?? 2;
  const prefix = o.idPrefix ?? 'jr-';
  const items = TEST_RESULT_ITEMS.filter((i) => i.shown?.(m) ?? true);
  return lines(
    html`<section class="jis-test-result" aria-labelledby="${prefix}title">`,
    heading(h, prefix + 'title', `${m.statement.siteName} JIS X 8341-3:2016 試験結果`),
    items.map((i) => [heading(h + 1, prefix + i.id, i.title), ...i.render(m, prefix)]),
    html`</section>`,
  );
}

/** The embeddable fragment: semantic HTML only (no style, no script), headings from h2 (or h3). */
export function testResultFragment(m: ReportModel, o: TestResultOptions = {}): string {
  return fragment(m, o).toString();
}

export function testResultPage(m: ReportModel): string {
  return htmlPage({ title: 'JIS X 8341-3:2016 試験結果', siteName: m.siteName, body: fragment(m, { headingLevel: 1 }) });
}
