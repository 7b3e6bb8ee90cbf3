// `jis-a11y users` as a real process on a real SQLite file: the first admin made from the command line signs in
// to a real service on that file; the password comes from stdin (never an argument) and is refused without a
// terminal to ask on; mistakes are told in Japanese and change nothing; every change is in the audit log.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../crawler/store/store.js';
import { runCli } from '../helpers/processes.js';
import { startHarness, type Harness } from '../service/harness.js';
import { Browser } from '../service/workspace-client.js';

let dir: string;
let store: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-users-cli-'));
  store = path.join(dir, 'ws.sqlite');
});
let h: Harness | undefined;
afterAll(() => h?.close());

const users = (args: string[], stdin?: string) => runCli(['users', ...args, '--store', store], { stdin, cwd: dir });

describe('jis-a11y users', () => {
  it('refuses without a terminal and without --password-stdin, and a short password; creates nothing', async () => {
    const noTty = await users(['add', 'kanri', '--name', '管理 者', '--role', 'admin']);
    expect(noTty.code).not.toBe(0);
    expect(noTty.stderr).toContain('--password-stdin');
    const short = await users(['add', 'kanri', '--name', '管理 者', '--role', 'admin', '--password-stdin'], 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('10 文字以上');
    const badRole = await users(['add', 'kanri', '--name', '管理 者', '--role', 'boss', '--password-stdin'], 'long-enough-pass\n');
    expect(badRole.stderr).toContain('approver（承認者）');
    const list = await users(['list']);
    expect(list.stdout).toContain('利用者はまだいません');
  }, 240_000);

  it('the first admin, added with --password-stdin, signs in to the service; the last admin cannot be disabled', async () => {
    const added = await users(['add', 'kanri', '--name', '管理 者', '--role', 'admin', '--password-stdin'], 'kanri-secret-pass\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('利用者「kanri」（管理）を追加しました');
    const dup = await users(['add', 'kanri', '--name', 'x', '--role', 'viewer', '--password-stdin'], 'kanri-secret-pass\n');
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toContain('すでにいます');
    const last = await users(['disable', 'kanri']);
    expect(last.code).not.toBe(0);
    expect(last.stderr).toContain('「管理」');

    h = await startHarness({ store, schedules: [] });
    const b = new Browser(h);
    const r = await b.signIn('kanri', 'kanri-secret-pass');
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ login: 'kanri', displayName: '管理 者', role: 'admin' });
  }, 240_000);

  it('passwd ends the sessions and the old password; disable stops the person; all in the audit log', async () => {
    await users(['add', 'hanako', '--name', '広報 花子', '--role', 'tester', '--password-stdin'], 'hanako-pass-1234\n');
    const b = new Browser(h!);
    expect((await b.signIn('hanako', 'hanako-pass-1234')).status).toBe(200);
    const pw = await users(['passwd', 'hanako', '--password-stdin'], 'hanako-pass-5678\n');
    expect(pw.stdout).toContain('パスワードを変更しました');
    expect((await b.call('GET', '/ws/me')).status).toBe(401);
    expect((await new Browser(h!).signIn('hanako', 'hanako-pass-1234')).status).toBe(401);
    expect((await b.signIn('hanako', 'hanako-pass-5678')).status).toBe(200);
    const off = await users(['disable', 'hanako']);
    expect(off.stdout).toContain('無効にしました');
    expect((await b.call('GET', '/ws/me')).status).toBe(401);
    const list = await users(['list']);
    expect(list.stdout).toMatch(/hanako.*広報 花子.*確認者.*無効/);

    const s = await openStore(store);
    const { items } = await s.audit.list({ limit: 100 });
    await s.close();
    const mine = items.filter((e) => e.actor === `cli:${os.userInfo().username}`).map((e) => `${e.action} ${e.target}`);
    expect(mine).toEqual(['user.patch user:hanako', 'user.patch user:hanako', 'user.add user:hanako', 'user.add user:kanri']);
    expect(JSON.stringify(items)).not.toMatch(/hanako-pass|argon2/);
  }, 240_000);
});
