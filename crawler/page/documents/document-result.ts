// A checked document as a page result, so every front door that answers with a PageResult (`check` on a file or
// URL, the service's POST /api/v1/check on a document URL) gives the same answer: the document's findings and,
// per criterion, fail / review / untested — never pass, since the checks cover only part of what a criterion
// asks of a document. A document that could not be read is an error result with its Japanese message.
import { errorAuditedPage, type AuditedPage } from '../../../rules-jis/result.js';
import type { Target } from '../../../rules-jis/types.js';
import { documentCriteria } from '../../../rules-jis/documents/verdict.js';
import type { DocumentCheck } from './check-document.js';

/** The names the document checks read: a URL or file with one of these is read, not opened in a browser. */
export const DOCUMENT_FILE = /\.(pdf|docx|docm|xlsx|xlsm|pptx|pptm)$/i;

/** The path of a URL or file ends like a PDF or Office file. */
export function looksLikeDocument(urlOrPath: string): boolean {
  return DOCUMENT_FILE.test(urlOrPath.split(/[?#]/)[0]);
}

/** `name` is the URL or path as given (for the not-a-document message). */
export function documentAuditedPage(url: string, name: string, r: DocumentCheck, target: Target): AuditedPage {
  if (r.error) return errorAuditedPage(url, r.error);
  if (!r.format) return errorAuditedPage(url, { code: 'not-html', message: `${name} は PDF・Word・Excel・PowerPoint（docx/xlsx/pptx）のどれでもないため、検査できません。` });
  const criteria = documentCriteria(r.findings, target);
  return { result: { url, title: r.facts?.title ?? '', lang: r.facts?.lang ?? '', auditedAt: new Date().toISOString(), criteria, findings: r.findings }, axeVersion: '' };
}
