// Sends the page's judgements to the workspace (issue 16 item 6): one POST /api/v1/ws/judgements each, under the
// page's public URL (a site-scope judgement as `site: true`), with the editor's personal token — the server
// refuses exactly what `jis-a11y judge` refuses, and its reason is passed on word for word. Then reads
// GET /api/v1/ws/pages?url= for how much of the page the workspace's test has judged, and by whom. Nothing here
// asks for permissions or runs on its own: the panel calls it on the editor's click.
import type { EditorJudgement } from './judgements.js';
import type { WorkspaceSettings } from './workspace-settings.js';
import { WS_SEND_JA as M } from './workspace-send-text.js';

export type SendState = 'sent' | 'refused' | 'failed';

/** What happened to one judgement. */
export interface SendOutcome {
  criterion: string;
  state: SendState;
  /** The server's reason (refused) or what went wrong and how to fix it (failed); '' when sent. */
  reason: string;
}

/** The workspace's test for this page: how many criteria are judged, and by whom. */
export interface WorkspacePageState {
  judged: number;
  criteria: string[];
  by: string[];
  test: string | null;
}

export interface SendReport {
  outcomes: SendOutcome[];
  /** null when it could not be read (then `stateError` says why). */
  page: WorkspacePageState | null;
  stateError: string;
}

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** The workspace's origin (for the host permission), or '' when the address is not a URL. */
export function workspaceOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** `api/v1/…` under the workspace's address (which may have a path, behind the organisation's web server). */
export function apiUrl(base: string, path: string): string {
  return new URL(`api/v1/${path}`, base.endsWith('/') ? base : `${base}/`).href;
}

/** The request body of one judgement. */
export function bodyOf(j: EditorJudgement, publicUrl: string): Record<string, unknown> {
  const where = j.scope.type === 'site' ? { site: true } : { pageUrl: publicUrl };
  return { criterion: j.criterion, ...where, result: j.result === 'inapplicable' ? 'na' : j.result, note: j.note ?? '' };
}

interface Answer {
  status: number;
  json: { error?: { message?: string } } & Record<string, unknown>;
}

/** One call; a network failure or a 401 becomes an Error with the message to show (they stop the sending). */
async function call(s: WorkspaceSettings, fetchFn: FetchFn, path: string, init: RequestInit = {}): Promise<Answer> {
  const origin = workspaceOrigin(s.url);
  let res: Response;
  try {
    res = await fetchFn(apiUrl(s.url, path), { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${s.token}` }, credentials: 'omit' });
  } catch (e) {
    throw new Error(M.network(origin, e instanceof Error ? e.message : String(e)));
  }
  if (res.status === 401) throw new Error(M.unauthorized);
  let json: Answer['json'];
  try {
    json = (await res.json()) as Answer['json'];
  } catch {
    if (res.ok) throw new Error(M.badReply(res.status));
    json = {};
  }
  return { status: res.status, json };
}

async function sendOne(s: WorkspaceSettings, fetchFn: FetchFn, j: EditorJudgement, publicUrl: string): Promise<SendOutcome> {
  const r = await call(s, fetchFn, 'ws/judgements', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodyOf(j, publicUrl)) });
  const msg = r.json.error?.message ?? '';
  if (r.status === 201) return { criterion: j.criterion, state: 'sent', reason: '' };
  if (r.status === 403) throw new Error(M.forbidden(msg));
  if (r.status === 422 || r.status === 409 || r.status === 400) return { criterion: j.criterion, state: 'refused', reason: msg || M.httpError(r.status, '') };
  return { criterion: j.criterion, state: 'failed', reason: M.httpError(r.status, msg) };
}

/** The open test's judgements of the page at `publicUrl`, as the workspace's page view has them. */
export async function pageState(s: WorkspaceSettings, publicUrl: string, fetchFn: FetchFn = fetch): Promise<WorkspacePageState> {
  const r = await call(s, fetchFn, `ws/pages?url=${encodeURIComponent(publicUrl)}`);
  if (r.status === 404) throw new Error(M.pageUnknown(publicUrl));
  if (r.status !== 200) throw new Error(M.httpError(r.status, r.json.error?.message ?? ''));
  const list = (r.json.judgements ?? []) as { criterion: string; who: string }[];
  const criteria = [...new Set(list.map((j) => j.criterion))];
  const by = [...new Set(list.map((j) => j.who).filter(Boolean))];
  const test = (r.json.test as { name?: string } | null)?.name ?? null;
  return { judged: criteria.length, criteria, by, test };
}

/** Sends each judgement; a wrong token or an unreachable workspace stops the rest, which are reported failed. */
export async function sendJudgements(s: WorkspaceSettings, judgements: readonly EditorJudgement[], publicUrl: string, fetchFn: FetchFn = fetch): Promise<SendReport> {
  const outcomes: SendOutcome[] = [];
  for (const [i, j] of judgements.entries()) {
    try {
      outcomes.push(await sendOne(s, fetchFn, j, publicUrl));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      for (const rest of judgements.slice(i)) outcomes.push({ criterion: rest.criterion, state: 'failed', reason });
      return { outcomes, page: null, stateError: reason };
    }
  }
  try {
    return { outcomes, page: await pageState(s, publicUrl, fetchFn), stateError: '' };
  } catch (e) {
    return { outcomes, page: null, stateError: e instanceof Error ? e.message : String(e) };
  }
}

/** The report in one Japanese message for the panel's status line. */
export function sendSummary(r: SendReport): string {
  const of = (st: SendState) => r.outcomes.filter((o) => o.state === st);
  const reasons = (l: SendOutcome[]) => [...new Set(l.map((o) => `${o.criterion}: ${o.reason}`))].join(' ／ ');
  const failed = of('failed');
  const parts = [M.sent(of('sent').length)];
  if (of('refused').length) parts.push(M.refused(of('refused').length, reasons(of('refused'))));
  if (failed.length) parts.push(M.failed(failed.length, [...new Set(failed.map((o) => o.reason))].join(' ／ ')));
  if (r.page) parts.push(M.state(r.page.judged, r.page.by));
  else if (r.stateError && !failed.some((o) => o.reason === r.stateError)) parts.push(M.stateFailed(r.stateError));
  return parts.map((p) => (/[。.）)]$/.test(p) ? p : `${p}。`)).join('');
}
