// The pre-publish hook's input arrives as bytes: a file, stdin (`check --html`), or the HTTP API's
// `htmlBase64` field. Older CMS pages are often Shift_JIS or EUC-JP; read as UTF-8 they are garbled and
// the verdict is about another text (issue 21 case 10). This is the one place that turns a submission's
// bytes into the HTML string the fence renders and the 4.1.1 check reads, sniffed as a browser does
// (crawler/page/html-bytes.ts), and the one wording of "too large" and "not HTML" for a submission.
import { PageAuditError } from '../page/audit-page.js';
import { decodeHtmlBytes, encodingName, HtmlBytesError } from '../page/html-bytes.js';
import { tooLargeMessage } from '../page/page-limits.js';

export interface SubmittedHtml {
  html: string;
  /** The WHATWG name of the encoding it was read in (`shift_jis`, `euc-jp`, `utf-8`, …). */
  encoding: string;
}
/** The name the service (crawler/service/check-body.ts) knows this shape by. */
export type DecodedHtml = SubmittedHtml;

/** The WHATWG name of an encoding label; throws a RangeError (Japanese message) for a label no browser knows. */
export function encodingFor(label: string): string {
  const name = encodingName(label);
  if (!name) throw new RangeError(`文字コード「${label}」は使えません（例: UTF-8, Shift_JIS, EUC-JP, ISO-2022-JP）。`);
  return name;
}

/**
 * Decodes a submitted page. `declared` is the caller's encoding label (`--encoding`, the API's field, a
 * Content-Type charset): it wins over the page's `<meta charset>`, but not over a byte-order mark (as in a
 * browser). Without either, the meta decides; a page that declares nothing is read as UTF-8 when valid,
 * otherwise as the Japanese encoding it decodes in.
 * Throws PageAuditError('not-html') for an unknown label and for bytes that are not text (a binary file).
 */
export function decodeSubmittedHtml(bytes: Uint8Array, declared?: string): SubmittedHtml {
  try {
    const { html, encoding } = decodeHtmlBytes(bytes, { override: declared });
    return { html, encoding };
  } catch (e) {
    if (e instanceof HtmlBytesError) throw new PageAuditError('not-html', e.message);
    throw e;
  }
}

/**
 * The error for a submission over the page-size limit (`--max-page-bytes`, the crawl's maxPageBytes);
 * `bytes` when the whole size is known (a file), not when reading stopped at the limit (a stream).
 */
export function submissionTooLarge(maxBytes: number, bytes?: number): PageAuditError {
  return new PageAuditError('too-large', tooLargeMessage('HTML', maxBytes, bytes));
}
