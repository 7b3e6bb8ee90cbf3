// Round trips of the files a tester fills in: the page × criterion worksheet (reports/worksheet.ts) and the
// findings CSV (reports/csv.ts) go out with an ID per row and come back through `jis-a11y judge --import`.
// This file holds the IDs, what the exporter knew about each row (RowKey / FindingKey, built from the report
// model by the Node side) and the pure step from filled-in rows to judgements. All or nothing: every problem
// of every row is collected, named by sheet and row, and nothing is returned until there are none.
// Reading the files is judgement-import.ts (CSV, sheet cells) and crawler/cli/worksheet-import.ts (XLSX).
// No Node APIs.
import { coversFinding, readResult, JudgementFormatError, normUrl, type JudgedFinding, type Judgement, type JudgementInput, type JudgementResult } from './judgements.js';
import { WORKSHEET_LABEL_JA } from './labels-ja.js';
import { ROUND_TRIP_MESSAGES_JA as M } from './round-trip-messages.js';
import type { Outcome } from './types.js';

// ------------------------------------------------------------------------------------------------ IDs

/**
 * A worksheet row: run, page (or the site, or a document of the test) and criterion, e.g. "R3-P12-1.1.1",
 * "R3-S-2.4.5" or "R3-D4-1.3.1". A document is given as its negative id, as the report model's pages carry it
 * (reports/model/document-pages.ts).
 */
export function worksheetRowId(runId: number, pageId: number | 'site', criterion: string): string {
  return `R${runId}-${pageId === 'site' ? 'S' : pageId < 0 ? `D${-pageId}` : `P${pageId}`}-${criterion}`;
}

export interface WorksheetRowRef {
  runId: number;
  /** null for a site row; negative for a document. */
  pageId: number | null;
  criterion: string;
}

export function parseWorksheetRowId(id: string): WorksheetRowRef | null {
  const m = /^R(\d+)-(?:P(\d+)|D(\d+)|S)-(\d+\.\d+\.\d+)$/.exec(id.trim());
  if (!m) return null;
  const pageId = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? -Number(m[3]) : null;
  return { runId: Number(m[1]), pageId, criterion: m[4] };
}

/** A finding of the findings CSV: run and the finding's number in the store, e.g. "R3-F1234". */
export function findingRowId(runId: number, findingId: number): string {
  return `R${runId}-F${findingId}`;
}

export function parseFindingRowId(id: string): { runId: number; findingId: number } | null {
  const m = /^R(\d+)-F(\d+)$/.exec(id.trim());
  return m ? { runId: Number(m[1]), findingId: Number(m[2]) } : null;
}

// ------------------------------------------------------------------------------------ rows and keys

/** A row a person filled in, as read from the file: every cell as text. */
export interface FilledRow {
  /** 「シート「確認シート」 5 行目」 or 「findings.csv 5 行目」. */
  where: string;
  id: string;
  url: string;
  mark: string;
  note: string;
  who: string;
  /** YYYY-MM-DD (JST) or empty. */
  when: string;
  /** The findings CSV's 達成基準 cell (space-separated numbers); empty in the worksheet. */
  criteria?: string;
}

/** What the exporter wrote for a worksheet row. */
export interface RowKey {
  id: string;
  /** The page's URL, or null for a site row. */
  url: string | null;
  criterion: string;
  /** The outcome before human judgements. */
  automated: Outcome;
  /** The judgement of this row's own scope (page / site) that decides it now, shown in the person's cells. */
  current?: { result: JudgementResult; note: string; who: string; when: string };
}

/** fail / pass / 適用なし are decided by the checks: a person does not answer them. */
export function isLocked(automated: Outcome): boolean {
  return automated === 'fail' || automated === 'pass' || automated === 'inapplicable';
}

/** What the findings CSV wrote for a finding. */
export interface FindingKey {
  id: string;
  url: string;
  ruleId: string;
  selector: string;
  kind: 'violation' | 'review' | 'advisory';
  criteria: string[];
  /** The finding judgement that covers it now, by criterion (the newest). */
  current?: Record<string, { result: JudgementResult; note: string; who: string }>;
}

