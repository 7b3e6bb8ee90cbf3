// A test client of the workspace API on a real service (tests/service/harness.ts): one "browser" with its own
// cookie jar (the `jis_ws` cookie as Set-Cookie gave it) and CSRF token, sending same-origin JSON requests the
// way the web app does; options to send what an attacker's page or a script would instead.
import { hashPassword } from '../../crawler/service/workspace/passwords.js';
import type { Role } from '../../rules-jis/roles.js';
import type { Harness, RawResponse } from './harness.js';

export interface WsRequest {
  body?: unknown;
  /** Leave out x-csrf-token (default: sent when known). */
  noCsrf?: boolean;
  headers?: Record<string, string>;
  bearer?: string;
}

export class Browser {
  cookie: string | undefined;
  csrf: string | undefined;
  lastSetCookie: string | undefined;

  constructor(private readonly h: Harness) {}

  get origin(): string {
    return this.h.base;
  }

  async call(method: string, path: string, o: WsRequest = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { ...o.headers };
    if (this.cookie) headers.cookie = `jis_ws=${this.cookie}`;
    if (this.csrf && !o.noCsrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
    const r = await this.h.raw(method, `/api/v1${path}`, { headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    const set = r.headers['set-cookie']?.find((c) => c.startsWith('jis_ws='));
    if (set) {
      this.lastSetCookie = set;
      const value = /^jis_ws=([^;]*)/.exec(set)![1];
      this.cookie = value || undefined;
    }
    return r;
  }

  async signIn(login: string, password: string): Promise<RawResponse> {
    const r = await this.call('POST', '/ws/login', { body: { login, password } });
    if (r.status === 200) this.csrf = r.json.csrfToken;
    return r;
  }
}

/** Adds a user straight into the service's store (as `jis-a11y users add` does). */
export async function addUser(h: Harness, login: string, role: Role, password = `${login}-pass-1234`): Promise<string> {
  await h.service.store.users.add({ login, displayName: `${login} さん`, role, passwordHash: await hashPassword(password) });
  return password;
}
