// Who may call what, decided on the route the router matched — never on the raw request line, which an
// attacker spells at will (`/%61pi/v1/check` routes to `/api/v1/check`; issue 21 case 1). Every route needs
// the Bearer token unless its own options say `config: { access: 'public' }` (deny by default: a route added
// later is protected without anyone remembering to protect it). The check runs in `onRequest`, before the body
// is read, so an anonymous client cannot make us parse 2 MB. Tokens are compared in constant time.
// Workspace routes (`config: { access: 'user', role }`, workspace/access.ts) are for signed-in people: the
// workspace's own check decides them (workspace/authenticate.ts); the service token is not a person there.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './http-errors.js';
import type { WorkspaceAuth } from './workspace/authenticate.js';
import { WS_MESSAGES } from './workspace/messages-ja.js';
import type { Role } from '../../rules-jis/roles.js';

/** What a route declares in `config.access`: public, the token (the default when nothing is said), or a signed-in person. */
export type RouteAccess = 'public' | 'token' | 'user';

export interface RouteConfig {
  access?: RouteAccess;
  /** With access 'user': the least role. */
  role?: Role;
}

/** The route options that make a route public: `app.get('/healthz', PUBLIC, handler)`. */
export const PUBLIC = { config: { access: 'public' } satisfies RouteConfig };

export type TokenCheck = (authorization: string | undefined) => boolean;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Bearer-token check in constant time: both sides are hashed to 32 bytes first, so neither the length nor
 * the first differing byte of a guess shows in the response time; every token is compared.
 */
export function makeTokenCheck(tokens: string[]): TokenCheck {
  const known = tokens.map(digest);
  return (authorization) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const given = digest(m ? m[1] : '');
    let ok = false;
    for (const k of known) ok = timingSafeEqual(k, given) || ok;
    return ok && !!m;
  };
}

export const UNAUTHORIZED_MESSAGE =
  '認証が必要です。Authorization: Bearer <トークン> ヘッダーを付けてください（トークンが違う場合も同じ応答です）。';

/** The access a request needs, from the options of the route it matched (404 handlers included). */
export function accessOf(req: FastifyRequest): RouteAccess {
  const config = req.routeOptions?.config as RouteConfig | undefined;
  return config?.access === 'public' || config?.access === 'user' ? config.access : 'token';
}

/**
 * Installs the one authentication hook on the root instance (it then runs for every route and every 404
 * handler, whatever plugin registered them) and answers 401 for a missing or wrong token.
 */
export function installAuthentication(app: FastifyInstance, tokenOk: TokenCheck, workspace?: WorkspaceAuth): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const access = accessOf(req);
    if (access === 'public') return;
    if (access === 'user') {
      if (!workspace) return sendError(reply, 401, 'unauthenticated', WS_MESSAGES.unauthenticated);
      const role = (req.routeOptions.config as RouteConfig).role ?? 'admin';
      return workspace.guard(req, reply, role);
    }
    if (tokenOk(req.headers.authorization)) return;
    return sendError(reply, 401, 'unauthorized', UNAUTHORIZED_MESSAGE, { 'www-authenticate': 'Bearer realm="jis-a11y"' });
  });
}

/** For an `onRoute` hook: marks every route a plugin registers (e.g. @fastify/static's) with an access. */
export function markRoutes(instance: FastifyInstance, access: RouteAccess): void {
  instance.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object | undefined), access } as typeof route.config;
  });
}
