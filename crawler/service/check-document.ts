// POST /api/v1/check with {"url"} of a PDF or Office file (issue 18): the file is downloaded from the allowed
// origin (streamed under the crawl's document size limit, redirects not followed here: a redirect is left to
// the fenced browser, which refuses other origins), read by the document checks without any browser, and
// answered with the same verdict as a page (policy, waivers, log), plus `document` saying what was read.
// A URL whose name says nothing (download.php?id=3) is first opened as a page; when the browser says it is
// no HTML (not-html), the document checks read it.
import { fetchDocument } from '../crawl/document-fetch.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../crawl/document-task.js';
import { HttpClient } from '../crawl/http-client.js';
import { checkSubmission, type SubmissionOptions } from '../hook/check-submission.js';
import type { FenceTarget } from '../hook/fence.js';
import type { Sandbox } from '../hook/sandbox.js';
import { buildVerdict, type HookVerdict } from '../hook/verdict.js';
import { checkDocument } from '../page/documents/check-document.js';
import { documentAuditedPage, looksLikeDocument } from '../page/documents/document-result.js';
import { PageAuditError } from '../page/audit-page.js';

export interface DocumentSubmissionOptions extends SubmissionOptions {
  maxDocumentBytes?: number;
}

/** A page or a document, whichever the URL is; HTML and base64 submissions go to the fenced browser as before. */
export async function checkPageOrDocument(sandbox: Sandbox, target: FenceTarget, o: DocumentSubmissionOptions): Promise<HookVerdict> {
  if (target.kind !== 'url') return checkSubmission(sandbox, target, o);
  const started = Date.now();
  if (looksLikeDocument(target.url)) {
    const v = await checkDocumentUrl(target.url, o, started);
    if (v) return v;
  }
  try {
    return await checkSubmission(sandbox, target, o);
  } catch (e) {
    if (!(e instanceof PageAuditError) || e.code !== 'not-html') throw e;
    const left = o.deadlineMs - (Date.now() - started);
    const v = left > 500 ? await checkDocumentUrl(target.url, { ...o, deadlineMs: left }, started) : null;
    if (v) return v;
    throw e;
  }
}

/** The verdict on a document URL; null when what the URL serves is no PDF or Office file (or a redirect). */
async function checkDocumentUrl(url: string, o: DocumentSubmissionOptions, started: number): Promise<HookVerdict | null> {
  try {
    return await withSignal(documentVerdict(url, o, started), o.signal);
  } catch (err) {
    const e = err instanceof PageAuditError ? err : new PageAuditError('internal', `文書の検査中に問題が起きました: ${err instanceof Error ? err.message : String(err)}`);
    await o.log?.logError({ channel: o.channel, mode: 'url', url, client: o.client, code: e.code, message: e.message, durationMs: Date.now() - started }).catch(() => {});
    throw e;
  }
}

async function documentVerdict(url: string, o: DocumentSubmissionOptions, started: number): Promise<HookVerdict | null> {
  const f = await fetchDocument(new HttpClient({ timeoutMs: o.deadlineMs }), url, { maxBytes: o.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, redirect: 'manual' });
  if (f.status != null && f.status >= 300 && f.status < 400) return null;
  if (f.error || !f.bytes) throw new PageAuditError(f.error?.code ?? 'unreachable', f.error?.message ?? `${url} を取得できません。`);
  const remaining = Math.max(1_000, o.deadlineMs - (Date.now() - started));
  const r = await checkDocument(f.bytes, { name: url, contentType: f.contentType, timeoutMs: remaining });
  if (!r.format) return null;
  const page = documentAuditedPage(url, url, r, o.policy.target);
  if (page.result.error) throw new PageAuditError(page.result.error.code, page.result.error.message);
  const v = buildVerdict(page.result, o.policy, { durationMs: Date.now() - started, refused: [], dialogs: 0 });
  v.document = { format: r.format, pages: r.facts?.format === 'pdf' ? r.facts.pages : null, contentType: f.contentType, bytes: f.bytes.length };
  if (o.log) v.logId = await o.log.logVerdict(v, { channel: o.channel, mode: 'url', client: o.client });
  return v;
}

function withSignal<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  return Promise.race([p, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
}
