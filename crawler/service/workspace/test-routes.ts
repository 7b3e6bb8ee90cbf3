// The test sheet and what is written from it (issue 15 item 3): GET /ws/sheet (filtered and paged on the
// server: ./sheet.ts), POST /ws/judgements (確認者; refused as the CLI refuses: ./judge-writes.ts), POST
// /ws/assignments (承認者: a criterion or one cell to a person, with a due date). Every write is audited.
import type { FastifyInstance } from 'fastify';
import { normUrl } from '../../../rules-jis/judgements.js';
import { isYmd } from '../../../rules-jis/test-period.js';
import { SIGNED_IN } from './access.js';
import { audited, whoOf, type WsDataDeps } from './deps.js';
import { inputsOf, parseCriterion, parseEvidence, recordForTest, type JudgementBody } from './judge-writes.js';
import { buildSheet, CELL_STATES, type CellState } from './sheet.js';
import { answerInputError, chosenTest, parseCount, selectedPages, testRun, WsInputError } from './test-context.js';
import { WS_DATA_MESSAGES_JA as M } from './data-messages-ja.js';

export const SHEET_MAX_LIMIT = 200;

type SheetQs = Partial<Record<'test' | 'criterion' | 'page' | 'state' | 'assignee' | 'offset' | 'limit', string>>;

function parseState(v: string | undefined): CellState | undefined {
  if (!v) return undefined;
  if (!(CELL_STATES as readonly string[]).includes(v)) throw new WsInputError(400, 'bad-request', M.badState(v, CELL_STATES));
  return v as CellState;
}

export async function testRoutes(api: FastifyInstance, deps: WsDataDeps): Promise<void> {
  const { store } = deps;

  api.get<{ Querystring: SheetQs }>('/ws/sheet', SIGNED_IN('viewer'), async (req, reply) => {
    try {
      const q = req.query;
      const t = await chosenTest(store, q.test);
      return await buildSheet(store, t, {
        criterion: q.criterion || undefined,
        page: q.page || undefined,
        state: parseState(q.state),
        assignee: q.assignee || undefined,
        offset: parseCount('offset', q.offset, 0),
        limit: parseCount('limit', q.limit, 20, SHEET_MAX_LIMIT),
      });
    } catch (e) {
      return answerInputError(reply, e);
    }
  });

  api.post<{ Body: JudgementBody & { test?: unknown } }>('/ws/judgements', SIGNED_IN('tester'), async (req, reply) => {
    try {
      const b = req.body ?? {};
      const t = await chosenTest(store, b.test);
      const runId = testRun(t);
      const evidence = parseEvidence(b.evidence);
      const inputs = await inputsOf(store, t, runId, b, whoOf(req));
      const judgements = await recordForTest(store, t, runId, inputs, 'workspace');
      for (const j of judgements) await audited(deps, req, 'judgement.record', `judgement:${j.id}`, null, { ...j, evidence });
      return reply.code(201).send({ judgement: judgements[0], judgements, pages: judgements.map((j) => (j.scope.type === 'page' ? j.scope.url : null)).filter(Boolean) });
    } catch (e) {
      return answerInputError(reply, e);
    }
  });

  api.post<{ Body: { test?: unknown; criterion?: unknown; pageUrl?: unknown; assignee?: unknown; due?: unknown } }>('/ws/assignments', SIGNED_IN('approver'), async (req, reply) => {
    try {
      const b = req.body ?? {};
      const t = await chosenTest(store, b.test);
      const criterion = parseCriterion(b.criterion, t);
      if (typeof b.assignee !== 'string' || !b.assignee.trim()) throw new WsInputError(400, 'bad-request', M.badAssignee);
      if (b.due !== undefined && b.due !== null && (typeof b.due !== 'string' || !isYmd(b.due))) throw new WsInputError(400, 'bad-request', M.badDue(b.due));
      let pageUrl = '';
      if (typeof b.pageUrl === 'string' && b.pageUrl) {
        pageUrl = normUrl(b.pageUrl);
        const pages = await selectedPages(store, t, testRun(t));
        if (!pages.some((p) => p.url === pageUrl)) throw new WsInputError(422, 'not-selected', M.pageNotSelected(b.pageUrl));
      }
      const before = await store.workspaceData.assignment(t.id, criterion, pageUrl);
      const a = await store.workspaceData.assign({ testId: t.id, criterion, pageUrl, assignee: b.assignee.trim(), due: (b.due as string | undefined) ?? null, assignedBy: req.user?.login ?? '' });
      await audited(deps, req, 'assignment.set', `test:${t.id}:${criterion}:${pageUrl || '*'}`, before, a);
      return reply.code(201).send({ assignment: a });
    } catch (e) {
      return answerInputError(reply, e);
    }
  });
}
