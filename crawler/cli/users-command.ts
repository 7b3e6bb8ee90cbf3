// `jis-a11y users add|passwd|disable|enable|list`: the workspace's people from the command line — above all the
// first 管理, made before anyone can sign in (`serve` says so when there is none). Writes the same store the
// service uses (--store, or the service config's "store") and the same audit log, with the actor `cli:<OS user>`.
// The password is asked for without echo, or read from standard input with --password-stdin (for scripts);
// it is never an argument (it would stay in the shell history and the process list).
import os from 'node:os';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import Table from 'cli-table3';
import { read } from 'read';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { isRole, ROLE_LABELS, type Role } from '../../rules-jis/roles.js';
import { defaultServiceConfig, loadServiceConfigFile, SERVICE_CONFIG_FILE } from '../service/config.js';
import { WS_MESSAGES as M } from '../service/workspace/messages-ja.js';
import { hashPassword, PASSWORD_MIN, passwordOk } from '../service/workspace/passwords.js';
import { LOGIN_RE } from '../service/workspace/user-input.js';
import { openStore, type Store, type StoredUser } from '../store/store.js';

interface StoreFlags {
  store?: string;
  config?: string;
}

interface PasswordFlags extends StoreFlags {
  passwordStdin?: boolean;
}

/** Where the command reads a password from standard input and writes its messages (tests give their own). */
export interface UsersIo {
  readStdin: () => Promise<string>;
  print: (line: string) => void;
}

const actor = () => `cli:${os.userInfo().username}`;

/** The store of --store, else of the service config (--config or ./jis-a11y.service.json), else the default. */
function storeFile(o: StoreFlags): string {
  if (o.store) return o.store;
  const file = o.config ?? (existsSync(SERVICE_CONFIG_FILE) ? SERVICE_CONFIG_FILE : undefined);
  return (file ? loadServiceConfigFile(file).store : undefined) ?? defaultServiceConfig().store;
}

async function withStore<T>(o: StoreFlags, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeFile(o));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function processStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/** The new password: from stdin with --password-stdin, else asked twice without echo. */
async function newPassword(o: PasswordFlags, io: UsersIo): Promise<string> {
  let p: string;
  if (o.passwordStdin) {
    p = await io.readStdin();
    if (!p) throw new UsageError(M.cliEmptyStdin);
  } else {
    if (!process.stdin.isTTY) throw new UsageError(M.cliNoTty);
    p = await read({ prompt: M.cliPrompt, silent: true, replace: '' });
    const again = await read({ prompt: M.cliPromptAgain, silent: true, replace: '' });
    if (p !== again) throw new UsageError(M.cliMismatch);
  }
  if (!passwordOk(p)) throw new UsageError(M.passwordFormat(PASSWORD_MIN));
  return p;
}

async function existing(store: Store, login: string): Promise<StoredUser> {
  const u = await store.users.byLogin(login);
  if (!u) throw new UsageError(`${M.noSuchUser(login)}jis-a11y users list で確かめてください。`);
  return u;
}

const view = (u: StoredUser) => ({ login: u.login, displayName: u.displayName, role: u.role, disabled: u.disabled });

async function add(login: string, o: PasswordFlags & { name: string; role: string }, io: UsersIo): Promise<void> {
  if (!LOGIN_RE.test(login)) throw new UsageError(M.field('ログイン名', M.loginFormat));
  if (!isRole(o.role)) throw new UsageError(M.field('--role', M.roleFormat));
  const role: Role = o.role;
  const name = o.name.trim();
  if (!name || name.length > 100) throw new UsageError(M.field('--name', M.displayNameFormat));
  await withStore(o, async (store) => {
    if (await store.users.byLogin(login)) throw new UsageError(`利用者「${login}」はすでにいます。パスワードの変更は jis-a11y users passwd ${login} です。`);
    const passwordHash = await hashPassword(await newPassword(o, io));
    const user = await store.users.add({ login, displayName: name, role, passwordHash });
    await store.audit.record({ actor: actor(), action: 'user.add', target: `user:${login}`, before: null, after: view(user) });
    io.print(M.cliAdded(login, ROLE_LABELS[role]));
  });
}

async function passwd(login: string, o: PasswordFlags, io: UsersIo): Promise<void> {
  await withStore(o, async (store) => {
    const before = await existing(store, login);
    const after = (await store.users.update(login, { passwordHash: await hashPassword(await newPassword(o, io)) }))!;
    await store.audit.record({ actor: actor(), action: 'user.patch', target: `user:${login}`, before: view(before), after: { ...view(after), passwordChanged: true } });
    io.print(M.cliPasswd(login));
  });
}

async function setDisabled(login: string, disabled: boolean, o: StoreFlags, io: UsersIo): Promise<void> {
  await withStore(o, async (store) => {
    const before = await existing(store, login);
    if (disabled && before.role === 'admin' && !before.disabled && (await store.users.countActiveAdmins()) <= 1) throw new UsageError(M.lastAdmin);
    const after = (await store.users.update(login, { disabled }))!;
    await store.audit.record({ actor: actor(), action: 'user.patch', target: `user:${login}`, before: view(before), after: view(after) });
    io.print(disabled ? M.cliDisabled(login) : M.cliEnabled(login));
  });
}

async function list(o: StoreFlags, io: UsersIo): Promise<void> {
  await withStore(o, async (store) => {
    const users = await store.users.list();
    if (!users.length) return io.print(M.cliNoUsers);
    const table = new Table({ head: [...M.cliListHead] });
    for (const u of users) table.push([u.login, u.displayName, ROLE_LABELS[u.role], M.cliState(u.disabled)]);
    io.print(table.toString());
  });
}

export function registerUsersCommand(program: Command, io: UsersIo = { readStdin: processStdin, print: (l) => console.log(l) }): void {
  const users = program.command('users').description('作業画面の利用者を管理します / manage the workspace users');
  const storeOptions = (c: Command) =>
    c.option('--store <file>', 'SQLite ファイル（既定: サービス設定の store）').option('-c, --config <file>', `サービス設定ファイル（既定: ./${SERVICE_CONFIG_FILE}）`);
  storeOptions(
    users
      .command('add <login>')
      .description('利用者を追加します（パスワードは画面に表示せずに尋ねます）')
      .requiredOption('--name <displayName>', '表示名（例 "広報 花子"）')
      .requiredOption('--role <role>', '権限: viewer（閲覧）、tester（確認者）、approver（承認者）、admin（管理）')
      .option('--password-stdin', 'パスワードを標準入力の 1 行目から読みます'),
  ).action((login: string, o) => add(login, o, io));
  storeOptions(users.command('passwd <login>').description('パスワードを変更します（サインイン中のセッションは終わります）').option('--password-stdin', 'パスワードを標準入力の 1 行目から読みます')).action(
    (login: string, o) => passwd(login, o, io),
  );
  storeOptions(users.command('disable <login>').description('利用者を無効にします（セッションと個人トークンは直ちに使えなくなります）')).action((login: string, o) => setDisabled(login, true, o, io));
  storeOptions(users.command('enable <login>').description('無効にした利用者を有効に戻します')).action((login: string, o) => setDisabled(login, false, o, io));
  storeOptions(users.command('list').description('利用者の一覧を表示します')).action((o) => list(o, io));
}
