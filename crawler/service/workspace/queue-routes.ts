// The review queue (issue 15 item 5): every 要確認 finding of the test's run grouped by rule × template (counted in
// SQL: crawler/store/sqlite/workspace.ts; pages get their template the first time the queue sees them), each group
// with its first pages listed so the person sees what a decision covers before making it. POST /ws/queue/decide
// applies one decision to every review finding of the rule on the pages of the template, as judgements on those
// findings (the same store call and refusals as the CLI), and answers with the pages it covered.
import type { FastifyInstance } from 'fastify';
import { ruleCatalogue } from '../../../rules-jis/catalogue/index.js';
import type { JudgementInput } from '../../../rules-jis/judgements.js';
import { SIGNED_IN } from './access.js';
import { audited, whoOf, type WsDataDeps } from './deps.js';
import { parseCriterion, parseNote, parseResult, recordForTest } from './judge-writes.js';
import { answerInputError, chosenTest, ensureTemplates, parseCount, testRun, WsInputError } from './test-context.js';
import { WS_DATA_MESSAGES_JA as M } from './data-messages-ja.js';

export const QUEUE_MAX_LIMIT = 100;
/** Pages listed per group (the count says how many there are in all). */
export const QUEUE_PAGES_SHOWN = 20;

function ruleLabel(rule: string): string {
  const cat = ruleCatalogue();
  return cat.has(rule) ? cat.get(rule).title.ja : rule;
}

type QueueQs = Partial<Record<'test' | 'offset' | 'limit', string>>;
type DecideBody = { test?: unknown; rule?: unknown; template?: unknown; criterion?: unknown; result?: unknown; note?: unknown };

export async function queueRoutes(api: FastifyInstance, deps: WsDataDeps): Promise<void> {
  const { store } = deps;

  api.get<{ Querystring: QueueQs }>('/ws/queue', SIGNED_IN('viewer'), async (req, reply) => {
    try {
      const t = await chosenTest(store, req.query.test);
      const runId = testRun(t);
      await ensureTemplates(store, runId);
      const page = { offset: parseCount('offset', req.query.offset, 0), limit: parseCount('limit', req.query.limit, 20, QUEUE_MAX_LIMIT) };
      const { total, groups } = await store.workspaceData.reviewGroups(runId, page);
      const items = [];
      for (const g of groups) {
        const pages = await store.workspaceData.reviewGroupPages(runId, g.rule, g.template, QUEUE_PAGES_SHOWN);
        items.push({ rule: g.rule, ruleLabel: ruleLabel(g.rule), criteria: g.criteria, template: g.template, pages: pages.map((p) => ({ url: p.url, title: p.title })), count: g.pageCount, findings: g.findingCount });
      }
      return { test: { id: t.id, name: t.name }, runId, total, groups: items };
    } catch (e) {
      return answerInputError(reply, e);
    }
  });

  api.post<{ Body: DecideBody }>('/ws/queue/decide', SIGNED_IN('tester'), async (req, reply) => {
    try {
      const b = req.body ?? {};
      const t = await chosenTest(store, b.test);
      const runId = testRun(t);
      const criterion = parseCriterion(b.criterion, t);
      const result = parseResult(b.result);
      const note = parseNote(b.note);
      const rule = String(b.rule ?? '');
      const template = String(b.template ?? '');
      await ensureTemplates(store, runId);
      const findings = await store.workspaceData.reviewGroupFindings(runId, rule, template);
      if (!findings.length) throw new WsInputError(404, 'no-group', M.noGroup(rule, template));
      const mine = findings.filter((f) => f.criteria.includes(criterion));
      if (!mine.length) throw new WsInputError(422, 'refused', M.criterionNotOfRule(criterion, rule, [...new Set(findings.flatMap((f) => f.criteria))]));
      const who = whoOf(req);
      const inputs: JudgementInput[] = mine.map((f) => ({ criterion, result, note, who, scope: { type: 'finding', url: f.url, ruleId: f.ruleId, selector: f.selector, snippet: f.html } }));
      const judgements = await recordForTest(store, t, runId, inputs, 'workspace:queue');
      const pages = [...new Set(mine.map((f) => f.url))];
      await audited(deps, req, 'queue.decide', `test:${t.id}:${rule}:${template}`, null, { criterion, result, note, pages, judgements: judgements.map((j) => j.id) });
      return reply.code(201).send({ rule, template, criterion, result, pages, judgements: judgements.length });
    } catch (e) {
      return answerInputError(reply, e);
    }
  });
}
