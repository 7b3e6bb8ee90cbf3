// What every workspace data route starts from: the test it works on (?test= or the open test, else the newest),
// the run whose automated results the test uses (its newest), the selected pages of the test with their
// templates, and small parsers of query values with Japanese errors. One place, so the sheet, the queue and the
// approval never disagree about which test, run or pages they mean.
import type { FastifyReply } from 'fastify';
import type { Store, StoredPage } from '../../store/store.js';
import type { JisTest, SelectionKind } from '../../../rules-jis/jis-test.js';
import { normUrl } from '../../../rules-jis/judgements.js';
import { layoutKey } from '../../../reports/selection/index.js';
import { buildReportModel } from '../../../reports/model.js';
import { sendError } from '../http-errors.js';
import { WS_DATA_MESSAGES_JA as M } from './data-messages-ja.js';

export class WsInputError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Answers a WsInputError in the service's error shape; rethrows anything else (the 500 handler logs it). */
export function answerInputError(reply: FastifyReply, e: unknown): FastifyReply {
  if (e instanceof WsInputError) return sendError(reply, e.status, e.code, e.message);
  throw e;
}

export function parseCount(key: string, v: unknown, dflt: number, max?: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new WsInputError(400, 'bad-request', M.badInteger(key, v));
  if (max !== undefined && n > max) throw new WsInputError(400, 'bad-request', M.limitTooLarge(key, max));
  return n;
}

/** The test asked for (?test=), else the open test, else the newest; a 404 when there is none. */
export async function chosenTest(store: Store, id?: unknown): Promise<JisTest> {
  if (id !== undefined && id !== '') {
    const n = parseCount('test', id, 0);
    const t = await store.tests.get(n);
    if (!t) throw new WsInputError(404, 'no-test', M.noSuchTest(n));
    return t;
  }
  const t = (await store.tests.openTest()) ?? (await store.tests.list()).at(-1);
  if (!t) throw new WsInputError(404, 'no-test', M.noTest);
  return t;
}

/** The run whose automated results the test uses: its newest. */
export function testRun(t: JisTest): number {
  const id = t.runIds.at(-1);
  if (id === undefined) throw new WsInputError(409, 'no-run', M.noRun);
  return id;
}

export interface SheetPage {
  url: string;
  title: string;
  kind: SelectionKind | null;
  template: string;
  /** The stored page of the test's run (null when the run did not audit it). */
  stored: StoredPage | null;
}

export const templateOf = (p: Pick<StoredPage, 'url' | 'nav'>): string => layoutKey({ url: p.url, navKeys: p.nav.map((n) => n.key) });

/**
 * The selected pages of the test (代表 first, then ランダム), each read from the run by URL (an index, never the
 * whole run). A test without a stored selection uses the one its 試験結果 would (the report model's).
 */
export async function selectedPages(store: Store, t: JisTest, runId: number): Promise<SheetPage[]> {
  let list: { url: string; kind: SelectionKind | null }[] = await store.selection.listSelection(t.id);
  if (!list.length) {
    const m = await buildReportModel(store, { runId, testId: t.id });
    const rep = new Set(m.selection.representative);
    const random = new Set(m.selection.random);
    list = m.selection.urls.map((url) => ({ url, kind: rep.has(url) ? 'representative' : random.has(url) ? 'random' : null }));
  }
  const seen = new Set<string>();
  const wanted = list.map((s) => ({ ...s, url: normUrl(s.url) })).filter((s) => !seen.has(s.url) && !!seen.add(s.url));
  const stored = new Map((await store.workspaceData.pagesByUrls(runId, wanted.map((s) => s.url))).map((p) => [p.url, p]));
  return wanted.map((s) => {
    const p = stored.get(s.url) ?? null;
    return { url: s.url, title: p?.title ?? '', kind: s.kind, template: p ? templateOf(p) : '', stored: p };
  });
}

/** The pages stamp of each run whose templates are all recorded, per store (a new or replaced page changes it). */
const templatesDone = new WeakMap<Store, Map<number, string>>();

/** Records the template of every audited page of the run that has none yet (once per page; a running crawl adds more). */
export async function ensureTemplates(store: Store, runId: number): Promise<void> {
  const done = templatesDone.get(store) ?? new Map<number, string>();
  templatesDone.set(store, done);
  const stamp = await store.workspaceData.pagesStamp(runId);
  if (done.get(runId) === stamp) return;
  await recordTemplates(store, runId);
  done.set(runId, stamp);
}

/**
 * The queue's template of a page: the CMS template the crawl recognised from the page itself (issue 19: the skeleton
 * outside the main content, rules-jis/page/template-identity.ts), shown by the start of its key; the URL-shape layout
 * key only for pages stored without one (runs of older versions).
 */
export const queueTemplateOf = (p: { url: string; navKeys: string[]; templateKey: string | null }): string =>
  p.templateKey ? `#${p.templateKey.slice(0, 12)}` : layoutKey({ url: p.url, navKeys: p.navKeys });

async function recordTemplates(store: Store, runId: number): Promise<void> {
  const missing = await store.workspaceData.pagesWithoutTemplate(runId);
  if (!missing.length) return;
  const rows = missing.map((p) => ({ pageId: p.pageId, url: p.url, template: queueTemplateOf(p) }));
  for (let i = 0; i < rows.length; i += 5000) await store.workspaceData.saveTemplates(runId, rows.slice(i, i + 5000));
}
