// The document checks' one entry: facts of a PDF or Office file → findings. Pure; the reading is in Node
// (crawler/page/documents/).
import type { Finding } from '../types.js';
import { checkOffice } from './check-office.js';
import { checkPdf } from './check-pdf.js';
import type { DocumentFacts } from './facts.js';

export type { DocumentFacts, DocumentFormat, OfficeFacts, PdfFacts } from './facts.js';
export { checkOffice, checkPdf };

export function checkDocumentFacts(facts: DocumentFacts): Finding[] {
  return facts.format === 'pdf' ? checkPdf(facts) : checkOffice(facts);
}
