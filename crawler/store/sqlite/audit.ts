// The workspace's audit log in SQLite (audit_log: migration 0007): every write made through the workspace, who
// did it, when (stamped here, not by the caller, so no caller can back-date an entry), what, and the value before
// and after as JSON. Append-only: there is no method to change or remove an entry.
import type { AuditLog } from '../store.js';
import { toAuditEntry } from '../rows.js';
import type { Connection, Row } from './connection.js';

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export function sqliteAudit(c: Connection): AuditLog {
  return {
    async record(e, at = new Date().toISOString()) {
      const r = c.write(() =>
        c.stmt('INSERT INTO audit_log (at, actor, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)').run(at, e.actor, e.action, e.target, json(e.before), json(e.after)),
      );
      return toAuditEntry(c.stmt('SELECT * FROM audit_log WHERE id = ?').get(Number(r.lastInsertRowid)) as Row);
    },
    async list({ offset = 0, limit = 50 } = {}) {
      const total = (c.stmt('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
      const items = (c.stmt('SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset) as Row[]).map(toAuditEntry);
      return { total, items };
    },
  };
}
