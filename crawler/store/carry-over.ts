// Carry-over, never silent (issue 14): which judgements of the last test (or of none, made before tests
// existed) could move into a new test, each with whether the content it was made on has changed since. A
// new test starts empty; a person picks what to carry (`jis-a11y test carry-over`), and a judgement whose
// page changed comes only as 「再確認」 material (TestStore.carryOver with recheck), never as a result.
// Written against the Store read API, so every backend plans the same way.
//
// What "changed" means, by what the judgement was made on (its fingerprint, crawler/store/judgements.ts):
// - page contents (page / pattern scopes): a page it names has another hash now (rules-jis/judgements.ts
//   isStaleFor), is gone from the new run, or (pattern) a page it would cover is new;
// - an element's snippet (finding scope): that finding is gone or its HTML differs;
// - nothing (site scope, or a page not crawled then): the pages it covers in the run it was made on
//   (its run, else the newest run started before it) against the new run; changed when any page differs,
//   is new or is gone; when no such run is known, it counts as changed.
// A judgement that now contradicts the new run's automated results (rules-jis/judgement-conflicts.ts: a ○ over
// a page that fails automatically, a ○ / × where the criterion is 適用なし everywhere it covers) is 'conflict'
// and is never carried, not even as 「再確認」: the same refusal as recording it anew.
import { coversPage, isStaleFor, normUrl, type Judgement, type JudgementInput } from '../../rules-jis/judgements.js';
import { judgementConflict } from '../../rules-jis/judgement-conflicts.js';
import { conflictPages } from './judgements.js';
import { sha256 } from './hash.js';
import type { Store } from './store.js';
import { TEST_MESSAGES as M, TestStateError } from './tests.js';

export type CarryState = 'unchanged' | 'changed' | 'carried' | 'conflict';

export interface CarryCandidate {
  judgement: Judgement;
  state: CarryState;
  /** Pages whose content changed (or appeared, or went) since the judgement was made. */
  changedUrls: string[];
  /** 'conflict': why the judgement now contradicts the new run's automated results (never carried). */
  conflict?: string;
}

export interface CarryPlan {
  /** The test that would receive the judgements (open, with a run). */
  toTestId: number;
  /** Where they come from: a test id, or null for judgements owned by no test. */
  fromTestId: number | null;
  candidates: CarryCandidate[];
}

type Hashes = Map<string, string | null>;

/** A recorded judgement as the conflict check reads an input. */
const asInput = (j: Judgement): JudgementInput => ({ criterion: j.criterion, result: j.result, scope: j.scope, waiver: j.waiver ?? undefined });

async function hashesOf(store: Store, runId: number): Promise<Hashes> {
  const m: Hashes = new Map();
  for await (const p of store.results.iteratePages(runId)) if (!p.error) m.set(normUrl(p.url), p.contentHash);
  return m;
}

/** The page URLs a judgement covers among `hashes` (fingerprint ignored). */
function covered(j: Judgement, hashes: Hashes): string[] {
  const loose = { ...j, fingerprint: null, revokedAt: null };
  return [...hashes.keys()].filter((url) => coversPage(loose, { url, contentHash: null }));
}

/** Pages that differ between two runs among those the judgement covers in either. */
function diffCovered(j: Judgement, before: Hashes, now: Hashes): string[] {
  const urls = new Set([...covered(j, before), ...covered(j, now)]);
  return [...urls].filter((u) => !before.has(u) || !now.has(u) || before.get(u) !== now.get(u));
}

