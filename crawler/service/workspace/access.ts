// The route options of a workspace route: `app.get('/api/v1/ws/sheet', SIGNED_IN('viewer'), handler)`.
// The authentication hook (crawler/service/auth.ts) reads `config.access` and `config.role` of the route the
// router matched, sets `req.user` (a WorkspaceUser) and answers 401/403 itself, so a handler never runs for
// someone who may not call it. Writes by a cookie session also need the CSRF token (the hook checks it).
import type { Role, WorkspaceUser } from '../../../rules-jis/roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person (workspace routes only; undefined on token-only and public routes). */
    user?: WorkspaceUser;
  }
}

export interface SignedInRouteConfig {
  access: 'user';
  /** The least role that may call the route. */
  role: Role;
}

/** Route options of a route for signed-in people with at least `role`. */
export function SIGNED_IN(role: Role): { config: SignedInRouteConfig } {
  return { config: { access: 'user', role } };
}
