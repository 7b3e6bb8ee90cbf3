// `jis-a11y judge --import` for the round trips: reads a filled-in worksheet.xlsx (exceljs) or the tool's own
// findings.csv with its 結果 column filled, finds the run its IDs name in the store, and turns the filled rows into
// judgements through the pure rules-jis/round-trip.ts. All or nothing: any problem throws RoundTripError
// (every problem, by sheet and row) before anything is recorded. The caller records the inputs with `runId`,
// so their fingerprints are those of the pages as they were exported.
import ExcelJS from 'exceljs';
import { WORKSHEET_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { parseFindingsCsv, parseWorksheetCells } from '../../rules-jis/judgement-import.js';
import type { JudgementInput } from '../../rules-jis/judgements.js';
import {
  currentFindingJudgements,
  findingJudgements,
  findingRowId,
  parseFindingRowId,
  parseWorksheetRowId,
  RoundTripError,
  runOfRows,
  worksheetJudgements,
  type FindingKey,
  type RowKey,
} from '../../rules-jis/round-trip.js';
import { ROUND_TRIP_MESSAGES_JA as M } from '../../rules-jis/round-trip-messages.js';
import { buildReportModel } from '../../reports/model.js';
import { worksheetRows } from '../../reports/worksheet.js';
import { judgeDocuments } from '../../reports/model/document-pages.js';
import { testableDocument } from '../store/testable-document.js';
import type { Store } from '../store/store.js';
import { sha256 } from '../store/hash.js';

export interface RoundTripImport {
  inputs: JudgementInput[];
  /** The run the file was exported from (null when no row was filled in). */
  runId: number | null;
  /** Filled rows equal to what is already recorded. */
  unchanged: number;
}

/** A cell as the text a person sees: strings, numbers, dates (YYYY-MM-DD), links, rich text, formula results. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10); // Excel dates have no zone: exceljs reads them as UTC
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return '';
}

/** The worksheet's main sheet as rows of text cells (index 0 = sheet row 1). */
export async function readWorksheetCells(file: string, data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(WORKSHEET_LABEL_JA.sheet);
  if (!ws) throw new RoundTripError(file, [M.missingSheet(WORKSHEET_LABEL_JA.sheet)]);
  const cells: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    cells.push(Array.from({ length: Math.max(row.cellCount, ws.columnCount) }, (_, i) => cellText(row.getCell(i + 1).value)));
  }
  return cells;
}

async function requireRun(store: Store, file: string, runId: number): Promise<void> {
  if (!(await store.runs.getRun(runId))) throw new RoundTripError(file, [M.runMissing(runId)]);
}

/** A filled-in worksheet.xlsx → page (or site) judgements of the run it was exported from. */
export async function importWorksheet(store: Store, file: string, data: Buffer): Promise<RoundTripImport> {
  const rows = parseWorksheetCells(file, await readWorksheetCells(file, data));
  const runId = runOfRows(file, rows, parseWorksheetRowId);
  if (runId === null) return { inputs: [], runId, unchanged: 0 };
  await requireRun(store, file, runId);
  const m = await buildReportModel(store, { runId });
  // the rows the exporter wrote for the pages the file lists (its selection, whatever it was); a row naming a
  // page of the run that is not in the file still resolves, as the page's ID is in the run
  const named = new Set(rows.map((r) => parseWorksheetRowId(r.id)?.pageId).filter((n): n is number => typeof n === 'number'));
  // a document row resolves whatever the statement's documents policy is now: the file was made when it included them
  const documents = judgeDocuments(m.documents, m.documents.filter(testableDocument).map((d) => d.url), m.judgements.all, m.target);
  const pages = [...m.pages, ...documents];
  const keys = new Map<string, RowKey>();
  for (const k of worksheetRows(m, pages.filter((p) => named.has(p.id)))) keys.set(k.id, k);
  const r = worksheetJudgements(file, runId, rows, keys, new Set(pages.map((p) => p.id)));
  return { ...r, runId };
}

/** The findings CSV with a 結果 column → finding judgements; null when the text is not a findings CSV. */
export async function importFindingsCsv(store: Store, file: string, text: string): Promise<RoundTripImport | null> {
  const rows = parseFindingsCsv(file, text);
  if (!rows) return null;
  const runId = runOfRows(file, rows, parseFindingRowId);
  if (runId === null) return { inputs: [], runId, unchanged: 0 };
  await requireRun(store, file, runId);
  const judged = (await store.judgements.listJudgements()).filter((j) => j.scope.type === 'finding');
  const keys = new Map<string, FindingKey>();
  for await (const f of store.results.iterateFindings(runId)) {
    const id = findingRowId(runId, f.id);
    const current = Object.fromEntries([...currentFindingJudgements(judged, f, sha256(f.html))].map(([c, j]) => [c, { result: j.result, note: j.note, who: j.who }]));
    keys.set(id, { id, url: f.pageUrl, ruleId: f.ruleId, selector: f.selector, kind: f.kind, criteria: f.criteria, current });
  }
  return { ...findingJudgements(file, runId, rows, keys), runId };
}
