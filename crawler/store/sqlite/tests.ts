// The yearly tests in SQLite (tests, test_runs, judgements.test_id: migration 0004-tests.sql). The rules a
// test keeps are enforced here, in the one place every front door goes through: one open test at a time
// (also a partial unique index), nothing added to a closed test, a 表明日 never before the end of the
// 試験実施期間 (rules-jis/test-period.ts), carry-over as copies that keep their date, who and origin.
import type { JisTest, TestStatement } from '../../../rules-jis/jis-test.js';
import { jstDate, statementDateProblem, testPeriod, type TestPeriod } from '../../../rules-jis/test-period.js';
import type { Target } from '../../../rules-jis/types.js';
import type { TestStore } from '../store.js';
import { TEST_MESSAGES as M, TestStateError } from '../tests.js';
import type { Connection, Row } from './connection.js';
import { toJudgement } from '../rows.js';

function toTest(c: Connection, r: Row): JisTest {
  const runIds = (c.stmt('SELECT run_id FROM test_runs WHERE test_id = ? ORDER BY run_id').all(r.id) as { run_id: number }[]).map((x) => x.run_id);
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

function getTest(c: Connection, id: number): JisTest | null {
  const r = c.stmt('SELECT * FROM tests WHERE id = ?').get(id) as Row | undefined;
  return r ? toTest(c, r) : null;
}

function mustGet(c: Connection, id: number): JisTest {
  const t = getTest(c, id);
  if (!t) throw new TestStateError(M.noSuchTest(id));
  return t;
}

function mustBeOpen(c: Connection, id: number): JisTest {
  const t = mustGet(c, id);
  if (t.status !== 'open') throw new TestStateError(M.closed(t));
  return t;
}

function openTest(c: Connection): JisTest | null {
  const r = c.stmt("SELECT * FROM tests WHERE status = 'open' ORDER BY id DESC LIMIT 1").get() as Row | undefined;
  return r ? toTest(c, r) : null;
}

/** The period from the test's runs and its judgements (revoked and 「再確認」-only copies left out). */
function periodOf(c: Connection, testId: number): TestPeriod | null {
  const runs = c
    .stmt('SELECT r.started_at, r.finished_at FROM runs r JOIN test_runs t ON t.run_id = r.id WHERE t.test_id = ?')
    .all(testId) as { started_at: string; finished_at: string | null }[];
  const dates = c.stmt('SELECT judged_at FROM judgements WHERE test_id = ? AND revoked_at IS NULL AND recheck = 0').all(testId) as { judged_at: string }[];
  return testPeriod({ runs: runs.map((r) => ({ startedAt: r.started_at, finishedAt: r.finished_at })), judgementDates: dates.map((d) => d.judged_at) });
}

function checkStatementDate(c: Connection, testId: number, date: string | undefined): void {
  if (date === undefined) return;
  const problem = statementDateProblem(date, periodOf(c, testId));
  if (problem) throw new TestStateError(problem);
}

function validateNew(name: string, fiscalYear: unknown, target: unknown): void {
  if (!name.trim()) throw new TestStateError(M.noName());
  if (fiscalYear !== null && fiscalYear !== undefined && !(Number.isInteger(fiscalYear) && (fiscalYear as number) >= 1900 && (fiscalYear as number) <= 2999))
    throw new TestStateError(M.badYear(fiscalYear));
  if (target !== undefined && target !== 'A' && target !== 'AA') throw new TestStateError(M.badTarget(target));
}

/** Copies the picked judgements into the open test `toTestId` (once each: a second carry of the same one is skipped). */
function carryOverInto(c: Connection, toTestId: number, picks: Parameters<TestStore['carryOver']>[1], now: string): number[] {
  const ins = c.stmt(
    'INSERT INTO judgements (criterion, result, note, who, judged_at, scope, fingerprint, source, created_at, test_id, run_id, carried_from, recheck, waiver) ' +
      'SELECT criterion, result, note, who, judged_at, scope, fingerprint, source, ?, ?, run_id, id, ?, waiver FROM judgements WHERE id = ?',
  );
  return c.write(() => {
    mustBeOpen(c, toTestId);
    const ids: number[] = [];
    for (const p of picks) {
      const orig = c.stmt('SELECT test_id, revoked_at FROM judgements WHERE id = ?').get(p.judgementId) as { test_id: number | null; revoked_at: string | null } | undefined;
      if (!orig || orig.revoked_at) throw new TestStateError(M.noSuchJudgement(p.judgementId));
      if (orig.test_id === toTestId) throw new TestStateError(M.judgementInTarget(p.judgementId));
      if (c.stmt('SELECT 1 FROM judgements WHERE test_id = ? AND carried_from = ? AND revoked_at IS NULL').get(toTestId, p.judgementId)) continue;
      ids.push(Number(ins.run(now, toTestId, p.recheck ? 1 : 0, p.judgementId).lastInsertRowid));
    }
    return ids;
  });
}

/** Closes an open test: its 表明日 (given, else the statement's, else today in JST) must not precede its period. */
function closeTest(c: Connection, testId: number, opts: Parameters<TestStore['close']>[1] = {}): JisTest {
  const now = opts.now ?? new Date().toISOString();
  return c.write(() => {
    const t = mustBeOpen(c, testId);
    const statementDate = opts.statementDate ?? t.statement.statementDate ?? jstDate(now);
    checkStatementDate(c, testId, statementDate);
    const statement: TestStatement = { ...t.statement, statementDate };
    c.stmt("UPDATE tests SET status = 'closed', closed_at = ?, statement = ? WHERE id = ?").run(now, JSON.stringify(statement), testId);
    return mustGet(c, testId);
  });
}

export function sqliteTests(c: Connection): TestStore {
  const attach = (testId: number, runId: number, now: string) => {
    if (!c.stmt('SELECT 1 FROM runs WHERE id = ?').get(runId)) throw new TestStateError(M.noSuchRun(runId));
    c.stmt('INSERT OR IGNORE INTO test_runs (test_id, run_id, attached_at) VALUES (?, ?, ?)').run(testId, runId, now);
  };
  return {
    async create(t, now = new Date().toISOString()) {
      validateNew(t.name ?? '', t.fiscalYear, t.target);
      return c.write(() => {
        const open = openTest(c);
        if (open) throw new TestStateError(M.anotherOpen(open));
        const id = Number(
          c
            .stmt("INSERT INTO tests (name, fiscal_year, target, status, statement, created_at) VALUES (?, ?, ?, 'open', ?, ?)")
            .run(t.name.trim(), t.fiscalYear ?? null, t.target ?? 'AA', JSON.stringify(t.statement ?? {}), now).lastInsertRowid,
        );
        return mustGet(c, id);
      });
    },

    async get(testId) {
      return getTest(c, testId);
    },

    async list() {
      return (c.stmt('SELECT * FROM tests ORDER BY id').all() as Row[]).map((r) => toTest(c, r));
    },

    async openTest() {
      return openTest(c);
    },

    async updateStatement(testId, statement) {
      return c.write(() => {
        mustBeOpen(c, testId);
        checkStatementDate(c, testId, statement.statementDate);
        c.stmt('UPDATE tests SET statement = ? WHERE id = ?').run(JSON.stringify(statement), testId);
        return mustGet(c, testId);
      });
    },

    async attachRun(testId, runId, now = new Date().toISOString()) {
      c.write(() => {
        mustBeOpen(c, testId);
        attach(testId, runId, now);
      });
    },

    async attachRunToOpenTest(runId, now = new Date().toISOString()) {
      return c.write(() => {
        const open = openTest(c);
        if (!open) return null;
        attach(open.id, runId, now);
        return mustGet(c, open.id);
      });
    },

    async testOfRun(runId) {
      const r = c.stmt('SELECT t.* FROM tests t JOIN test_runs x ON x.test_id = t.id WHERE x.run_id = ? ORDER BY t.id DESC LIMIT 1').get(runId) as Row | undefined;
      return r ? toTest(c, r) : null;
    },

    async judgementsOf(testId, opts = {}) {
      const sql = opts.includeRevoked ? 'SELECT * FROM judgements WHERE test_id = ? ORDER BY id' : 'SELECT * FROM judgements WHERE test_id = ? AND revoked_at IS NULL ORDER BY id';
      return (c.stmt(sql).all(testId) as Row[]).map(toJudgement);
    },

    async periodOf(testId) {
      return periodOf(c, testId);
    },

    async carryOver(toTestId, picks, now = new Date().toISOString()) {
      return carryOverInto(c, toTestId, picks, now);
    },

    async close(testId, opts = {}) {
      return closeTest(c, testId, opts);
    },
  };
}
