// The linked documents (PDF, Office) in the machine-readable exports, issue 18: one shape for result.json and
// the service (DocumentResult, schema/result.schema.json $defs/document) and one table for document-findings.csv
// and the 文書の指摘 sheet of checklist.xlsx: a row per finding naming the document's URL, type and linking
// pages, with the finding's criteria, kind, Japanese message and fix. A document without findings still has
// its row (checked with none, inventory only, or the error that stopped the check), so no file goes missing.
import type { StoredDocument } from '../crawler/store/store.js';
import { criterion } from '../rules-jis/criteria.js';
import { DOCUMENT_STATE_JA, DOCUMENTS_CSV_LABEL_JA as C, KIND_LABEL_JA } from '../rules-jis/labels-ja.js';
import type { DocumentResult, Finding } from '../rules-jis/types.js';

/** A stored document as the exports give it. */
export function documentResult(d: StoredDocument): DocumentResult {
  const out: DocumentResult = {
    url: d.url,
    type: d.type,
    format: d.format,
    title: d.title,
    lang: d.lang,
    pages: d.pages,
    status: d.status,
    checked: d.checked,
    linkedFrom: d.linkedFrom.map((l) => ({ pageUrl: l.pageUrl, text: l.text })),
    findings: d.findings.map((f) => ({ ...f })),
  };
  if (d.error) out.error = { code: d.error.code, message: d.error.message };
  return out;
}

export const DOCUMENT_ROWS_HEADER = [C.url, C.type, C.title, C.linkedFrom, C.state, C.kind, C.criterion, C.criterionTitle, C.ruleId, C.message, C.help, C.helpUrl];

function stateOf(d: DocumentResult): string {
  if (d.error) return `${DOCUMENT_STATE_JA.error}: ${d.error.message}`;
  if (!d.checked) return DOCUMENT_STATE_JA.notChecked;
  return d.findings.length ? DOCUMENT_STATE_JA.checked : DOCUMENT_STATE_JA.noFindings;
}

/** The linking pages in one cell: one per line, each with its link text. */
function linkedFromCell(d: DocumentResult): string {
  return d.linkedFrom.map((l) => (l.text ? `${l.pageUrl}（${l.text}）` : l.pageUrl)).join('\n');
}

function findingCells(f: Finding | null): string[] {
  if (!f) return ['', '', '', '', '', '', ''];
  return [KIND_LABEL_JA[f.kind], f.criteria.join(' '), f.criteria.map((c) => criterion(c)?.jaJis ?? c).join(' / '), f.ruleId, f.message, f.help, f.helpUrl];
}

/** Header + one row per finding of each document (one row for a document without findings). */
export function documentRows(docs: readonly DocumentResult[]): string[][] {
  const rows: string[][] = [DOCUMENT_ROWS_HEADER];
  for (const d of docs) {
    const head = [d.url, d.type, d.title ?? '', linkedFromCell(d), stateOf(d)];
    const findings: (Finding | null)[] = d.findings.length ? d.findings : [null];
    for (const f of findings) rows.push([...head, ...findingCells(f)]);
  }
  return rows;
}
