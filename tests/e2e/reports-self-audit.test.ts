// The reports pass their own audit (issue 14, item 7), and the 試験結果 is one document rendered everywhere
// (item 5): the demo's reports are generated as `jis-a11y demo` writes them (as tests/golden does), then our own
// `check` (the real engine in real Chromium) runs on report.html, test-result.html and the CMS fragment placed
// in a page. The 試験結果 must have no violation and no review item: before issue 14 it had 44 要確認 (the bare
// ○/−/× cells) and a fake heading (the claim in <strong>). The demo's test is incomplete, so every output says
// 「試験未完了（公開用ではありません）」; completing it with a person's judgements (real SQLite) gives a claim,
// which 一部準拠 states only with a 今後の対応方針. The PDF is A4 landscape with embedded TrueType fonts (poppler's
// pdffonts / pdfinfo / pdftotext -bbox), and test-result.json validates against its schema (ajv).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schema from '../../schema/test-result.schema.json';
import { runCheck } from '../../crawler/cli/check-command.js';
import { openStore } from '../../crawler/store/store.js';
import { generateReports, REPORT_FILES } from '../../reports/generate.js';
import { buildReportModel } from '../../reports/model.js';
import { CHECKLIST_SHEET } from '../../reports/xlsx.js';
import { CLAIM_WORDS_JA } from '../../rules-jis/labels-ja.js';
import type { AuditResult, PageResult } from '../../rules-jis/types.js';
import type { TestResultDocument } from '../../reports/test-result/document.js';
import type { JudgementInput } from '../../rules-jis/judgements.js';
import { demoFolderCopy } from '../helpers/shared-fixtures.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-self-audit-'));
let demo: string;
const file = (name: string) => path.join(demo, name);
let audit: AuditResult;

function validator() {
  // CJS default-export interop differs between tsc and the runtime
  const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
  const ajv = new Ajv({ allErrors: true, strict: false });
  (((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as typeof addFormats)(ajv);
  return ajv.compile(schema);
}

const pageOf = (name: string): PageResult => audit.pages.find((p) => p.url.endsWith('/' + name))!;
const listed = (p: PageResult, kind: 'violation' | 'review') => p.findings.filter((f) => f.kind === kind).map((f) => `${f.ruleId} ${f.selector} ${f.message.slice(0, 100)}`);

beforeAll(async () => {
  // the demo's folder as `jis-a11y demo --concurrency 1` wrote it (one tab, as the golden test runs it), built once
  // a run and copied here, since this file writes into it
  demo = await demoFolderCopy();
  const frag = readFileSync(file(REPORT_FILES.fragment), 'utf8');
  writeFileSync(file('fragment-in-page.html'), `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>ウェブアクセシビリティ｜みどり県</title></head><body><main><h1>ウェブアクセシビリティ</h1>${frag}</main></body></html>`);
  ({ result: audit } = await runCheck([file(REPORT_FILES.testResult), file('fragment-in-page.html'), file(REPORT_FILES.html)], { format: 'json', level: 'AA', timeout: 60 }));
}, 300_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  if (demo) rmSync(path.dirname(demo), { recursive: true, force: true });
});

describe('the reports pass their own audit', () => {
  it('test-result.html: no violation and no review item', () => {
    const p = pageOf(REPORT_FILES.testResult);
    expect(p.error).toBeUndefined();
    expect(listed(p, 'violation')).toEqual([]);
    expect(listed(p, 'review')).toEqual([]);
  });

  it('the CMS fragment inside a page: no violation and no review item', () => {
    const p = pageOf('fragment-in-page.html');
    expect(p.error).toBeUndefined();
    expect(listed(p, 'violation')).toEqual([]);
    expect(listed(p, 'review')).toEqual([]);
  });

  it('report.html: no violation', () => {
    const p = pageOf(REPORT_FILES.html);
    expect(p.error).toBeUndefined();
    expect(listed(p, 'violation')).toEqual([]);
  });

  it('report.html: no review item, and every download link says its format and size', () => {
    const p = pageOf(REPORT_FILES.html);
    expect(listed(p, 'review')).toEqual([]);
    const html = readFileSync(file(REPORT_FILES.html), 'utf8');
    const downloads = [...html.matchAll(/<a [^>]*href="([^"#:]+\.(?:csv|xlsx|json|pdf))"[^>]*>([^<]*)<\/a>([^<]{0,40})/g)];
    expect(downloads.length).toBeGreaterThan(0);
    for (const [, href, text, after] of downloads) expect(`${text}${after}`, href).toMatch(/\d+(\.\d+)?\s*(KB|MB|バイト)/);
  });
});

describe('the 試験結果 is one document, and the demo’s test is not complete', () => {
  const doc = () => JSON.parse(readFileSync(file(REPORT_FILES.testResultJson), 'utf8')) as TestResultDocument;

  it('test-result.json validates against schema/test-result.schema.json', () => {
    const validate = validator();
    expect(validate(doc()), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc().checklist).toHaveLength(38);
  });

  it('every output says 「試験未完了（公開用ではありません）」 and states no 対応度', async () => {
    const d = doc();
    expect(d.claim).toMatchObject({ state: 'incomplete', kind: null, text: CLAIM_WORDS_JA.incomplete });
    expect(d.claim.missing.length).toBeGreaterThan(0);
    for (const f of [REPORT_FILES.testResult, REPORT_FILES.fragment]) {
      const html = readFileSync(file(f), 'utf8');
      expect(html, f).toContain(CLAIM_WORDS_JA.incomplete);
      expect(html, f).not.toMatch(/の適合レベルA{1,2}に(一部)?準拠/);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file(REPORT_FILES.xlsx));
    expect(String(wb.getWorksheet(CHECKLIST_SHEET)!.getCell('A1').value)).toContain(CLAIM_WORDS_JA.incomplete);
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file(REPORT_FILES.testResultPdf), '-'], { encoding: 'utf8' });
    expect(pdfText.replace(/\s+/g, '')).toContain(CLAIM_WORDS_JA.incomplete.replace(/\s+/g, ''));
  });

  it('the PDF of the 試験結果 is A4 landscape, every font embedded and none Type 3, and nothing runs off the page', () => {
    const pdf = file(REPORT_FILES.testResultPdf);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/)!;
    expect(Number(w)).toBeGreaterThan(Number(h));
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((l) => /Type 3/.test(l))).toEqual([]);
    // columns: name, type, encoding, emb, sub, uni, object ID (two numbers): "emb" is the fifth from the end
    expect(fonts.filter((l) => l.trim().split(/\s+/).at(-5) !== 'yes')).toEqual([]);
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const xMax = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(xMax).toBeLessThanOrEqual(Number(w));
  });
});

