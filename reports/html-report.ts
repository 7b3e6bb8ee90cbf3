// The site report (ウェブアクセシビリティ検査報告書): one self-contained HTML file the 広報広聴課 reads, acts on,
// prints and files. Its sections are listed here in reading order; each renders from the report model
// alone (reports/sections/*.ts), and the table of contents is made from the same list.
import type { ReportModel } from './model.js';
import { html, lines } from './html.js';
import { dateJa } from './format.js';
import { htmlPage } from './layout.js';
import type { SiteReportOptions, SiteSection } from './sections/section.js';
import { summarySection } from './sections/summary.js';
import { progressSection } from './sections/progress.js';
import { checklistSection } from './sections/checklist.js';
import { findingsSection } from './sections/findings.js';
import { worstPagesSection } from './sections/worst-pages.js';
import { repeatsSection } from './sections/repeats.js';
import { templatesSection } from './sections/templates.js';
import { trendsSection } from './sections/trends.js';
import { documentsSection } from './sections/documents.js';
import { brokenLinksSection } from './sections/broken-links.js';
import { judgementsSection } from './sections/judgements.js';
import { runInfoSection } from './sections/run-info.js';
import { orgSectionsSection } from './sections/org-sections.js';
import { pageViewSection } from './sections/page-view.js';
import { manualChecksSection } from './sections/manual-checks.js';

export { MAX_OCCURRENCES } from './sections/findings.js';
export type { ReportLink, ReportLinks, SiteReportOptions } from './sections/section.js';

export const SITE_SECTIONS: readonly SiteSection[] = [
  summarySection,
  progressSection,
  checklistSection,
  findingsSection,
  orgSectionsSection,
  pageViewSection,
  manualChecksSection,
  worstPagesSection,
  templatesSection,
  repeatsSection,
  trendsSection,
  documentsSection,
  brokenLinksSection,
  judgementsSection,
  runInfoSection,
];

const TITLE = 'ウェブアクセシビリティ検査報告書';

export function siteReportHtml(m: ReportModel, o: SiteReportOptions = {}): string {
  const toc = SITE_SECTIONS.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`);
  const body = lines(
    html`<h1>${m.siteName} ${TITLE}</h1>`,
    html`<p>検査日: ${dateJa(m.run.startedAt)}　作成日: ${dateJa(m.generatedAt)}　規格: JIS X 8341-3:2016（目標 適合レベル${m.target}）</p>`,
    html`<nav aria-labelledby="toc-h"><h2 id="toc-h">目次</h2><ol>${toc}</ol></nav>`,
    SITE_SECTIONS.map((s) => s.render(m, o)),
  );
  return htmlPage({ title: TITLE, siteName: m.siteName, body });
}