/**
 * The finding judgements covering a finding now (its snippet unchanged), the newest per criterion. `snippetHash`
 * is the SHA-256 of the finding's HTML (Node side).
 */
export function currentFindingJudgements(judgements: Judgement[], f: Omit<JudgedFinding, 'kind' | 'html'>, snippetHash: string): Map<string, Judgement> {
  const out = new Map<string, Judgement>();
  for (const j of judgements) {
    if (!coversFinding(j, f, snippetHash)) continue;
    const had = out.get(j.criterion);
    if (!had || had.when < j.when || (had.when === j.when && had.id < j.id)) out.set(j.criterion, j);
  }
  return out;
}

/** The person's cells of a finding row: filled when every criterion judged has the same newest result. */
export function findingCells(current: Map<string, Judgement>): { result: JudgementResult; note: string; who: string; when: string } | null {
  const js = [...current.values()];
  if (!js.length || js.some((j) => j.result !== js[0].result)) return null;
  const newest = js.reduce((a, b) => (b.when > a.when ? b : a));
  return { result: newest.result, note: newest.note, who: newest.who, when: newest.when };
}

/** Problems of an import, each naming its sheet (file) and row; nothing was recorded. */
export class RoundTripError extends JudgementFormatError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super([M.problems(file, problems.length), ...problems.map((p) => `  ${p}`)].join('\n'));
  }
}

