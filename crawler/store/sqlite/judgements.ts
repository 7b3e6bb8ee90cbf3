// Human judgements in SQLite (judgements table). Recording takes the fingerprints first through the store's
// read API (crawler/store/judgements.ts), then inserts every judgement in one transaction.
import type { JudgementStore } from '../store.js';
import { prepareJudgements, type FingerprintSource } from '../judgements.js';
import type { Connection, Row } from './connection.js';
import { toJudgement } from './rows.js';

export function sqliteJudgements(c: Connection, reads: FingerprintSource): JudgementStore {
  return {
    async listJudgements(opts = {}) {
      const sql = opts.includeRevoked ? 'SELECT * FROM judgements ORDER BY id' : 'SELECT * FROM judgements WHERE revoked_at IS NULL ORDER BY id';
      return (c.stmt(sql).all() as Row[]).map(toJudgement);
    },

    async recordJudgements(inputs, opts = {}) {
      const ready = await prepareJudgements(reads, inputs, opts);
      const ins = c.stmt(
        'INSERT INTO judgements (criterion, result, note, who, judged_at, scope, fingerprint, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      return c.write(() =>
        ready.map(({ input: j, fingerprint: fp, source, createdAt }) =>
          Number(ins.run(j.criterion, j.result, j.note ?? '', j.who ?? '', j.when!, JSON.stringify(j.scope), fp ? JSON.stringify(fp) : null, source, createdAt).lastInsertRowid),
        ),
      );
    },

    async revokeJudgement(id, now = new Date().toISOString()) {
      return c.write(() => c.stmt('UPDATE judgements SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0);
    },
  };
}
