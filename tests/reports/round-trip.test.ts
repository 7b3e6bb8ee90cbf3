// The round trips of issue 14: the page × criterion worksheet (worksheet.xlsx) and the findings CSV go out from a
// real crawl of the sample site (real Chromium, real SQLite store), a tester fills them in (exceljs / text, as a
// spreadsheet would), and `jis-a11y judge --import` (the CLI as a child process) takes them back exactly, or
// refuses the whole file naming sheet and row. Also: a typo in `judge --page / --pattern` is refused.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { openStore } from '../../crawler/store/store.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { MANUAL_KIT } from '../../rules-jis/manual-kit.js';
import { WORKSHEET_LABEL_JA as L, FINDINGS_CSV_LABEL_JA as C } from '../../rules-jis/labels-ja.js';
import { generateReports, type GeneratedReports } from '../../reports/generate.js';
import { toCsv } from '../../reports/csv.js';
import { buildReportModel } from '../../reports/model.js';
import { runCli } from '../helpers/processes.js';
import { sampleCrawl } from '../helpers/shared-fixtures.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-roundtrip-'));
let storeFile: string;
let runId: number;
let out: GeneratedReports;
const SELECTION = { method: 'random' as const, n: 4, seed: 'round-trip' };

beforeAll(async () => {
  // the default crawl of the sample site (two tabs, keyboard phase on), built once a run; our own copy of its store
  const crawl = await sampleCrawl();
  storeFile = crawl.dbFile;
  runId = crawl.runId;
  out = await generateReports({ store: storeFile, runId, outDir: path.join(tmp, 'out'), selection: SELECTION, formats: ['csv', 'worksheet'] });
}, 300_000);

afterAll(() => {});

const COLS = Object.values(L.columns);
const col = (name: keyof typeof L.columns) => COLS.indexOf(L.columns[name]) + 1;

async function loadSheet(file: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { wb, ws: wb.getWorksheet(L.sheet)! };
}

/** Data rows of the worksheet as objects by heading. */
function rowsOf(ws: ExcelJS.Worksheet): { n: number; v: Record<string, string> }[] {
  const out: { n: number; v: Record<string, string> }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v: Record<string, string> = {};
    COLS.forEach((h, i) => (v[h] = String(row.getCell(i + 1).value ?? '')));
    out.push({ n, v });
  });
  return out;
}

async function judgements() {
  const store = await openStore(storeFile);
  try {
    return await store.judgements.listJudgements();
  } finally {
    await store.close();
  }
}

const judge = (...args: string[]) => runCli(['judge', '--store', storeFile, ...args], { limitMs: 60_000 });

