// The test sheet (issue 15 item 3): the selected pages down, the target's criteria across, each cell's state as
// the 試験結果 would count it — the page's stored criteria with the test's judgements applied by the one function
// the report model uses (rules-jis/verdict.ts applyJudgements), so the sheet and the published result agree.
// Reads only the selected pages (by URL, an index) and their own findings; never the run's findings.
// Filters (criterion, page, state, assignee) select cells; paging is over the page rows that keep a cell.
import type { Store, StoredFinding } from '../../store/store.js';
import type { Assignment } from '../../store/workspace-data-types.js';
import { sha256 } from '../../store/hash.js';
import type { JisTest, SelectionKind } from '../../../rules-jis/jis-test.js';
import type { Judgement } from '../../../rules-jis/judgements.js';
import { targetCriteria } from '../../../rules-jis/criteria.js';
import { manualKit, type JudgedPer } from '../../../rules-jis/manual-kit.js';
import { applyJudgements, type AppliedCriterion } from '../../../rules-jis/verdict.js';
import type { Level } from '../../../rules-jis/types.js';
import { selectedPages, testRun, WsInputError, type SheetPage } from './test-context.js';
import { WS_DATA_MESSAGES_JA as M } from './data-messages-ja.js';

export const CELL_STATES = ['fail', 'review', 'untested', 'pass', 'fail-judged', 'na', 'recheck'] as const;
/** fail: automated violation; fail-judged: a person's ×; pass: ○ (judged, or fully decided by the checks); na: −. */
export type CellState = (typeof CELL_STATES)[number];

export interface SheetCell {
  pageUrl: string;
  criterion: string;
  state: CellState;
  /** The judgement that decided the cell (or the stale one behind 再確認). */
  judgement?: { id: number; result: Judgement['result']; who: string; when: string; note: string; scope: Judgement['scope']['type'] };
  assignee?: string;
  due?: string | null;
  /** How the kit judges the criterion: per page, template or site (bulk actions for the last two). */
  scope: JudgedPer;
  /** Review findings of the criterion left on the page. */
  reviews: number;
}

export interface SheetQuery {
  criterion?: string;
  page?: string;
  state?: CellState;
  assignee?: string;
  offset: number;
  limit: number;
}

export interface Sheet {
  test: { id: number; name: string; target: string };
  runId: number;
  criteria: { id: string; title: string; level: Level; scope: JudgedPer }[];
  pages: { url: string; title: string; kind: SelectionKind | null; template: string }[];
  cells: SheetCell[];
  /** Page rows that keep at least one cell under the filters (what offset/limit page through). */
  total: number;
}

export function cellState(c: AppliedCriterion): CellState {
  switch (c.outcome) {
    case 'fail':
      return c.judgement ? 'fail-judged' : 'fail';
    case 'inapplicable':
      return 'na';
    default:
      return c.outcome;
  }
}

function assigneeOf(assignments: Assignment[], criterion: string, url: string): Assignment | undefined {
  return assignments.find((a) => a.criterion === criterion && a.pageUrl === url) ?? assignments.find((a) => a.criterion === criterion && a.pageUrl === '');
}

function cellsOf(p: SheetPage, findings: StoredFinding[], judgements: Judgement[], assignments: Assignment[], criteria: string[]): SheetCell[] {
  const applied = p.stored && !p.stored.error ? applyJudgements({ url: p.stored.url, contentHash: p.stored.contentHash }, p.stored.criteria, findings, judgements, sha256) : [];
  const byId = new Map(applied.map((c) => [c.id, c]));
  return criteria.map((id) => {
    const c = byId.get(id);
    const j = c?.judgement ?? c?.stale;
    const a = assigneeOf(assignments, id, p.url);
    return {
      pageUrl: p.url,
      criterion: id,
      state: c ? cellState(c) : 'untested',
      ...(j ? { judgement: { id: j.id, result: j.result, who: j.who, when: j.when, note: j.note, scope: j.scope.type } } : {}),
      ...(a ? { assignee: a.assignee, due: a.due } : {}),
      scope: manualKit(id)?.judgedPer ?? 'page',
      reviews: c?.counts.review ?? 0,
    };
  });
}

function keep(q: SheetQuery) {
  return (c: SheetCell) => (!q.state || c.state === q.state) && (!q.assignee || c.assignee === q.assignee);
}

/** The sheet of a test, filtered and paged on the server. */
export async function buildSheet(store: Store, t: JisTest, q: SheetQuery): Promise<Sheet> {
  const runId = testRun(t);
  const all = targetCriteria(t.target);
  if (q.criterion && !all.some((c) => c.wcag === q.criterion)) throw new WsInputError(400, 'bad-request', M.badCriterion(q.criterion, t.target));
  const criteria = q.criterion ? all.filter((c) => c.wcag === q.criterion) : all;
  const ids = criteria.map((c) => c.wcag);
  const pages = (await selectedPages(store, t, runId)).filter((p) => !q.page || p.url.includes(q.page));
  const judgements = (await store.tests.judgementsOf(t.id)).filter((j) => !j.recheck && ids.includes(j.criterion));
  const assignments = await store.workspaceData.assignments(t.id);
  const filtered = !!(q.state || q.assignee);
  const rows: { p: SheetPage; cells: SheetCell[] }[] = [];
  let total = 0;
  for (const p of pages) {
    // without a cell filter a row always stays: read its findings only when it is on the page asked for
    const inWindow = total >= q.offset && rows.length < q.limit;
    if (!filtered && !inWindow) {
      total++;
      continue;
    }
    const findings = p.stored && !p.stored.error ? await store.results.findingsOfPage(p.stored.id) : [];
    const cells = cellsOf(p, findings, judgements, assignments, ids).filter(keep(q));
    if (!cells.length) continue;
    if (total >= q.offset && rows.length < q.limit) rows.push({ p, cells });
    total++;
  }
  return {
    test: { id: t.id, name: t.name, target: t.target },
    runId,
    criteria: criteria.map((c) => ({ id: c.wcag, title: c.jaJis, level: c.level, scope: manualKit(c.wcag)?.judgedPer ?? 'page' })),
    pages: rows.map(({ p }) => ({ url: p.url, title: p.title, kind: p.kind, template: p.template })),
    cells: rows.flatMap((r) => r.cells),
    total,
  };
}
