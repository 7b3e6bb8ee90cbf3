// Document findings in the machine-readable exports (issue 18): a crawl of a local site with documents
// (tests/fixtures/documents/document-site.ts; real server on 127.0.0.1, real headless Chromium, a real SQLite
// file), then the real reports written to disk: result.json (validated by schema/result.schema.json),
// document-findings.csv and the 文書の指摘 sheet of checklist.xlsx. A user opening them finds each document's
// URL, type and linking pages, and each finding's criterion, kind, Japanese message and fix.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { launchBrowser } from '../../crawler/page/browser.js';
import { generateReports, type GeneratedReports } from '../../reports/generate.js';
import { DOCUMENTS_SHEET } from '../../reports/xlsx.js';
import type { AuditResult } from '../../rules-jis/types.js';
import { SITE_EXPECT, SITE_MAX_DOCUMENT_BYTES, startDocumentSite, type DocumentSite } from '../fixtures/documents/document-site.js';
import { schemaValidator } from '../helpers/schema.js';

let browser: Browser;
let site: DocumentSite;
let dir: string;
let runId: number;
let reports: GeneratedReports;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startDocumentSite(browser);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-doc-exports-'));
  const config = mergeConfig({
    startUrls: [`${site.url}/`], output: { dir }, sitemap: false, robots: false, concurrency: 2, interaction: { enabled: false },
    maxDocumentBytes: SITE_MAX_DOCUMENT_BYTES, timeouts: { navigationMs: 4_000 }, retries: { perUrl: 0 },
  });
  runId = (await runCrawl(config)).runId;
  reports = await generateReports({ store: path.join(dir, 'jis-a11y.sqlite'), runId, outDir: path.join(dir, 'reports'), formats: ['json', 'csv', 'xlsx', 'test-result', 'html'], browser });
}, 120_000);
afterAll(async () => {
  await site?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rel = (u: string) => new URL(u).pathname;

describe('document findings in the exports', () => {
  it('result.json lists every document with its type, linking pages and findings, and follows the schema', () => {
    const json = JSON.parse(readFileSync(reports.files.json!, 'utf8')) as AuditResult;
    const validate = schemaValidator();
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const docs = new Map(json.documents!.map((d) => [rel(d.url), d]));
    expect([...docs.keys()].sort()).toEqual(Object.keys(SITE_EXPECT).sort());
    for (const [p, want] of Object.entries(SITE_EXPECT)) {
      const d = docs.get(p)!;
      expect(d.checked, p).toBe(want.checked);
      expect(d.error?.code, p).toBe(want.error);
      if (want.findings) expect(d.findings.map((f) => f.ruleId).sort(), p).toEqual(want.findings);
    }
    const scan = docs.get('/files/scan.pdf')!;
    expect([scan.type, scan.format]).toEqual(['PDF', 'pdf']);
    expect(scan.linkedFrom).toEqual([{ pageUrl: `${site.url}/kurashi.html`, text: '入札公告（PDF）' }]);
    const image = scan.findings.find((f) => f.ruleId === 'pdf-image-only')!;
    expect([image.source, image.kind, image.criteria]).toEqual(['document', 'violation', ['1.1.1']]);
    expect(image.message).toMatch(/画像だけ/);
    expect(image.help).toMatch(/OCR/);
    expect(docs.get('/files/broken.pdf')!.error!.message).toMatch(/broken\.pdf: PDF として読み取れません/);
    // the pages are still there, unchanged: documents come after them
    expect(json.pages.map((p) => rel(p.url)).sort()).toEqual(['/', '/kurashi.html']);
  });

  it('document-findings.csv has a row per finding naming the document, its type, the linking page and the fix', () => {
    const text = readFileSync(reports.files.documentsCsv!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    const docx = rows.filter((r) => rel(r['文書のURL']) === '/files/tebiki.docx');
    expect(docx).toHaveLength(1);
    expect(docx[0]).toMatchObject({ 種類: 'Word', 文書のタイトル: '申請の手引き', 区分: '不適合', 達成基準: '1.1.1', 検査項目: 'office-image-no-alt' });
    expect(docx[0]['リンク元のページ']).toBe(`${site.url}/kurashi.html（申請の手引き（Word））`);
    expect(docx[0]['問題']).toMatch(/代替テキストのない画像が 1 個/);
    expect(docx[0]['直し方']).toMatch(/右クリック/);
    // every finding of every document has its row; a document without findings still has one
    const scanRows = rows.filter((r) => rel(r['文書のURL']) === '/files/scan.pdf').map((r) => r['検査項目']).sort();
    expect(scanRows).toEqual(SITE_EXPECT['/files/scan.pdf'].findings);
    expect(rows.find((r) => rel(r['文書のURL']) === '/files/keikaku.pdf')!['状態']).toBe('検査済み（指摘なし）');
    expect(rows.find((r) => rel(r['文書のURL']) === '/files/huge.pdf')!['状態']).toMatch(/^検査できず: .*huge\.pdf.*上限/);
    expect(rows.find((r) => rel(r['文書のURL']) === '/files/list.csv')!['状態']).toBe('中身は未確認（一覧のみ）');
    // the report links it, beside the page findings' CSV
    const report = readFileSync(reports.files.html!, 'utf8');
    expect(report).toMatch(/<a href="document-findings\.csv">文書（PDF・Office）の指摘の一覧（Excel で開けます）: document-findings\.csv（CSV、[\d.,]+ (KB|バイト)）<\/a>/);
  });

  it('checklist.xlsx has a 文書の指摘 sheet with the same rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(reports.files.xlsx!) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(DOCUMENTS_SHEET)!;
    expect(ws).toBeDefined();
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map(String);
    const header = values(1);
    const csv = parse(readFileSync(reports.files.documentsCsv!, 'utf8').slice(1)) as string[][];
    expect(header).toEqual(csv[0]);
    expect(ws.rowCount).toBe(csv.length);
    const untagged = Array.from({ length: ws.rowCount - 1 }, (_, i) => values(i + 2)).filter((r) => rel(r[0]) === '/files/untagged.pdf');
    expect(untagged.map((r) => r[header.indexOf('検査項目')]).sort()).toEqual(SITE_EXPECT['/files/untagged.pdf'].findings);
    expect(untagged[0][header.indexOf('リンク元のページ')]).toBe(`${site.url}/（申請のご案内（PDF））`);
  });
});
