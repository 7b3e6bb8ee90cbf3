// Human judgements on PostgreSQL (judgements table), as crawler/store/sqlite/judgements.ts: the test is resolved and
// the fingerprints taken through the store's read API (crawler/store/judgements.ts), then every judgement is
// inserted in one transaction.
import type { JudgementStore, TestStore } from '../store.js';
import { prepareJudgements, type FingerprintSource } from '../judgements.js';
import { TEST_MESSAGES as M, TestStateError } from '../tests.js';
import { toJudgement } from '../rows.js';
import type { PgConnection } from './connection.js';

async function testAndRun(tests: TestStore, testId: number | null | undefined, runId: number | undefined): Promise<{ testId: number | null; runId: number | undefined }> {
  const test = testId === undefined ? await tests.openTest() : testId === null ? null : await tests.get(testId);
  if (testId !== undefined && testId !== null && !test) throw new TestStateError(M.noSuchTest(testId));
  if (test && test.status !== 'open') throw new TestStateError(M.closed(test));
  return { testId: test?.id ?? null, runId: runId ?? test?.runIds.at(-1) };
}

const INSERT =
  'INSERT INTO judgements (criterion, result, note, who, judged_at, scope, fingerprint, source, created_at, test_id, run_id, waiver) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id';

export function pgJudgements(c: PgConnection, reads: FingerprintSource, tests: TestStore): JudgementStore {
  return {
    async listJudgements(opts = {}) {
      const where = [opts.includeRevoked ? '' : 'revoked_at IS NULL', opts.testId === null ? 'test_id IS NULL' : opts.testId !== undefined ? 'test_id = ?' : ''].filter(Boolean);
      const sql = `SELECT * FROM judgements${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
      const args = opts.testId !== undefined && opts.testId !== null ? [opts.testId] : [];
      return (await c.q.all(sql, args)).map(toJudgement);
    },

    async recordJudgements(inputs, opts = {}) {
      const target = await testAndRun(tests, opts.testId, opts.runId);
      const ready = await prepareJudgements(reads, inputs, { ...opts, runId: target.runId });
      return c.write(async (tx) => {
        // the test may have been closed by another process while the fingerprints were taken
        const t = target.testId === null ? null : await tx.get<{ id: number; name: string; status: string }>('SELECT id, name, status FROM tests WHERE id = ?', [target.testId]);
        if (t && t.status !== 'open') throw new TestStateError(M.closed(t));
        const ids: number[] = [];
        for (const { input: j, fingerprint: fp, source, createdAt, runId } of ready) {
          const r = await tx.get<{ id: number }>(INSERT, [
            j.criterion, j.result, j.note ?? '', j.who ?? '', j.when!, JSON.stringify(j.scope), fp ? JSON.stringify(fp) : null, source, createdAt, target.testId, runId ?? null, j.waiver ?? null,
          ]);
          ids.push(r!.id);
        }
        return ids;
      });
    },

    async revokeJudgement(id, now = new Date().toISOString()) {
      return c.write(async (tx) => (await tx.run('UPDATE judgements SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now, id])) > 0);
    },
  };
}
