// The workspace's people and audit log in the store (issue 15, migration 0007), on a real SQLite file: a disabled
// user's sessions and tokens are answered by nobody, a revoked token stops, the audit log is newest first with
// its total and keeps before/after as JSON, and a reopened file still has it all.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../crawler/store/store.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-ws-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store.users', () => {
  it('adds, finds and refuses a second login of the same name', async () => {
    const store = await openStore(path.join(dir, 'u1.sqlite'));
    const u = await store.users.add({ login: 'hanako', displayName: '広報 花子', role: 'tester', passwordHash: '$argon2id$x' });
    expect(u).toMatchObject({ login: 'hanako', displayName: '広報 花子', role: 'tester', disabled: false, hasPassword: true });
    await expect(store.users.add({ login: 'hanako', displayName: 'x', role: 'viewer', passwordHash: null })).rejects.toThrow();
    expect(await store.users.passwordHashOf('hanako')).toBe('$argon2id$x');
    expect(await store.users.countActiveAdmins()).toBe(0);
    await store.close();
  });

  it("a disabled user's sessions and tokens are gone at once", async () => {
    const store = await openStore(path.join(dir, 'u2.sqlite'));
    const u = await store.users.add({ login: 'taro', displayName: '太郎', role: 'admin', passwordHash: null });
    const at = new Date().toISOString();
    await store.users.createSession({ idHash: 's1', userId: u.id, csrfToken: 'c', createdAt: at, expiresAt: at });
    const t = await store.users.addToken({ userId: u.id, tokenHash: 't1', label: '拡張機能' });
    expect((await store.users.session('s1'))?.user.login).toBe('taro');
    expect((await store.users.token('t1'))?.token.id).toBe(t.id);
    await store.users.update('taro', { disabled: true });
    expect(await store.users.session('s1')).toBeNull();
    expect(await store.users.token('t1')).toBeNull();
    expect(await store.users.passwordHashOf('taro')).toBeNull();
    await store.users.update('taro', { disabled: false });
    expect(await store.users.session('s1')).toBeNull(); // the session was ended, not merely hidden
    expect((await store.users.token('t1'))?.user.login).toBe('taro');
    expect(await store.users.revokeToken(u.id, t.id)).toBe(true);
    expect(await store.users.token('t1')).toBeNull();
    expect(await store.users.revokeToken(u.id, t.id)).toBe(false);
    // a lower role ends the sessions signed in with the higher one; a new display name does not
    await store.users.createSession({ idHash: 's2', userId: u.id, csrfToken: 'c', createdAt: at, expiresAt: at });
    await store.users.update('taro', { displayName: '山田 太郎' });
    expect(await store.users.session('s2')).not.toBeNull();
    await store.users.update('taro', { role: 'viewer' });
    expect(await store.users.session('s2')).toBeNull();
    await store.close();
  });
});

describe('store.audit', () => {
  it('records with the time stamped, lists newest first with the total, survives reopening', async () => {
    const file = path.join(dir, 'a1.sqlite');
    const store = await openStore(file);
    const before = Date.now();
    const e1 = await store.audit.record({ actor: 'admin', action: 'user.add', target: 'user:hanako', after: { role: 'tester' } });
    await store.audit.record({ actor: 'admin', action: 'user.patch', target: 'user:hanako', before: { role: 'tester' }, after: { role: 'approver' } });
    expect(Date.parse(e1.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(e1.before).toBeNull();
    await store.close();
    const again = await openStore(file);
    const page = await again.audit.list({ offset: 0, limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ action: 'user.patch', before: { role: 'tester' }, after: { role: 'approver' } });
    expect((await again.audit.list({ offset: 1, limit: 5 })).items[0].action).toBe('user.add');
    await again.close();
  });
});
