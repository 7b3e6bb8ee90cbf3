// generateReports(): what the crawl, the demo and the service call at the end of a run to write every
// report of it into one folder (the `report` command is crawler/cli/report-command.ts).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { openStore, type Store } from '../crawler/store/store.js';
import { buildReportModel, type ReportModel, type StatementOptions } from './model.js';
import type { SelectionOptions } from './sampling.js';
import { siteReportHtml, type ReportLink, type ReportLinks } from './html-report.js';
import { testResultDocument, testResultFragment, testResultPage } from './test-result.js';
import { documentFindingsCsv, findingsCsv } from './csv.js';
import { checklistXlsx } from './xlsx.js';
import { documentResult } from './documents-export.js';
import { worksheetXlsx } from './worksheet.js';
import { htmlToPdf } from './pdf.js';
import { resultJson } from './json-export.js';
import { addCrops, type CropStats } from './crops.js';
import type { SectionMapping } from './model/org-sections.js';

export type ReportFormat = 'html' | 'test-result' | 'json' | 'csv' | 'xlsx' | 'worksheet' | 'pdf';
export const ALL_FORMATS: ReportFormat[] = ['html', 'test-result', 'json', 'csv', 'xlsx', 'worksheet', 'pdf'];

export const REPORT_FILES = {
  html: 'report.html',
  testResult: 'test-result.html',
  fragment: 'test-result-fragment.html',
  testResultJson: 'test-result.json',
  testResultPdf: 'test-result.pdf',
  json: 'result.json',
  csv: 'findings.csv',
  documentsCsv: 'document-findings.csv',
  xlsx: 'checklist.xlsx',
  worksheet: 'worksheet.xlsx',
  pdf: 'report.pdf',
} as const;

export interface GenerateReportsOptions {
  /** The crawl store: an open Store or the SQLite file. */
  store: Store | string;
  /** Run to report (default: the test's newest run with a test, else the newest finished run). */
  runId?: number;
  /**
   * The test to report (reports/model/test.ts): an id; 'run' (the default) for the newest test that uses the reported
   * run, none when no test uses it (then every judgement in the store, as before tests existed); null for no test.
   * The default matters: a scheduled run of the service reports its test, never last year's judgements silently.
   */
  testId?: number | 'run' | null;
  /** Output folder (created). */
  outDir: string;
  selection?: SelectionOptions;
  statement?: StatementOptions;
  formats?: ReportFormat[];
  /** URL prefix → 所属 for the per-section view (default: the run's crawl config `sections`). */
  sections?: SectionMapping[];
  /** Photograph the violating elements of the selected pages while the site answers (reports/crops.ts). */
  crops?: boolean;
  /** Reuse a browser for the PDF and the crops (otherwise one is launched and closed). */
  browser?: Browser;
  now?: string;
}

export interface GeneratedReports {
  runId: number;
  /** Absolute paths of the files written. */
  files: Partial<Record<keyof typeof REPORT_FILES, string>>;
  /** The site report (the file to open first). */
  reportPath: string;
  model: ReportModel;
  /** What the crops cost, when they were asked for. */
  crops?: CropStats;
}

/**
 * Writes every report of a run: report.html (site report), the 試験結果 (test-result.json, and rendered from it
 * test-result.html, its CMS fragment, checklist.xlsx and test-result.pdf), result.json, findings.csv (BOM),
 * document-findings.csv (when the run has linked documents),
 * worksheet.xlsx (the page × criterion sheet for testers) and report.pdf. Call it at the end of a crawl.
 */
