// The workspace's sign-in on a real `jis-a11y serve` (createService on 127.0.0.1, a real SQLite file): roles
// enforced by the server, the CSRF token and the same-origin check on writes, the sign-in limit (injectable
// clock), session fixation, idle end, disabled users, personal tokens, the service token not being a person, and
// the audit log of every change (before/after, never a secret).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TOKEN, type Harness } from './harness.js';
import { addUser, Browser } from './workspace-client.js';

let h: Harness;
let clock = Date.parse('2026-11-30T01:00:00Z');
const now = () => clock;
let adminPass: string;

beforeAll(async () => {
  h = await startHarness({}, { now });
  adminPass = await addUser(h, 'kanri', 'admin');
}, 60_000);
afterAll(() => h?.close());

const err = (r: { json: any }) => r.json?.error?.code;

describe('sign-in and roles', () => {
  it('signs in with a cookie that is httpOnly, SameSite=Strict, Path=/; the same answer for an unknown login and a wrong password', async () => {
    const b = new Browser(h);
    const r = await b.signIn('kanri', adminPass);
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ login: 'kanri', role: 'admin', via: 'session' });
    expect(typeof r.json.csrfToken).toBe('string');
    const set = b.lastSetCookie!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Secure/i); // plain http on 127.0.0.1
    expect((await b.call('GET', '/ws/me')).json.user.login).toBe('kanri');

    const wrong = await new Browser(h).signIn('kanri', 'not-the-password');
    const unknown = await new Browser(h).signIn('nobody', 'not-the-password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('a 閲覧 is refused a write by the server (403), an admin may make it', async () => {
    const viewerPass = await addUser(h, 'etsuran', 'viewer');
    const viewer = new Browser(h);
    await viewer.signIn('etsuran', viewerPass);
    const body = { login: 'tesuto1', displayName: '試験 一郎', role: 'tester', password: 'tesuto-pass-1234' };
    const refused = await viewer.call('POST', '/ws/users', { body });
    expect(refused.status).toBe(403);
    expect(err(refused)).toBe('forbidden-role');
    expect(refused.json.error.message).toContain('管理');
    expect(await h.service.store.users.byLogin('tesuto1')).toBeNull();
    expect((await viewer.call('GET', '/ws/users')).status).toBe(403);

    const admin = new Browser(h);
    await admin.signIn('kanri', adminPass);
    const made = await admin.call('POST', '/ws/users', { body });
    expect(made.status).toBe(201);
    expect(made.json.user).toMatchObject({ login: 'tesuto1', role: 'tester', disabled: false });
    const signedIn = await new Browser(h).signIn('tesuto1', 'tesuto-pass-1234');
    expect(signedIn.json.user.role).toBe('tester');
  });

  it('nobody signed in: 401 on every workspace route; bad input is told in Japanese naming the key', async () => {
    const anon = new Browser(h);
    for (const [m, p] of [['GET', '/ws/me'], ['GET', '/ws/users'], ['GET', '/ws/audit'], ['POST', '/ws/logout']] as const) {
      const r = await anon.call(m, p);
      expect(r.status, p).toBe(401);
      expect(err(r)).toBe('unauthenticated');
    }
    const admin = new Browser(h);
    await admin.signIn('kanri', adminPass);
    const bad = await admin.call('POST', '/ws/users', { body: { login: 'Hanako Koho', displayName: 'x', role: 'tester', password: 'long-enough-pass' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('login');
    const badRole = await admin.call('POST', '/ws/users', { body: { login: 'hanako', displayName: 'x', role: 'boss', password: 'long-enough-pass' } });
    expect(badRole.json.error.message).toContain('role');
    expect(badRole.json.error.message).toContain('閲覧');
  });
});

describe('CSRF and other origins', () => {
  it('a write without x-csrf-token is refused (403 csrf); with it, it passes', async () => {
    const admin = new Browser(h);
    await admin.signIn('kanri', adminPass);
    const body = { login: 'csrf1', displayName: 'x', role: 'viewer', password: 'csrf1-pass-1234' };
    const without = await admin.call('POST', '/ws/users', { body, noCsrf: true });
    expect(without.status).toBe(403);
    expect(err(without)).toBe('csrf');
    const wrongToken = await admin.call('POST', '/ws/users', { body, noCsrf: true, headers: { 'x-csrf-token': 'guess' } });
    expect(err(wrongToken)).toBe('csrf');
    expect(await h.service.store.users.byLogin('csrf1')).toBeNull();
    expect((await admin.call('POST', '/ws/users', { body })).status).toBe(201);
  });

  it('a cross-site write is refused even with a valid cookie and token; the same origin passes', async () => {
    const admin = new Browser(h);
    await admin.signIn('kanri', adminPass);
    const body = { displayName: '名前を変えられた' };
    const fromEvil = await admin.call('PATCH', '/ws/users/csrf1', { body, headers: { origin: 'https://evil.example' } });
    expect(fromEvil.status).toBe(403);
    expect(err(fromEvil)).toBe('csrf');
    const crossSite = await admin.call('PATCH', '/ws/users/csrf1', { body, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await h.service.store.users.byLogin('csrf1'))!.displayName).toBe('x');
    const same = await admin.call('PATCH', '/ws/users/csrf1', { body, headers: { origin: admin.origin, 'sec-fetch-site': 'same-origin' } });
    expect(same.status).toBe(200);
    expect((await h.service.store.users.byLogin('csrf1'))!.displayName).toBe('名前を変えられた');
    // behind a web server that ends TLS the browser says https while the service sees http: still the same site
    const https = admin.origin.replace('http:', 'https:');
    expect((await admin.call('PATCH', '/ws/users/csrf1', { body: { displayName: 'y' }, headers: { origin: https } })).status).toBe(200);
    expect(err(await admin.call('PATCH', '/ws/users/csrf1', { body, headers: { origin: 'null' } }))).toBe('csrf');
  });

  it('sign-in from another site is refused', async () => {
    const r = await new Browser(h).call('POST', '/ws/login', { body: { login: 'kanri', password: adminPass }, headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});

describe('sessions', () => {
  it('session fixation: a cookie set before sign-in is not the one after, and does not sign anyone in', async () => {
    const b = new Browser(h);
    b.cookie = 'attacker-chosen-session-id';
    await b.signIn('kanri', adminPass);
    expect(b.cookie).toBeDefined();
    expect(b.cookie).not.toBe('attacker-chosen-session-id');
    const planted = new Browser(h);
    planted.cookie = 'attacker-chosen-session-id';
    expect((await planted.call('GET', '/ws/me')).status).toBe(401);

    // a real session carried into a new sign-in is ended too: the old id no longer works
    const before = b.cookie!;
    await b.signIn('kanri', adminPass);
    expect(b.cookie).not.toBe(before);
    const old = new Browser(h);
    old.cookie = before;
    expect((await old.call('GET', '/ws/me')).status).toBe(401);
    expect((await b.call('GET', '/ws/me')).status).toBe(200);
  });

  it('ends after the idle time (8 h) and at sign-out', async () => {
    const b = new Browser(h);
    await b.signIn('kanri', adminPass);
    clock += 7 * 3_600_000;
    expect((await b.call('GET', '/ws/me')).status).toBe(200); // used: the idle time starts again
    clock += 7 * 3_600_000;
    expect((await b.call('GET', '/ws/me')).status).toBe(200);
    clock += 8 * 3_600_000 + 1000;
    expect((await b.call('GET', '/ws/me')).status).toBe(401);

    const c = new Browser(h);
    await c.signIn('kanri', adminPass);
    const id = c.cookie!;
    expect((await c.call('POST', '/ws/logout')).status).toBe(204);
    const again = new Browser(h);
    again.cookie = id;
    expect((await again.call('GET', '/ws/me')).status).toBe(401);
  });

  it('ends at the absolute lifetime (24 h) even when used', async () => {
    const b = new Browser(h);
    await b.signIn('kanri', adminPass);
    for (let i = 0; i < 4; i++) {
      clock += 6 * 3_600_000;
      const r = await b.call('GET', '/ws/me');
      expect(r.status, `after ${(i + 1) * 6} h`).toBe(i < 3 ? 200 : 401);
    }
  });
});

describe('the sign-in limit', () => {
  it('5 wrong passwords for a login → 429 (even with the right one), allowed again after the window', async () => {
    const pass = await addUser(h, 'rocku', 'tester');
    for (let i = 0; i < 5; i++) expect((await new Browser(h).signIn('rocku', 'wrong-password-x')).status).toBe(401);
    const locked = await new Browser(h).signIn('rocku', pass);
    expect(locked.status).toBe(429);
    expect(err(locked)).toBe('locked');
    expect(locked.json.error.message).toMatch(/\d{2}:\d{2}（日本時間）以降/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock += 14 * 60_000;
    expect((await new Browser(h).signIn('rocku', pass)).status).toBe(429);
    clock += 60_000 + 1000;
    expect((await new Browser(h).signIn('rocku', pass)).status).toBe(200);
  });

  it('20 failures from one address lock that address for every login', async () => {
    clock += 3_600_000;
    const pass = await addUser(h, 'addr', 'viewer');
    for (let i = 0; i < 20; i++) expect((await new Browser(h).signIn(`spray${i}`, 'wrong-password-x')).status).toBe(401);
    const locked = await new Browser(h).signIn('addr', pass);
    expect(locked.status).toBe(429);
    clock += 15 * 60_000 + 1000;
    expect((await new Browser(h).signIn('addr', pass)).status).toBe(200);
  });
});

describe('disabled users and personal tokens', () => {
  it("a personal token works without CSRF; the service token is never a person; a disabled user's session and token stop at once", async () => {
    const pass = await addUser(h, 'kakucho', 'tester');
    const person = new Browser(h);
    await person.signIn('kakucho', pass);
    const made = await person.call('POST', '/ws/users/kakucho/tokens', { body: { label: '拡張機能' } });
    expect(made.status).toBe(201);
    const token: string = made.json.token;
    expect(token).toMatch(/^jisu_[A-Za-z0-9_-]{43}$/);

    const script = new Browser(h);
    const me = await script.call('GET', '/ws/me', { bearer: token });
    expect(me.json.user).toMatchObject({ login: 'kakucho', via: 'token' });
    // a token is not sent by a browser on its own: no CSRF token needed for its writes
    expect((await script.call('POST', '/ws/users/kakucho/tokens', { bearer: token, body: { label: '2 本目' } })).status).toBe(201);
    // the token is for the workspace, not the CMS API; the service token is not a person
    expect((await script.call('POST', '/schedules/weekly/run', { bearer: token })).status).toBe(401);
    expect((await script.call('GET', '/ws/me', { bearer: TOKEN })).status).toBe(401);
    // someone else's tokens are not a tester's
    expect((await script.call('POST', '/ws/users/kanri/tokens', { bearer: token, body: {} })).status).toBe(403);

    const admin = new Browser(h);
    await admin.signIn('kanri', adminPass);
    expect((await admin.call('PATCH', '/ws/users/kakucho', { body: { disabled: true } })).status).toBe(200);
    expect((await person.call('GET', '/ws/me')).status).toBe(401);
    expect((await script.call('GET', '/ws/me', { bearer: token })).status).toBe(401);
    expect((await new Browser(h).signIn('kakucho', pass)).status).toBe(401);

    // enabled again: the token works again, the old session stays ended; a revoked token stops
    await admin.call('PATCH', '/ws/users/kakucho', { body: { disabled: false } });
    expect((await person.call('GET', '/ws/me')).status).toBe(401);
    expect((await script.call('GET', '/ws/me', { bearer: token })).status).toBe(200);
    expect((await admin.call('DELETE', `/ws/users/kakucho/tokens/${made.json.id}`)).status).toBe(204);
    expect((await script.call('GET', '/ws/me', { bearer: token })).status).toBe(401);
    // the store keeps only the hash
    const stored = JSON.stringify(await h.service.store.users.tokensOf((await h.service.store.users.byLogin('kakucho'))!.id));
    expect(stored).not.toContain(token);
  });

  it('the last enabled admin cannot be disabled or demoted', async () => {
    const admin = new Browser(h);
    await admin.signIn('kanri', adminPass);
    const r = await admin.call('PATCH', '/ws/users/kanri', { body: { role: 'viewer' } });
    expect(r.status).toBe(409);
    expect(err(r)).toBe('last-admin');
    expect((await admin.call('PATCH', '/ws/users/kanri', { body: { disabled: true } })).status).toBe(409);
    expect((await h.service.store.users.byLogin('kanri'))!.role).toBe('admin');
  });
});

describe('the audit log', () => {
  it('has every change with who, when, before and after — never a password, hash or token', async () => {
    const admin = new Browser(h);
    await admin.signIn('kanri', adminPass);
    await admin.call('POST', '/ws/users', { body: { login: 'kansa', displayName: '監査 太郎', role: 'viewer', password: 'kansa-secret-pass' } });
    await admin.call('PATCH', '/ws/users/kansa', { body: { role: 'approver', password: 'kansa-new-secret' } });
    const viewer = new Browser(h);
    await viewer.signIn('etsuran', 'etsuran-pass-1234');
    expect((await viewer.call('GET', '/ws/audit')).status).toBe(403);

    const page = await admin.call('GET', '/ws/audit?offset=0&limit=500');
    expect(page.status).toBe(200);
    expect(page.json.total).toBeGreaterThanOrEqual(page.json.items.length);
    const items: any[] = page.json.items;
    const patch = items.find((e) => e.action === 'user.patch' && e.target === 'user:kansa');
    expect(patch).toMatchObject({ actor: 'kanri', before: { role: 'viewer' }, after: { role: 'approver', passwordChanged: true } });
    expect(Date.parse(patch.at)).not.toBeNaN();
    const add = items.find((e) => e.action === 'user.add' && e.target === 'user:kansa');
    expect(add).toMatchObject({ actor: 'kanri', after: { login: 'kansa', displayName: '監査 太郎', role: 'viewer' } });
    expect(items.findIndex((e) => e === patch)).toBeLessThan(items.findIndex((e) => e === add)); // newest first
    expect(items.some((e) => e.action === 'user.patch' && e.target === 'user:kakucho' && e.after.disabled === true && e.before.disabled === false)).toBe(true);
    expect(items.some((e) => e.action === 'token.add' && e.target === 'user:kakucho')).toBe(true);
    const text = JSON.stringify(items);
    expect(text).not.toContain('kansa-secret-pass');
    expect(text).not.toContain('kansa-new-secret');
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain('jisu_');
    expect((await admin.call('GET', '/ws/audit?limit=0')).status).toBe(400);
  });
});
