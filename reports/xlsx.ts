// The 達成基準チェックリスト as an Excel workbook (exceljs): the sheet a tester fills in and files,
// plus the tested URLs.
import ExcelJS from 'exceljs';
import { APPLICABLE_MARK_JA } from '../rules-jis/labels-ja.js';
import type { ReportModel } from './model.js';
import { isoDateJst } from './format.js';

export const CHECKLIST_SHEET = '達成基準チェックリスト';

export async function checklistXlsx(m: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jis-a11y';
  wb.created = new Date(m.generatedAt);
  const ws = wb.addWorksheet(CHECKLIST_SHEET, { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getCell('A1').value = `${m.siteName} JIS X 8341-3:2016 達成基準チェックリスト`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = `対応度: ${m.claim.text}　表明日: ${m.statement.statementDate}　試験したページ: ${m.selection.urls.length} ページ（${m.selection.methodLabel}）`;
  ws.columns = [{ width: 12 }, { width: 44 }, { width: 12 }, { width: 8 }, { width: 10 }, { width: 70 }];
  const header = ws.getRow(4);
  header.values = ['達成基準', '名称（規格の表記）', '適合レベル', '適用', '結果', '注記'];
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  m.checklist.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.values = [r.id, r.jaJis, r.level, r.applicable ? APPLICABLE_MARK_JA.applicable : APPLICABLE_MARK_JA.inapplicable, r.resultMark, r.note];
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  });
  const urls = wb.addWorksheet('試験したURI');
  urls.columns = [{ header: '番号', width: 8 }, { header: 'URI', width: 90 }, { header: '選択の理由', width: 16 }];
  const rep = new Set(m.selection.representative);
  m.selection.urls.forEach((u, i) => urls.addRow([i + 1, u, rep.has(u) ? '代表ページ' : m.selection.method === 'all' ? '全ページ' : 'ランダム']));
  urls.getRow(1).font = { bold: true };
  const info = wb.addWorksheet('試験の情報');
  info.columns = [{ width: 28 }, { width: 90 }];
  const rows: [string, string][] = [
    ['表明日', m.statement.statementDate],
    ['規格の規格番号及び改正年', 'JIS X 8341-3:2016'],
    ['対応度', m.claim.text],
    ['注記', m.claim.note],
    ['対象となるウェブページ', m.statement.scopeDescription],
    ['除外', m.statement.exclusions.join('／') || 'なし'],
    ['依存したウェブコンテンツ技術', m.statement.technologies.join('、')],
    ['選択方法', `${m.selection.methodLabel}: ${m.selection.description}`],
    ['試験実施期間', `${isoDateJst(m.statement.period.from)} 〜 ${isoDateJst(m.statement.period.to)}`],
  ];
  rows.forEach((r) => info.addRow(r).alignment = { wrapText: true, vertical: 'top' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
