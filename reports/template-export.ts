// The report model's templates (reports/model/templates.ts, issue 19) in the machine-readable exports, beside
// the HTML section 「テンプレート別の問題」: each template's own problems (findings in the header, menus,
// footer: region 'template') once with the number of pages they appear on, not once per page.
// - result.json: `templates` (templatesJson), one entry per template with its pages and problems;
// - findings.csv: a column (before the four a person fills) naming the template whose shared part a finding is in, with its page count
//   (templateColumn: the CSV stays one row per finding, so `judge --import` reads it back as before);
// - worksheet.xlsx: a sheet 「テンプレート別の問題」, one row per template problem (addTemplatesSheet).
// Kept apart from json-export.ts / csv.ts / worksheet.ts so that each of those only calls one function.
import type ExcelJS from 'exceljs';
import { KIND_LABEL_JA, TEMPLATE_EXPORT_LABEL_JA as L } from '../rules-jis/labels-ja.js';
import type { FindingKind } from '../rules-jis/types.js';
import type { Store } from '../crawler/store/store.js';
import type { ReportModel, TemplateGroup } from './model.js';

/** One template problem in result.json. */
export interface TemplateProblemJson {
  ruleId: string;
  kind: FindingKind;
  criteria: string[];
  selector: string;
  message: string;
  help: string;
  /** Pages of the template it appears on. */
  pages: number;
}

/** One template in result.json: `number` as in the HTML report (1 = most pages). */
export interface TemplateJson {
  number: number;
  key: string;
  pages: number;
  examples: string[];
  problems: TemplateProblemJson[];
}

export function templatesJson(m: ReportModel): TemplateJson[] {
  return m.templates.map((t) => ({
    number: t.number,
    key: t.key,
    pages: t.pages,
    examples: t.examples.map((e) => e.url),
    problems: t.problems.map((p) => ({ ruleId: p.ruleId, kind: p.kind, criteria: p.criteria, selector: p.selectorPattern, message: p.message, help: p.help, pages: p.pages })),
  }));
}

/** 「テンプレート 3（120 ページに共通）」 */
export function templateLabel(t: Pick<TemplateGroup, 'number' | 'pages'>): string {
  return `${L.template} ${t.number}（${t.pages.toLocaleString('ja-JP')} ${L.sharedBy}）`;
}

/**
 * The findings CSV's template column: for a finding in a template's shared part, the template and its page
 * count; empty for the page's own content (or a page with no template).
 */
export async function templateColumn(store: Store, m: ReportModel): Promise<(f: { pageId: number; region?: 'template' | 'content' | null }) => string> {
  if (!m.templates.length) return () => '';
  const byKey = new Map(m.templates.map((t) => [t.key, t]));
  const ofPage = new Map<number, TemplateGroup>();
  for await (const p of store.results.iteratePages(m.run.id)) {
    const t = p.templateKey ? byKey.get(p.templateKey) : undefined;
    if (t) ofPage.set(p.id, t);
  }
  return (f) => {
    const t = f.region === 'template' ? ofPage.get(f.pageId) : undefined;
    return t ? templateLabel(t) : '';
  };
}

/** worksheet.xlsx's 「テンプレート別の問題」: one row per template problem (none when no template has one). */
export function addTemplatesSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  const rows = m.templates.flatMap((t) => t.problems.map((p) => [templateLabel(t), t.pages, t.examples[0]?.url ?? '', KIND_LABEL_JA[p.kind], p.criteria.join(' '), p.ruleId, p.message, p.selectorPattern, p.pages, p.help]));
  if (!rows.length) return;
  const ws = wb.addWorksheet(L.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: L.template, width: 26 },
    { header: L.templatePages, width: 12 },
    { header: L.example, width: 40 },
    { header: L.kind, width: 10 },
    { header: L.criterion, width: 12 },
    { header: L.ruleId, width: 22 },
    { header: L.message, width: 50 },
    { header: L.selector, width: 36 },
    { header: L.problemPages, width: 12 },
    { header: L.help, width: 50 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r).alignment = { vertical: 'top', wrapText: true };
}