/** 確認日 as an ISO time (midnight JST), or undefined when empty; a problem when unreadable. */
function readWhen(v: string): string | undefined | Error {
  const s = v.trim();
  if (!s) return undefined;
  // a date cell without a date format reaches us as Excel's serial day number (days since 1899-12-30)
  if (/^\d{5}$/.test(s)) return `${new Date(Date.UTC(1899, 11, 30) + Number(s) * 86400_000).toISOString().slice(0, 10)}T00:00:00+09:00`;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return new Error(M.badDate(s));
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}T00:00:00+09:00`;
  return Number.isNaN(new Date(iso).getTime()) ? new Error(M.badDate(s)) : iso;
}

/** The person's cells of a row: result, note, who, when — or the problems with them. */
function personCells(r: FilledRow, problems: string[]): { result: JudgementResult; when?: string } | null {
  const result = readResult(r.mark);
  if (!result) problems.push(`${r.where}: ${M.badMark(r.mark)}`);
  const when = readWhen(r.when);
  if (when instanceof Error) problems.push(`${r.where}: ${when.message}`);
  return result && !(when instanceof Error) ? { result, when } : null;
}

// ------------------------------------------------------------------------------------------ worksheet

export interface RoundTripResult {
  inputs: JudgementInput[];
  /** Filled rows equal to the judgement already recorded for them (not recorded twice). */
  unchanged: number;
}

/**
 * The judgements of a filled-in worksheet: one per row with a 結果 (page scope, or site scope for a site row).
 * `keys` are the rows the exporter wrote for the run (every audited page, so any selection imports).
 */
export function worksheetJudgements(file: string, runId: number, rows: FilledRow[], keys: Map<string, RowKey>, pageIds: Set<number>): RoundTripResult {
  const problems: string[] = [];
  const inputs: JudgementInput[] = [];
  let unchanged = 0;
  for (const r of rows) {
    if (!r.mark.trim()) continue;
    const key = rowKey(r, runId, keys, pageIds, problems);
    if (!key) continue;
    const cells = personCells(r, problems);
    const expectedUrl = key.url ?? null;
    if (expectedUrl !== null ? normUrl(r.url.trim()) !== normUrl(expectedUrl) : r.url.trim() !== WORKSHEET_LABEL_JA.siteUrl) {
      problems.push(`${r.where}: ${M.urlChanged(r.url.trim(), expectedUrl ?? WORKSHEET_LABEL_JA.siteUrl)}`);
      continue;
    }
    if (isLocked(key.automated)) {
      problems.push(`${r.where}: ${M.locked(key.automated)}`);
      continue;
    }
    if (!cells) continue;
    const c = key.current;
    if (c && c.result === cells.result && c.note === r.note.trim() && c.who === r.who.trim()) {
      unchanged++;
      continue;
    }
    const scope = key.url === null ? ({ type: 'site' } as const) : ({ type: 'page', url: key.url } as const);
    inputs.push({ criterion: key.criterion, result: cells.result, note: r.note.trim(), who: r.who.trim(), when: cells.when, scope });
  }
  if (problems.length) throw new RoundTripError(file, problems);
  return { inputs, unchanged };
}

function rowKey(r: FilledRow, runId: number, keys: Map<string, RowKey>, pageIds: Set<number>, problems: string[]): RowKey | null {
  const id = r.id.trim();
  if (!id) return void problems.push(`${r.where}: ${M.noId()}`), null;
  const ref = parseWorksheetRowId(id);
  if (!ref) return void problems.push(`${r.where}: ${M.badId(id)}`), null;
  if (ref.pageId !== null && !pageIds.has(ref.pageId)) return void problems.push(`${r.where}: ${M.pageNotInRun(id, runId)}`), null;
  const key = keys.get(id);
  if (!key) return void problems.push(`${r.where}: ${M.unknownId(id, runId)}`), null;
  return key;
}

/** The one run the rows' IDs name (a problem when none or several). */
export function runOfRows(file: string, rows: FilledRow[], parse: (id: string) => { runId: number } | null): number | null {
  const runs = [...new Set(rows.filter((r) => r.mark.trim()).map((r) => parse(r.id)?.runId).filter((n): n is number => n !== undefined))];
  if (runs.length > 1) throw new RoundTripError(file, [M.manyRuns(runs.sort((a, b) => a - b))]);
  return runs[0] ?? null;
}

// ---------------------------------------------------------------------------------------- findings CSV

/**
 * The judgements of a findings CSV with a 結果 column: finding scope only (never site-wide), one per criterion
 * of the row (the 達成基準 cell, which may be narrowed to some of the finding's criteria), for exactly the rows
 * filled in. `keys` are the run's findings by ID.
 */
export function findingJudgements(file: string, runId: number, rows: FilledRow[], keys: Map<string, FindingKey>): RoundTripResult {
  const problems: string[] = [];
  const inputs: JudgementInput[] = [];
  let unchanged = 0;
  for (const r of rows) {
    if (!r.mark.trim()) continue;
    const id = r.id.trim();
    if (!id) { problems.push(`${r.where}: ${M.noId()}`); continue; }
    if (!parseFindingRowId(id)) { problems.push(`${r.where}: ${M.badId(id)}`); continue; }
    const key = keys.get(id);
    if (!key) { problems.push(`${r.where}: ${M.findingNotInRun(id, runId)}`); continue; }
    if (normUrl(r.url.trim()) !== normUrl(key.url)) { problems.push(`${r.where}: ${M.urlChanged(r.url.trim(), key.url)}`); continue; }
    const cells = personCells(r, problems);
    if (key.kind === 'advisory' || !key.criteria.length) { problems.push(`${r.where}: ${M.advisory()}`); continue; }
    if (!cells) continue;
    if (key.kind === 'violation' && cells.result !== 'fail') { problems.push(`${r.where}: ${M.violationAnswered()}`); continue; }
    const named = (r.criteria ?? '').match(/\d+\.\d+\.\d+/g) ?? [];
    const bad = named.find((c) => !key.criteria.includes(c));
    if (bad) { problems.push(`${r.where}: ${M.criterionNotOnFinding(bad, key.criteria)}`); continue; }
    const criteria = named.length ? [...new Set(named)] : key.criteria;
    const same = (c: string) => key.current?.[c]?.result === cells.result && key.current[c].note === r.note.trim() && key.current[c].who === r.who.trim();
    if (criteria.every(same)) { unchanged++; continue; }
    for (const criterion of criteria)
      inputs.push({ criterion, result: cells.result, note: r.note.trim(), who: r.who.trim(), when: cells.when, scope: { type: 'finding', url: key.url, ruleId: key.ruleId, selector: key.selector } });
  }
  if (problems.length) throw new RoundTripError(file, problems);
  return { inputs, unchanged };
}
