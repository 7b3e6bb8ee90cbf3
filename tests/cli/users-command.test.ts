// `jis-a11y users` on a real SQLite file. As a real process: refused without a terminal to ask on and without
// --password-stdin, then the first admin made with --password-stdin; `serve` on a store without an admin says how
// to make one; the admin made from the command line signs in to a real service on that file. In-process (the
// same commander program with its own stdin and output, to keep the suite fast): mistakes told in Japanese that
// change nothing, the last admin kept, passwd and disable ending sessions, the list, and the audit log.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUsersCommand } from '../../crawler/cli/users-command.js';
import { openStore } from '../../crawler/store/store.js';
import { runCli } from '../helpers/processes.js';
import { startHarness, type Harness } from '../service/harness.js';
import { Browser } from '../service/workspace-client.js';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let store: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-users-cli-'));
  store = path.join(dir, 'ws.sqlite');
});
let h: Harness | undefined;
afterAll(() => h?.close());

const real = (args: string[], stdin?: string) => runCli(['users', ...args, '--store', store], { stdin, cwd: dir, limitMs: 300_000 });

/** The command in this process: stdin is `stdin`, the printed lines are returned, a refusal rejects. */
async function users(args: string[], stdin = ''): Promise<string> {
  const out: string[] = [];
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerUsersCommand(program, { readStdin: async () => stdin.split(/\r?\n/)[0], print: (l) => out.push(l) });
  await program.parseAsync(['node', 'jis-a11y', 'users', ...args, '--store', store]);
  return out.join('\n');
}

/** What a real `serve` (runServe, as the CLI starts it) on the store says up to its started line. */
function serveSays(): Promise<string> {
  const cfg = { host: '127.0.0.1', port: 0, tokens: ['test-token-0123456789abcdef'], origins: ['http://127.0.0.1:9'], store, reportsDir: path.join(dir, 'reports') };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/service/fixtures/serve-with-faults.ts'), JSON.stringify(cfg)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      stderr += d;
      if (stderr.includes('サービスを起動しました')) {
        child.kill('SIGKILL');
        resolve(stderr);
      }
    });
    child.once('exit', () => reject(new Error(`serve ended: ${stderr}`)));
  });
}

describe('jis-a11y users', () => {
  it('as a process: refuses without a terminal and without --password-stdin; serve says how to make the first admin', async () => {
    const noTty = await real(['add', 'kanri', '--name', '管理 者', '--role', 'admin']);
    expect(noTty.code).not.toBe(0);
    expect(noTty.stderr).toContain('--password-stdin');
    const said = await serveSays();
    expect(said).toContain('「管理」の利用者がまだいません');
    expect(said).toContain(`jis-a11y users add <ログイン名> --name "<表示名>" --role admin --store ${JSON.stringify(store)}`);
  }, 400_000);

  it('refuses a short password, an unknown role and a bad login in Japanese, and creates nobody', async () => {
    await expect(users(['add', 'kanri', '--name', '管理 者', '--role', 'admin', '--password-stdin'], 'short\n')).rejects.toThrow('10 文字以上');
    await expect(users(['add', 'kanri', '--name', '管理 者', '--role', 'boss', '--password-stdin'], 'long-enough-pass\n')).rejects.toThrow('approver（承認者）');
    await expect(users(['add', 'Kanri San', '--name', '管理 者', '--role', 'admin', '--password-stdin'], 'long-enough-pass\n')).rejects.toThrow('ログイン名');
    expect(await users(['list'])).toContain('利用者はまだいません');
  });

  it('as a process: the first admin, from --password-stdin, signs in to the service; the last admin cannot be disabled', async () => {
    const added = await real(['add', 'kanri', '--name', '管理 者', '--role', 'admin', '--password-stdin'], 'kanri-secret-pass\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('利用者「kanri」（管理）を追加しました');
    await expect(users(['add', 'kanri', '--name', 'x', '--role', 'viewer', '--password-stdin'], 'kanri-secret-pass\n')).rejects.toThrow('すでにいます');
    await expect(users(['disable', 'kanri'])).rejects.toThrow('「管理」');

    h = await startHarness({ store, schedules: [] });
    const r = await new Browser(h).signIn('kanri', 'kanri-secret-pass');
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ login: 'kanri', displayName: '管理 者', role: 'admin' });
  }, 400_000);

  it('passwd ends the sessions and the old password; disable stops the person; all in the audit log', async () => {
    await users(['add', 'hanako', '--name', '広報 花子', '--role', 'tester', '--password-stdin'], 'hanako-pass-1234\n');
    const b = new Browser(h!);
    expect((await b.signIn('hanako', 'hanako-pass-1234')).status).toBe(200);
    expect(await users(['passwd', 'hanako', '--password-stdin'], 'hanako-pass-5678\n')).toContain('パスワードを変更しました');
    expect((await b.call('GET', '/ws/me')).status).toBe(401);
    expect((await new Browser(h!).signIn('hanako', 'hanako-pass-1234')).status).toBe(401);
    expect((await b.signIn('hanako', 'hanako-pass-5678')).status).toBe(200);
    expect(await users(['disable', 'hanako'])).toContain('無効にしました');
    expect((await b.call('GET', '/ws/me')).status).toBe(401);
    expect(await users(['list'])).toMatch(/hanako.*広報 花子.*確認者.*無効/);

    const s = await openStore(store);
    const { items } = await s.audit.list({ limit: 100 });
    await s.close();
    const mine = items.filter((e) => e.actor === `cli:${os.userInfo().username}`).map((e) => `${e.action} ${e.target}`);
    expect(mine).toEqual(['user.patch user:hanako', 'user.patch user:hanako', 'user.add user:hanako', 'user.add user:kanri']);
    expect(JSON.stringify(items)).not.toMatch(/hanako-pass|argon2/);
  }, 120_000);
});
