// Who is calling a workspace route (`config.access: 'user'`), and may they: the one place that decides it
// (called by the service's authentication hook, crawler/service/auth.ts, before the body is read). A person is
// known by, in this order: a personal token (`Authorization: Bearer jisu_…`, for the extension), the session
// cookie `jis_ws`, or the trusted header set by the organisation's web server — believed only when the TCP peer
// is one of `workspace.trustedProxies`. The service's own Bearer token is never a person. Writes by the ambient
// credentials a browser sends by itself (cookie, trusted header) must come from this origin (Origin /
// Sec-Fetch-Site) and carry the session's CSRF token in `x-csrf-token`.
import { createHmac } from 'node:crypto';
import proxyaddr from '@fastify/proxy-addr';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleAtLeast, ROLE_LABELS, type Role, type WorkspaceUser } from '../../../rules-jis/roles.js';
import type { Store, StoredUser } from '../../store/store.js';
import type { WorkspaceConfig } from '../config.js';
import { sendError } from '../http-errors.js';
import { WS_MESSAGES as M } from './messages-ja.js';
import { LoginLimiter } from './rate-limit.js';
import { PERSONAL_TOKEN_PREFIX, randomSecret, sameSecret, secretHash } from './secrets.js';
import { SessionManager } from './sessions.js';

export const SESSION_COOKIE = 'jis_ws';

declare module 'fastify' {
  interface FastifyRequest {
    /** How the workspace user of this request was identified (set with `req.user`). */
    wsAuth?: { csrfToken: string | null; sessionHash?: string };
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const HOUR = 3_600_000;

interface Identity {
  user: WorkspaceUser;
  /** The token a write must carry; null for a personal token (not sent by the browser on its own). */
  csrfToken: string | null;
  sessionHash?: string;
}

const asWorkspaceUser = (u: StoredUser, via: WorkspaceUser['via']): WorkspaceUser => ({ id: u.id, login: u.login, displayName: u.displayName, role: u.role, via });

export interface WorkspaceAuthOptions {
  store: Store;
  config: WorkspaceConfig;
  /** Parses a Cookie header (fastify's `parseCookie` from @fastify/cookie). */
  parseCookie: (header: string) => Record<string, string | undefined>;
  /** Tests: the clock of sessions and the sign-in limit (ms). */
  now?: () => number;
}

export class WorkspaceAuth {
  readonly sessions: SessionManager;
  readonly limiter: LoginLimiter;
  readonly now: () => number;
  private readonly trusted: ((addr: string, i: number) => boolean) | null;
  /** Per process: the CSRF token of a trusted-header user is an HMAC of the login (there is no session row). */
  private readonly csrfKey = randomSecret();

  constructor(private readonly o: WorkspaceAuthOptions) {
    this.now = o.now ?? Date.now;
    this.sessions = new SessionManager(o.store, { idleMs: o.config.sessionHours * HOUR, absoluteMs: o.config.sessionMaxHours * HOUR }, this.now);
    this.limiter = new LoginLimiter(this.now);
    this.trusted = o.config.trustedHeader && o.config.trustedProxies?.length ? proxyaddr.compile(o.config.trustedProxies) : null;
  }

  cookieOf(req: FastifyRequest): string | undefined {
    const header = req.headers.cookie;
    return header ? this.o.parseCookie(header)[SESSION_COOKIE] : undefined;
  }

  /** The person a request acts for, or null. */
  async identify(req: FastifyRequest): Promise<Identity | null> {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer?.startsWith(PERSONAL_TOKEN_PREFIX)) {
      const found = await this.o.store.users.token(secretHash(bearer));
      if (!found) return null;
      const t = this.now();
      // last_used_at to the minute: not one store write per request of the extension
      if (!found.token.lastUsedAt || t - Date.parse(found.token.lastUsedAt) >= 60_000) await this.o.store.users.touchToken(found.token.id, new Date(t).toISOString());
      return { user: asWorkspaceUser(found.user, 'token'), csrfToken: null };
    }
    const cookie = this.cookieOf(req);
    if (cookie) {
      const live = await this.sessions.resolve(cookie);
      if (live) return { user: asWorkspaceUser(live.user, 'session'), csrfToken: live.csrfToken, sessionHash: live.idHash };
    }
    return this.fromTrustedHeader(req);
  }

  private async fromTrustedHeader(req: FastifyRequest): Promise<Identity | null> {
    const name = this.o.config.trustedHeader;
    if (!name || !this.trusted || !this.trusted(req.socket.remoteAddress ?? '', 0)) return null;
    const value = req.headers[name.toLowerCase()];
    const login = typeof value === 'string' ? value.trim() : '';
    if (!login) return null;
    const user = await this.o.store.users.byLogin(login);
    if (!user || user.disabled) return null;
    return { user: asWorkspaceUser(user, 'trusted-header'), csrfToken: createHmac('sha256', this.csrfKey).update(user.login).digest('base64url') };
  }

  /**
   * A write sent by a browser from another site (Sec-Fetch-Site / Origin), whatever cookie it carries. The Origin's
   * host (with port) must be the request's; its scheme is not compared, since behind a web server that ends TLS
   * the service sees http while the browser says https.
   */
  crossSite(req: FastifyRequest): boolean {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
    const origin = req.headers.origin;
    if (origin === undefined) return false;
    try {
      return new URL(origin).host !== req.host;
    } catch {
      return true; // "null" (a sandboxed frame, a data: page) or garbage
    }
  }

  /** The hook's part for `access: 'user'` routes: sets `req.user` or answers 401/403 (then returns the reply). */
  async guard(req: FastifyRequest, reply: FastifyReply, least: Role): Promise<FastifyReply | undefined> {
    const who = await this.identify(req);
    if (!who) return sendError(reply, 401, 'unauthenticated', M.unauthenticated);
    if (WRITES.has(req.method) && who.csrfToken !== null) {
      if (this.crossSite(req)) return sendError(reply, 403, 'csrf', M.crossSite);
      const given = req.headers['x-csrf-token'];
      if (typeof given !== 'string' || !sameSecret(given, who.csrfToken)) return sendError(reply, 403, 'csrf', M.csrf);
    }
    if (!roleAtLeast(who.user.role, least)) return sendError(reply, 403, 'forbidden-role', M.forbiddenRole(ROLE_LABELS[least], ROLE_LABELS[who.user.role]));
    req.user = who.user;
    req.wsAuth = { csrfToken: who.csrfToken, sessionHash: who.sessionHash };
    return undefined;
  }
}
