// The workspace's people in SQLite (users, sessions, personal_tokens: migration 0007). Why one module for the
// three tables: a session or a token is only as good as its user, so every lookup joins the user and answers
// nothing for a disabled one — disabling a person stops their sessions and tokens at once, whatever the caller
// forgets. Secrets arrive hashed (the caller hashes the cookie id and the token; passwords are argon2id PHC strings).
import type { Role } from '../../../rules-jis/roles.js';
import type { UserStore } from '../store.js';
import type { StoredSession, StoredToken, StoredUser } from '../workspace-types.js';
import type { Connection, Row } from './connection.js';

function userOf(r: Row): StoredUser {
  return {
    id: r.id as number,
    login: r.login as string,
    displayName: r.display_name as string,
    role: r.role as Role,
    disabled: r.disabled === 1,
    hasPassword: r.password_hash !== null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

function tokenOf(r: Row): StoredToken {
  return {
    id: r.id as number,
    userId: r.user_id as number,
    label: r.label as string,
    createdAt: r.created_at as string,
    lastUsedAt: (r.last_used_at as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
  };
}

function sessionOf(r: Row): StoredSession {
  return {
    idHash: r.id_hash as string,
    userId: r.user_id as number,
    csrfToken: r.csrf_token as string,
    createdAt: r.created_at as string,
    lastSeenAt: r.last_seen_at as string,
    expiresAt: r.expires_at as string,
  };
}

const now = () => new Date().toISOString();

type Lookup = { byLogin(login: string): StoredUser | null; byId(id: number): StoredUser | null };

function lookup(c: Connection): Lookup {
  return {
    byLogin: (login) => {
      const r = c.stmt('SELECT * FROM users WHERE login = ?').get(login) as Row | undefined;
      return r ? userOf(r) : null;
    },
    byId: (id) => {
      const r = c.stmt('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
      return r ? userOf(r) : null;
    },
  };
}

type AccountPart = Pick<UserStore, 'add' | 'byLogin' | 'byId' | 'list' | 'countActiveAdmins' | 'passwordHashOf' | 'update'>;
type SessionPart = Pick<UserStore, 'createSession' | 'session' | 'touchSession' | 'deleteSession' | 'deleteSessionsOf' | 'deleteExpiredSessions'>;
type TokenPart = Pick<UserStore, 'addToken' | 'token' | 'touchToken' | 'tokensOf' | 'revokeToken'>;

function accounts(c: Connection, { byLogin, byId }: Lookup): AccountPart {
  return {
    async add(u, at = now()) {
      const r = c.write(() =>
        c
          .stmt('INSERT INTO users (login, display_name, role, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)')
          .run(u.login, u.displayName, u.role, u.passwordHash, at, at),
      );
      return byId(Number(r.lastInsertRowid))!;
    },
    async byLogin(login) {
      return byLogin(login);
    },
    async byId(id) {
      return byId(id);
    },
    async list() {
      return (c.stmt('SELECT * FROM users ORDER BY login').all() as Row[]).map(userOf);
    },
    async countActiveAdmins() {
      return (c.stmt("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
    },
    async passwordHashOf(login) {
      const r = c.stmt('SELECT password_hash FROM users WHERE login = ? AND disabled = 0').get(login) as Row | undefined;
      return (r?.password_hash as string | null | undefined) ?? null;
    },
    async update(login, patch, at = now()) {
      return c.write(() => {
        const u = byLogin(login);
        if (!u) return null;
        const sets: string[] = [];
        const args: unknown[] = [];
        if (patch.displayName !== undefined) sets.push('display_name = ?'), args.push(patch.displayName);
        if (patch.role !== undefined) sets.push('role = ?'), args.push(patch.role);
        if (patch.disabled !== undefined) sets.push('disabled = ?'), args.push(patch.disabled ? 1 : 0);
        if (patch.passwordHash !== undefined) sets.push('password_hash = ?'), args.push(patch.passwordHash);
        if (!sets.length) return u;
        c.prepareOnce(`UPDATE users SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...args, at, u.id);
        // a disabled person, a new password or a lower role: the sessions signed in before end now
        if (patch.disabled || patch.passwordHash !== undefined || (patch.role !== undefined && patch.role !== u.role))
          c.stmt('DELETE FROM sessions WHERE user_id = ?').run(u.id);
        return byId(u.id);
      });
    },
  };
}

function sessions(c: Connection, { byId }: Lookup): SessionPart {
  return {
    async createSession(s) {
      c.write(() =>
        c
          .stmt('INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(s.idHash, s.userId, s.csrfToken, s.createdAt, s.createdAt, s.expiresAt),
      );
    },
    async session(idHash) {
      const r = c
        .stmt('SELECT s.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND u.disabled = 0')
        .get(idHash) as Row | undefined;
      if (!r) return null;
      return { session: sessionOf(r), user: byId(r.user_id as number)! };
    },
    async touchSession(idHash, at) {
      c.write(() => c.stmt('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(at, idHash));
    },
    async deleteSession(idHash) {
      c.write(() => c.stmt('DELETE FROM sessions WHERE id_hash = ?').run(idHash));
    },
    async deleteSessionsOf(userId) {
      return c.write(() => c.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId)).changes;
    },
    async deleteExpiredSessions(before) {
      return c.write(() => c.stmt('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(before.absolute, before.idle)).changes;
    },
  };
}

function tokens(c: Connection, { byId }: Lookup): TokenPart {
  return {
    async addToken(t) {
      const r = c.write(() =>
        c.stmt('INSERT INTO personal_tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)').run(t.userId, t.tokenHash, t.label, t.createdAt ?? now()),
      );
      return tokenOf(c.stmt('SELECT * FROM personal_tokens WHERE id = ?').get(Number(r.lastInsertRowid)) as Row);
    },
    async token(tokenHash) {
      const r = c
        .stmt('SELECT t.* FROM personal_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0')
        .get(tokenHash) as Row | undefined;
      if (!r) return null;
      return { token: tokenOf(r), user: byId(r.user_id as number)! };
    },
    async touchToken(id, at) {
      c.write(() => c.stmt('UPDATE personal_tokens SET last_used_at = ? WHERE id = ?').run(at, id));
    },
    async tokensOf(userId) {
      return (c.stmt('SELECT * FROM personal_tokens WHERE user_id = ? ORDER BY id').all(userId) as Row[]).map(tokenOf);
    },
    async revokeToken(userId, id, at = now()) {
      return c.write(() => c.stmt('UPDATE personal_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL').run(at, id, userId)).changes > 0;
    },
  };
}

/** Users, their sessions and personal tokens (one table family, three parts). */
export function sqliteUsers(c: Connection): UserStore {
  const l = lookup(c);
  return { ...accounts(c, l), ...sessions(c, l), ...tokens(c, l) };
}
