// The web app's one door to the server: JSON to and from /api/v1/ws/, the session cookie sent by the browser, and
// the CSRF token (from sign-in or /me) on every write. A refusal becomes an ApiError carrying the server's own
// Japanese message, which the screens show as it is (the server is the judge; the app never guesses a reason).
import { SHELL_JA } from './texts-ja.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
const listeners = new Set<() => void>();

export function setCsrfToken(t: string): void {
  csrfToken = t;
}

/** Called when the server says nobody is signed in (the shell goes back to サインイン). */
export function onSignedOut(fn: () => void): void {
  listeners.add(fn);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface CallOptions {
  /** A raw body (an uploaded image) instead of JSON. */
  raw?: Blob;
  /** 401 is expected (the sign-in check): do not announce a lost session. */
  quiet401?: boolean;
}

/** One call to /api/v1/ws/<path>. */
export async function api<T>(method: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (WRITES.has(method)) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (opts.raw) {
    payload = opts.raw;
    headers['content-type'] = opts.raw.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1/ws/${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', SHELL_JA.network);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    if (res.status === 401 && !opts.quiet401) for (const fn of listeners) fn();
    // the service answers { error: { code, message } } (crawler/service/http-errors.ts); { error, message } is read too
    const err = json?.error;
    const code = typeof err === 'object' && err ? err.code : err;
    const message = (typeof err === 'object' && err ? err.message : undefined) ?? json?.message;
    throw new ApiError(res.status, code ?? 'http', message ?? `サーバーがエラーを返しました（HTTP ${res.status}）。`);
  }
  return json as T;
}

/** The query string of a filter object, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
