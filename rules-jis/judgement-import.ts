// Reading judgement files for `jis-a11y judge --import`: the extension's JSON export (docs/judgement-format.md,
// plus site / pattern / finding scopes written by hand), checked against schema/judgements.schema.json with
// ajv, and a tester's CSV (Japanese headings, ○ / × / −) read with csv-parse. Each entry then goes through
// validateJudgement (judgements.ts) like a judgement typed on the command line. The round trips (the filled-in
// worksheet's cells and the findings CSV with a 結果 column) are read into rows here and turned into
// judgements by round-trip.ts.
// Node side only in practice: ajv compiles validators with `new Function`, which extension pages forbid.
import Ajv2020Import from 'ajv/dist/2020.js';
import { parse as parseCsvText } from 'csv-parse/sync';
import schema from '../schema/judgements.schema.json';
import { FINDINGS_CSV_LABEL_JA, WORKSHEET_LABEL_JA } from './labels-ja.js';
import { RoundTripError, type FilledRow } from './round-trip.js';
import { ROUND_TRIP_MESSAGES_JA as M } from './round-trip-messages.js';
import { JudgementFormatError, readResult, validateJudgement, type JudgementInput, type JudgementScope } from './judgements.js';

// ------------------------------------------------------------------------------------------ JSON

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: { missingProperty?: string; additionalProperty?: string };
}
type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
type AjvLike = { addSchema(s: object): unknown; compile(s: object): Validate; getSchema(ref: string): Validate | undefined };
// ajv is CommonJS with a default export: under ESM interop the class may sit on `.default`.
const Ajv2020 = ((Ajv2020Import as unknown as { default?: unknown }).default ?? Ajv2020Import) as new (opts: object) => AjvLike;

const RESULT_SCHEMA_ID = 'https://github.com/jis-a11y/jis-a11y/schema/result.schema.json';

let validators: { document: Validate; list: Validate } | undefined;
function schemaValidators(): { document: Validate; list: Validate } {
  if (validators) return validators;
  // Dates are read by validateJudgement (which also accepts a date without a time), not by the format check.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, discriminator: true });
  // The embedded `result` is evidence for people and is not imported: any shape passes here.
  ajv.addSchema({ $id: RESULT_SCHEMA_ID });
  const document = ajv.compile(schema);
  validators = { document, list: ajv.getSchema(`${schema.$id}#/$defs/judgementList`)! };
  return validators;
}

/** The extension's export (docs/judgement-format.md), or a bare array of judgements, with any scope. */
export function parseJudgementJson(text: string): JudgementInput[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new JudgementFormatError(`JSON を読めません: ${(e as Error).message}`);
  }
  const bare = Array.isArray(doc);
  const list = bare ? (doc as unknown[]) : (doc as { judgements?: unknown } | null)?.judgements;
  if (Array.isArray(list)) list.forEach(normaliseWords);
  const { document, list: validateList } = schemaValidators();
  const validate = bare ? validateList : document;
  if (!validate(doc)) throw new JudgementFormatError(schemaErrorJa(validate.errors ?? [], doc, bare ? '' : '/judgements'));
  return (list as (JudgementInput & { scope: JudgementScope & { contentHash?: string } })[]).map((o, i) =>
    validateJudgement({ ...o, contentHash: o.contentHash ?? o.scope?.contentHash }, `${i + 1} 件目: `),
  );
}

/** The schema takes the canonical words; a file may say "○" or " 1.1.1 " as the CLI and the CSV allow. */
function normaliseWords(item: unknown): void {
  if (!item || typeof item !== 'object') return;
  const j = item as Record<string, unknown>;
  const r = readResult(j.result);
  if (typeof j.result === 'string' && r) j.result = r;
  if (typeof j.criterion === 'string') j.criterion = j.criterion.trim();
}

// ---------------------------------------------------------------------------- schema errors in Japanese