describe('the page × criterion worksheet', () => {
  it('has a row per selected page × criterion (site criteria once), Japanese headings, drop-downs and locks', async () => {
    const { wb, ws } = await loadSheet(out.files.worksheet!);
    expect(ws.getRow(1).values).toEqual([undefined, ...COLS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    const rows = rowsOf(ws);
    const aa = targetCriteria('AA').map((c) => c.wcag);
    const siteCriteria = MANUAL_KIT.filter((k) => k.judgedPer === 'site').map((k) => k.id);
    expect(rows).toHaveLength(SELECTION.n * (aa.length - siteCriteria.length) + siteCriteria.length);
    expect(new Set(rows.map((r) => r.v[L.columns.id])).size).toBe(rows.length);
    expect(rows.filter((r) => r.v[L.columns.url] === L.siteUrl).map((r) => r.v[L.columns.criterion])).toEqual(siteCriteria);
    expect(new Set(rows.filter((r) => r.v[L.columns.url] !== L.siteUrl).map((r) => r.v[L.columns.url])).size).toBe(SELECTION.n);
    // a person answers only what the checks could not decide
    const open = rows.filter((r) => ['要確認', '未確認'].includes(r.v[L.columns.automated]));
    const locked = rows.filter((r) => ['不適合', '適合', '適用なし'].includes(r.v[L.columns.automated]));
    expect(open.length).toBeGreaterThan(0);
    expect(locked.length).toBeGreaterThan(0);
    expect(open.length + locked.length).toBe(rows.length);
    for (const r of open) {
      const cell = ws.getRow(r.n).getCell(col('result'));
      expect(cell.dataValidation).toMatchObject({ type: 'list', formulae: ['"○,×,−"'] });
      expect(cell.protection?.locked).toBe(false);
      expect(r.v[L.columns.procedure]).toMatch(/^1\. /);
    }
    for (const r of locked) {
      const cell = ws.getRow(r.n).getCell(col('result'));
      expect(cell.dataValidation?.type).toBeUndefined();
      expect(cell.protection?.locked).not.toBe(false);
    }
    expect(ws.getColumn(col('url')).width).toBeGreaterThan(20);
    const kit = wb.getWorksheet(L.kitSheet)!;
    expect(kit.rowCount - 1).toBe(aa.length);
  });
});

describe('judge --import worksheet.xlsx', () => {
  it('takes the filled cells back as page (or site) judgements, and the re-export shows them', async () => {
    const { wb, ws } = await loadSheet(out.files.worksheet!);
    const rows = rowsOf(ws);
    const open = rows.filter((r) => ['要確認', '未確認'].includes(r.v[L.columns.automated]));
    const pageRows = open.filter((r) => r.v[L.columns.url] !== L.siteUrl).slice(0, 3);
    const siteRow = open.find((r) => r.v[L.columns.url] === L.siteUrl)!;
    const fill = [
      { r: pageRows[0], mark: '○', note: '代替テキストは画像の内容を表している', who: '広報広聴課 山田', when: new Date(Date.UTC(2026, 10, 30)) },
      { r: pageRows[1], mark: '×', note: '見出しが「お知らせ」だけ', who: '広報広聴課 佐藤', when: '2026-11-29' },
      { r: pageRows[2], mark: '−', note: '', who: '山田', when: '' },
      { r: siteRow, mark: '○', note: 'サイトマップと検索がある', who: '山田', when: '2026/11/28' },
    ];
    for (const f of fill) {
      const row = ws.getRow(f.r.n);
      row.getCell(col('result')).value = f.mark;
      row.getCell(col('note')).value = f.note;
      row.getCell(col('who')).value = f.who;
      row.getCell(col('when')).value = f.when;
    }
    const filled = path.join(tmp, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const before = (await judgements()).length;
    const r = await judge('--import', filled);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const added = (await judgements()).slice(before);
    expect(added.map((j) => [j.criterion, j.result, j.scope.type, j.scope.type === 'page' ? j.scope.url : null])).toEqual(
      [...fill].sort((a, b) => a.r.n - b.r.n).map((f) => [f.r.v[L.columns.criterion], { '○': 'pass', '×': 'fail', '−': 'inapplicable' }[f.mark], f.r === siteRow ? 'site' : 'page', f.r === siteRow ? null : f.r.v[L.columns.url]]),
    );
    expect(added.find((j) => j.note === fill[0].note)).toMatchObject({ who: fill[0].who, when: '2026-11-29T15:00:00.000Z' });
    expect(added.find((j) => j.scope.type === 'site')).toMatchObject({ when: '2026-11-27T15:00:00.000Z' });
    expect(added.every((j) => j.source === 'xlsx:filled.xlsx')).toBe(true);
    // export again: the person's cells show what was recorded
    const again = await generateReports({ store: storeFile, runId, outDir: path.join(tmp, 'out2'), selection: SELECTION, formats: ['worksheet'] });
    const back = rowsOf((await loadSheet(again.files.worksheet!)).ws);
    const byId = new Map(back.map((b) => [b.v[L.columns.id], b.v]));
    const when = (w: Date | string) => (w instanceof Date ? w.toISOString().slice(0, 10) : w.replace(/\//g, '-'));
    for (const f of fill) {
      const v = byId.get(f.r.v[L.columns.id])!;
      expect([v[L.columns.result], v[L.columns.note], v[L.columns.who], v[L.columns.when]]).toEqual([f.mark, f.note, f.who, f.when ? when(f.when) : v[L.columns.when]]);
    }
    // every other row is as it was
    expect(back.filter((b) => !fill.some((f) => f.r.v[L.columns.id] === b.v[L.columns.id])).map((b) => b.v)).toEqual(
      rows.filter((b) => !fill.some((f) => f.r.v[L.columns.id] === b.v[L.columns.id])).map((b) => b.v),
    );
    // importing the re-exported sheet records nothing twice
    const again2 = await judge('--import', again.files.worksheet!);
    expect(again2.code).toBe(0);
    expect(again2.stdout).toContain('新しく記録する結果はありません');
    expect((await judgements()).length).toBe(before + fill.length);
  }, 300_000);

  it('refuses the whole file, naming sheet and row, for an unknown ID, a changed URL, an unknown mark, a page not in the run, a locked row', async () => {
    const { wb, ws } = await loadSheet(out.files.worksheet!);
    const rows = rowsOf(ws);
    const open = rows.filter((r) => r.v[L.columns.automated] === '要確認' || r.v[L.columns.automated] === '未検査').filter((r) => r.v[L.columns.url] !== L.siteUrl);
    const locked = rows.find((r) => r.v[L.columns.automated] === '不適合')!;
    const set = (n: number, c: keyof typeof L.columns, v: string) => (ws.getRow(n).getCell(col(c)).value = v);
    set(open[0].n, 'result', '○'); // a good row: must not be recorded either
    set(open[1].n, 'result', '○');
    set(open[1].n, 'id', `R${runId}-P${open[1].v[L.columns.id].split('-')[1].slice(1)}-9.9.9`); // unknown ID
    set(open[2].n, 'result', '×');
    set(open[2].n, 'url', open[2].v[L.columns.url] + 'x'); // changed URL
    set(open[3].n, 'result', 'たぶん'); // unknown mark
    set(open[4].n, 'result', '○');
    set(open[4].n, 'id', `R${runId}-P999999-${open[4].v[L.columns.criterion]}`); // page not in the run
    set(locked.n, 'result', '○'); // answers an automated fail
    const bad = path.join(tmp, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const before = (await judgements()).length;
    const r = await judge('--import', bad);
    expect(r.code).toBe(2);
    const where = (n: number) => `シート「${L.sheet}」 ${n} 行目`;
    expect(r.stderr).toContain('5 件の問題があります。何も記録していません');
    expect(r.stderr).toContain(`${where(open[1].n)}: ID「R${runId}-P`);
    expect(r.stderr).toContain(`${where(open[2].n)}: URL が書き出したときと違います`);
    expect(r.stderr).toContain(`${where(open[3].n)}: 結果「たぶん」を読めません`);
    expect(r.stderr).toContain(`${where(open[4].n)}: ID「R${runId}-P999999-`);
    expect(r.stderr).toContain('のページは検査');
    expect(r.stderr).toContain(`${where(locked.n)}: 自動チェックで「不適合」と判定済みの行です`);
    expect(r.stderr).not.toContain(where(open[0].n));
    expect((await judgements()).length).toBe(before);
  }, 300_000);
});

describe('a scripted run of the kit', () => {
  it('filling every open row of the worksheet leaves no selected page × criterion to a person, and turns 試験未完了 into a claim', async () => {
    const before = await openStore(storeFile, { readonly: true });
    try {
      expect((await buildReportModel(before, { runId, selection: SELECTION })).claim.state).toBe('incomplete');
    } finally {
      await before.close();
    }
    const { wb, ws } = await loadSheet(out.files.worksheet!);
    const open = rowsOf(ws).filter((r) => ['要確認', '未確認'].includes(r.v[L.columns.automated]));
    for (const r of open) {
      const row = ws.getRow(r.n);
      row.getCell(col('result')).value = '○';
      row.getCell(col('who')).value = '広報広聴課';
    }
    const file = path.join(tmp, 'all-filled.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await judge('--import', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const store = await openStore(storeFile);
    try {
      const m = await buildReportModel(store, { runId, selection: SELECTION });
      const left = m.pages.filter((p) => p.selected).flatMap((p) => p.criteria.filter((c) => c.outcome === 'review' || c.outcome === 'untested').map((c) => `${p.url} ${c.id}`));
      expect(left).toEqual([]);
      expect(m.checklist.filter((c) => c.resultMark === '要確認' || c.resultMark === '未確認').map((c) => c.id)).toEqual([]);
      // complete now: the automated fails keep it from 準拠, so 一部準拠, which needs 今後の対応方針 first
      expect(m.claim.failed.length).toBeGreaterThan(0);
      expect(m.claim.state).toBe('blocked');
      const plan = '令和9年度中に不適合の箇所を修正し、再度試験を行います。';
      const withPlan = await buildReportModel(store, { runId, selection: SELECTION, statement: { futurePlan: plan } });
      expect(withPlan.claim.state).toBe('stated');
      expect(withPlan.claim.text).toMatch(/^JIS X 8341-3:2016 の適合レベルA.*一部準拠$/);
    } finally {
      await store.close();
    }
  }, 300_000);
});

describe('the findings CSV round trip', () => {
  /** The rows with the 結果 cell of the given rows filled in, as a tester does in a spreadsheet. */
  const withResult = (rows: string[][], fill: Map<number, string>) => {
    const at = rows[0].indexOf(C.result);
    return rows.map((r, i) => (fill.has(i) ? r.map((c, k) => (k === at ? fill.get(i)! : c)) : r));
  };
  // each test runs the CLI a few times: slow on 2 shared cores

  it('a findings CSV with a 結果 column never makes site-wide judgements (was: six)', async () => {
    const rows = parse(readFileSync(out.files.csv!, 'utf8'), { bom: true }) as string[][];
    expect(rows[0][0]).toBe(C.id);
    expect(rows[0].slice(-4)).toEqual([C.result, C.note, C.who, C.when]);
    const reviews = rows.map((r, i) => ({ r, i })).filter(({ r, i }) => i > 0 && r[3] === '要確認').slice(0, 6);
    expect(reviews).toHaveLength(6);
    // the file as jis-a11y wrote it before it had an ID column, the six rows a tester judged kept (the others
    // deleted): this made six site-wide judgements; now it is refused and nothing is recorded
    const old = path.join(tmp, 'old-findings.csv');
    const oldColumns = (r: string[]) => r.slice(1, r.length - 4); // no ID, no person's columns
    writeFileSync(old, toCsv([[...oldColumns(rows[0]), C.result], ...reviews.map(({ r }) => [...oldColumns(r), '○'])]));
    const before = await judgements();
    const r0 = await judge('--import', old);
    expect(r0.code).toBe(2);
    expect(r0.stderr).toContain('ID 列がありません');
    expect(await judgements()).toEqual(before);
    // with its ID column: exactly the six rows, each a finding judgement for its criteria
    const file = path.join(tmp, 'findings-filled.csv');
    writeFileSync(file, toCsv(withResult(rows, new Map(reviews.map(({ i }) => [i, '○'])))));
    const r = await judge('--import', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const added = (await judgements()).slice(before.length);
    expect(added.some((j) => j.scope.type !== 'finding')).toBe(false);
    const expected = reviews.flatMap(({ r }) => r[4].split(' ').map((c) => [c, 'pass', r[1], r[6], r[9]]));
    expect(added.map((j) => [j.criterion, j.result, ...(j.scope.type === 'finding' ? [j.scope.url, j.scope.ruleId, j.scope.selector] : [])])).toEqual(expected);
    // export again: the six rows show ○, every other row is as it was; importing that file records nothing twice
    const again = await generateReports({ store: storeFile, runId, outDir: path.join(tmp, 'out-csv'), selection: SELECTION, formats: ['csv'] });
    const back = parse(readFileSync(again.files.csv!, 'utf8'), { bom: true }) as string[][];
    const at = rows[0].indexOf(C.result);
    expect(back.filter((r) => r[at] === '○').map((r) => r[0]).sort()).toEqual(reviews.map(({ r }) => r[0]).sort());
    expect(back.filter((r) => r[at] !== '○')).toEqual(rows.filter((_, i) => !reviews.some((x) => x.i === i)));
    const r2 = await judge('--import', again.files.csv!);
    expect(r2.code).toBe(0);
    expect(r2.stdout).toContain('新しく記録する結果はありません');
    expect((await judgements()).length).toBe(before.length + added.length);
  }, 300_000);

  it('unknown or unmatched rows are errors that name the row; nothing is recorded', async () => {
    const rows = parse(readFileSync(out.files.csv!, 'utf8'), { bom: true }) as string[][];
    const vio = rows.findIndex((r, i) => i > 0 && r[3] === '不適合');
    const rev = rows.findIndex((r, i) => i > 0 && r[3] === '要確認');
    const edited = rows.map((r) => [...r]);
    edited[rev][0] = `R${runId}-F99999999`;
    const moved = rev + 1;
    edited[moved][1] = 'https://example.invalid/';
    const file = path.join(tmp, 'findings-bad.csv');
    writeFileSync(file, toCsv(withResult(edited, new Map([[rev, '○'], [moved, '○'], [vio, '○']]))));
    const before = (await judgements()).length;
    const r = await judge('--import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`findings-bad.csv ${rev + 1} 行目: ID「R${runId}-F99999999」の指摘は検査 #${runId} にありません`);
    expect(r.stderr).toContain(`findings-bad.csv ${moved + 1} 行目: URL が書き出したときと違います`);
    expect(r.stderr).toContain(`findings-bad.csv ${vio + 1} 行目: 自動チェックで不適合と判定された指摘に ○ / − は記録できません`);
    expect((await judgements()).length).toBe(before);
  }, 300_000);
});

describe('typos in judge --page / --pattern', () => {
  it('a URL or pattern that matches no audited page is refused with the closest URLs, unless --allow-unmatched', async () => {
    const store = await openStore(storeFile);
    const urls: string[] = [];
    for await (const p of store.results.iteratePages(runId)) if (!p.error) urls.push(p.url);
    await store.close();
    const target = urls.find((u) => /\/[a-z]+\/[^/]+\.html$/.test(u))!;
    const typo = target.replace(/\.html$/, '.htm');
    const before = (await judgements()).length;
    const r1 = await judge('--criterion', '2.4.6', '--result', '○', '--page', typo);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(`URL「${typo}」は検査 #${runId} で検査したページにありません`);
    expect(r1.stderr).toContain(`近い URL: ${target}`);
    const dir = new URL(target).pathname.split('/')[1];
    const swapped = dir.length > 2 ? dir[1] + dir[0] + dir.slice(2) : dir + 'x';
    const r2 = await judge('--criterion', '2.4.6', '--result', '○', '--pattern', `/${swapped}/**`);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`パターン「/${swapped}/**」に当てはまるページが検査 #${runId} にありません`);
    expect(r2.stderr).toMatch(new RegExp(`近い URL: [^。]*/${dir}/`));
    // the same for page scopes in an imported file: every unmatched entry named
    const json = path.join(tmp, 'typo.json');
    writeFileSync(json, JSON.stringify([{ criterion: '1.3.3', result: 'pass', scope: { type: 'page', url: target } }, { criterion: '1.3.3', result: 'pass', scope: { type: 'page', url: typo } }]));
    const r3 = await judge('--import', json);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain(`2 件目: URL「${typo}」は検査 #${runId} で検査したページにありません`);
    expect(r3.stderr).not.toContain('1 件目');
    expect((await judgements()).length).toBe(before);
    // a real page and a matching pattern are recorded; --allow-unmatched records a page not crawled yet
    expect((await judge('--criterion', '2.4.6', '--result', '○', '--page', target)).code).toBe(0);
    expect((await judge('--criterion', '2.4.6', '--result', '○', '--pattern', `/${dir}/**`)).code).toBe(0);
    expect((await judge('--criterion', '2.4.6', '--result', '○', '--page', typo, '--allow-unmatched')).code).toBe(0);
    expect((await judgements()).length).toBe(before + 3);
  }, 300_000);
});
