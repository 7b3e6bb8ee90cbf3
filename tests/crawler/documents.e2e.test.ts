// A crawl of a local site with documents (tests/fixtures/documents/document-site.ts): real server on
// 127.0.0.1, real headless Chromium for the pages, a real SQLite file. Each PDF and Office file is downloaded,
// checked and stored with its findings and the pages that link to it; a broken, too large or slow document is
// recorded with its Japanese error and the crawl goes on; the next run reuses the findings of unchanged
// documents; --no-check-documents keeps the inventory-only mode (no document is downloaded).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { launchBrowser } from '../../crawler/page/browser.js';
import { openStore, type StoredDocument } from '../../crawler/store/store.js';
import { siteReportHtml } from '../../reports/html-report.js';
import { buildReportModel, type ReportModel } from '../../reports/model.js';
import { testResultDocument, testResultPage } from '../../reports/test-result.js';
import { checkScopeTargets } from '../../crawler/store/judge-targets.js';
import ExcelJS from 'exceljs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import testResultSchema from '../../schema/test-result.schema.json';
import { worksheetXlsx } from '../../reports/worksheet.js';
import { importWorksheet } from '../../crawler/cli/worksheet-import.js';
import { WORKSHEET_LABEL_JA as WL } from '../../rules-jis/labels-ja.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { SITE_EXPECT, SITE_MAX_DOCUMENT_BYTES, startDocumentSite, WITH_ETAG, type DocumentSite } from '../fixtures/documents/document-site.js';

