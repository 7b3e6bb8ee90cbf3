// The SQLite implementation of the Store interface (crawler/store/store.ts): one connection
// (./connection.ts), one module per part, composed here.
import type { Frontier, HookLog, JudgementStore, OpenStoreOptions, ResultStore, RunStore, Store, ValidatorStore } from '../store.js';
import { Connection } from './connection.js';
import { sqliteFrontier } from './frontier.js';
import { sqliteHookLog } from './hook-log.js';
import { sqliteJudgements } from './judgements.js';
import { linkReads, pageReads } from './results-read.js';
import { resultWrites } from './results-write.js';
import { sqliteRuns } from './runs.js';
import { siteResults } from './site-results.js';
import { sqliteValidators } from './validators.js';

export class SqliteStore implements Store {
  readonly runs: RunStore;
  readonly frontier: Frontier;
  readonly results: ResultStore;
  readonly validators: ValidatorStore;
  readonly judgements: JudgementStore;
  readonly hookLog: HookLog;
  private readonly conn: Connection;

  constructor(readonly file: string, opts: OpenStoreOptions = {}) {
    this.conn = new Connection(file, opts.readonly ?? false);
    this.runs = sqliteRuns(this.conn);
    this.frontier = sqliteFrontier(this.conn);
    this.results = { ...resultWrites(this.conn), ...pageReads(this.conn), ...linkReads(this.conn), ...siteResults(this.conn) };
    this.validators = sqliteValidators(this.conn);
    this.judgements = sqliteJudgements(this.conn, { runs: this.runs, results: this.results });
    this.hookLog = sqliteHookLog(this.conn);
  }

  async close(): Promise<void> {
    this.conn.close();
  }
}

export function openSqliteStore(file: string, opts: OpenStoreOptions = {}): SqliteStore {
  return new SqliteStore(file, opts);
}
