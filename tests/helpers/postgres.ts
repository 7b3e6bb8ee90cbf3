// A throwaway PostgreSQL cluster for tests with the real engine (issue 20): initdb in a temp folder, the server on
// 127.0.0.1 at a free port (and its socket in that folder), a fresh database per test, stopped and deleted after.
// Run as root (CI), the cluster belongs to the `postgres` user (PostgreSQL refuses to run as root), through runuser.
// Where PostgreSQL is not installed the tests are skipped with the reason printed, never silently: `postgresSkip`.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

function binDir(): string | null {
  if (process.env.PG_BIN && existsSync(path.join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

const BIN = binDir();
const isRoot = process.getuid?.() === 0;

/** Why the PostgreSQL tests cannot run here (printed), or null when they can. */
export const postgresSkip: string | null = !BIN
  ? 'PostgreSQL のテストを飛ばします: PostgreSQL が入っていません（/usr/lib/postgresql/*/bin/initdb がない）。node scripts/setup.mjs か apt-get install postgresql で入れてください。'
  : isRoot && !hasUser('postgres')
    ? 'PostgreSQL のテストを飛ばします: root で動いていますが、クラスターを持たせる postgres ユーザーがいません（apt-get install postgresql で作られます）。'
    : null;
if (postgresSkip) console.warn(postgresSkip);

function hasUser(name: string): boolean {
  try {
    return readFileSync('/etc/passwd', 'utf8').split('\n').some((l) => l.startsWith(`${name}:`));
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program as the cluster's owner. */
function asOwner(program: string, args: string[]): string {
  const cmd = isRoot ? ['runuser', '-u', 'postgres', '--', path.join(BIN!, program), ...args] : [path.join(BIN!, program), ...args];
  return execFileSync(cmd[0], cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface PgCluster {
  port: number;
  /** A new, empty database; its postgres:// URL. */
  createDatabase(): Promise<string>;
  /** The URL of a database (not created). */
  url(db: string): string;
  stop(): Promise<void>;
}

/** Starts a cluster (a few seconds): one per test file at most. */
export async function startPgCluster(): Promise<PgCluster> {
  if (postgresSkip) throw new Error(postgresSkip);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jis-pg-'));
  chmodSync(dir, 0o755);
  if (isRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  try {
    asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const opts = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    asOwner('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  } catch (e) {
    const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL could not start: ${(e as { stderr?: string }).stderr ?? e}\n${log}`);
  }
  const url = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  let n = 0;
  return {
    port,
    url,
    async createDatabase() {
      const name = `t${process.pid}_${++n}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      try {
        asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
