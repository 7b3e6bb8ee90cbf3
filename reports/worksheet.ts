// The page × criterion worksheet (worksheet.xlsx, exceljs): the sheet testers fill in for the manual half of the
// JIS test, which `jis-a11y judge --import worksheet.xlsx` takes back exactly (crawler/cli/worksheet-import.ts,
// rules-jis/round-trip.ts).
//
// One sheet with one row per selected page × criterion of the target level, ordered page by page: a tester opens
// a page once and works down its criteria (the filter on 達成基準 gives the per-criterion view for a tester who
// does one kind of check, e.g. the screen reader, across pages). The kit's site criteria (judgedPer "site") get
// one row for the whole site instead of one per page: they are judged once. The automated result and its reason
// are filled in; fail / pass / 適用なし rows are locked (grey, protected, no drop-down) because a person does not
// answer them. A person fills 結果 (drop-down ○ / × / −), 注記, 確認者, 確認日. A second sheet holds the kit.
// Re-exporting after an import shows the recorded judgements in the person's cells.
import ExcelJS from 'exceljs';
import { criterion as findCriterion, targetCriteria } from '../rules-jis/criteria.js';
import { JUDGED_PER_LABEL_JA, JUDGEMENT_MARK_JA, KIT_AUTOMATION_LABEL_JA, OUTCOME_LABEL_JA, WORKSHEET_LABEL_JA as L } from '../rules-jis/labels-ja.js';
import { KIT_TOOLS, MANUAL_KIT, manualKit, type JudgedPer } from '../rules-jis/manual-kit.js';
import { isLocked, worksheetRowId, type RowKey } from '../rules-jis/round-trip.js';
import { isDocumentPage } from './model/document-pages.js';
import { siteOutcome } from '../rules-jis/verdict.js';
import type { Judgement } from '../rules-jis/judgements.js';
import { ROUND_TRIP_MESSAGES_JA } from '../rules-jis/round-trip-messages.js';
import type { Outcome } from '../rules-jis/types.js';
import type { ModelPage, ReportModel } from './model.js';
import { isoDateJst } from './format.js';
import { addTemplatesSheet } from './template-export.js';

export const WORKSHEET_SHEET = L.sheet;
export const WORKSHEET_KIT_SHEET = L.kitSheet;

/** One row of the worksheet: what the import checks (RowKey) and what the tester reads. */
export interface WorksheetRow extends RowKey {
  pageTitle: string;
  criterionTitle: string;
  judgedPer: JudgedPer;
  reason: string;
  procedure: string;
}

type ColumnKey = keyof typeof L.columns;
const COLUMNS: { key: ColumnKey; width: number; person?: true }[] = [
  { key: 'id', width: 18 },
  { key: 'url', width: 40 },
  { key: 'pageTitle', width: 24 },
  { key: 'criterion', width: 9 },
  { key: 'criterionTitle', width: 22 },
  { key: 'judgedPer', width: 12 },
  { key: 'automated', width: 12 },
  { key: 'reason', width: 30 },
  { key: 'procedure', width: 50 },
  { key: 'result', width: 7, person: true },
  { key: 'note', width: 30, person: true },
  { key: 'who', width: 14, person: true },
  { key: 'when', width: 12, person: true },
];

/** The newest active site judgement of the criterion (what a site row's person cells show). */
function siteJudgement(judgements: Judgement[], criterion: string): Judgement | undefined {
  const mine = judgements.filter((j) => !j.revokedAt && j.criterion === criterion && j.scope.type === 'site');
  return mine.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.id - b.id)).at(-1);
}

function current(j: Judgement | undefined): RowKey['current'] {
  return j && { result: j.result, note: j.note, who: j.who, when: isoDateJst(j.when) };
}

function procedureText(id: string): string {
  const kit = manualKit(id);
  return kit ? kit.procedure.steps.map((s, i) => `${i + 1}. ${s}`).join('\n') : '';
}

