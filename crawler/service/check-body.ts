// The body of POST /api/v1/check, read into what the fence renders. Three shapes (openapi.json):
//   {"html": "...", "baseUrl": "..."}                          text the CMS already decoded
//   {"htmlBase64": "...", "baseUrl": "...", "encoding"?: "..."} the page's bytes as stored (Shift_JIS, EUC-JP, …),
//                                                             decoded as a browser would (crawler/hook/decode-html.ts)
//   {"url": "..."}                                             a page of an allowed origin, fetched
// Anything else is refused with a Japanese message that says what to send; nothing is guessed.
import { decodeSubmittedHtml, encodingFor } from '../hook/decode-html.js';
import { originOf, type FenceTarget } from '../hook/fence.js';

export type CheckRequest = { ok: true; target: FenceTarget; origin: string; encoding?: string } | { ok: false; code: string; message: string };

const FIELDS = new Set(['html', 'htmlBase64', 'encoding', 'baseUrl', 'url']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const refuse = (message: string, code = 'invalid-body'): CheckRequest => ({ ok: false, code, message });

function httpUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    originOf(v);
    return v;
  } catch {
    return null;
  }
}

/** `htmlBase64` (+ `encoding`) → text, or the reason it cannot be read. */
function decodeBase64(value: unknown, encoding: unknown): { html: string; encoding: string } | CheckRequest {
  if (typeof value !== 'string') return refuse('"htmlBase64" は base64 の文字列です。');
  const compact = value.replace(/\s+/g, '');
  if (!compact || compact.length % 4 !== 0 || !BASE64.test(compact))
    return refuse('"htmlBase64" を base64 として読めません（A–Z, a–z, 0–9, +, / と末尾の = だけ、長さは 4 の倍数）。');
  if (encoding !== undefined && typeof encoding !== 'string') return refuse('"encoding" は文字コード名の文字列です（例: "Shift_JIS"）。');
  if (typeof encoding === 'string') {
    try {
      encodingFor(encoding);
    } catch (e) {
      return refuse((e as Error).message, 'invalid-encoding');
    }
  }
  try {
    return decodeSubmittedHtml(new Uint8Array(Buffer.from(compact, 'base64')), encoding as string | undefined);
  } catch (e) {
    return refuse((e as Error).message, 'not-html'); // bytes that are not text (an image, a PDF)
  }
}

/** Reads and checks the body; the origin check against the allowed list is the caller's (403, not 400). */
export function readCheckBody(body: unknown): CheckRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse('本文は JSON オブジェクトです: {"html": "...", "baseUrl": "..."}、{"htmlBase64": "...", "baseUrl": "..."} か {"url": "..."}。');
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !FIELDS.has(k));
  if (unknown.length) return refuse(`知らない項目があります: ${unknown.map((k) => `"${k}"`).join(', ')}（使える項目: html, htmlBase64, encoding, baseUrl, url）。`);
  const given = (['html', 'htmlBase64', 'url'] as const).filter((k) => b[k] !== undefined);
  if (given.length > 1) return refuse(`${given.map((k) => `"${k}"`).join(' と ')} は同時に指定できません（どれか一つ）。`);
  if (b.encoding !== undefined && given[0] !== 'htmlBase64') return refuse('"encoding" は "htmlBase64"（バイト列）と一緒に使います。"html" は文字列なので文字コードはありません。');

  if (given[0] === 'url') {
    const url = httpUrl(b.url);
    if (!url) return refuse('"url" は http(s) の URL です。');
    if (b.baseUrl !== undefined) return refuse('"baseUrl" は "html" か "htmlBase64" と一緒に使います（"url" のときは不要です）。');
    return { ok: true, target: { kind: 'url', url }, origin: originOf(url) };
  }
  let html: string;
  let encoding: string | undefined;
  if (given[0] === 'htmlBase64') {
    const d = decodeBase64(b.htmlBase64, b.encoding);
    if ('ok' in d) return d;
    ({ html, encoding } = d);
  } else {
    if (typeof b.html !== 'string' || !b.html.trim()) return refuse('"html"（検査する HTML の文字列）か "htmlBase64"（そのバイト列の base64）がありません。');
    html = b.html;
  }
  if (!html.trim()) return refuse('送られた HTML が空です。');
  const baseUrl = httpUrl(b.baseUrl);
  if (!baseUrl) return refuse('"baseUrl"（ページが公開される http(s) の URL）がありません。');
  return { ok: true, target: { kind: 'html', html, baseUrl }, origin: originOf(baseUrl), encoding };
}
