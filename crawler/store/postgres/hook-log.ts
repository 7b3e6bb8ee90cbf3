// The pre-publish verdict log on PostgreSQL (hook_verdicts, hook_waiver_uses), as crawler/store/sqlite/hook-log.ts:
// every verdict of `check --html` and of the service's POST /api/v1/check, and every waiver applied or refused as
// expired, the verdict and its waiver uses in one transaction.
import type { HookLog } from '../store.js';
import { sha256 } from '../hash.js';
import { insertMany, type PgConnection } from './connection.js';
import { toLoggedVerdict, toLoggedWaiverUse } from '../rows.js';

const hash = (s: string | undefined) => (s === undefined ? null : sha256(s));

const WAIVER_USE_COLUMNS = ['verdict_id', 'status', 'rule', 'page_pattern', 'waiver_selector', 'finding_selector', 'reason', 'approved_by', 'expires'];

export function pgHookLog(c: PgConnection): HookLog {
  return {
    async logVerdict(v, meta) {
      return c.write(async (tx) => {
        const r = await tx.get<{ id: number }>(
          `INSERT INTO hook_verdicts (at, channel, mode, url, content_hash, verdict, blocking, review, advisory, waived, policy_source, policy_hash, client, duration_ms, result)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [
            new Date().toISOString(), meta.channel, meta.mode, v.url, hash(meta.source), v.verdict,
            v.counts.blocking, v.counts.review, v.counts.advisory, v.counts.waived, v.policy.source, v.policy.hash,
            meta.client ?? null, v.durationMs, JSON.stringify(v),
          ],
        );
        const id = r!.id;
        const use = (status: string, w: (typeof v.waived)[number]['waiver'], selector: string) => [
          id, status, w.rule, w.pagePattern ?? null, w.selector ?? null, selector, w.reason, w.approvedBy, w.expires,
        ];
        const rows = [...v.waived.map((w) => use('applied', w.waiver, w.selector)), ...v.expiredWaivers.map((e) => use('expired', e.waiver, e.finding.selector))];
        await insertMany(tx, 'hook_waiver_uses', WAIVER_USE_COLUMNS, rows);
        return id;
      });
    },

    async logError(e) {
      const r = await c.write((tx) =>
        tx.get<{ id: number }>(
          `INSERT INTO hook_verdicts (at, channel, mode, url, content_hash, verdict, client, duration_ms, error_code, error_message)
           VALUES (?, ?, ?, ?, ?, 'error', ?, ?, ?, ?) RETURNING id`,
          [new Date().toISOString(), e.channel, e.mode, e.url, hash(e.source), e.client ?? null, e.durationMs ?? null, e.code, e.message],
        ),
      );
      return r!.id;
    },

    async recentVerdicts(limit = 100) {
      return (await c.q.all('SELECT * FROM hook_verdicts ORDER BY id DESC LIMIT ?', [limit])).map(toLoggedVerdict);
    },

    async waiverUses(verdictId) {
      return (await c.q.all('SELECT * FROM hook_waiver_uses WHERE verdict_id = ? ORDER BY id', [verdictId])).map(toLoggedWaiverUse);
    },
  };
}