/**
 * A site row is open while any page still needs a person (review / untested there), even when another page fails:
 * every page must have a result. The site judgement never turns a page's automated fail into a pass (verdict.ts).
 */
function siteRowOutcome(outcomes: Outcome[]): { automated: Outcome; reason: string } {
  const open = outcomes.filter((o) => !isLocked(o));
  const failing = outcomes.filter((o) => o === 'fail').length;
  return { automated: siteOutcome(open.length ? open : outcomes), reason: failing ? ROUND_TRIP_MESSAGES_JA.siteRowFailing(failing, open.length > 0) : '' };
}

/**
 * The rows of the worksheet for `pages` (the selected pages when exporting; the pages a filled-in file names when
 * importing, so a worksheet made with any selection comes back). Site rows are judged over the same pages.
 */
export function worksheetRows(m: ReportModel, pages: ModelPage[]): WorksheetRow[] {
  const criteria = targetCriteria(m.target);
  const judgements = m.judgements.all;
  const rows: WorksheetRow[] = [];
  const base = (id: string) => ({ criterion: id, criterionTitle: findCriterion(id)?.ja ?? id, judgedPer: manualKit(id)?.judgedPer ?? 'page', procedure: procedureText(id) });
  // a document has a row for every criterion: a site judgement is made on the web pages, not on it
  const webPages = pages.filter((p) => !isDocumentPage(p));
  for (const c of criteria.filter((c) => manualKit(c.wcag)?.judgedPer === 'site')) {
    const { automated, reason } = siteRowOutcome(webPages.map((p) => p.criteria.find((x) => x.id === c.wcag)?.automated ?? 'untested'));
    rows.push({ ...base(c.wcag), id: worksheetRowId(m.run.id, 'site', c.wcag), url: null, pageTitle: '', automated, reason, current: isLocked(automated) ? undefined : current(siteJudgement(judgements, c.wcag)) });
  }
  for (const p of pages) {
    for (const c of criteria) {
      if (!isDocumentPage(p) && manualKit(c.wcag)?.judgedPer === 'site') continue;
      const applied = p.criteria.find((x) => x.id === c.wcag);
      // decided by element judgements made on other pages (rules-jis/decision-items.ts): nothing left to ask here
      if (applied?.judgement?.scope.type === 'element' && applied.outcome !== 'review') continue;
      const automated = applied?.automated ?? 'untested';
      // the page judgement that decides the cell now (not one made on content that has changed since)
      const own = !isLocked(automated) && applied?.judgement?.scope.type === 'page' ? applied.judgement : undefined;
      const reason = applied && !applied.judgement ? [applied.reason ?? '', openItemsText(applied)].filter(Boolean).join('\n') : '';
      rows.push({ ...base(c.wcag), id: worksheetRowId(m.run.id, p.id, c.wcag), url: p.url, pageTitle: p.title, automated, reason, current: current(own) });
    }
  }
  return rows;
}

const ITEMS_SHOWN = 10;

/** The elements of a cell judged element by element that are still to judge (all of them before any judgement). */
function openItemsText(applied: ModelPage['criteria'][number]): string {
  const open = applied.openItems ?? applied.items;
  if (!open?.length || isLocked(applied.automated)) return '';
  const shown = open.slice(0, ITEMS_SHOWN).map((it) => `・${it.region === 'template' ? L.templatePart : it.region === 'content' ? L.contentPart : ''}${it.label}`);
  const more = open.length > ITEMS_SHOWN ? [`ほか ${open.length - ITEMS_SHOWN} 個`] : [];
  return [L.openItems(open.length), ...shown, ...more].join('\n');
}

/** The selected pages in the order of the selection, then the documents the test includes. */
export function selectedPages(m: ReportModel): ModelPage[] {
  const byUrl = new Map(m.pages.map((p) => [p.url, p]));
  return [...m.selection.urls.map((u) => byUrl.get(u)).filter((p): p is ModelPage => !!p), ...m.documentPages];
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const MARKS = Object.values(JUDGEMENT_MARK_JA);

function styleHeader(ws: ExcelJS.Worksheet): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((c) => ((c.fill = HEADER_FILL), (c.border = BORDER)));
}