const UNKNOWN = '知らない項目があります: ';
const SCOPE_TYPES = 'scope.type は site / pattern / page / finding のいずれかです';

/** What to say when a judgement's field breaks the schema (the words validateJudgement uses), by field path. */
const FIELD_MESSAGES: Record<string, (value: unknown, scopeType: unknown) => string> = {
  criterion: (v) => (v === undefined ? '達成基準（criterion）がありません（例: 1.1.1）' : `達成基準「${String(v)}」がありません（例: 1.1.1）`),
  result: (v) => `結果「${String(v)}」を読めません（pass / fail / inapplicable、○ / × / − のいずれか）`,
  scope: () => 'scope（範囲）がありません',
  'scope/type': () => SCOPE_TYPES,
  'scope/pattern': () => 'URL パターンがありません',
  'scope/url': (_, type) => (type === 'finding' ? '指摘箇所には url / ruleId / selector が必要です' : 'ページの URL（http(s)）がありません'),
  'scope/ruleId': () => '指摘箇所には url / ruleId / selector が必要です',
  'scope/selector': () => '指摘箇所には url / ruleId / selector が必要です',
};

/** The first schema error, in Japanese, in the order a person would fix them (the file, then each entry). */
function schemaErrorJa(errors: SchemaError[], doc: unknown, listPath: string): string {
  const top = errors.filter((e) => !e.instancePath.startsWith(`${listPath}/`));
  const d = (doc ?? {}) as Record<string, unknown>;
  const at = (path: string) => top.some((e) => e.instancePath === path || (e.instancePath === '' && e.params.missingProperty === path.slice(1)));
  if (listPath) {
    if (top.some((e) => e.instancePath === '' && e.keyword === 'type') || at('/format')) return 'format が "jis-a11y-judgements" ではありません';
    if (at('/version')) return `version ${String(d.version)} には対応していません（1 のみ）`;
    if (at('/judgements')) return 'judgements の配列がありません';
    const extra = unknownKeys(top, '');
    if (extra.length) return UNKNOWN + extra.join(', ');
  }
  const items = new Map<number, SchemaError[]>();
  for (const e of errors) {
    const m = e.instancePath.slice(listPath.length).match(/^\/(\d+)(\/.*)?$/);
    if (!m) continue;
    const i = Number(m[1]);
    items.set(i, [...(items.get(i) ?? []), { ...e, instancePath: m[2] ?? '' }]);
  }
  const list = (listPath ? d.judgements : doc) as Record<string, unknown>[];
  const order = [...items.keys()].sort((a, b) => a - b);
  // unknown keys first, for every entry: the two sides of the format have drifted (docs/judgement-format.md)
  for (const i of order) {
    const extra = unknownKeys(items.get(i)!, '');
    if (extra.length) return `${i + 1} 件目: ${UNKNOWN}${extra.join(', ')}`;
  }
  if (!order.length) return 'judgements の形式（docs/judgement-format.md）と違います';
  const i = order[0];
  return `${i + 1} 件目: ${itemErrorJa(items.get(i)!, list?.[i] ?? {})}`;
}

function unknownKeys(errors: SchemaError[], path: string): string[] {
  return errors.filter((e) => e.instancePath === path && e.keyword === 'additionalProperties').map((e) => e.params.additionalProperty!);
}

/** One entry's first error. Paths are relative to the entry ("/scope/url"). */
function itemErrorJa(errors: SchemaError[], item: Record<string, unknown>): string {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return '判断はオブジェクト（{ "criterion": …, "result": …, "scope": … }）で書いてください';
  const scope = (item.scope ?? {}) as Record<string, unknown>;
  // the field each error is about: "criterion", "scope/url" …; a wrong scope.type fails the discriminator
  const fields = errors
    .filter((e) => e.keyword !== 'additionalProperties')
    .map((e) => (e.keyword === 'discriminator' || e.keyword === 'oneOf' ? 'scope/type' : `${e.instancePath}/${e.params.missingProperty ?? ''}`.replace(/^\/|\/$/g, '')));
  const key = Object.keys(FIELD_MESSAGES).find((k) => fields.includes(k));
  if (key) return FIELD_MESSAGES[key](key.startsWith('scope/') ? scope[key.slice(6)] : item[key], scope.type);
  const scopeExtra = unknownKeys(errors, '/scope');
  if (scopeExtra.length) return `scope に${UNKNOWN}${scopeExtra.join(', ')}`;
  return `${(fields[0] ?? '').replace(/\//g, '.')} は文字列で指定してください`;
}

