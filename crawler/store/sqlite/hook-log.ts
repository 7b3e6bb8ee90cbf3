// The pre-publish verdict log in SQLite (hook_verdicts, hook_waiver_uses): every verdict of `check --html` and
// of the service's POST /api/v1/check, and every waiver applied or refused as expired, on the store's one
// connection (the crawl may write the same file at the same time: IMMEDIATE writes in ./connection.ts, the
// lock waited out in ./busy.ts).
import type { HookLog } from '../store.js';
import { sha256 } from '../hash.js';
import type { Connection, Row } from './connection.js';
import { toLoggedVerdict, toLoggedWaiverUse } from '../rows.js';

const hash = (s: string | undefined) => (s === undefined ? null : sha256(s));

export function sqliteHookLog(c: Connection): HookLog {
  return {
    async logVerdict(v, meta) {
      return c.write(() => {
        const r = c
          .stmt(
            `INSERT INTO hook_verdicts (at, channel, mode, url, content_hash, verdict, blocking, review, advisory, waived, policy_source, policy_hash, client, duration_ms, result)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            new Date().toISOString(), meta.channel, meta.mode, v.url, hash(meta.source), v.verdict,
            v.counts.blocking, v.counts.review, v.counts.advisory, v.counts.waived, v.policy.source, v.policy.hash,
            meta.client ?? null, v.durationMs, JSON.stringify(v),
          );
        const id = Number(r.lastInsertRowid);
        const ins = c.stmt(
          `INSERT INTO hook_waiver_uses (verdict_id, status, rule, page_pattern, waiver_selector, finding_selector, reason, approved_by, expires)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        const use = (status: string, w: (typeof v.waived)[number]['waiver'], selector: string) =>
          ins.run(id, status, w.rule, w.pagePattern ?? null, w.selector ?? null, selector, w.reason, w.approvedBy, w.expires);
        for (const w of v.waived) use('applied', w.waiver, w.selector);
        for (const e of v.expiredWaivers) use('expired', e.waiver, e.finding.selector);
        return id;
      });
    },

    async logError(e) {
      const insert = c.stmt(
        `INSERT INTO hook_verdicts (at, channel, mode, url, content_hash, verdict, client, duration_ms, error_code, error_message)
         VALUES (?, ?, ?, ?, ?, 'error', ?, ?, ?, ?)`,
      );
      const r = c.write(() => insert.run(new Date().toISOString(), e.channel, e.mode, e.url, hash(e.source), e.client ?? null, e.durationMs ?? null, e.code, e.message));
      return Number(r.lastInsertRowid);
    },

    async recentVerdicts(limit = 100) {
      return (c.stmt('SELECT * FROM hook_verdicts ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(toLoggedVerdict);
    },

    async waiverUses(verdictId) {
      return (c.stmt('SELECT * FROM hook_waiver_uses WHERE verdict_id = ? ORDER BY id').all(verdictId) as Row[]).map(toLoggedWaiverUse);
    },
  };
}
