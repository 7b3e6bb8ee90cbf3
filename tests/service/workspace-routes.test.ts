// Every workspace route of openapi.json (security: the session or a personal token — so a route another branch
// adds there is checked here too) refuses anyone who is not a signed-in person, in every spelling of its path
// that the router may match: no credential, the service's own token (never a person), a made-up cookie, a
// made-up personal token. And a route that names a least role (`x-role`) refuses a 閲覧 below it with 403.
// Real service on 127.0.0.1, real SQLite file, paths sent byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAtLeast, type Role } from '../../rules-jis/roles.js';
import { startHarness, TOKEN, type Harness } from './harness.js';
import { addUser, Browser } from './workspace-client.js';

const root = path.resolve(import.meta.dirname, '../..');
const openapi = JSON.parse(readFileSync(path.join(root, 'crawler/service/openapi.json'), 'utf8'));

interface WsRoute {
  method: string;
  path: string;
  role?: Role;
}

const routes: WsRoute[] = Object.entries(openapi.paths as Record<string, Record<string, { security?: Record<string, unknown>[]; 'x-role'?: Role }>>).flatMap(
  ([p, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.security?.some((s) => 'workspaceSession' in s))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path: p.replace('{login}', 'kanri').replace(/\{[^}]+\}/g, '1'),
        role: op['x-role'],
      })),
);

const spellings = (p: string) => [p, p.replace('/api/', '/%61pi/'), p.replace('/api/', '//api/'), p.replace('/ws/', '/./ws/'), p.replace('/api/v1/', '/api/v1/x/../')];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ schedules: [] });
  await addUser(h, 'kanri', 'admin');
}, 60_000);
afterAll(() => h?.close());

describe('workspace routes', () => {
  it('are listed in openapi.json (the sign-in API at least)', () => {
    const listed = routes.map((r) => `${r.method} ${r.path}`);
    for (const r of ['GET /api/v1/ws/me', 'POST /api/v1/ws/logout', 'GET /api/v1/ws/users', 'POST /api/v1/ws/users', 'GET /api/v1/ws/audit']) expect(listed).toContain(r);
  });

  it('refuse anyone who is not a signed-in person, in every spelling', async () => {
    const intruders: Record<string, Record<string, string>> = {
      nothing: {},
      'the service token': { authorization: `Bearer ${TOKEN}` },
      'a made-up cookie': { cookie: 'jis_ws=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      'a made-up personal token': { authorization: 'Bearer jisu_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    };
    const bad: string[] = [];
    for (const r of routes)
      for (const spelled of spellings(r.path))
        for (const [who, headers] of Object.entries(intruders)) {
          const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : '{}';
          const res = await h.raw(r.method, spelled, { headers, body });
          const ok = spelled === r.path ? res.status === 401 : res.status === 401 || res.status === 404;
          if (!ok) bad.push(`${r.method} ${spelled} with ${who}: ${res.status}`);
        }
    expect(bad).toEqual([]);
  }, 120_000);

  it('refuse a 閲覧 below the least role with 403 forbidden-role (CSRF token sent)', async () => {
    const pass = await addUser(h, 'etsuran', 'viewer');
    const viewer = new Browser(h);
    await viewer.signIn('etsuran', pass);
    const above = routes.filter((r) => r.role && !roleAtLeast('viewer', r.role));
    expect(above.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const r of above) {
      const res = await viewer.call(r.method, r.path.replace('/api/v1', ''), { body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      if (res.status !== 403 || res.json?.error?.code !== 'forbidden-role') bad.push(`${r.method} ${r.path}: ${res.status} ${res.text.slice(0, 80)}`);
    }
    expect(bad).toEqual([]);
  });
});
