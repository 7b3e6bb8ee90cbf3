// The one better-sqlite3 connection of a SQLite store: opens the file (WAL, durable across process crashes),
// checks and migrates its version (./migrations.ts), and hands the part modules (./runs.ts, ./frontier.ts …)
// prepared statements, cached, since the crawl runs the same few statements for every page.
// Every write goes through `write`: one BEGIN IMMEDIATE transaction, which takes the file's write lock before
// it reads anything. A DEFERRED transaction that reads, then writes, fails with SQLITE_BUSY (without
// waiting) when another process wrote in between; IMMEDIATE waits for the lock instead, and a failed BEGIN
// has done nothing, so ./busy.ts can simply try again.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkVersion, migrate } from './migrations.js';
import { patiently, SQLITE_WAIT_MS, type BusyPolicy } from './busy.js';

export type Row = Record<string, unknown>;

export class Connection {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly file: string,
    readonly readonly: boolean,
    /** How long to wait for another process's lock (./busy.ts). */
    readonly busy: BusyPolicy,
  ) {
    if (!readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, { readonly, fileMustExist: readonly, timeout: SQLITE_WAIT_MS });
    try {
      // another process (a crawl, the hook, the service) may be writing the same file: SQLite waits a
      // little (synchronously), the store's methods wait the rest without blocking the event loop (./busy.ts)
      this.db.pragma(`busy_timeout = ${SQLITE_WAIT_MS}`);
      checkVersion(this.db, file, readonly);
      if (!readonly) {
        this.db.pragma('journal_mode = WAL');
        // NORMAL is durable across process crashes (SIGKILL) in WAL mode; only a power loss can drop the last commits
        this.db.pragma('synchronous = NORMAL');
        this.db.pragma('foreign_keys = ON');
        migrate(this.db, file);
      }
    } catch (e) {
      this.db.close();
      throw e;
    }
  }

  /** A prepared statement, prepared once per connection. */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Runs `fn` in one write transaction, BEGIN IMMEDIATE (nested calls become savepoints). */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Runs `fn` now and, while the file is locked by another process, again (for reads outside a method: ./results-read.ts). */
  patiently<T>(fn: () => T): Promise<T> {
    return patiently(this.busy, fn);
  }

  /** For statements on temporary tables, which must not outlive them in the cache. */
  exec(sql: string): void {
    this.db.exec(sql);
  }

  prepareOnce(sql: string): Database.Statement {
    return this.db.prepare(sql);
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}