const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
const ajv = new Ajv({ allErrors: true, strict: false });
(((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as typeof addFormats)(ajv);
const validTestResult = ajv.compile(testResultSchema);

let browser: Browser;
let site: DocumentSite;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDocumentSite(browser);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-documents-'));
});
afterAll(async () => {
  await site?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function crawl(extra: Record<string, unknown> = {}): Promise<{ runId: number; log: string[] }> {
  const log: string[] = [];
  const config = mergeConfig({
    startUrls: [`${site.url}/`], output: { dir }, sitemap: false, robots: false, concurrency: 2, interaction: { enabled: false },
    maxDocumentBytes: SITE_MAX_DOCUMENT_BYTES, timeouts: { navigationMs: 4_000 }, retries: { perUrl: 0 }, ...extra,
  });
  const out = await runCrawl(config, { hooks: { onLog: (s) => log.push(s) } });
  return { runId: out.runId, log };
}

async function documents(runId: number): Promise<Map<string, StoredDocument>> {
  const store = await openStore(path.join(dir, 'jis-a11y.sqlite'), { readonly: true });
  try {
    return new Map((await store.results.documentsOfRun(runId)).map((d) => [new URL(d.url).pathname, d]));
  } finally {
    await store.close();
  }
}

describe('a crawl checks the documents it finds', () => {
  let first: { runId: number; log: string[] };

  it('checks each PDF and Office file, stores its findings, and records broken, huge and slow ones with an error', async () => {
    first = await crawl();
    const docs = await documents(first.runId);
    expect([...docs.keys()].sort()).toEqual(Object.keys(SITE_EXPECT).sort());
    for (const [p, want] of Object.entries(SITE_EXPECT)) {
      const d = docs.get(p)!;
      expect(d.checked, p).toBe(want.checked);
      expect(d.error?.code, p).toBe(want.error);
      if (want.findings) expect(d.findings.map((f) => f.ruleId).sort(), p).toEqual(want.findings);
      for (const f of d.findings) expect(f.source).toBe('document');
    }
    // the errors say what happened in Japanese and name the document
    expect(docs.get('/files/huge.pdf')!.error!.message).toMatch(/huge\.pdf.*上限.*--max-document-bytes/);
    expect(docs.get('/files/broken.pdf')!.error!.message).toMatch(/broken\.pdf: PDF として読み取れません/);
    expect(docs.get('/files/slow.pdf')!.error!.message).toMatch(/slow\.pdf の取得が時間内に終わりませんでした/);
    // what the reader found, and who links to it (the editor who uploaded it)
    const plan = docs.get('/files/keikaku.pdf')!;
    expect([plan.format, plan.title, plan.lang, plan.pages]).toEqual(['pdf', '令和7年度 事業計画', 'ja', 2]);
    expect(docs.get('/files/tebiki.docx')!.linkedFrom).toEqual([{ pageUrl: `${site.url}/kurashi.html`, text: '申請の手引き（Word）' }]);
    // the CSV is only probed, the huge PDF never read past its Content-Length
    expect(site.requests.filter((r) => r.path === '/files/list.csv').map((r) => r.method)).toEqual(['HEAD']);
    expect(first.log.some((l) => /文書 4 件の中身を検査しました/.test(l))).toBe(true);
  });

  it('the report lists the document findings under the page that links to the file, with how to fix at the source', async () => {
    const store = await openStore(path.join(dir, 'jis-a11y.sqlite'), { readonly: true });
    try {
      const m = await buildReportModel(store, { runId: first.runId });
      expect(m.statement.exclusions[0]).toMatch(/文書（8 件。このうち 4 件は文書の自動検査を行い、結果を文書の一覧に掲載。達成基準チェックリストの判定には含めない）/);
      const text = siteReportHtml(m).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      const section = text.slice(text.indexOf('リンク元のページごとの文書の指摘'));
      // the docx hangs under くらしの手続き (its only linking page), with Word's own fix
      const kurashi = section.slice(section.indexOf(`${site.url}/kurashi.html`));
      expect(kurashi).toMatch(/tebiki\.docx（申請の手引き） 不適合（1\.1\.1） ?: 代替テキストのない画像が 1 個あります.*直し方: 画像を右クリック/);
      expect(section).toMatch(/scan\.pdf .*不適合（1\.1\.1） ?: この PDF はすべてのページ（1 ページ）が画像だけ.*OCR/);
      // a document that answered but could not be checked is not a broken link
      const broken = text.slice(text.indexOf('リンク切れの一覧'));
      expect(broken).not.toMatch(/huge\.pdf|broken\.pdf|slow\.pdf/);
      expect(section).toMatch(/untagged\.pdf（申請のご案内） 不適合（1\.3\.1） ?: この PDF にはタグ.*アクセシビリティ用のドキュメント構造タグ/);
    } finally {
      await store.close();
    }
  });

  it('the next run reuses the findings of unchanged documents: by ETag (304, no body sent) or else by SHA-256', async () => {
    const before = site.requests.length;
    const again = await crawl();
    const gets = site.requests.slice(before).filter((r) => r.method === 'GET' && r.path.startsWith('/files/'));
    for (const p of WITH_ETAG) expect(gets.filter((r) => r.path === p).map((r) => r.status), p).toEqual([304]);
    expect(gets.filter((r) => r.path === '/files/untagged.pdf').map((r) => r.status)).toEqual([200]);
    const docs = await documents(again.runId);
    for (const p of ['/files/keikaku.pdf', '/files/untagged.pdf', '/files/scan.pdf', '/files/tebiki.docx']) {
      expect(docs.get(p)!.reusedFrom, p).toBe(first.runId);
      expect(docs.get(p)!.findings.map((f) => f.ruleId).sort(), p).toEqual(SITE_EXPECT[p].findings);
    }
    expect(again.log.some((l) => /前回から変わっていない 4 件/.test(l))).toBe(true);
  });

  it("a test's statement puts documents in the checklist: all, or a seeded sample; left out, they stay out", async () => {
    const store = await openStore(path.join(dir, 'jis-a11y.sqlite'));
    try {
      const test = await store.tests.create({ name: '文書を含む試験', target: 'AA', statement: { documents: { include: 'all' } } });
      await store.tests.attachRun(test.id, first.runId);
      const row = (m: ReportModel, id: string) => m.checklist.find((r) => r.id === id)!;
      const without = await buildReportModel(store, { runId: first.runId });
      expect(row(without, '1.3.1').pages.fail).toBe(0);
      // every document the checks read (4: the broken, huge and slow ones and the CSV cannot be tested)
      const all = await buildReportModel(store, { testId: test.id, runId: first.runId });
      expect(all.documentPages.map((d) => new URL(d.url).pathname)).toEqual(['/files/keikaku.pdf', '/files/scan.pdf', '/files/tebiki.docx', '/files/untagged.pdf']);
      expect(row(all, '1.3.1')).toMatchObject({ outcome: 'fail', pages: expect.objectContaining({ fail: 2 }) });
      expect(row(all, '1.1.1').pages.fail).toBe(2); // the scan and the docx's picture
      // a tagged PDF with title and lang is never "pass" for its criteria: the checks cover only part of them
      expect(all.documentPages[0].criteria.some((c) => c.outcome === 'pass')).toBe(false);
      expect(all.statement.exclusions[0]).toBe('PDF・Office などのウェブページ以外の文書のうち、試験しなかった 4 件（全 8 件中。自動検査で中身を読めなかった 4 件。文書の一覧を別に掲載）');
      const doc = testResultDocument(all);
      expect(validTestResult(doc), JSON.stringify(validTestResult.errors)).toBe(true);
      expect(doc.selection.documents).toMatchObject({ include: 'all', population: 4, seed: null });
      expect(doc.selection.documents!.documents).toContainEqual({ url: `${site.url}/files/keikaku.pdf`, title: '令和7年度 事業計画' });
      expect(testResultPage(doc).replace(/<[^>]+>/g, ' ')).toMatch(/試験した文書（PDF・Office）: 4 件/);
      // a person judges a document by its URL (judge --page); a site-wide judgement made on the pages does not reach it
      const keikaku = `${site.url}/files/keikaku.pdf`;
      await checkScopeTargets(store, [{ criterion: '1.4.3', result: 'pass', scope: { type: 'page', url: keikaku } }], first.runId);
      await store.judgements.recordJudgements(
        [{ criterion: '1.4.3', result: 'pass', who: '広報広聴課 山田', scope: { type: 'page', url: keikaku } }, { criterion: '1.3.3', result: 'pass', who: '広報広聴課 山田', scope: { type: 'site' } }],
        { testId: test.id, runId: first.runId },
      );
      const judged = (await buildReportModel(store, { testId: test.id, runId: first.runId })).documentPages.find((d) => d.url === keikaku)!;
      expect(judged.criteria.find((c) => c.id === '1.4.3')!.outcome).toBe('pass');
      expect(judged.criteria.find((c) => c.id === '1.3.3')!.outcome).toBe('untested');
      // the worksheet has a row per tested document × criterion (site criteria too), and judge --import takes them back
      const before = await buildReportModel(store, { testId: test.id, runId: first.runId });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await worksheetXlsx(before)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(WL.sheet)!;
      const cols = Object.values(WL.columns);
      const cell = (n: number, c: keyof typeof WL.columns) => ws.getRow(n).getCell(cols.indexOf(WL.columns[c]) + 1);
      const untagged = `${site.url}/files/untagged.pdf`;
      const docRows: number[] = [];
      ws.eachRow((_, n) => void (n > 1 && cell(n, 'url').value === untagged && docRows.push(n)));
      expect(docRows.map((n) => cell(n, 'criterion').value)).toEqual(targetCriteria('AA').map((c) => c.wcag));
      const r245 = docRows.find((n) => cell(n, 'criterion').value === '2.4.5')!;
      expect(String(cell(r245, 'id').value)).toMatch(/^R\d+-D\d+-2\.4\.5$/);
      cell(r245, 'result').value = '−';
      cell(r245, 'note').value = '1 つの文書で、ウェブページの集合ではない';
      cell(r245, 'who').value = '広報広聴課 山田';
      const imported = await importWorksheet(store, 'worksheet.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      expect(imported.inputs.map((j) => [j.criterion, j.result, j.scope])).toEqual([['2.4.5', 'inapplicable', { type: 'page', url: untagged }]]);
      await store.judgements.recordJudgements(imported.inputs, { testId: test.id, runId: first.runId });
      const after = (await buildReportModel(store, { testId: test.id, runId: first.runId })).documentPages.find((d) => d.url === untagged)!;
      expect(after.criteria.find((c) => c.id === '2.4.5')!.outcome).toBe('inapplicable');
      // a sample of 2: the same two every time the report is made, with the seed printed
      await store.tests.updateStatement(test.id, { documents: { include: 'sample', n: 2 } });
      const a = await buildReportModel(store, { testId: test.id, runId: first.runId });
      const b = await buildReportModel(store, { testId: test.id, runId: first.runId });
      expect(a.documentSelection.urls).toHaveLength(2);
      expect(b.documentSelection.urls).toEqual(a.documentSelection.urls);
      expect(a.documentSelection.description).toContain(`抽出の種 ${a.documentSelection.seed}`);
      expect(a.statement.exclusions[0]).toContain('試験しなかった 6 件（全 8 件中。自動検査で中身を読めなかった 4 件、抽出しなかった 2 件。');
      await store.tests.updateStatement(test.id, { documents: { include: 'exclude' } });
      const out = await buildReportModel(store, { testId: test.id, runId: first.runId });
      expect([out.documentPages, testResultDocument(out).selection.documents]).toEqual([[], undefined]);
      await store.tests.close(test.id);
    } finally {
      await store.close();
    }
  });

  it('--no-check-documents lists the documents without downloading any', async () => {
    const before = site.requests.length;
    const run = await crawl({ checkDocuments: false });
    const docs = await documents(run.runId);
    expect(docs.size).toBe(Object.keys(SITE_EXPECT).length);
    for (const d of docs.values()) expect([d.checked, d.findings]).toEqual([false, []]);
    expect(site.requests.slice(before).filter((r) => r.path.startsWith('/files/'))).toEqual([]);
  });
});