export async function generateReports(o: GenerateReportsOptions): Promise<GeneratedReports> {
  const store = typeof o.store === 'string' ? await openStore(o.store) : o.store;
  try {
    const formats = new Set(o.formats ?? ALL_FORMATS);
    const testId = o.testId === undefined || o.testId === 'run' ? await testOfReportedRun(store, o.runId) : (o.testId ?? undefined);
    const model = await buildReportModel(store, { runId: o.runId, testId, selection: o.selection, statement: o.statement, sections: o.sections, now: o.now });
    const crops = o.crops ? await addCrops(model, { browser: o.browser }) : undefined;
    const dir = path.resolve(o.outDir);
    mkdirSync(dir, { recursive: true });
    const files: GeneratedReports['files'] = {};
    const write = (k: keyof typeof REPORT_FILES, data: string | Buffer) => {
      const f = path.join(dir, REPORT_FILES[k]);
      writeFileSync(f, data);
      files[k] = f;
    };
    // every 試験結果 output renders one document (reports/test-result/document.ts), written beside them
    const doc = testResultDocument(model);
    if (formats.has('test-result')) {
      write('testResultJson', JSON.stringify(doc, null, 2) + '\n');
      write('testResult', testResultPage(doc));
      write('fragment', testResultFragment(doc) + '\n');
    }
    if (formats.has('json')) write('json', JSON.stringify(await resultJson(store, model), null, 2) + '\n');
    if (formats.has('csv')) write('csv', await findingsCsv(store, model));
    // the linked documents' findings, where the run has documents (issue 18)
    if (formats.has('csv') && model.documents.length) write('documentsCsv', documentFindingsCsv(model));
    if (formats.has('xlsx')) write('xlsx', await checklistXlsx(doc, model.documents.map(documentResult)));
    if (formats.has('worksheet')) write('worksheet', await worksheetXlsx(model));
    // each link carries the size of the file already written (the PDFs are printed first, without their own link)
    const link = (k: keyof typeof REPORT_FILES, wanted: boolean): ReportLink | undefined => (wanted ? { href: REPORT_FILES[k], bytes: files[k] ? statSync(files[k]!).size : undefined } : undefined);
    const links: ReportLinks = {
      testResult: link('testResult', formats.has('test-result')),
      testResultJson: link('testResultJson', formats.has('test-result')),
      csv: link('csv', formats.has('csv')),
      documentsCsv: link('documentsCsv', formats.has('csv') && model.documents.length > 0),
      xlsx: link('xlsx', formats.has('xlsx')),
      worksheet: link('worksheet', formats.has('worksheet')),
      json: link('json', formats.has('json')),
    };
    if (formats.has('pdf')) {
      write('pdf', await htmlToPdf(siteReportHtml(model, { links }), { browser: o.browser }));
      write('testResultPdf', await htmlToPdf(testResultPage(doc, { print: 'landscape' }), { browser: o.browser }));
    }
    links.pdf = link('pdf', formats.has('pdf'));
    links.testResultPdf = link('testResultPdf', formats.has('pdf'));
    if (formats.has('html') || formats.has('pdf')) write('html', siteReportHtml(model, { links }));
    return { runId: model.run.id, files, reportPath: files.html ?? files.testResult ?? dir, model, crops };
  } finally {
    if (typeof o.store === 'string') await store.close();
  }
}

/** The newest test that uses the run (the one given, else the newest finished run, else the newest run). */
async function testOfReportedRun(store: Store, runId: number | undefined): Promise<number | undefined> {
  const id = runId ?? (await store.runs.latestRun('finished'))?.id ?? (await store.runs.latestRun())?.id;
  return id === undefined ? undefined : (await store.tests.testOfRun(id))?.id;
}

/**
 * The one call for the end of a crawl (crawl command, demo, service): writes every report of the run into
 * the crawl's output folder and returns the lines to print (the report's path last). A failure to write
 * the reports never fails the crawl: it is reported in the returned text.
 */
export async function reportsAfterCrawl(outcome: { dbFile: string; runId: number; outputDir: string }, opts: Omit<GenerateReportsOptions, 'store' | 'runId' | 'outDir'> = {}): Promise<string> {
  try {
    const r = await generateReports({ testId: 'run', ...opts, store: outcome.dbFile, runId: outcome.runId, outDir: outcome.outputDir });
    const test = r.model.test ? [`試験: #${r.model.test.id}「${r.model.test.name}」`] : [];
    return [...test, `対応度: ${r.model.claim.text}`, ...(r.model.statementProblems ?? []), `試験結果ページ: ${r.files.testResult ?? '—'}`, `報告書: ${r.reportPath}`].join('\n');
  } catch (e) {
    return `報告書を作れませんでした: ${(e as Error).message}（jis-a11y report --store ${outcome.dbFile} --run ${outcome.runId} で作り直せます）`;
  }
}
