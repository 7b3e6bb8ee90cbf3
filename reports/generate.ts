// generateReports(): what the crawl, the demo and the service call at the end of a run to write every
// report of it into one folder (the `report` command is crawler/cli/report-command.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { openStore, type Store } from '../crawler/store/store.js';
import { buildReportModel, type ReportModel, type StatementOptions } from './model.js';
import type { SelectionOptions } from './selection/index.js';
import { siteReportHtml } from './html-report.js';
import { testResultFragment, testResultPage } from './test-result.js';
import { findingsCsv } from './csv.js';
import { checklistXlsx } from './xlsx.js';
import { htmlToPdf } from './pdf.js';
import { resultJson } from './json-export.js';

export type ReportFormat = 'html' | 'test-result' | 'json' | 'csv' | 'xlsx' | 'pdf';
export const ALL_FORMATS: ReportFormat[] = ['html', 'test-result', 'json', 'csv', 'xlsx', 'pdf'];

export const REPORT_FILES = {
  html: 'report.html',
  testResult: 'test-result.html',
  fragment: 'test-result-fragment.html',
  json: 'result.json',
  csv: 'findings.csv',
  xlsx: 'checklist.xlsx',
  pdf: 'report.pdf',
} as const;

export interface GenerateReportsOptions {
  /** The crawl store: an open Store or the SQLite file. */
  store: Store | string;
  /** Run to report (default: the newest finished run). */
  runId?: number;
  /** Output folder (created). */
  outDir: string;
  selection?: SelectionOptions;
  /** A test whose stored page selection is used (`jis-a11y test select`). */
  testId?: number;
  statement?: StatementOptions;
  formats?: ReportFormat[];
  /** Reuse a browser for the PDF (otherwise one is launched and closed). */
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
}

/**
 * Writes every report of a run: report.html (site report), test-result.html and its CMS fragment,
 * result.json, findings.csv (BOM), checklist.xlsx and report.pdf. Call it at the end of a crawl.
 */
export async function generateReports(o: GenerateReportsOptions): Promise<GeneratedReports> {
  const store = typeof o.store === 'string' ? await openStore(o.store) : o.store;
  try {
    const formats = new Set(o.formats ?? ALL_FORMATS);
    const model = await buildReportModel(store, { runId: o.runId, selection: o.selection, testId: o.testId, statement: o.statement, now: o.now });
    const dir = path.resolve(o.outDir);
    mkdirSync(dir, { recursive: true });
    const files: GeneratedReports['files'] = {};
    const write = (k: keyof typeof REPORT_FILES, data: string | Buffer) => {
      const f = path.join(dir, REPORT_FILES[k]);
      writeFileSync(f, data);
      files[k] = f;
    };
    if (formats.has('test-result')) {
      write('testResult', testResultPage(model));
      write('fragment', testResultFragment(model) + '\n');
    }
    if (formats.has('json')) write('json', JSON.stringify(await resultJson(store, model), null, 2) + '\n');
    if (formats.has('csv')) write('csv', await findingsCsv(store, model));
    if (formats.has('xlsx')) write('xlsx', await checklistXlsx(model));
    const links = {
      testResult: formats.has('test-result') ? REPORT_FILES.testResult : undefined,
      csv: formats.has('csv') ? REPORT_FILES.csv : undefined,
      xlsx: formats.has('xlsx') ? REPORT_FILES.xlsx : undefined,
      json: formats.has('json') ? REPORT_FILES.json : undefined,
      pdf: formats.has('pdf') ? REPORT_FILES.pdf : undefined,
    };
    const html = siteReportHtml(model, { links });
    if (formats.has('html') || formats.has('pdf')) write('html', html);
    if (formats.has('pdf')) write('pdf', await htmlToPdf(siteReportHtml(model, { links: { ...links, pdf: undefined } }), { browser: o.browser }));
    return { runId: model.run.id, files, reportPath: files.html ?? files.testResult ?? dir, model };
  } finally {
    if (typeof o.store === 'string') await store.close();
  }
}

/**
 * The one call for the end of a crawl (crawl command, demo, service): writes every report of the run into
 * the crawl's output folder and returns the lines to print (the report's path last). A failure to write
 * the reports never fails the crawl: it is reported in the returned text.
 */
export async function reportsAfterCrawl(outcome: { dbFile: string; runId: number; outputDir: string }, opts: Omit<GenerateReportsOptions, 'store' | 'runId' | 'outDir'> = {}): Promise<string> {
  try {
    const r = await generateReports({ ...opts, store: outcome.dbFile, runId: outcome.runId, outDir: outcome.outputDir });
    return [`対応度: ${r.model.claim.text}`, `試験結果ページ: ${r.files.testResult ?? '—'}`, `報告書: ${r.reportPath}`].join('\n');
  } catch (e) {
    return `報告書を作れませんでした: ${(e as Error).message}（jis-a11y report --store ${outcome.dbFile} --run ${outcome.runId} で作り直せます）`;
  }
}
