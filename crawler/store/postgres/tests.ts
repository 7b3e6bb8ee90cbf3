// The yearly tests on PostgreSQL (tests, test_runs, judgements.test_id), as crawler/store/sqlite/tests.ts: one open
// test at a time (also the partial unique index), nothing added to a closed test, a 表明日 never before the end of
// the 試験実施期間, carry-over as copies that keep their date, who and origin.
import type { JisTest, TestStatement } from '../../../rules-jis/jis-test.js';
import { jstDate, statementDateProblem, testPeriod, type TestPeriod } from '../../../rules-jis/test-period.js';
import type { Target } from '../../../rules-jis/types.js';
import type { TestStore } from '../store.js';
import { TEST_MESSAGES as M, TestStateError } from '../tests.js';
import { toJudgement } from '../rows.js';
import type { PgConnection, Q, Row } from './connection.js';

async function toTest(q: Q, r: Row): Promise<JisTest> {
  const runIds = (await q.all<{ run_id: number }>('SELECT run_id FROM test_runs WHERE test_id = ? ORDER BY run_id', [r.id])).map((x) => x.run_id);
  return {
    id: r.id as number,
    name: r.name as string,
    fiscalYear: (r.fiscal_year as number | null) ?? null,
    target: r.target as Target,
    status: r.status as JisTest['status'],
    statement: JSON.parse(r.statement as string) as TestStatement,
    runIds,
    createdAt: r.created_at as string,
    closedAt: (r.closed_at as string | null) ?? null,
  };
}

async function getTest(q: Q, id: number): Promise<JisTest | null> {
  const r = await q.get('SELECT * FROM tests WHERE id = ?', [id]);
  return r ? toTest(q, r) : null;
}

async function mustGet(q: Q, id: number): Promise<JisTest> {
  const t = await getTest(q, id);
  if (!t) throw new TestStateError(M.noSuchTest(id));
  return t;
}

async function mustBeOpen(q: Q, id: number): Promise<JisTest> {
  const t = await mustGet(q, id);
  if (t.status !== 'open') throw new TestStateError(M.closed(t));
  return t;
}

async function openTest(q: Q): Promise<JisTest | null> {
  const r = await q.get("SELECT * FROM tests WHERE status = 'open' ORDER BY id DESC LIMIT 1");
  return r ? toTest(q, r) : null;
}

/** The period from the test's runs and its judgements (revoked and 「再確認」-only copies left out). */
async function periodOf(q: Q, testId: number): Promise<TestPeriod | null> {
  const runs = await q.all<{ started_at: string; finished_at: string | null }>(
    'SELECT r.started_at, r.finished_at FROM runs r JOIN test_runs t ON t.run_id = r.id WHERE t.test_id = ?',
    [testId],
  );
  const dates = await q.all<{ judged_at: string }>('SELECT judged_at FROM judgements WHERE test_id = ? AND revoked_at IS NULL AND recheck = 0', [testId]);
  return testPeriod({ runs: runs.map((r) => ({ startedAt: r.started_at, finishedAt: r.finished_at })), judgementDates: dates.map((d) => d.judged_at) });
}

async function checkStatementDate(q: Q, testId: number, date: string | undefined): Promise<void> {
  if (date === undefined) return;
  const problem = statementDateProblem(date, await periodOf(q, testId));
  if (problem) throw new TestStateError(problem);
}

function validateNew(name: string, fiscalYear: unknown, target: unknown): void {
  if (!name.trim()) throw new TestStateError(M.noName());
  if (fiscalYear !== null && fiscalYear !== undefined && !(Number.isInteger(fiscalYear) && (fiscalYear as number) >= 1900 && (fiscalYear as number) <= 2999))
    throw new TestStateError(M.badYear(fiscalYear));
  if (target !== undefined && target !== 'A' && target !== 'AA') throw new TestStateError(M.badTarget(target));
}

const CARRY =
  'INSERT INTO judgements (criterion, result, note, who, judged_at, scope, fingerprint, source, created_at, test_id, run_id, carried_from, recheck, waiver) ' +
  'SELECT criterion, result, note, who, judged_at, scope, fingerprint, source, ?, ?, run_id, id, ?, waiver FROM judgements WHERE id = ? RETURNING id';

