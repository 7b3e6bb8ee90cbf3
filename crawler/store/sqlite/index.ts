// The SQLite implementation of the Store interface (crawler/store/store.ts): one connection
// (./connection.ts), one module per part, composed here; every part's methods wait out another process's
// lock and translate SQLite's errors into the store's typed ones (./busy.ts).
import type { AuditLog, Frontier, HookLog, JudgementStore, LeaseStore, OpenStoreOptions, ResultStore, RunStore, SelectionStore, Store, TestStore, UserStore, ValidatorStore, WorkspaceDataStore, WorkspaceFileStore } from '../store.js';
import { defaultBusyTimeoutMs, patiently, patientPart, type BusyPolicy } from './busy.js';
import { Connection } from './connection.js';
import { sqliteAudit } from './audit.js';
import { sqliteFrontier } from './frontier.js';
import { sqliteHookLog } from './hook-log.js';
import { sqliteJudgements } from './judgements.js';
import { sqliteLeases } from './leases.js';
import { linkReads, pageReads } from './results-read.js';
import { resultWrites } from './results-write.js';
import { sqliteRuns } from './runs.js';
import { sqliteSelection } from './selection.js';
import { sqliteTests } from './tests.js';
import { sqliteUsers } from './users.js';
import { siteResults } from './site-results.js';
import { sqliteValidators } from './validators.js';
import { sqliteWorkspaceData } from './workspace.js';
import { sqliteWorkspaceFiles } from './workspace-files.js';

export class SqliteStore implements Store {
  readonly runs: RunStore;
  readonly leases: LeaseStore;
  readonly frontier: Frontier;
  readonly results: ResultStore;
  readonly validators: ValidatorStore;
  readonly judgements: JudgementStore;
  readonly tests: TestStore;
  readonly hookLog: HookLog;
  readonly selection: SelectionStore;
  readonly files: WorkspaceFileStore;
  readonly users: UserStore;
  readonly audit: AuditLog;
  readonly workspaceData: WorkspaceDataStore;
  private readonly conn: Connection;

  constructor(readonly file: string, opts: OpenStoreOptions = {}) {
    const policy: BusyPolicy = { file, timeoutMs: opts.busyTimeoutMs ?? defaultBusyTimeoutMs() };
    const patient = <T extends object>(part: T) => patientPart(part, policy);
    this.conn = new Connection(file, opts.readonly ?? false, policy);
    this.runs = patient(sqliteRuns(this.conn));
    this.leases = patient(sqliteLeases(this.conn));
    this.frontier = patient(sqliteFrontier(this.conn));
    this.results = patient({ ...resultWrites(this.conn), ...pageReads(this.conn), ...linkReads(this.conn), ...siteResults(this.conn) });
    this.validators = patient(sqliteValidators(this.conn));
    this.tests = patient(sqliteTests(this.conn));
    this.judgements = patient(sqliteJudgements(this.conn, { runs: this.runs, results: this.results }, this.tests));
    this.hookLog = patient(sqliteHookLog(this.conn));
    this.selection = patient(sqliteSelection(this.conn));
    this.files = patient(sqliteWorkspaceFiles(this.conn));
    this.users = patient(sqliteUsers(this.conn));
    this.audit = patient(sqliteAudit(this.conn));
    this.workspaceData = patient(sqliteWorkspaceData(this.conn));
  }

  async close(): Promise<void> {
    this.conn.close();
  }
}

/** Opens (creates, migrates) the file, waiting out another process's lock like every method does. */
export function openSqliteStore(file: string, opts: OpenStoreOptions = {}): Promise<SqliteStore> {
  return patiently({ file, timeoutMs: opts.busyTimeoutMs ?? defaultBusyTimeoutMs() }, () => new SqliteStore(file, opts));
}
