// CSV of every finding of the run (UTF-8 with BOM, CRLF) so Excel opens the Japanese text as it is. Its first
// column is a stable ID per finding and its last four are a person's (結果 ○ / × / −, 注記, 確認者, 確認日), so a
// tester fills them and `judge --import` takes the file back as finding judgements; a re-export shows them
// (rules-jis/round-trip.ts; docs/judgement-format.md). Before those four, 共通部分（テンプレート）: the CMS template
// whose shared part the finding is in, with its page count (reports/template-export.ts).
// The writer is ours and small (quoting per RFC 4180 plus formula neutralising; tests/reports/csv.test.ts
// reads it back with csv-parse): csv-stringify, csv-parse's sibling, is not among the dependencies.
import { criterion } from '../rules-jis/criteria.js';
import { FINDINGS_CSV_LABEL_JA, JUDGEMENT_MARK_JA, KIND_LABEL_JA } from '../rules-jis/labels-ja.js';
import { currentFindingJudgements, findingCells, findingRowId } from '../rules-jis/round-trip.js';
import { sha256 } from '../crawler/store/hash.js';
import { isoDateJst } from './format.js';
import type { Store } from '../crawler/store/store.js';
import type { ReportModel } from './model.js';
import { documentResult, documentRows } from './documents-export.js';
import { templateColumn } from './template-export.js';

export const BOM = '\uFEFF';

export function csvCell(v: unknown): string {
  const s = String(v ?? '');
  // a leading = + - @ would run as a formula in Excel: neutralise it (CSV injection)
  const safe = /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: unknown[][]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const C = FINDINGS_CSV_LABEL_JA;
/** The ID (stable: run + finding, rules-jis/round-trip.ts) lets `judge --import` take the file back with a 結果 column. */
export const FINDINGS_CSV_HEADER = [C.id, C.pageUrl, C.pageTitle, C.kind, C.criterion, C.criterionTitle, C.ruleId, C.message, C.help, C.selector, C.line, C.html, C.helpUrl, C.template, C.result, C.note, C.who, C.when];

/** All findings of the model's run, streamed from the store (the HTML shows at most a few per rule). */
export async function findingsCsv(store: Store, m: ReportModel): Promise<string> {
  const titles = new Map(m.pages.map((p) => [p.url, p.title]));
  const rows: unknown[][] = [FINDINGS_CSV_HEADER];
  const judged = m.judgements.all.filter((j) => j.scope.type === 'finding');
  const template = await templateColumn(store, m);
  for await (const f of store.results.iterateFindings(m.run.id)) {
    const person = judged.length ? findingCells(currentFindingJudgements(judged, f, sha256(f.html))) : null;
    rows.push([
      findingRowId(m.run.id, f.id),
      f.pageUrl,
      titles.get(f.pageUrl) ?? '',
      KIND_LABEL_JA[f.kind],
      f.criteria.join(' '),
      f.criteria.map((c) => criterion(c)?.jaJis ?? c).join(' / '),
      f.ruleId,
      f.message,
      f.help,
      f.selector,
      f.line ?? '',
      f.html,
      f.helpUrl,
      template(f),
      person ? JUDGEMENT_MARK_JA[person.result] : '',
      person?.note ?? '',
      person?.who ?? '',
      person ? isoDateJst(person.when) : '',
    ]);
  }
  return toCsv(rows);
}

/**
 * document-findings.csv: the findings of the linked PDF and Office files (issue 18), a row per finding with the
 * document's URL, type and linking pages (reports/documents-export.ts). Same encoding as findings.csv.
 */
export function documentFindingsCsv(m: Pick<ReportModel, 'documents'>): string {
  return toCsv(documentRows(m.documents.map(documentResult)));
}
