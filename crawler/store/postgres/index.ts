// The PostgreSQL implementation of the Store interface (crawler/store/store.ts), for several crawl machines sharing
// one store (issue 20). One pool (./connection.ts), one module per part as in crawler/store/sqlite/, composed here;
// every part's errors are translated into the store's typed, Japanese ones (unreachable server, refused login …).
import type { AuditLog, HookLog, JudgementStore, OpenStoreOptions, Store, UserStore, WorkspaceDataStore, WorkspaceFileStore } from '../store.js';
import type { Frontier, LeaseStore, ResultStore, RunStore, SelectionStore, TestStore, ValidatorStore } from '../store.js';
import { PgConnection, pgErrorOf, translatedPart } from './connection.js';
import { pgFrontier } from './frontier.js';
import { pgJudgements } from './judgements.js';
import { pgLeases } from './leases.js';
import { pgMigrate } from './migrations.js';
import { linkReads, pageReads } from './results-read.js';
import { resultWrites } from './results-write.js';
import { pgRuns } from './runs.js';
import { pgSelection } from './selection.js';
import { siteResults } from './site-results.js';
import { pgTests } from './tests.js';
import { pgValidators } from './validators.js';
import { notYetOnPostgres } from './not-yet.js';
import { pgAudit } from './audit.js';
import { pgHookLog } from './hook-log.js';

export class PostgresStore implements Store {
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

  constructor(private readonly conn: PgConnection) {
    const at = conn.location;
    const part = <T extends object>(p: T) => translatedPart(p, at);
    this.runs = part(pgRuns(conn));
    this.leases = part(pgLeases(conn));
    this.frontier = part(pgFrontier(conn));
    this.results = part({ ...resultWrites(conn), ...pageReads(conn), ...linkReads(conn), ...siteResults(conn) });
    this.validators = part(pgValidators(conn));
    this.tests = part(pgTests(conn));
    this.judgements = part(pgJudgements(conn, { runs: this.runs, results: this.results }, this.tests));
    this.selection = part(pgSelection(conn));
    this.hookLog = part(pgHookLog(conn));
    this.audit = part(pgAudit(conn));
    this.files = notYetOnPostgres<WorkspaceFileStore>('ワークスペースのファイル（スクリーンショット・証跡）', at, [
      'recordFile', 'fileInfo', 'saveScreenshot', 'screenshotOf', 'latestScreenshot', 'carryScreenshot', 'addEvidence', 'evidenceOfPage',
    ]);
    this.users = notYetOnPostgres<UserStore>('ワークスペースの利用者（アカウント・セッション・トークン）', at, [
      'add', 'byLogin', 'byId', 'list', 'countActiveAdmins', 'passwordHashOf', 'update', 'createSession', 'session', 'touchSession',
      'deleteSession', 'deleteSessionsOf', 'deleteExpiredSessions', 'addToken', 'token', 'touchToken', 'tokensOf', 'revokeToken',
    ]);
    this.workspaceData = notYetOnPostgres<WorkspaceDataStore>('ワークスペースの試験データ（担当・確認待ち・承認版）', at, [
      'assign', 'assignment', 'assignments', 'pagesByUrls', 'pagesStamp', 'pagesWithoutTemplate', 'saveTemplates', 'reviewGroups',
      'reviewGroupPages', 'reviewGroupFindings', 'pagesOfTemplate', 'recordVersion', 'nextVersion', 'versions',
    ]);
  }

  async close(): Promise<void> {
    await this.conn.close();
  }
}

/** Connects, checks the schema version and migrates (unless read-only). Errors are the store's, in Japanese. */
export async function openPostgresStore(location: string, opts: OpenStoreOptions = {}): Promise<PostgresStore> {
  const conn = new PgConnection(location, opts.readonly ?? false);
  try {
    await pgMigrate(conn);
  } catch (e) {
    await conn.close().catch(() => {});
    throw pgErrorOf(e, location);
  }
  return new PostgresStore(conn);
}
