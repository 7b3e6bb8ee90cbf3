// The PDF checks: pure functions of what crawler/page/documents/read-pdf.ts read (PdfFacts), one per rule of
// data/rules/document.json, each giving its findings (none when the rule holds). Thresholds are named here.
// Sources for what each check asks: WCAG 2.0 PDF techniques (PDF1 alt, PDF3 reading order, PDF9 headings,
// PDF12 form fields, PDF16 language, PDF18 title) and the Matterhorn-style checks of Acrobat's checker.
import type { Finding } from '../types.js';
import type { PdfFacts } from './facts.js';
import { documentFinding, pagesJa } from './finding.js';

/** From this many pages a PDF is "long" and should have bookmarks (Acrobat's checker uses 21, PDF/UA none; ours is stricter). */
export const LONG_PDF_PAGES = 10;
/** A tagged page whose untagged text exceeds this share, or whose tag order is inverted beyond it, is flagged. */
export const UNTAGGED_TEXT_SHARE = 0.2;
export const ORDER_INVERSION_SHARE = 0.3;

/**
 * A title a tool filled in, not a person: what a browser prints for an untitled page, a file name, Word's
 * "Microsoft Word - 文書1.docx", 無題 / Untitled / 文書1.
 */
export const PLACEHOLDER_TITLE = /^(about:blank|https?:\/\/\S+|untitled\d*|無題\d*|文書\s*\d+|document\s*\d*|microsoft (word|excel|powerpoint) - .*|.+\.(pdf|docx?|xlsx?|pptx?|jtd|rtf|txt|html?))$/i;

type PdfCheck = (f: PdfFacts) => Finding[];

const tagged = (f: PdfFacts) => f.structTree;

const untagged: PdfCheck = (f) => (tagged(f) ? [] : [documentFinding('pdf-untagged')]);

const imageOnly: PdfCheck = (f) => {
  if (!f.imageOnlyPages.length) return [];
  // every page read is a scan, and no figure in the structure tree carries a text alternative
  const allScan = f.textPages.length === 0 && f.imageOnlyPages.length === f.pagesRead && f.figures <= f.figuresWithoutAlt.length;
  if (allScan) return [documentFinding('pdf-image-only', { count: f.pagesRead })];
  return [documentFinding('pdf-image-only', { where: pagesJa(f.imageOnlyPages) }, 'some')];
};

const title: PdfCheck = (f) => {
  if (!f.title) return [documentFinding('pdf-no-title', { file: f.file })];
  if (PLACEHOLDER_TITLE.test(f.title.normalize('NFKC').trim())) return [documentFinding('pdf-no-title', { title: f.title }, 'placeholder')];
  return f.displayDocTitle ? [] : [documentFinding('pdf-title-not-displayed', { title: f.title })];
};

const lang: PdfCheck = (f) => (f.lang ? [] : [documentFinding('pdf-no-lang')]);

const bookmarks: PdfCheck = (f) => (f.pages >= LONG_PDF_PAGES && f.bookmarks === 0 ? [documentFinding('pdf-no-bookmarks', { pages: f.pages })] : []);

const encryption: PdfCheck = (f) => (f.accessibilityBlocked ? [documentFinding('pdf-encryption-blocks-at')] : []);

const fields: PdfCheck = (f) =>
  f.fields.filter((x) => !x.described).map((x) => documentFinding('pdf-field-no-name', { where: `${x.page} ページ`, field: x.name }));

const figures: PdfCheck = (f) => {
  if (!f.figuresWithoutAlt.length) return [];
  const pages = [...new Set(f.figuresWithoutAlt.map((x) => x.page))].sort((a, b) => a - b);
  return [documentFinding('pdf-figure-no-alt', { count: f.figuresWithoutAlt.length, where: pagesJa(pages) })];
};

const readingOrder: PdfCheck = (f) => {
  if (!tagged(f)) return []; // an untagged PDF has no reading order to compare: pdf-untagged says it
  const bad = f.order.filter((o) => o.untaggedTextShare > UNTAGGED_TEXT_SHARE || o.inversionShare > ORDER_INVERSION_SHARE).map((o) => o.page);
  return bad.length ? [documentFinding('pdf-reading-order', { where: pagesJa(bad) })] : [];
};

const tableHeaders: PdfCheck = (f) => {
  if (!f.tablesWithoutHeader.length) return [];
  const pages = [...new Set(f.tablesWithoutHeader.map((x) => x.page))].sort((a, b) => a - b);
  return [documentFinding('pdf-table-no-header', { count: f.tablesWithoutHeader.length, where: pagesJa(pages) })];
};

/** Only where tags exist: an untagged PDF has no headings to find (pdf-untagged says it). */
const headings: PdfCheck = (f) => (tagged(f) && f.pages >= LONG_PDF_PAGES && f.headings === 0 ? [documentFinding('pdf-no-headings', { pages: f.pages })] : []);

/** A list typed by hand: two or more list-like tagged paragraphs outside any list (one alone is no list). */
export const MIN_LIST_LIKE = 2;

const lists: PdfCheck = (f) => {
  if (f.listLikeOutsideLists.length < MIN_LIST_LIKE) return [];
  const pages = [...new Set(f.listLikeOutsideLists.map((x) => x.page))].sort((a, b) => a - b);
  return [documentFinding('pdf-list-not-tagged', { count: f.listLikeOutsideLists.length, where: pagesJa(pages) })];
};

/** In the order of the catalogue. */
const PDF_CHECKS: readonly PdfCheck[] = [untagged, imageOnly, title, lang, bookmarks, encryption, fields, figures, readingOrder, tableHeaders, headings, lists];

/** Every finding of one PDF. */
export function checkPdf(facts: PdfFacts): Finding[] {
  return PDF_CHECKS.flatMap((c) => c(facts));
}
