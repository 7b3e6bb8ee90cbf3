// The dashboard (issue 15 item 2): the latest runs (a running one with live progress from the store's progress
// counts: pages done, queued, errors, pages per minute, time left), the current test (completion: criteria ×
// selected pages decided; the claim exactly as its 試験結果 would state it today, with its blockers), the trend per
// fiscal year (reports/trends.ts) and the schedules. POST /ws/crawls (管理) starts a schedule now.
import type { FastifyInstance } from 'fastify';
import type { Run, Store } from '../../store/store.js';
import { claimStatus } from '../../../rules-jis/verdict.js';
import { buildTrends } from '../../../reports/trends.js';
import { SIGNED_IN } from './access.js';
import { audited, type WsDataDeps } from './deps.js';
import { readiness } from './publish.js';
import { answerInputError, WsInputError } from './test-context.js';
import { WS_DATA_MESSAGES_JA as M } from './data-messages-ja.js';

export const DASHBOARD_RUNS = 10;

export interface RunProgress {
  done: number;
  queued: number;
  errors: number;
  pagesPerMinute: number;
  /** Seconds left at the current rate; null while nothing is done yet. */
  etaSeconds: number | null;
}

async function progressOf(store: Store, r: Run, now: number): Promise<RunProgress> {
  const c = await store.runs.progressCounts(r.id);
  const done = c.frontier.done + c.frontier.failed;
  const queued = c.frontier.queued + c.frontier.active;
  const minutes = Math.max((now - Date.parse(r.startedAt)) / 60_000, 1 / 60);
  const rate = done / minutes;
  return { done, queued, errors: c.errors + c.pagesFailed, pagesPerMinute: Math.round(rate * 10) / 10, etaSeconds: done > 0 ? Math.round((queued / rate) * 60) : null };
}

async function testSummary(store: Store) {
  const t = (await store.tests.openTest()) ?? (await store.tests.list()).at(-1);
  if (!t || !t.runIds.length) return t ? { id: t.id, name: t.name, status: t.status, period: null, completion: null, claim: null, blockers: [] } : null;
  const r = await readiness(store, t);
  const cells = r.doc.checklist.reduce((n, c) => n + Object.values(c.pages).reduce((a, b) => a + b, 0), 0);
  const open = r.doc.checklist.reduce((n, c) => n + (['review', 'untested', 'recheck'] as const).reduce((a, o) => a + (claimStatus(o) === 'open' ? c.pages[o] : 0), 0), 0);
  return {
    id: t.id,
    name: t.name,
    status: t.status,
    period: await store.tests.periodOf(t.id),
    completion: { cells, decided: cells - open, criteria: r.doc.checklist.length, pages: r.doc.selection.pages.length },
    claim: { state: r.doc.claim.state, text: r.doc.claim.text, reason: r.doc.claim.reason },
    blockers: r.blockers,
  };
}

export async function dashboardRoutes(api: FastifyInstance, deps: WsDataDeps): Promise<void> {
  const { store, scheduler } = deps;

  api.get('/ws/dashboard', SIGNED_IN('viewer'), async () => {
    const now = Date.now();
    const all = await store.runs.listRuns();
    const runs = await Promise.all(
      all.slice(0, DASHBOARD_RUNS).map(async ({ config: _config, ...r }) => ({ ...r, progress: r.status === 'running' ? await progressOf(store, r as Run, now) : null })),
    );
    const newestFinished = all.find((r) => r.status === 'finished');
    const trend = newestFinished ? (await buildTrends(store, newestFinished, all)).years : [];
    return { runs, test: await testSummary(store), trend: trend.map((y) => ({ year: y.fiscalYear, ...y })), schedules: scheduler.status() };
  });

  api.post<{ Body: { schedule?: unknown } }>('/ws/crawls', SIGNED_IN('admin'), async (req, reply) => {
    try {
      const name = req.body?.schedule;
      if (typeof name !== 'string' || !scheduler.has(name)) throw new WsInputError(404, 'no-schedule', M.badSchedule(name));
      if (!scheduler.trigger(name)) throw new WsInputError(409, 'running', M.scheduleRunning(name));
      await audited(deps, req, 'crawl.start', `schedule:${name}`, null, { schedule: name });
      return reply.code(202).send({ started: name, message: M.scheduleStarted(name) });
    } catch (e) {
      return answerInputError(reply, e);
    }
  });
}