/** Copies the picked judgements into the open test `toTestId` (once each: a second carry of the same one is skipped). */
async function carryOverInto(tx: Q, toTestId: number, picks: Parameters<TestStore['carryOver']>[1], now: string): Promise<number[]> {
  await mustBeOpen(tx, toTestId);
  const ids: number[] = [];
  for (const p of picks) {
    const orig = await tx.get<{ test_id: number | null; revoked_at: string | null }>('SELECT test_id, revoked_at FROM judgements WHERE id = ?', [p.judgementId]);
    if (!orig || orig.revoked_at) throw new TestStateError(M.noSuchJudgement(p.judgementId));
    if (orig.test_id === toTestId) throw new TestStateError(M.judgementInTarget(p.judgementId));
    if (await tx.get('SELECT 1 FROM judgements WHERE test_id = ? AND carried_from = ? AND revoked_at IS NULL', [toTestId, p.judgementId])) continue;
    ids.push((await tx.get<{ id: number }>(CARRY, [now, toTestId, p.recheck ? 1 : 0, p.judgementId]))!.id);
  }
  return ids;
}

/** Closes an open test: its 表明日 (given, else the statement's, else today in JST) must not precede its period. */
async function closeTest(tx: Q, testId: number, opts: Parameters<TestStore['close']>[1] = {}): Promise<JisTest> {
  const now = opts.now ?? new Date().toISOString();
  const t = await mustBeOpen(tx, testId);
  const statementDate = opts.statementDate ?? t.statement.statementDate ?? jstDate(now);
  await checkStatementDate(tx, testId, statementDate);
  const statement: TestStatement = { ...t.statement, statementDate };
  await tx.run("UPDATE tests SET status = 'closed', closed_at = ?, statement = ? WHERE id = ?", [now, JSON.stringify(statement), testId]);
  return mustGet(tx, testId);
}

async function attach(tx: Q, testId: number, runId: number, now: string): Promise<void> {
  if (!(await tx.get('SELECT 1 FROM runs WHERE id = ?', [runId]))) throw new TestStateError(M.noSuchRun(runId));
  await tx.run('INSERT INTO test_runs (test_id, run_id, attached_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [testId, runId, now]);
}

export function pgTests(c: PgConnection): TestStore {
  return {
    async create(t, now = new Date().toISOString()) {
      validateNew(t.name ?? '', t.fiscalYear, t.target);
      return c.write(async (tx) => {
        const open = await openTest(tx);
        if (open) throw new TestStateError(M.anotherOpen(open));
        const r = await tx.get<{ id: number }>("INSERT INTO tests (name, fiscal_year, target, status, statement, created_at) VALUES (?, ?, ?, 'open', ?, ?) RETURNING id", [
          t.name.trim(), t.fiscalYear ?? null, t.target ?? 'AA', JSON.stringify(t.statement ?? {}), now,
        ]);
        return mustGet(tx, r!.id);
      });
    },

    async get(testId) {
      return getTest(c.q, testId);
    },

    async list() {
      const out: JisTest[] = [];
      for (const r of await c.q.all('SELECT * FROM tests ORDER BY id')) out.push(await toTest(c.q, r));
      return out;
    },

    async openTest() {
      return openTest(c.q);
    },

    async updateStatement(testId, statement) {
      return c.write(async (tx) => {
        await mustBeOpen(tx, testId);
        await checkStatementDate(tx, testId, statement.statementDate);
        await tx.run('UPDATE tests SET statement = ? WHERE id = ?', [JSON.stringify(statement), testId]);
        return mustGet(tx, testId);
      });
    },

    async attachRun(testId, runId, now = new Date().toISOString()) {
      await c.write(async (tx) => {
        await mustBeOpen(tx, testId);
        await attach(tx, testId, runId, now);
      });
    },

    async attachRunToOpenTest(runId, now = new Date().toISOString()) {
      return c.write(async (tx) => {
        const open = await openTest(tx);
        if (!open) return null;
        await attach(tx, open.id, runId, now);
        return mustGet(tx, open.id);
      });
    },

    async testOfRun(runId) {
      const r = await c.q.get('SELECT t.* FROM tests t JOIN test_runs x ON x.test_id = t.id WHERE x.run_id = ? ORDER BY t.id DESC LIMIT 1', [runId]);
      return r ? toTest(c.q, r) : null;
    },

    async judgementsOf(testId, opts = {}) {
      const sql = opts.includeRevoked ? 'SELECT * FROM judgements WHERE test_id = ? ORDER BY id' : 'SELECT * FROM judgements WHERE test_id = ? AND revoked_at IS NULL ORDER BY id';
      return (await c.q.all(sql, [testId])).map(toJudgement);
    },

    async periodOf(testId) {
      return periodOf(c.q, testId);
    },

    async carryOver(toTestId, picks, now = new Date().toISOString()) {
      return c.write((tx) => carryOverInto(tx, toTestId, picks, now));
    },

    async close(testId, opts = {}) {
      return c.write((tx) => closeTest(tx, testId, opts));
    },
  };
}