describe('completing the demo’s test (a person’s judgements in a real SQLite store)', () => {
  it('defect: 5 random pages once gave 「Aに準拠、AAに一部準拠」; a sample with open cells states no claim', async () => {
    const store = await openStore(file('demo.sqlite'), { readonly: true });
    try {
      for (const seed of ['1', '2', '3']) {
        const m = await buildReportModel(store, { selection: { method: 'random', n: 5, seed } });
        expect(m.selection.urls).toHaveLength(5);
        expect(m.claim, seed).toMatchObject({ state: 'incomplete', kind: null });
        expect(m.claim.missing.flatMap((x) => x.pages.map((p) => p.url)).every((u) => m.selection.urls.includes(u))).toBe(true);
      }
    } finally {
      await store.close();
    }
  });

  it('gives a claim only once every cell has a result, and 一部準拠 only with 今後の対応方針', async () => {
    const storeFile = path.join(tmp, 'completed.sqlite');
    copyFileSync(file('demo.sqlite'), storeFile);
    const missing = (JSON.parse(readFileSync(file(REPORT_FILES.testResultJson), 'utf8')) as TestResultDocument).claim.missing;
    // a tester answers every open cell page by page (none contradicts an automated violation)
    const inputs: JudgementInput[] = missing.flatMap((m) => m.pages.map((p) => ({ criterion: m.criterion, result: 'pass' as const, who: '広報広聴課 試験担当', note: '手順書に沿って確認', scope: { type: 'page' as const, url: p.url } })));
    const store = await openStore(storeFile);
    try {
      await store.judgements.recordJudgements(inputs);
    } finally {
      await store.close();
    }
    const noPlan = await generateReports({ store: storeFile, outDir: path.join(tmp, 'no-plan'), formats: ['test-result'] });
    // the demo site fails level-A criteria: 一部準拠, which may not be stated without a plan
    expect(noPlan.model.claim).toMatchObject({ state: 'blocked', kind: null });
    expect(noPlan.model.claim.reason).toContain('今後の対応方針');
    expect(readFileSync(noPlan.files.testResult!, 'utf8')).toContain(CLAIM_WORDS_JA.blocked);

    const statement = {
      futurePlan: '令和9年3月までに、テンプレートの改修と各課のページ修正で不適合を解消します。',
      policyUrl: 'https://www.pref.midori.lg.jp/accessibility/policy.html',
      organisation: 'みどり県 総務部 広報広聴課',
      environments: [{ os: 'Windows 11 23H2', browser: 'Google Chrome 131', assistiveTech: 'NVDA 2024.4 日本語版' }],
      additionalMeasures: ['ふりがな表示機能を提供'],
    };
    const stated = await generateReports({ store: storeFile, outDir: path.join(tmp, 'stated'), formats: ['test-result', 'xlsx'], statement });
    expect(stated.model.claim).toMatchObject({ state: 'stated', kind: 'A一部準拠', text: 'JIS X 8341-3:2016 の適合レベルAに一部準拠' });
    const d = JSON.parse(readFileSync(stated.files.testResultJson!, 'utf8')) as TestResultDocument;
    const validate = validator();
    expect(validate(d), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(d.claim.missing).toEqual([]);
    expect(d.statement).toMatchObject(statement);
    // how each result was reached: a person's judgements were used where the checks left it open
    expect(d.checklist.find((e) => e.id === '2.4.1')!.decidedBy).toMatch(/person/);
    const html = readFileSync(stated.files.testResult!, 'utf8');
    for (const s of [statement.futurePlan, statement.policyUrl, 'NVDA 2024.4 日本語版', 'ふりがな表示機能を提供', '<h3 id="jr-claim">対応度: JIS X 8341-3:2016 の適合レベルAに一部準拠</h3>']) expect(html).toContain(s);
    expect(html).not.toContain(CLAIM_WORDS_JA.incomplete);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(stated.files.xlsx!);
    const info = wb.getWorksheet('試験の情報')!;
    const values = info.getSheetValues().flat().map(String);
    expect(values).toEqual(expect.arrayContaining(['JIS X 8341-3:2016 の適合レベルAに一部準拠', statement.futurePlan, statement.policyUrl]));
  }, 180_000);
});
