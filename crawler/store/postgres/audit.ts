// The workspace's audit log on PostgreSQL (audit_log), as crawler/store/sqlite/audit.ts: every write made through the
// workspace, stamped here (no caller can back-date an entry), append-only.
import type { AuditLog } from '../store.js';
import { toAuditEntry } from '../rows.js';
import type { PgConnection } from './connection.js';

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export function pgAudit(c: PgConnection): AuditLog {
  return {
    async record(e, at = new Date().toISOString()) {
      const r = await c.write((tx) =>
        tx.get('INSERT INTO audit_log (at, actor, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?) RETURNING *', [at, e.actor, e.action, e.target, json(e.before), json(e.after)]),
      );
      return toAuditEntry(r!);
    },
    async list({ offset = 0, limit = 50 } = {}) {
      const total = (await c.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))!.n;
      const items = (await c.q.all('SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?', [limit, offset])).map(toAuditEntry);
      return { total, items };
    },
  };
}
