// One document, from its bytes to its findings: the format from the content (magic bytes) and the name,
// the reader for it (read-pdf.ts, read-office.ts) under a deadline, and the pure checks of
// rules-jis/documents/. Used by the crawl (crawler/crawl/document-task.ts) and by `check` on a file or URL.
import path from 'node:path';
import { checkDocumentFacts, type DocumentFacts, type DocumentFormat } from '../../../rules-jis/documents/index.js';
import type { Finding, PageError } from '../../../rules-jis/types.js';
import { DocumentReadError } from './errors.js';
import { readOffice } from './read-office.js';
import { readPdf } from './read-pdf.js';

export const DEFAULT_DOCUMENT_TIMEOUT_MS = 60_000;

export interface DocumentCheck {
  /** null: a type the checks do not know (CSV, ODF, old .doc/.xls …): inventoried only. */
  format: DocumentFormat | null;
  facts?: DocumentFacts;
  findings: Finding[];
  error?: PageError;
}

const OFFICE_EXT: Record<string, DocumentFormat> = { '.docx': 'docx', '.xlsx': 'xlsx', '.pptx': 'pptx', '.docm': 'docx', '.xlsm': 'xlsx', '.pptm': 'pptx' };
const OFFICE_TYPE: [RegExp, DocumentFormat][] = [
  [/wordprocessingml/i, 'docx'],
  [/spreadsheetml/i, 'xlsx'],
  [/presentationml/i, 'pptx'],
];

/** The format from the bytes first (a PDF served as octet-stream is still a PDF), then the name and type. */
export function documentFormat(bytes: Uint8Array, name: string, contentType?: string | null): DocumentFormat | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK')) {
    const ext = path.extname(name.split(/[?#]/)[0]).toLowerCase();
    return OFFICE_EXT[ext] ?? OFFICE_TYPE.find(([re]) => re.test(contentType ?? ''))?.[1] ?? null;
  }
  return null;
}

/** The file name shown in messages: the last path segment of a URL or path, decoded. */
export function fileNameOf(urlOrPath: string): string {
  const last = urlOrPath.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? urlOrPath;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export interface CheckDocumentOptions {
  name: string;
  contentType?: string | null;
  timeoutMs?: number;
}

/** Never throws: a document that cannot be read comes back with `error` and no findings. */
export async function checkDocument(bytes: Uint8Array, opts: CheckDocumentOptions): Promise<DocumentCheck> {
  const format = documentFormat(bytes, opts.name, opts.contentType);
  if (!format) return { format: null, findings: [] };
  const file = fileNameOf(opts.name);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_DOCUMENT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const read = format === 'pdf' ? readPdf(bytes, { file, signal }) : readOffice(bytes, format, file);
    const facts = await Promise.race([read, aborted(signal)]);
    return { format, facts, findings: checkDocumentFacts(facts) };
  } catch (e) {
    if (e instanceof DocumentReadError) return { format, findings: [], error: { code: e.code, message: `${file}: ${e.message}` } };
    if (signal.aborted) return { format, findings: [], error: { code: 'timeout', message: `${file}: 読み取りが ${timeoutMs / 1000} 秒を超えたため中止しました。ページ数の多い文書は分けて掲載することも検討してください。` } };
    return { format, findings: [], error: { code: 'document-unreadable', message: `${file}: 文書を読み取れません（${(e as Error).message}）。元のファイルから保存し直してください。` } };
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}
