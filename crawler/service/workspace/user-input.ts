// The bodies of the users API, checked by hand so that each mistake is told in Japanese naming its key
// (fastify's schema errors are English and name JSON pointers). Pure: no store, no hashing.
import { isRole, type Role } from '../../../rules-jis/roles.js';
import { WS_MESSAGES as M } from './messages-ja.js';
import { PASSWORD_MIN, passwordOk } from './passwords.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export interface NewUserInput {
  login: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UserPatchInput {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
}

export const LOGIN_RE = /^[a-z0-9][a-z0-9._-]{1,63}$/;

const isObject = (b: unknown): b is Record<string, unknown> => !!b && typeof b === 'object' && !Array.isArray(b);
const nameOk = (s: unknown): s is string => typeof s === 'string' && s.trim().length >= 1 && s.length <= 100;

type Check = (v: unknown) => string | null;

const CHECKS: Record<string, Check> = {
  login: (v) => (typeof v === 'string' && LOGIN_RE.test(v) ? null : M.loginFormat),
  displayName: (v) => (nameOk(v) ? null : M.displayNameFormat),
  role: (v) => (isRole(v) ? null : M.roleFormat),
  password: (v) => (passwordOk(v) ? null : M.passwordFormat(PASSWORD_MIN)),
  disabled: (v) => (typeof v === 'boolean' ? null : M.disabledFormat),
  label: (v) => (nameOk(v) ? null : M.labelFormat),
};

/** Checks `body` against the allowed keys (each with its check); `required` must be present. */
function checkBody<T>(body: unknown, allowed: string[], required: string[]): Checked<T> {
  if (!isObject(body)) return { ok: false, message: M.field('本文', `JSON のオブジェクトで送ってください（指定できるのは ${allowed.join('、')}）。`) };
  for (const k of Object.keys(body)) if (!allowed.includes(k)) return { ok: false, message: M.unknownKey(k, allowed) };
  for (const k of allowed) {
    if (body[k] === undefined) {
      if (required.includes(k)) return { ok: false, message: M.field(k, `ありません。${CHECKS[k](undefined)}`) };
      continue;
    }
    const problem = CHECKS[k](body[k]);
    if (problem) return { ok: false, message: M.field(k, problem) };
  }
  const value = { ...body } as Record<string, unknown>;
  if (typeof value.displayName === 'string') value.displayName = value.displayName.trim();
  if (typeof value.label === 'string') value.label = value.label.trim();
  return { ok: true, value: value as T };
}

export const checkNewUser = (body: unknown) => checkBody<NewUserInput>(body, ['login', 'displayName', 'role', 'password'], ['login', 'displayName', 'role', 'password']);
export const checkUserPatch = (body: unknown) => checkBody<UserPatchInput>(body, ['displayName', 'role', 'disabled', 'password'], []);
export const checkTokenInput = (body: unknown) => checkBody<{ label?: string }>(body ?? {}, ['label'], []);

/** offset ≥ 0 and 1 ≤ limit ≤ 500 from a query string (defaults 0 and 50). */
export function checkPaging(q: { offset?: string; limit?: string }): Checked<{ offset: number; limit: number }> {
  const offset = q.offset === undefined ? 0 : Number(q.offset);
  const limit = q.limit === undefined ? 50 : Number(q.limit);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500) return { ok: false, message: M.badPaging };
  return { ok: true, value: { offset, limit } };
}
