// The users API of the workspace (contract: GET/POST /api/v1/ws/users, PATCH /ws/users/:login, personal tokens
// under /ws/users/:login/tokens). Users are the admin's; a person may also make and revoke their own personal
// tokens (for the extension). Every change is in the audit log with the value before and after — never a
// password, a hash or a token. The last enabled 管理 cannot be disabled or demoted (nobody could manage users).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAtLeast } from '../../../rules-jis/roles.js';
import type { StoredUser } from '../../store/store.js';
import { sendError } from '../http-errors.js';
import { SIGNED_IN } from './access.js';
import type { WorkspaceRouteDeps } from './auth-routes.js';
import { WS_MESSAGES as M } from './messages-ja.js';
import { hashPassword } from './passwords.js';
import { newPersonalToken, secretHash } from './secrets.js';
import { checkNewUser, checkTokenInput, checkUserPatch, type UserPatchInput } from './user-input.js';

type LoginParams = { Params: { login: string } };

/** What the audit log keeps of a user. */
const auditView = (u: StoredUser) => ({ login: u.login, displayName: u.displayName, role: u.role, disabled: u.disabled });

const userView = (u: StoredUser) => ({ ...auditView(u), id: u.id, hasPassword: u.hasPassword, createdAt: u.createdAt, updatedAt: u.updatedAt });

/** True when the patch would leave no enabled admin. */
async function removesLastAdmin(d: WorkspaceRouteDeps, u: StoredUser, patch: UserPatchInput): Promise<boolean> {
  if (u.role !== 'admin' || u.disabled) return false;
  const demoted = patch.role !== undefined && patch.role !== 'admin';
  return (demoted || patch.disabled === true) && (await d.store.users.countActiveAdmins()) <= 1;
}

async function patchUser(req: FastifyRequest<LoginParams>, reply: FastifyReply, d: WorkspaceRouteDeps) {
  const checked = checkUserPatch(req.body);
  if (!checked.ok) return sendError(reply, 400, 'bad-request', checked.message);
  const before = await d.store.users.byLogin(req.params.login);
  if (!before) return sendError(reply, 404, 'not-found', M.noSuchUser(req.params.login));
  const { password, ...rest } = checked.value;
  if (await removesLastAdmin(d, before, rest)) return sendError(reply, 409, 'last-admin', M.lastAdmin);
  const after = await d.store.users.update(before.login, { ...rest, ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}) });
  if (!after) return sendError(reply, 404, 'not-found', M.noSuchUser(req.params.login));
  await d.store.audit.record({
    actor: req.user!.login,
    action: 'user.patch',
    target: `user:${after.login}`,
    before: auditView(before),
    after: { ...auditView(after), ...(password !== undefined ? { passwordChanged: true } : {}) },
  });
  return { user: userView(after) };
}

/** Own tokens for anyone signed in; another person's only for an admin. Answers the user or sends the refusal. */
async function tokenOwner(req: FastifyRequest<LoginParams>, reply: FastifyReply, d: WorkspaceRouteDeps): Promise<StoredUser | null> {
  if (req.user!.login !== req.params.login && !roleAtLeast(req.user!.role, 'admin')) {
    await sendError(reply, 403, 'forbidden-role', M.notOwnToken);
    return null;
  }
  const owner = await d.store.users.byLogin(req.params.login);
  if (!owner) await sendError(reply, 404, 'not-found', M.noSuchUser(req.params.login));
  return owner;
}

function tokenRoutes(api: FastifyInstance, d: WorkspaceRouteDeps): void {
  api.post<LoginParams>('/ws/users/:login/tokens', SIGNED_IN('viewer'), async (req, reply) => {
    const checked = checkTokenInput(req.body);
    if (!checked.ok) return sendError(reply, 400, 'bad-request', checked.message);
    const owner = await tokenOwner(req, reply, d);
    if (!owner) return reply;
    const token = newPersonalToken();
    const stored = await d.store.users.addToken({ userId: owner.id, tokenHash: secretHash(token), label: checked.value.label ?? M.defaultTokenLabel });
    await d.store.audit.record({ actor: req.user!.login, action: 'token.add', target: `user:${owner.login}`, after: { id: stored.id, label: stored.label } });
    return reply.code(201).send({ token, id: stored.id, label: stored.label, createdAt: stored.createdAt });
  });

  api.get<LoginParams>('/ws/users/:login/tokens', SIGNED_IN('viewer'), async (req, reply) => {
    const owner = await tokenOwner(req, reply, d);
    if (!owner) return reply;
    return { tokens: await d.store.users.tokensOf(owner.id) };
  });

  api.delete<{ Params: { login: string; id: string } }>('/ws/users/:login/tokens/:id', SIGNED_IN('viewer'), async (req, reply) => {
    const owner = await tokenOwner(req, reply, d);
    if (!owner) return reply;
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || !(await d.store.users.revokeToken(owner.id, id))) return sendError(reply, 404, 'not-found', M.noSuchToken(req.params.id));
    await d.store.audit.record({ actor: req.user!.login, action: 'token.revoke', target: `user:${owner.login}`, before: { id }, after: { id, revoked: true } });
    return reply.code(204).send();
  });
}

export async function usersRoutes(api: FastifyInstance, d: WorkspaceRouteDeps): Promise<void> {
  api.get('/ws/users', SIGNED_IN('admin'), async () => ({ users: (await d.store.users.list()).map(userView) }));

  api.post('/ws/users', SIGNED_IN('admin'), async (req, reply) => {
    const checked = checkNewUser(req.body);
    if (!checked.ok) return sendError(reply, 400, 'bad-request', checked.message);
    const { login, displayName, role, password } = checked.value;
    if (await d.store.users.byLogin(login)) return sendError(reply, 409, 'exists', M.userExists(login));
    const user = await d.store.users.add({ login, displayName, role, passwordHash: await hashPassword(password) });
    await d.store.audit.record({ actor: req.user!.login, action: 'user.add', target: `user:${login}`, before: null, after: auditView(user) });
    return reply.code(201).send({ user: userView(user) });
  });

  api.patch<LoginParams>('/ws/users/:login', SIGNED_IN('admin'), (req, reply) => patchUser(req, reply, d));
  tokenRoutes(api, d);
}