// ------------------------------------------------------------------------------------------- CSV

/** Header aliases so a tester's spreadsheet (Japanese headings) loads as it is. */
const CSV_HEADERS: Record<string, string> = {
  criterion: 'criterion', 達成基準: 'criterion',
  result: 'result', 結果: 'result',
  note: 'note', 注記: 'note', メモ: 'note', 備考: 'note',
  who: 'who', 確認者: 'who', 判断者: 'who',
  when: 'when', 日時: 'when', 確認日: 'when',
  scope: 'scope', 範囲: 'scope',
  url: 'url', pattern: 'pattern', パターン: 'pattern',
  ruleid: 'ruleId', ルール: 'ruleId', selector: 'selector', セレクター: 'selector', snippet: 'snippet', contenthash: 'contentHash',
  waiver: 'waiver', 適用除外の理由: 'waiver',
};

/** Descriptive columns a tester's sheet often carries (the checklist's, the worksheet's): read by people, not imported. */
const DESCRIPTIVE_CSV_HEADERS = ['達成基準の名称', '名称', '名称（規格の表記）', '適合レベル', 'ページタイトル'];
const KNOWN_CSV_FIELDS = new Set([...Object.values(CSV_HEADERS), ...DESCRIPTIVE_CSV_HEADERS]);

const CSV_ERRORS_JA: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引用符（"）が閉じていません',
  CSV_INVALID_CLOSING_QUOTE: '閉じる引用符（"）の後に区切り（,）がありません',
};

