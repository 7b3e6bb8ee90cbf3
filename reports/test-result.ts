// The 試験結果 page a public body publishes (JIS X 8341-3:2016 附属書JB.3.1), as a full page, as an
// embeddable fragment for the CMS, and as the page printed to PDF (A4 landscape, for the wide checklist). All
// render the TestResultDocument (reports/test-result/document.ts), never the report model, so the JSON, the
// page, the fragment, the XLSX and the PDF say the same thing. The items, in the order of JB.3.1, are in
// reports/test-result/items.ts. Until a claim may be stated, the title itself says so (「試験未完了（公開用では
// ありません）」), in every output.
import { CLAIM_WORDS_JA } from '../rules-jis/labels-ja.js';
import { html, lines, type Html } from './html.js';
import { htmlPage } from './layout.js';
import { TEST_RESULT_ITEMS } from './test-result/items.js';
import type { TestResultDocument } from './test-result/document.js';

export { toolsUsed, testResultDocument, type TestResultDocument } from './test-result/document.js';
export { checklistTable } from './test-result/checklist-table.js';

export interface TestResultOptions {
  /** Level of the fragment's top heading (2 by default: it sits under the CMS page's h1). */
  headingLevel?: 1 | 2 | 3;
  /** Id prefix, so two fragments can live on one page. */
  idPrefix?: string;
}

/**
 * The print CSS of the PDF: A4 landscape, so the six columns of the checklist fit the page width, and a TrueType
 * Japanese font first (Debian fonts-ipaexfont-gothic): Chromium embeds TrueType outlines as real fonts, but turns
 * the CFF outlines of Noto Sans CJK into Type 3 glyph drawings, which PDF readers cannot search or reflow well.
 */
export const TEST_RESULT_PRINT_CSS =
  '@media print { @page { size: A4 landscape; margin: 12mm 12mm; } html { font-family: "IPAexGothic", "IPAexゴシック", "Noto Sans CJK JP", sans-serif; } * { font-synthesis: none; } }';

function heading(level: number, id: string, text: string): Html {
  return html`<h${level} id="${id}">${text}</h${level}>`;
}

/** The page title: the site's 試験結果, marked as not for publication until a claim may be stated. */
export function testResultTitle(d: TestResultDocument): string {
  const base = `${d.statement.siteName} JIS X 8341-3:2016 試験結果`;
  return d.claim.state === 'stated' ? base : `${base}【${d.claim.state === 'incomplete' ? CLAIM_WORDS_JA.incomplete : CLAIM_WORDS_JA.blocked}】`;
}

function fragment(d: TestResultDocument, o: TestResultOptions): Html {
  const h = o.headingLevel ?? 2;
  const prefix = o.idPrefix ?? 'jr-';
  const items = TEST_RESULT_ITEMS.filter((i) => i.shown?.(d) ?? true);
  return lines(
    html`<section class="jis-test-result" aria-labelledby="${prefix}title">`,
    heading(h, prefix + 'title', testResultTitle(d)),
    items.map((i) => [heading(h + 1, prefix + i.id, i.title), ...i.render(d, prefix, h + 1)]),
    html`</section>`,
  );
}

/** The embeddable fragment: semantic HTML only (no style, no script), headings from h2 (or h3). */
export function testResultFragment(d: TestResultDocument, o: TestResultOptions = {}): string {
  return fragment(d, o).toString();
}

export function testResultPage(d: TestResultDocument, o: { print?: 'landscape' } = {}): string {
  return htmlPage({ title: testResultTitle(d), siteName: d.statement.siteName, body: fragment(d, { headingLevel: 1 }), css: o.print ? TEST_RESULT_PRINT_CSS : undefined });
}
