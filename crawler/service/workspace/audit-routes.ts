// The audit log for admins (contract: GET /api/v1/ws/audit?offset=&limit= → { total, items }), newest first.
import type { FastifyInstance } from 'fastify';
import { sendError } from '../http-errors.js';
import { SIGNED_IN } from './access.js';
import type { WorkspaceRouteDeps } from './auth-routes.js';
import { checkPaging } from './user-input.js';

export async function auditRoutes(api: FastifyInstance, d: WorkspaceRouteDeps): Promise<void> {
  api.get<{ Querystring: { offset?: string; limit?: string } }>('/ws/audit', SIGNED_IN('admin'), async (req, reply) => {
    const paging = checkPaging(req.query);
    if (!paging.ok) return sendError(reply, 400, 'bad-request', paging.message);
    return d.store.audit.list(paging.value);
  });
}