/** RFC 4180 CSV (quotes, doubled quotes, CRLF, BOM) as rows of cells; rows with nothing in them are dropped. */
export function parseCsv(text: string): string[][] {
  let rows: string[][];
  try {
    rows = parseCsvText(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    throw new JudgementFormatError(`CSV を読めません（${err.lines ?? '?'} 行目付近）: ${CSV_ERRORS_JA[err.code ?? ''] ?? err.message}`);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/**
 * CSV with a header row: criterion,result,note,who,when,scope,url,pattern,ruleId,selector,snippet.
 * scope is site / pattern / page / finding; when empty it is inferred (selector → finding, url → page,
 * pattern → pattern, else site). The criterion may be written "1.1.1 非テキストコンテンツ".
 */
export function parseJudgementCsv(text: string): JudgementInput[] {
  const rows = parseCsv(text);
  if (!rows.length) return [];
  const head = rows[0].map((h) => CSV_HEADERS[h.trim().toLowerCase()] ?? CSV_HEADERS[h.trim()] ?? h.trim());
  if (!head.includes('criterion') || !head.includes('result')) throw new JudgementFormatError('CSV の見出し行に criterion（達成基準）と result（結果）の列が必要です');
  // a column we do not know would be dropped silently, and a row without its URL would become site-wide
  const unknown = head.find((h) => !KNOWN_CSV_FIELDS.has(h));
  if (unknown !== undefined) throw new JudgementFormatError(M.unknownColumn(unknown, [...Object.keys(CSV_HEADERS), ...DESCRIPTIVE_CSV_HEADERS]));
  return rows.slice(1).map((r, i) => {
    const o: Record<string, string> = {};
    head.forEach((h, k) => (o[h] = (r[k] ?? '').trim()));
    const type = o.scope || (o.selector ? 'finding' : o.url ? 'page' : o.pattern ? 'pattern' : 'site');
    const scope = { type, url: o.url, pattern: o.pattern, ruleId: o.ruleId, selector: o.selector, snippet: o.snippet || undefined } as unknown as JudgementScope;
    const crit = (o.criterion.match(/\d+\.\d+\.\d+/) ?? [o.criterion])[0];
    return validateJudgement(
      { criterion: crit, result: o.result as JudgementInput['result'], note: o.note, who: o.who, when: o.when || undefined, scope, contentHash: o.contentHash || undefined, waiver: o.waiver || undefined },
      `${i + 2} 行目: `,
    );
  });
}

// ----------------------------------------------------------------------------------- round-trip rows

/** Column indexes of a round-trip file by heading; the required ones must be there. */
function columnsOf(file: string, header: string[], want: Record<string, string>, required: string[]): Record<string, number> {
  const at: Record<string, number> = {};
  for (const [k, label] of Object.entries(want)) {
    const i = header.findIndex((h) => h.trim() === label);
    if (i >= 0) at[k] = i;
  }
  const missing = required.filter((k) => at[k] === undefined);
  if (missing.length) throw new RoundTripError(file, missing.map((k) => M.missingColumn(want[k])));
  return at;
}

function rowsOf(cells: string[][], at: Record<string, number>, where: (i: number) => string): FilledRow[] {
  const cell = (r: string[], k: string) => (at[k] === undefined ? '' : (r[at[k]] ?? '').trim());
  return cells.map((r, i) => ({ where: where(i), id: cell(r, 'id'), url: cell(r, 'url'), mark: cell(r, 'result'), note: cell(r, 'note'), who: cell(r, 'who'), when: cell(r, 'when'), criteria: cell(r, 'criterion') }));
}

/**
 * The filled-in worksheet's main sheet as text cells (row 0 is the heading row, `firstRow` its row number in the
 * sheet). Rows are named 「シート「確認シート」 5 行目」.
 */
export function parseWorksheetCells(file: string, cells: string[][], firstRow = 1): FilledRow[] {
  if (!cells.length) throw new RoundTripError(file, [M.missingColumn(WORKSHEET_LABEL_JA.columns.id)]);
  const at = columnsOf(file, cells[0], WORKSHEET_LABEL_JA.columns, ['id', 'url', 'result']);
  delete at.criterion; // the worksheet's criterion comes from the ID
  return rowsOf(cells.slice(1), at, (i) => `シート「${WORKSHEET_LABEL_JA.sheet}」 ${firstRow + 1 + i} 行目`);
}

/** Headings only the tool's own findings CSV has (reports/csv.ts). */
const FINDINGS_CSV_MARKS = [FINDINGS_CSV_LABEL_JA.pageUrl, FINDINGS_CSV_LABEL_JA.ruleId, FINDINGS_CSV_LABEL_JA.selector];

/**
 * The tool's own findings CSV (reports/csv.ts) with a 結果 column added, as rows; null when the text is not a
 * findings CSV (then it is a tester's judgement CSV: parseJudgementCsv). A findings CSV without its ID column
 * is an error: its rows name no judgement scope, and guessing one made site-wide judgements.
 */
export function parseFindingsCsv(file: string, text: string): FilledRow[] | null {
  const rows = parseCsv(text);
  if (!rows.length) return null;
  const header = rows[0].map((h) => h.trim());
  if (!FINDINGS_CSV_MARKS.every((h) => header.includes(h))) return null;
  const L = FINDINGS_CSV_LABEL_JA;
  if (!header.includes(L.id)) throw new RoundTripError(file, [M.findingsCsvWithoutId()]);
  const at = columnsOf(file, header, { id: L.id, url: L.pageUrl, criterion: L.criterion, result: L.result, note: L.note, who: L.who, when: L.when }, ['id', 'url', 'result']);
  return rowsOf(rows.slice(1), at, (i) => `${file} ${i + 2} 行目`);
}
