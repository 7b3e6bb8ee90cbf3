// The 試験結果 of a test as the 承認者 sees and publishes it (issue 15 item 6): the draft (the HTML exactly as it
// will be published, with today's 表明日, written to a draft folder), the blockers (the claim rules' reason and a
// 表明日 the period refuses), and the approved versions, each in its own folder that is never written again.
// Everything is rendered from one TestResultDocument (reports/test-result/document.ts) by the renderers the CLI
// and the crawl use, so the workspace publishes what `jis-a11y report` would.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../../store/store.js';
import type { JisTest } from '../../../rules-jis/jis-test.js';
import { jstDate, statementDateProblem } from '../../../rules-jis/test-period.js';
import { buildReportModel } from '../../../reports/model.js';
import { testResultDocument, testResultFragment, testResultPage, type TestResultDocument } from '../../../reports/test-result.js';
import { REPORT_FILES } from '../../../reports/generate.js';
import { checklistXlsx } from '../../../reports/xlsx.js';
import { htmlToPdf } from '../../../reports/pdf.js';

/** Where a test's drafts and versions live, relative to the reports folder (served under /reports/). */
export const testFolder = (testId: number) => `tests/${testId}`;
export const draftFolder = (testId: number) => `${testFolder(testId)}/draft`;
export const versionFolder = (testId: number, n: number) => `${testFolder(testId)}/v${n}`;

export interface Readiness {
  doc: TestResultDocument;
  statementDate: string;
  blockers: string[];
  ready: boolean;
}

/** The document the test would publish if approved today, and what stops it. */
export async function readiness(store: Store, t: JisTest, now = new Date().toISOString()): Promise<Readiness> {
  const statementDate = jstDate(now);
  const model = await buildReportModel(store, { testId: t.id, statement: { statementDate }, now });
  const doc = testResultDocument(model);
  const blockers: string[] = [];
  if (doc.claim.state !== 'stated' && doc.claim.reason) blockers.push(doc.claim.reason);
  const problem = statementDateProblem(statementDate, await store.tests.periodOf(t.id));
  if (problem) blockers.push(problem);
  return { doc, statementDate, blockers, ready: blockers.length === 0 };
}

/** Writes the draft HTML (and its fragment) and returns its path under /reports/. */
export function writeDraft(reportsDir: string, t: JisTest, doc: TestResultDocument): string {
  const dir = path.join(reportsDir, draftFolder(t.id));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, REPORT_FILES.testResult), testResultPage(doc));
  writeFileSync(path.join(dir, REPORT_FILES.fragment), testResultFragment(doc) + '\n');
  return `/reports/${draftFolder(t.id)}/${REPORT_FILES.testResult}`;
}

/** Writes every published form of the document into a new folder (refusing one that exists): HTML, fragment, XLSX, PDF, JSON. */
export async function writeVersion(reportsDir: string, folder: string, doc: TestResultDocument): Promise<string[]> {
  const dir = path.join(reportsDir, folder);
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir); // throws EEXIST: an approved version is never written over
  const files: [string, string | Buffer][] = [
    [REPORT_FILES.testResult, testResultPage(doc)],
    [REPORT_FILES.fragment, testResultFragment(doc) + '\n'],
    [REPORT_FILES.testResultJson, JSON.stringify(doc, null, 2) + '\n'],
    [REPORT_FILES.xlsx, await checklistXlsx(doc)],
    [REPORT_FILES.testResultPdf, await htmlToPdf(testResultPage(doc, { print: 'landscape' }))],
  ];
  for (const [name, data] of files) writeFileSync(path.join(dir, name), data, { flag: 'wx' });
  return files.map(([name]) => name);
}

/** The document without the moment it was generated: two documents that say the same thing compare equal. */
export function docContent(doc: TestResultDocument): string {
  const { generatedAt: _g, ...rest } = doc;
  return JSON.stringify({ ...rest, statement: { ...rest.statement, statementDate: '' } });
}

/** The published document of a version folder, or null when it cannot be read. */
export function readVersionDoc(reportsDir: string, folder: string): TestResultDocument | null {
  try {
    return JSON.parse(readFileSync(path.join(reportsDir, folder, REPORT_FILES.testResultJson), 'utf8')) as TestResultDocument;
  } catch {
    return null;
  }
}
