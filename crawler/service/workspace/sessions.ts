// Workspace sessions: a random 32-byte id in the `jis_ws` cookie, stored only as its SHA-256 with the user, a
// CSRF token, the time it was last used and its absolute end. A session ends when it is idle longer than the
// idle time (workspace.sessionHours, default 8 h) or reaches its absolute lifetime (workspace.sessionMaxHours,
// default 24 h), at sign-out, or when its user is disabled, demoted or given a new password (the store ends
// those). Every sign-in makes a new id and ends the session of the cookie it came with (session fixation).
import type { Store, StoredUser } from '../../store/store.js';
import { randomSecret, secretHash } from './secrets.js';

export interface SessionTimes {
  idleMs: number;
  absoluteMs: number;
}

/** last_seen_at is rewritten at most this often (not one store write per request). */
const TOUCH_EVERY_MS = 60_000;

export interface LiveSession {
  idHash: string;
  user: StoredUser;
  csrfToken: string;
}

export class SessionManager {
  constructor(
    private readonly store: Store,
    private readonly times: SessionTimes,
    private readonly now: () => number,
  ) {}

  /** Starts a new session for `user`, ending the one `previousCookie` named. Returns the cookie value and CSRF token. */
  async start(user: StoredUser, previousCookie?: string): Promise<{ cookie: string; csrfToken: string }> {
    if (previousCookie) await this.store.users.deleteSession(secretHash(previousCookie));
    const cookie = randomSecret();
    const csrfToken = randomSecret();
    const t = this.now();
    await this.store.users.createSession({
      idHash: secretHash(cookie),
      userId: user.id,
      csrfToken,
      createdAt: new Date(t).toISOString(),
      expiresAt: new Date(t + this.times.absoluteMs).toISOString(),
    });
    if (Math.random() < 0.05) void this.sweep().catch(() => {});
    return { cookie, csrfToken };
  }

  /** The live session of a cookie, or null (unknown, expired — then removed —, or its user disabled). */
  async resolve(cookie: string): Promise<LiveSession | null> {
    const idHash = secretHash(cookie);
    const found = await this.store.users.session(idHash);
    if (!found) return null;
    const t = this.now();
    const { session } = found;
    if (t >= Date.parse(session.expiresAt) || t - Date.parse(session.lastSeenAt) >= this.times.idleMs) {
      await this.store.users.deleteSession(idHash);
      return null;
    }
    if (t - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) await this.store.users.touchSession(idHash, new Date(t).toISOString());
    return { idHash, user: found.user, csrfToken: session.csrfToken };
  }

  async end(cookie: string): Promise<void> {
    await this.store.users.deleteSession(secretHash(cookie));
  }

  /** Removes the sessions that can no longer be used. */
  async sweep(): Promise<number> {
    const t = this.now();
    return this.store.users.deleteExpiredSessions({ absolute: new Date(t).toISOString(), idle: new Date(t - this.times.idleMs).toISOString() });
  }
}
