// The one better-sqlite3 connection of a SQLite store: opens the file (WAL, durable across process crashes),
// checks and migrates its version (./migrations.ts), and hands the part modules (./runs.ts, ./frontier.ts …)
// prepared statements, cached, since the crawl runs the same few statements for every page.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkVersion, migrate } from './migrations.js';

export type Row = Record<string, unknown>;

export class Connection {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly file: string,
    readonly readonly: boolean,
  ) {
    if (!readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, { readonly, fileMustExist: readonly });
    try {
      // another process (a crawl, the hook, the service) may be writing the same file
      this.db.pragma('busy_timeout = 5000');
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

  /** Runs `fn` in one transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
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