async function changedUrls(store: Store, j: Judgement, now: Hashes, nowRunId: number, basis: () => Promise<Hashes | null>): Promise<string[] | null> {
  const fp = j.fingerprint;
  if (j.scope.type === 'element') return []; // its key is the element's content: a changed element has another key
  if (fp?.kind === 'content') {
    const named = Object.keys(fp.hashes);
    const stale = [...now].filter(([url, contentHash]) => isStaleFor(j, { url, contentHash })).map(([url]) => url);
    const gone = named.filter((u) => !now.has(u));
    const added = j.scope.type === 'pattern' ? covered(j, now).filter((u) => !(u in fp.hashes)) : [];
    return [...stale, ...gone, ...added];
  }
  if (fp?.kind === 'snippet' && j.scope.type === 'finding') {
    const s = j.scope;
    const page = await store.results.pageByUrl(nowRunId, s.url);
    const f = page ? (await store.results.findingsOfPage(page.id)).find((x) => x.ruleId === s.ruleId && x.selector === s.selector) : undefined;
    return f && sha256(f.html) === fp.hash ? [] : [s.url];
  }
  const before = await basis();
  return before ? diffCovered(j, before, now) : null;
}

/** The run a judgement without a fingerprint was made on: its own, else the newest run started before it. */
function basisRunOf(j: Judgement, runs: { id: number; startedAt: string }[]): number | undefined {
  if (j.runId) return j.runId;
  const t = new Date(j.when).getTime();
  return runs.filter((r) => new Date(r.startedAt).getTime() <= t).sort((a, b) => b.id - a.id)[0]?.id;
}

/**
 * Plans a carry-over into `toTestId` (default: the open test) from `fromTestId` (a test id; null: judgements owned
 * by no test; undefined: the newest other test, else those owned by none).
 */
export async function planCarryOver(store: Store, opts: { toTestId?: number; fromTestId?: number | null } = {}): Promise<CarryPlan> {
  const to = opts.toTestId !== undefined ? await store.tests.get(opts.toTestId) : await store.tests.openTest();
  if (!to) throw new TestStateError(opts.toTestId !== undefined ? M.noSuchTest(opts.toTestId) : 'いま実施中の試験がありません。先に jis-a11y test new で試験を作ってください。');
  if (to.status !== 'open') throw new TestStateError(M.closed(to));
  const nowRunId = to.runIds.at(-1);
  if (nowRunId === undefined) throw new TestStateError(M.noRunForCarry(to));
  let fromTestId = opts.fromTestId;
  if (fromTestId === undefined) fromTestId = (await store.tests.list()).filter((t) => t.id !== to.id).at(-1)?.id ?? null;
  if (fromTestId !== null && !(await store.tests.get(fromTestId))) throw new TestStateError(M.noSuchTest(fromTestId));
  if (fromTestId === to.id) throw new TestStateError(M.sameTest(to.id));
  const source = fromTestId === null ? await store.judgements.listJudgements({ testId: null }) : await store.tests.judgementsOf(fromTestId);
  const carried = new Set((await store.tests.judgementsOf(to.id)).map((j) => j.carriedFrom).filter((x): x is number => !!x));
  const now = await hashesOf(store, nowRunId);
  const runs = (await store.runs.listRuns()).filter((r) => !to.runIds.includes(r.id));
  const basisCache = new Map<number, Hashes>();
  const pages = await conflictPages(store, nowRunId, source.map(asInput));
  const candidates: CarryCandidate[] = [];
  for (const j of source) {
    if (carried.has(j.id)) {
      candidates.push({ judgement: j, state: 'carried', changedUrls: [] });
      continue;
    }
    const basis = async () => {
      const id = basisRunOf(j, runs);
      if (id === undefined) return null;
      if (!basisCache.has(id)) basisCache.set(id, await hashesOf(store, id));
      return basisCache.get(id)!;
    };
    // a copy is a new record in the new test: the same refusal as judge (an automated fail, 適用なし everywhere)
    const conflict = j.recheck ? null : judgementConflict(asInput(j), pages);
    if (conflict) {
      candidates.push({ judgement: j, state: 'conflict', changedUrls: conflict.pages, conflict: conflict.message });
      continue;
    }
    const urls = j.recheck ? [] : await changedUrls(store, j, now, nowRunId, basis);
    const changed = j.recheck || urls === null || urls.length > 0;
    candidates.push({ judgement: j, state: changed ? 'changed' : 'unchanged', changedUrls: urls ?? [] });
  }
  return { toTestId: to.id, fromTestId, candidates };
}
