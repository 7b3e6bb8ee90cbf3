// Every report built from a real crawl of the sample site (tests/fixtures/site), then checked: the
// checklist, the claim, the exports read back, and jis-a11y's own audit of every generated HTML file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schema from '../../schema/result.schema.json';
import { collect, openStore, type Store } from '../../crawler/store/store.js';
import { runCheck } from '../../crawler/cli/check-command.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { generateReports, type GeneratedReports } from '../../reports/generate.js';
import { buildReportModel } from '../../reports/model.js';
import { CHECKLIST_SHEET } from '../../reports/xlsx.js';
import { CLAIM_WORDS_JA } from '../../rules-jis/labels-ja.js';
import { sampleCrawl } from '../helpers/shared-fixtures.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-reports-'));
let storeFile: string;
let crawlRun: number;
let current: number;
let out: GeneratedReports;

/** Copies a run into `dst` (pages, findings, links, documents) so we can stage an earlier year's run. */
async function copyRun(src: Store, runId: number, dst: Store, startedAt: string, dropFindingsOf: (url: string) => boolean): Promise<number> {
  const run = (await src.runs.getRun(runId))!;
  const id = await dst.runs.createRun({ startUrls: run.startUrls, config: run.config, toolVersion: run.toolVersion, axeVersion: run.axeVersion, browser: run.browser, target: run.target }, startedAt);
  for await (const p of src.results.iteratePages(runId)) {
    const drop = dropFindingsOf(p.url);
    const links = (await collect(src.results.iterateLinks(runId, { fromUrl: p.url }))).map((l) => ({ toUrl: l.toUrl, text: l.text, area: l.area }));
    await dst.results.savePage(id, { ...p, criteria: p.criteria, findings: drop ? [] : await src.results.findingsOfPage(p.id), links });
  }
  for (const d of await src.results.documentsOfRun(runId)) await dst.results.saveDocument(id, d);
  await dst.runs.updateRun(id, { status: 'finished', finishedAt: new Date(new Date(startedAt).getTime() + 60_000).toISOString() });
  return id;
}

beforeAll(async () => {
  {
    // the default crawl of the sample site (two tabs, keyboard phase on), built once a run; our own copy of its store
    const crawl = await sampleCrawl();
    const src = await openStore(crawl.dbFile);
    // the reported store: last year's run (staged: the event pages had no problems then), then today's real crawl
    storeFile = path.join(tmp, 'report-store.sqlite');
    const dst = await openStore(storeFile);
    const lastYear = new Date(Date.now() - 370 * 86400_000).toISOString();
    await copyRun(src, crawl.runId, dst, lastYear, (u) => u.includes('/event/'));
    current = await copyRun(src, crawl.runId, dst, new Date().toISOString(), () => false);
    crawlRun = crawl.runId;
    await src.close();
    // a ○ on 2.1.1 for every page where the automated checks did not fail it (a site-wide ○ is refused: one page fails)
    const keyboardOk = (await collect(dst.results.iteratePages(current))).filter((p) => !p.error && p.criteria.find((c) => c.id === '2.1.1')?.outcome !== 'fail');
    await dst.judgements.recordJudgements(keyboardOk.map((p) => ({ criterion: '2.1.1', result: 'pass' as const, who: '広報広聴課', note: 'キーボードだけで全機能を操作できることを確認', scope: { type: 'page' as const, url: p.url } })));
    await dst.close();
  }
  out = await generateReports({ store: storeFile, outDir: path.join(tmp, 'out'), selection: { method: 'representative-random', n: 10, seed: 'test' }, statement: { statementDate: '2026-12-01', organisation: 'みどり県 総務部 広報広聴課' } });
}, 300_000);

afterAll(() => {});

