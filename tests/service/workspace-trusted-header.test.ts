// The trusted header (workspace.trustedHeader): the organisation's web server signs people in and names them in
// a header. Believed only when the TCP peer is one of workspace.trustedProxies; from anyone else the same header
// signs nobody in. Real services on 127.0.0.1, one trusting 127.0.0.1 and one trusting another address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { addUser, Browser } from './workspace-client.js';

let trusting: Harness;
let other: Harness;

beforeAll(async () => {
  trusting = await startHarness({ trustProxy: '127.0.0.1', workspace: { trustedHeader: 'X-Remote-User', trustedProxies: ['127.0.0.1', '::1', '::ffff:127.0.0.1'] } });
  other = await startHarness({ workspace: { trustedHeader: 'X-Remote-User', trustedProxies: ['10.9.9.9'] }, schedules: [] });
  for (const h of [trusting, other]) await addUser(h, 'hanako', 'tester');
}, 60_000);
afterAll(async () => {
  await trusting?.close();
  await other?.close();
});

describe('the trusted header', () => {
  it('from a trusted proxy: the named user, with a CSRF token for writes', async () => {
    const b = new Browser(trusting);
    const me = await b.call('GET', '/ws/me', { headers: { 'x-remote-user': 'hanako' } });
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ login: 'hanako', role: 'tester', via: 'trusted-header' });
    const csrf: string = me.json.csrfToken;
    expect(csrf).toBeTruthy();
    const without = await b.call('POST', '/ws/users/hanako/tokens', { headers: { 'x-remote-user': 'hanako' }, body: {} });
    expect(without.status).toBe(403);
    const withToken = await b.call('POST', '/ws/users/hanako/tokens', { headers: { 'x-remote-user': 'hanako', 'x-csrf-token': csrf }, body: {} });
    expect(withToken.status).toBe(201);
    // an unknown or disabled login is nobody
    expect((await b.call('GET', '/ws/me', { headers: { 'x-remote-user': 'stranger' } })).status).toBe(401);
    await trusting.service.store.users.update('hanako', { disabled: true });
    expect((await b.call('GET', '/ws/me', { headers: { 'x-remote-user': 'hanako' } })).status).toBe(401);
  });

  it('behind a web server that ends TLS (X-Forwarded-Proto: https from a trusted proxy): the session cookie is Secure', async () => {
    const pass = await addUser(trusting, 'secure', 'viewer');
    const b = new Browser(trusting);
    const r = await b.call('POST', '/ws/login', { body: { login: 'secure', password: pass }, headers: { 'x-forwarded-proto': 'https' } });
    expect(r.status).toBe(200);
    expect(b.lastSetCookie).toMatch(/;\s*Secure/i);
  });

  it('from an address that is not a trusted proxy: ignored (401)', async () => {
    const r = await new Browser(other).call('GET', '/ws/me', { headers: { 'x-remote-user': 'hanako' } });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthenticated');
  });
});
