// Judgements through the workspace (issue 15 items 3 and 5): a body becomes JudgementInputs and goes through the
// same checks as `jis-a11y judge` — the page must be audited (crawler/store/judge-targets.ts), the store refuses
// what contradicts the automated results (rules-jis/judgement-conflicts.ts, JudgementConflictError) — so the API
// refuses exactly what the CLI refuses (422 `refused`, with the reason). A template or site judgement is allowed
// only where the manual-test kit says the criterion is judged per template or per site; a template judgement is
// one page judgement per audited page of the template (recorded all or none).
import { JudgementConflictError, TestStateError, type Store } from '../../store/store.js';
import { checkScopeTargets } from '../../store/judge-targets.js';
import { UsageError } from '../../../rules-jis/exit-codes.js';
import type { JisTest } from '../../../rules-jis/jis-test.js';
import { JudgementFormatError, normUrl, type Judgement, type JudgementInput, type JudgementResult } from '../../../rules-jis/judgements.js';
import { isTargetCriterion } from '../../../rules-jis/criteria.js';
import { manualKit } from '../../../rules-jis/manual-kit.js';
import { ensureTemplates, WsInputError } from './test-context.js';
import { WS_DATA_MESSAGES_JA as M } from './data-messages-ja.js';

export const NOTE_MAX = 2000;
const RESULTS: Record<string, JudgementResult> = { pass: 'pass', fail: 'fail', na: 'inapplicable', inapplicable: 'inapplicable' };

export interface JudgementBody {
  criterion?: unknown;
  pageUrl?: unknown;
  template?: unknown;
  site?: unknown;
  result?: unknown;
  note?: unknown;
  waiver?: unknown;
  evidence?: unknown;
}

export function parseResult(v: unknown): JudgementResult {
  const r = typeof v === 'string' ? RESULTS[v] : undefined;
  if (!r) throw new WsInputError(400, 'bad-request', M.badResult(v));
  return r;
}

export function parseCriterion(v: unknown, t: JisTest): string {
  if (typeof v !== 'string' || !isTargetCriterion(v, t.target)) throw new WsInputError(400, 'bad-request', M.badCriterion(v, t.target));
  return v;
}

export function parseNote(v: unknown): string {
  const note = typeof v === 'string' ? v : '';
  if (note.length > NOTE_MAX) throw new WsInputError(400, 'bad-request', M.noteTooLong(NOTE_MAX));
  return note;
}

export function parseEvidence(v: unknown): string[] {
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  for (const e of list) if (typeof e !== 'string' || !/^[0-9a-f]{64}$/.test(e)) throw new WsInputError(400, 'bad-request', M.badEvidence(e));
  return list as string[];
}

/** A template or site judgement only where the kit judges the criterion per template / per site. */
function checkBulkScope(criterion: string, scope: 'template' | 'site'): void {
  const per = manualKit(criterion)?.judgedPer ?? 'page';
  const ok = scope === 'site' ? per === 'site' : per === 'template' || per === 'site';
  if (!ok) throw new WsInputError(422, 'refused', M.scopeNeedsKit(criterion, M.scopeWords[scope], M.perWords[per]));
}

/** The inputs a judgement body stands for (one, or one per page of a template). */
export async function inputsOf(store: Store, t: JisTest, runId: number, b: JudgementBody, who: string): Promise<JudgementInput[]> {
  const criterion = parseCriterion(b.criterion, t);
  const base = { criterion, result: parseResult(b.result), note: parseNote(b.note), who, ...(typeof b.waiver === 'string' && b.waiver ? { waiver: b.waiver } : {}) };
  const scopes = [typeof b.pageUrl === 'string' && b.pageUrl, typeof b.template === 'string' && b.template, b.site === true].filter(Boolean).length;
  if (scopes !== 1) throw new WsInputError(400, 'bad-request', M.oneScope);
  if (typeof b.pageUrl === 'string') {
    // the page's content hash is its fingerprint: given here, the store need not read the whole run for it
    const page = await store.results.pageByUrl(runId, normUrl(b.pageUrl));
    return [{ ...base, scope: { type: 'page', url: b.pageUrl }, ...(page?.contentHash ? { contentHash: page.contentHash } : {}) }];
  }
  if (b.site === true) {
    checkBulkScope(criterion, 'site');
    return [{ ...base, scope: { type: 'site' } }];
  }
  const template = String(b.template);
  checkBulkScope(criterion, 'template');
  await ensureTemplates(store, runId);
  const pages = await store.workspaceData.pagesOfTemplate(runId, template);
  if (!pages.length) throw new WsInputError(404, 'unknown-template', M.unknownTemplate(template));
  return pages.map((p) => ({ ...base, scope: { type: 'page', url: p.url }, ...(p.contentHash ? { contentHash: p.contentHash } : {}) }));
}

/** Records the inputs for the test on its run, refusing as the CLI refuses. Returns the recorded judgements. */
export async function recordForTest(store: Store, t: JisTest, runId: number, inputs: JudgementInput[], source: string): Promise<Judgement[]> {
  try {
    await checkScopeTargets(store, inputs, runId);
    const ids = await store.judgements.recordJudgements(inputs, { source, testId: t.id, runId });
    const mine = new Set(ids);
    return (await store.tests.judgementsOf(t.id)).filter((j) => mine.has(j.id));
  } catch (e) {
    if (e instanceof JudgementConflictError) throw new WsInputError(422, 'refused', e.message);
    if (e instanceof TestStateError) throw new WsInputError(409, 'test-closed', e.message);
    if (e instanceof JudgementFormatError || e instanceof UsageError) throw new WsInputError(422, 'invalid-judgement', e.message);
    throw e;
  }
}
