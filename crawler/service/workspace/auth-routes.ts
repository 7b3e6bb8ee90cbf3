// Sign-in, sign-out and "who am I" of the workspace (contract: POST /api/v1/ws/login, POST /ws/logout,
// GET /ws/me). Sign-in is public but refuses a request from another site, is limited per login and per address
// (./rate-limit.ts), answers the same for an unknown login and a wrong password, and always starts a new session
// (ending the one of the cookie it came with). The cookie is httpOnly, SameSite=Strict, Path=/, Secure on https.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store, StoredUser } from '../../store/store.js';
import { sendError } from '../http-errors.js';
import { SIGNED_IN } from './access.js';
import { SESSION_COOKIE, type WorkspaceAuth } from './authenticate.js';
import { WS_MESSAGES as M } from './messages-ja.js';
import { checkPassword, PASSWORD_MAX } from './passwords.js';

export interface WorkspaceRouteDeps {
  store: Store;
  auth: WorkspaceAuth;
}

/** What the API shows of a user (never a hash). */
export const publicUser = (u: StoredUser, via: 'session' | 'token' | 'trusted-header' = 'session') => ({
  id: u.id,
  login: u.login,
  displayName: u.displayName,
  role: u.role,
  via,
});

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https' });
}

async function login(req: FastifyRequest, reply: FastifyReply, d: WorkspaceRouteDeps) {
  if (d.auth.crossSite(req)) return sendError(reply, 403, 'csrf', M.crossSite);
  const body = req.body as { login?: unknown; password?: unknown } | null;
  if (!body || typeof body.login !== 'string' || typeof body.password !== 'string' || !body.login || !body.password)
    return sendError(reply, 400, 'bad-request', M.loginBody);
  const loginName = body.login.trim();
  const until = d.auth.limiter.lockedUntil(loginName, req.ip);
  if (until !== null)
    return sendError(reply, 429, 'locked', M.locked(until), { 'retry-after': String(Math.max(1, Math.ceil((until - d.auth.now()) / 1000))) });
  // a password longer than any we accept is wrong without being hashed (no megabyte of work for a guess)
  const ok = body.password.length <= PASSWORD_MAX && (await checkPassword(await d.store.users.passwordHashOf(loginName), body.password));
  const user = ok ? await d.store.users.byLogin(loginName) : null;
  if (!user || user.disabled) {
    d.auth.limiter.fail(loginName, req.ip);
    return sendError(reply, 401, 'bad-credentials', M.badCredentials);
  }
  d.auth.limiter.succeed(loginName);
  const { cookie, csrfToken } = await d.auth.sessions.start(user, d.auth.cookieOf(req));
  setSessionCookie(req, reply, cookie);
  await d.store.audit.record({ actor: user.login, action: 'session.login', target: `user:${user.login}`, after: { address: req.ip } });
  return { user: publicUser(user), csrfToken };
}

export async function authRoutes(api: FastifyInstance, d: WorkspaceRouteDeps): Promise<void> {
  api.post('/ws/login', { config: { access: 'public' } }, (req, reply) => login(req, reply, d));

  api.post('/ws/logout', SIGNED_IN('viewer'), async (req, reply) => {
    const cookie = d.auth.cookieOf(req);
    if (req.user!.via === 'session' && cookie) {
      await d.auth.sessions.end(cookie);
      await d.store.audit.record({ actor: req.user!.login, action: 'session.logout', target: `user:${req.user!.login}` });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  api.get('/ws/me', SIGNED_IN('viewer'), async (req) => ({ user: req.user!, csrfToken: req.wsAuth?.csrfToken ?? null }));
}
