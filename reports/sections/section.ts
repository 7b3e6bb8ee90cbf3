// What every section of the site report (reports/html-report.ts) shares: its shape (an id, the title the
// table of contents and its heading print, a render function of the report model), the heading that
// opens it, and the table head most sections print. One renderer per section, after Lighthouse's
// report/renderer: a section reads the report model and nothing else.
import type { ReportModel } from '../model.js';
import { html, type Html } from '../html.js';

/** A sibling file: its relative link and, once written, its size (printed beside the link, as 2.4.4 asks). */
export interface ReportLink {
  href: string;
  bytes?: number;
}

/** Relative links to the sibling files written by generateReports (reports/generate.ts): a path or a ReportLink. */
export interface ReportLinks {
  testResult?: string | ReportLink;
  testResultJson?: string | ReportLink;
  testResultPdf?: string | ReportLink;
  csv?: string | ReportLink;
  /** The linked documents' findings (only when the run has documents). */
  documentsCsv?: string | ReportLink;
  xlsx?: string | ReportLink;
  worksheet?: string | ReportLink;
  json?: string | ReportLink;
  pdf?: string | ReportLink;
}

export interface SiteReportOptions {
  links?: ReportLinks;
}

export interface SiteSection {
  /** The section's fragment id, linked from the table of contents. */
  id: string;
  /** Its h2, also the entry in the table of contents. */
  title: string;
  /** The whole section, from its opening <section> to </section>. */
  render(m: ReportModel, o: SiteReportOptions): Html;
}

/** `<section>` and its h2, labelled by it. */
export function sectionStart(s: Pick<SiteSection, 'id' | 'title'>): Html {
  return html`<section aria-labelledby="${s.id}"><h2 id="${s.id}">${s.title}</h2>`;
}

/** A column heading: plain text, or a number column (right-aligned). */
export type Column = string | { numeric: string };

export const numeric = (label: string): Column => ({ numeric: label });

/** Opens a data table up to its <tbody>: caption (text, or `html` when part of it is markup), then one row of column headings. */
export function tableStart(caption: string | Html, columns: Column[], className?: string): Html {
  const th = columns.map((c) => (typeof c === 'string' ? html`<th scope="col">${c}</th>` : html`<th scope="col" class="num">${c.numeric}</th>`));
  return html`<table${className ? html` class="${className}"` : ''}><caption>${caption}</caption><thead><tr>${th}</tr></thead><tbody>`;
}

/** Closes what tableStart opened. */
export const tableEnd = html`</tbody></table>`;
