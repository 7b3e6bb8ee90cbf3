// The workspace's audit log on PostgreSQL (audit_log), as crawler/store/sqlite/audit.ts: every write made through the
// workspace, stamped here (no caller can back-date an entry), append-only.
import type { AuditLog } from '../store.js';
import type { AuditEntry } from '../workspace-types.js';
import type { PgConnection, Row } from './connection.js';

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const parse = (s: unknown) => (s === null || s === undefined ? null : (JSON.parse(s as string) as unknown));

function entryOf(r: Row): AuditEntry {
  return {
    id: r.id as number,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as string,
    target: r.target as string,
    before: parse(r.before_json),
    after: parse(r.after_json),
  };
}

export function pgAudit(c: PgConnection): AuditLog {
  return {
    async record(e, at = new Date().toISOString()) {
      const r = await c.write((tx) =>
        tx.get('INSERT INTO audit_log (at, actor, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?) RETURNING *', [at, e.actor, e.action, e.target, json(e.before), json(e.after)]),
      );
      return entryOf(r!);
    },
    async list({ offset = 0, limit = 50 } = {}) {
      const total = (await c.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))!.n;
      const items = (await c.q.all('SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?', [limit, offset])).map(entryOf);
      return { total, items };
    },
  };
}