function addRow(ws: ExcelJS.Worksheet, r: WorksheetRow): void {
  const locked = isLocked(r.automated);
  const values: Record<ColumnKey, string> = {
    id: r.id,
    url: r.url ?? L.siteUrl,
    pageTitle: r.pageTitle,
    criterion: r.criterion,
    criterionTitle: r.criterionTitle,
    judgedPer: JUDGED_PER_LABEL_JA[r.judgedPer],
    automated: OUTCOME_LABEL_JA[r.automated],
    reason: locked ? [L.locked, r.reason].filter(Boolean).join('\n') : r.reason,
    procedure: r.procedure,
    result: r.current ? JUDGEMENT_MARK_JA[r.current.result] : '',
    note: r.current?.note ?? '',
    who: r.current?.who ?? '',
    when: r.current?.when ?? '',
  };
  const row = ws.addRow(COLUMNS.map((c) => values[c.key]));
  row.alignment = { vertical: 'top', wrapText: true };
  COLUMNS.forEach((col, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BORDER;
    if (locked) cell.fill = LOCKED_FILL;
    else if (col.person) cell.protection = { locked: false };
    if (col.key === 'when') cell.numFmt = 'yyyy-mm-dd'; // a date typed by the tester shows as 2026-11-30
  });
  if (!locked) {
    row.getCell(COLUMNS.findIndex((c) => c.key === 'result') + 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${MARKS.join(',')}"`],
      showErrorMessage: true,
      errorTitle: L.columns.result,
      error: `${MARKS.join(' / ')} から選んでください`,
    };
  }
}

/** The kit per criterion of the target level (the second sheet). */
function addKitSheet(wb: ExcelJS.Workbook, m: ReportModel): void {
  const K = L.kitColumns;
  const ws = wb.addWorksheet(L.kitSheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' } });
  const widths: Record<keyof typeof K, number> = { criterion: 9, criterionTitle: 22, judgedPer: 12, automation: 10, tools: 18, steps: 60, pass: 30, fail: 30, failures: 40, inapplicableWhen: 30, minutes: 8 };
  ws.columns = (Object.keys(K) as (keyof typeof K)[]).map((k) => ({ header: K[k], key: k, width: widths[k] }));
  const ids = new Set(targetCriteria(m.target).map((c) => c.wcag));
  for (const k of MANUAL_KIT.filter((k) => ids.has(k.id))) {
    const row = ws.addRow({
      criterion: k.id,
      criterionTitle: findCriterion(k.id)?.ja ?? k.id,
      judgedPer: JUDGED_PER_LABEL_JA[k.judgedPer],
      automation: KIT_AUTOMATION_LABEL_JA[k.automation],
      tools: k.tools.map((t) => KIT_TOOLS[t].label).join('、'),
      steps: procedureText(k.id),
      pass: k.procedure.pass,
      fail: k.procedure.fail,
      failures: k.failures.map((f) => `・${f}`).join('\n'),
      inapplicableWhen: k.inapplicableWhen,
      minutes: k.time,
    });
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));
  }
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
}

/** worksheet.xlsx: the page × criterion sheet for the selected pages, then the kit. */
export async function worksheetXlsx(m: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jis-a11y';
  wb.created = new Date(m.generatedAt);
  wb.title = `${m.siteName} ${L.title}（検査 #${m.run.id}）`;
  const ws = wb.addWorksheet(L.sheet, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = COLUMNS.map((c) => ({ header: L.columns[c.key], key: c.key, width: c.width }));
  for (const r of worksheetRows(m, selectedPages(m))) addRow(ws, r);
  styleHeader(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  // a guide, not a lock: no password, so a tester can lift it; the import refuses answers to locked rows anyway
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, sort: true, formatColumns: true, formatRows: true });
  addKitSheet(wb, m);
  addTemplatesSheet(wb, m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
