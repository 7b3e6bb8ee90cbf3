// The Office checks (docx, xlsx, pptx): pure functions of what crawler/page/documents/read-office.ts read
// (OfficeFacts), mirroring what Office's own 「アクセシビリティチェック」 reports for the same faults, so an
// editor who runs it at the source sees the same list.
import type { Finding } from '../types.js';
import type { OfficeFacts } from './facts.js';
import { documentFinding, listJa } from './finding.js';

const FORMAT_JA: Record<OfficeFacts['format'], string> = { docx: 'Word 文書', xlsx: 'Excel ブック', pptx: 'PowerPoint プレゼンテーション' };

/** Names Excel gives new sheets: Sheet1 (English UI), シート1 / Sheet１ (Japanese UI, either width). */
export const DEFAULT_SHEET_NAME = /^(sheet|シート)\s*[0-9０-９]+$/i;

type OfficeCheck = (f: OfficeFacts) => Finding[];

const title: OfficeCheck = (f) => (f.title ? [] : [documentFinding('office-no-title', { format: FORMAT_JA[f.format], file: f.file })]);

const lang: OfficeCheck = (f) => (f.lang === null ? [documentFinding('office-no-lang', { format: FORMAT_JA[f.format] })] : []);

const images: OfficeCheck = (f) =>
  f.imagesWithoutAlt.length ? [documentFinding('office-image-no-alt', { count: f.imagesWithoutAlt.length, where: listJa(f.imagesWithoutAlt) })] : [];

const tables: OfficeCheck = (f) =>
  f.format === 'docx' && f.tablesWithoutHeader.length
    ? [documentFinding('docx-table-no-header', { count: f.tablesWithoutHeader.length, where: listJa(f.tablesWithoutHeader) })]
    : [];

const sheets: OfficeCheck = (f) => {
  const defaults = f.sheetNames.filter((n) => DEFAULT_SHEET_NAME.test(n.normalize('NFKC').trim()));
  return f.format === 'xlsx' && defaults.length ? [documentFinding('xlsx-default-sheet-name', { names: listJa(defaults.map((n) => `「${n}」`)) })] : [];
};

const OFFICE_CHECKS: readonly OfficeCheck[] = [title, lang, images, tables, sheets];

/** Every finding of one Office file. */
export function checkOffice(facts: OfficeFacts): Finding[] {
  return OFFICE_CHECKS.flatMap((c) => c(facts));
}