describe('reports from a crawl of the sample site', () => {
  it('the crawl audited the sample site', () => {
    expect(crawlRun).toBeGreaterThan(0);
    expect(out.runId).toBe(current);
    expect(out.model.pages.length).toBeGreaterThan(40);
  });

  it('the checklist has the 38 A/AA criteria with the titles printed in the standard', () => {
    const m = out.model;
    expect(m.checklist).toHaveLength(38);
    expect(m.checklist.map((r) => r.jaJis)).toEqual(targetCriteria('AA').map((c) => c.jaJis));
    expect(m.checklist[0]).toMatchObject({ id: '1.1.1', jaJis: '非テキストコンテンツの達成基準', level: 'A' });
    const html = readFileSync(out.files.testResult!, 'utf8');
    for (const c of targetCriteria('AA')) expect(html).toContain(c.jaJis);
  });

  it('the claim is computed: criteria still open on the sample → 「試験未完了」, no 対応度 (issue 14)', () => {
    const m = out.model;
    expect(m.checklist.find((r) => r.id === '1.1.1')!.outcome).toBe('fail');
    expect(m.claim).toMatchObject({ state: 'incomplete', kind: null, text: CLAIM_WORDS_JA.incomplete });
    expect(m.claim.remaining.length).toBeGreaterThan(0);
    // the page judgements decided 2.1.1 (untested before) on the other selected pages; /event/event-05.html, which
    // the representative selection tests (the event layout's page with most content), keeps its automated failure
    const r = m.checklist.find((x) => x.id === '2.1.1')!;
    expect(m.selection.urls.some((u) => u.endsWith('/event/event-05.html'))).toBe(true);
    expect(r.outcome).toBe('fail');
    expect(r.judgements.length).toBeGreaterThan(0);
    expect(r.judgements.every((j) => j.note === 'キーボードだけで全機能を操作できることを確認')).toBe(true);
    expect(m.claim.remaining).not.toContain('2.1.1');
  });

  it('the 試験結果 page has the JB.3.1 items in order, the tested URIs and the selection', () => {
    const html = readFileSync(out.files.testResult!, 'utf8');
    const items = ['表明日', '規格の規格番号及び改正年', '満たしている適合レベル及び対応度', '対象となるウェブページの説明', '依存したウェブコンテンツ技術', '試験対象のウェブページの選択方法及びページ数', '試験したウェブページの URI', '達成基準チェックリスト', '試験実施期間', '試験に使用したツール'];
    const pos = items.map((t) => html.indexOf(`>${t}</h`));
    expect(pos.every((p) => p > 0)).toBe(true);
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    expect(html).toContain('2026年12月1日');
    expect(html).toContain(CLAIM_WORDS_JA.incomplete);
    expect(html).toContain('対応度表記ガイドライン');
    for (const u of out.model.selection.urls) expect(html).toContain(u);
    expect(html).toContain('代表ページ及びランダムに選択');
    expect(out.model.selection.urls.length).toBe(out.model.selection.representative.length + 10);
    const frag = readFileSync(out.files.fragment!, 'utf8');
    expect(frag.startsWith('<section')).toBe(true);
    expect(frag).not.toMatch(/<html|<style|<script/);
  });

  it('the site report: summary, findings with how to fix, repeats, documents, broken links, progress and trends', () => {
    const html = readFileSync(out.files.html!, 'utf8');
    const m = out.model;
    expect(html).toContain(CLAIM_WORDS_JA.incomplete);
    expect(html).toContain('直し方');
    expect(m.findingGroups.find((g) => g.id === '1.1.1')!.rules.map((r) => r.ruleId)).toContain('image-alt');
    expect(m.repeats.length).toBeGreaterThan(0);
    expect(m.documents.map((d) => new URL(d.url).pathname)).toEqual(expect.arrayContaining(['/docs/keikaku-2026.pdf', '/docs/shinsei-kensu.xlsx']));
    expect(m.brokenLinks.map((b) => new URL(b.toUrl).pathname)).toEqual(expect.arrayContaining(['/kurashi/old-gomi.html']));
    expect(m.progress).not.toBeNull();
    expect(m.progress!.newFindings.length).toBeGreaterThan(0);
    expect(m.progress!.newFindings.filter((f) => !f.pageUrl.includes('/event/')).map((f) => f.pageUrl + ' ' + f.ruleId)).toEqual([]);
    expect(m.progress!.fixed).toHaveLength(0);
    expect(m.trends.runs).toHaveLength(2);
    expect(m.trends.years).toHaveLength(2);
    expect(html).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby/);
    expect(html).toContain('<desc');
    expect(html).toContain('検査ごとの問題の数</caption>');
    expect(html).not.toMatch(/<script|<link |src="http/);
  });

  it('CSV of findings starts with a UTF-8 BOM and has every finding', () => {
    const buf = readFileSync(out.files.csv!);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8');
    expect(text.split('\r\n')[0]).toContain('ページURL');
    const s = out.model.summary.findings;
    expect(text.trim().split('\r\n').length).toBeGreaterThanOrEqual(1 + s.violation + s.review + s.advisory);
  });

  it('the XLSX checklist reads back with exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.files.xlsx!);
    const ws = wb.getWorksheet(CHECKLIST_SHEET)!;
    expect(ws.getRow(4).values).toEqual([undefined, '達成基準', '名称（規格の表記）', '適合レベル', '適用', '結果', '注記', '確認の方法', '結果の意味']);
    const rows = Array.from({ length: 38 }, (_, i) => ws.getRow(5 + i));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(targetCriteria('AA').map((c) => c.wcag));
    expect(rows[0].getCell(2).value).toBe('非テキストコンテンツの達成基準');
    expect(rows[0].getCell(5).value).toBe('×');
    expect(wb.getWorksheet('試験したURI')!.rowCount).toBe(out.model.selection.urls.length + 1);
  });

  it('the JSON export validates against schema/result.schema.json', () => {
    // CJS default-export interop differs between tsc and the runtime
    const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const formats = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as typeof addFormats;
    formats(ajv);
    const validate = ajv.compile(schema);
    const data = JSON.parse(readFileSync(out.files.json!, 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(data.pages.length).toBe(out.model.pages.length + out.model.erroredPages.length);
  });

  it('the PDF is A4 and its text contains 達成基準 (pdftotext)', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out.files.pdf!, '-'], { encoding: 'utf8' });
    expect(text).toContain('達成基準');
    expect(text).toContain('ウェブアクセシビリティ検査報告書');
    const info = execFileSync('pdfinfo', [out.files.pdf!], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*\(A4\)/);
  });

  it('every generated HTML report passes jis-a11y’s own audit with no violation', async () => {
    const frag = readFileSync(out.files.fragment!, 'utf8');
    const wrapped = path.join(path.dirname(out.files.fragment!), 'fragment-in-page.html');
    writeFileSync(wrapped, `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>ウェブアクセシビリティ｜みどり県</title></head><body><main><h1>ウェブアクセシビリティ</h1>${frag}</main></body></html>`);
    const { result } = await runCheck([out.files.html!, out.files.testResult!, wrapped], { format: 'json', level: 'AA', timeout: 60 });
    for (const p of result.pages) {
      expect(p.error, p.url).toBeUndefined();
      const v = p.findings.filter((f) => f.kind === 'violation');
      expect(v.map((f) => `${p.url} ${f.ruleId} ${f.selector} ${f.html.slice(0, 120)}`)).toEqual([]);
    }
  }, 180_000);

  it('report for an earlier run and random sampling is reproducible from the store', async () => {
    const store = await openStore(storeFile);
    try {
      const a = await buildReportModel(store, { runId: current, selection: { method: 'random', n: 5, seed: '令和8年度' } });
      const b = await buildReportModel(store, { runId: current, selection: { method: 'random', n: 5, seed: '令和8年度' } });
      expect(a.selection.urls).toEqual(b.selection.urls);
      const first = await buildReportModel(store, { runId: current - 1 });
      expect(first.progress).toBeNull();
      expect(first.trends.runs).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
