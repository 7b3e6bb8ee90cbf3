// Human judgements in SQLite (judgements table). Recording resolves the test the judgements are for (the one
// asked for, else the open test: migration 0004), takes the fingerprints and refuses contradictions through the
// store's read API (crawler/store/judgements.ts), then inserts every judgement in one transaction.
import type { JudgementStore, TestStore } from '../store.js';
import { prepareJudgements, type FingerprintSource } from '../judgements.js';
import { TEST_MESSAGES as M, TestStateError } from '../tests.js';
import type { Connection, Row } from './connection.js';
import { toJudgement } from '../rows.js';

/** The test to record into and the run its pages come from (the test's newest run, unless one is given). */
async function testAndRun(tests: TestStore, testId: number | null | undefined, runId: number | undefined): Promise<{ testId: number | null; runId: number | undefined }> {
  const test = testId === undefined ? await tests.openTest() : testId === null ? null : await tests.get(testId);
  if (testId !== undefined && testId !== null && !test) throw new TestStateError(M.noSuchTest(testId));
  if (test && test.status !== 'open') throw new TestStateError(M.closed(test));
  return { testId: test?.id ?? null, runId: runId ?? test?.runIds.at(-1) };
}

export function sqliteJudgements(c: Connection, reads: FingerprintSource, tests: TestStore): JudgementStore {
  return {
    async listJudgements(opts = {}) {
      const where = [opts.includeRevoked ? '' : 'revoked_at IS NULL', opts.testId === null ? 'test_id IS NULL' : opts.testId !== undefined ? 'test_id = ?' : ''].filter(Boolean);
      const sql = `SELECT * FROM judgements${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
      const args = opts.testId !== undefined && opts.testId !== null ? [opts.testId] : [];
      return (c.stmt(sql).all(...args) as Row[]).map(toJudgement);
    },

    async recordJudgements(inputs, opts = {}) {
      const target = await testAndRun(tests, opts.testId, opts.runId);
      const ready = await prepareJudgements(reads, inputs, { ...opts, runId: target.runId });
      const ins = c.stmt(
        'INSERT INTO judgements (criterion, result, note, who, judged_at, scope, fingerprint, source, created_at, test_id, run_id, waiver) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      return c.write(() => {
        // the test may have been closed by another process while the fingerprints were taken
        const t = target.testId === null ? null : (c.stmt('SELECT id, name, status FROM tests WHERE id = ?').get(target.testId) as { id: number; name: string; status: string });
        if (t && t.status !== 'open') throw new TestStateError(M.closed(t));
        return ready.map(({ input: j, fingerprint: fp, source, createdAt, runId }) =>
          Number(
            ins.run(j.criterion, j.result, j.note ?? '', j.who ?? '', j.when!, JSON.stringify(j.scope), fp ? JSON.stringify(fp) : null, source, createdAt, target.testId, runId, j.waiver ?? null)
              .lastInsertRowid,
          ),
        );
      });
    },

    async revokeJudgement(id, now = new Date().toISOString()) {
      return c.write(() => c.stmt('UPDATE judgements SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0);
    },
  };
}
