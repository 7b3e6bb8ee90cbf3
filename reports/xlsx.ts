// The 達成基準チェックリスト as an Excel workbook (exceljs), rendered from the TestResultDocument (as the
// 試験結果 page is): the checklist sheet a tester files, the tested URIs with 代表 / ランダム, and the
// statement, claim and period. Marks carry their words as on the page. The findings of the linked documents
// (PDF, Office; issue 18) get their own sheet, a row per finding with the document's linking pages.
import ExcelJS from 'exceljs';
import { APPLICABLE_MARK_JA, APPLICABLE_MARK_WORDS_JA, RESULT_MARK_WORDS_JA, SELECTION_KIND_LABEL_JA } from '../rules-jis/labels-ja.js';
import type { TestResultDocument } from './test-result/document.js';
import type { DocumentResult } from '../rules-jis/types.js';
import { documentRows } from './documents-export.js';
import { howJudged } from './test-result/checklist-table.js';
import { testResultTitle } from './test-result.js';
import { isoDateJst } from './format.js';

export const CHECKLIST_SHEET = '達成基準チェックリスト';

const THIN = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;

function checklistSheet(wb: ExcelJS.Workbook, d: TestResultDocument): void {
  const ws = wb.addWorksheet(CHECKLIST_SHEET, { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getCell('A1').value = testResultTitle(d).replace('試験結果', '達成基準チェックリスト');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = `対応度: ${d.claim.text}　表明日: ${d.statement.statementDate}　試験したページ: ${d.selection.pages.length} ページ（${d.selection.methodLabel}）`;
  ws.columns = [{ width: 12 }, { width: 44 }, { width: 12 }, { width: 8 }, { width: 10 }, { width: 70 }, { width: 14 }, { width: 16 }];
  const header = ws.getRow(4);
  header.values = ['達成基準', '名称（規格の表記）', '適合レベル', '適用', '結果', '注記', '確認の方法', '結果の意味'];
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = THIN;
  });
  d.checklist.forEach((e, i) => {
    const row = ws.getRow(5 + i);
    row.values = [e.id, e.title, e.level, e.applicable ? APPLICABLE_MARK_JA.applicable : APPLICABLE_MARK_JA.inapplicable, e.mark, e.note, howJudged(e), RESULT_MARK_WORDS_JA[e.mark] || (e.applicable ? APPLICABLE_MARK_WORDS_JA.applicable : APPLICABLE_MARK_WORDS_JA.inapplicable)];
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
  });
}

export const DOCUMENTS_SHEET = '文書の指摘';

/** One row per finding of each linked document (reports/documents-export.ts), wrapped and filterable. */
function documentsSheet(wb: ExcelJS.Workbook, docs: readonly DocumentResult[]): void {
  const ws = wb.addWorksheet(DOCUMENTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = documentRows(docs);
  ws.columns = [60, 10, 30, 60, 24, 8, 10, 30, 22, 60, 70, 40].map((width) => ({ width }));
  rows.forEach((r) => (ws.addRow(r).alignment = { vertical: 'top', wrapText: true }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows[0].length } };
}

/** The workbook; `documents` adds the 文書の指摘 sheet (when there are any). */
export async function checklistXlsx(d: TestResultDocument, documents: readonly DocumentResult[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jis-a11y';
  wb.created = new Date(d.generatedAt);
  checklistSheet(wb, d);
  const urls = wb.addWorksheet('試験したURI');
  urls.columns = [{ header: '番号', width: 8 }, { header: 'URI', width: 90 }, { header: '選択の理由', width: 40 }];
  d.selection.pages.forEach((p, i) => urls.addRow([i + 1, p.url, p.kind ? `${SELECTION_KIND_LABEL_JA[p.kind]}（${p.reason}）` : p.reason]));
  const docs = d.selection.documents;
  docs?.documents.forEach((x, i) => urls.addRow([d.selection.pages.length + i + 1, x.url, `文書（${docs.description}）`]));
  urls.getRow(1).font = { bold: true };
  const info = wb.addWorksheet('試験の情報');
  info.columns = [{ width: 28 }, { width: 90 }];
  const st = d.statement;
  const rows: [string, string][] = [
    ['表明日', st.statementDate],
    ['規格の規格番号及び改正年', d.standard],
    ['対応度', d.claim.text],
    ...(d.claim.reason ? [['対応度を表記しない理由', d.claim.reason] as [string, string]] : []),
    ['注記', d.claim.note],
    ['対象となるウェブページ', st.scopeDescription],
    ['除外', st.exclusions.join('／') || 'なし'],
    ['依存したウェブコンテンツ技術', st.technologies.join('、')],
    ['選択方法', `${d.selection.methodLabel}: ${d.selection.description}`],
    ['試験実施期間', `${isoDateJst(d.period.from)} 〜 ${isoDateJst(d.period.to)}`],
    ['試験に使用したツール', d.tools.join('／')],
    ['試験の環境', st.environments.map((e) => [e.os, e.browser, e.assistiveTech].filter(Boolean).join('、')).join('／') || '記載なし'],
    ['試験の実施者', st.organisation ?? '記載なし'],
    ['ウェブアクセシビリティ方針', st.policyUrl ?? '記載なし'],
    ['今後の対応方針', st.futurePlan ?? '記載なし'],
    ['追加の対応', st.additionalMeasures.join('／') || 'なし'],
  ];
  rows.forEach((r) => (info.addRow(r).alignment = { wrapText: true, vertical: 'top' }));
  if (documents.length) documentsSheet(wb, documents);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
