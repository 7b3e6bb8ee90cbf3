// The store: the one owner of everything jis-a11y keeps between commands (runs, the crawl's frontier, page
// results, incremental-audit validators, human judgements, the pre-publish verdict log). Everything else
// reads and writes through the `Store` interface below; nothing outside crawler/store/ runs SQL
// (tests/unit/architecture.test.ts checks it).
//
// The yearly test (TestStore, issue 14) owns judgements: a judgement recorded while a test is open belongs to it.
//
// Design note.
// - Why async: the embedded backend (SQLite through better-sqlite3, crawler/store/sqlite/) is synchronous,
//   but a shared server database (PostgreSQL for a prefecture with several crawl machines) can only answer
//   asynchronously. Callers written against promises work with both; the SQLite methods simply run their
//   statements and return a resolved promise.
// - Contention (crawler/store/sqlite/busy.ts): every write is one BEGIN IMMEDIATE transaction; every method
//   waits out another process's lock asynchronously (up to 60 s) and then fails with StoreBusyError
//   (transient: the caller may try again later); a damaged file gives StoreCorruptError. A run being crawled
//   holds a lease (LeaseStore), so two processes never crawl one run at once.
// - Coarse-grained: one call is one unit of work and is atomic on its own (`savePage` writes the page, its
//   findings and links and marks its frontier entry in one transaction; `carryOver` copies a page's result
//   into a new run with its validators). No transaction handle or connection leaks out, so a network backend
//   never holds a transaction open across an await in the caller.
// - Big reads are async iterators (`iteratePages`, `iterateFindings`, `iterateLinks`): a crawl of 30,000
//   pages is never read into memory whole. The SQLite implementation reads them in keyset-paged batches, so
//   the caller may write to the store between two items.
// - A second backend plugs in by implementing the parts (each a module of crawler/store/sqlite/ today) and
//   choosing it in `openStore` (e.g. by a `postgres://` location), with its own migrations; the shapes are
//   crawler/store/types.ts. What is not SQL stays shared: the fingerprints of judgements
//   (crawler/store/judgements.ts), the errors for a schema version the code cannot use (crawler/store/errors.ts).
import type { CriterionResult, Finding } from '../../rules-jis/types.js';
import type { DrawLog, SelectedPage } from '../../rules-jis/jis-test.js';
import type { TestPeriod } from '../../rules-jis/test-period.js';
import { openSqliteStore } from './sqlite/index.js';
import { openPostgresStore } from './postgres/index.js';
import { isPostgresLocation } from './postgres/location.js';
import type { AuditEntry, AuditInput, AuditPage, NewSession, NewUser, StoredSession, StoredToken, StoredUser, UserPatch } from './workspace-types.js';
import type {
  BrokenLink,
  CarryPick,
  CriteriaMerge,
  JisTest,
  NewTest,
  TestStatement,
  DocumentRecord,
  ErrorRecord,
  FindingFilter,
  FrontierEntry,
  FrontierItem,
  FrontierState,
  Judgement,
  JudgementInput,
  JudgementListOptions,
  LinkFilter,
  LoggedVerdict,
  LoggedWaiverUse,
  NameVariantJudge,
  PageRecord,
  PageValidators,
  ProgressCounts,
  RecordJudgementOptions,
  Run,
  RunMeta,
  RunPatch,
  RunStatus,
  RunSummary,
  SitePage,
  StoredDocument,
  StoredError,
  StoredFinding,
  StoredLink,
  StoredPage,
  AssetState,
  Lease,
  LeaseClaim,
  LeasedRun,
  LeaseHolder,
  LeaseTerms,
  VerdictErrorToLog,
  VerdictMeta,
  VerdictToLog,
} from './types.js';
import type { ApprovedVersion, Assignment, AssignmentInput, NewVersion, PageForTemplate, ReviewGroup, ReviewGroupFinding, ReviewGroupPage } from './workspace-data-types.js';
import type { EvidenceInput, ScreenshotRecord, StoredEvidence, StoredFileInfo, StoredFileMime, StoredScreenshot } from './files-types.js';

export type * from './types.js';
export type * from './files-types.js';
export type * from './workspace-types.js';
export type * from './workspace-data-types.js';
export { isTransientStoreError, StoreBusyError, StoreCorruptError, StoreError, StoreVersionError } from './errors.js';
export { TestStateError } from './tests.js';
export { isPostgresLocation, safeLocation } from './postgres/location.js';
export { JudgementConflictError } from './judgements.js';

/** Runs (one crawl each): created by the crawl, read by the reports and the service. */
export interface RunStore {
  createRun(meta: RunMeta, startedAt?: string): Promise<number>;
  updateRun(runId: number, patch: RunPatch): Promise<void>;
  /** All runs, newest first. */
  listRuns(): Promise<Run[]>;
  getRun(runId: number): Promise<Run | null>;
  /** The newest run, or the newest with the given status. */
  latestRun(status?: RunStatus): Promise<Run | null>;
  runSummary(runId: number): Promise<RunSummary>;
  progressCounts(runId: number): Promise<ProgressCounts>;
}

/**
 * Leases on runs: which process is crawling a run, until when (crawler/crawl/run-lease.ts keeps one alive).
 * A live lease of another holder refuses a second crawl of the run; an expired one may be taken.
 */
export interface LeaseStore {
  /** Takes the run's lease for `owner`: granted when the run has none, an expired one, one of the same token, or `force`. */
  acquire(runId: number, owner: LeaseHolder, terms: LeaseTerms): Promise<LeaseClaim>;
  /**
   * Creates a run ('running') and its lease in one transaction, unless a running run with the same start URLs
   * holds a live lease (then nothing is written and that lease is returned). `force` skips the check.
   */
  createLeasedRun(meta: RunMeta, owner: LeaseHolder, terms: LeaseTerms): Promise<LeasedRun>;
  /** The heartbeat: extends the lease while `token` holds it. Null when it does not any more (taken over after expiry, or forced). */
  renew(runId: number, token: string, terms: LeaseTerms): Promise<Lease | null>;
  /** Gives the lease up (only while `token` holds it). */
  release(runId: number, token: string): Promise<boolean>;
  /**
   * For a holder known to be gone (its process died): removes its lease (only while `token` still holds it) and
   * leaves its run 'interrupted' (resumable) when it was 'running'. Returns false when someone else was quicker.
   */
  reap(runId: number, token: string): Promise<boolean>;
  leaseOf(runId: number): Promise<Lease | null>;
  /** Every lease, live or expired. */
  listLeases(): Promise<Lease[]>;
}

/** The crawl's request queue: what to visit, what is in flight, what is done. Survives a crash (`--resume`). */
export interface Frontier {
  /**
   * Adds URLs to the frontier; URLs already there (any state) are ignored. `maxPages` caps the number of
   * page entries of the run (documents are not counted). Returns the URLs actually added.
   */
  enqueue(runId: number, items: FrontierEntry[], maxPages?: number): Promise<string[]>;
  /** Takes up to `n` queued entries (shallowest first, then in discovery order) and marks them active. */
  takeQueued(runId: number, n: number): Promise<FrontierItem[]>;
  /** Puts an entry back in the queue after a failed attempt (attempts + 1). */
  requeue(runId: number, url: string): Promise<void>;
  /** On resume: entries that were in flight when the process died go back to the queue. Returns how many. */
  resetActive(runId: number): Promise<number>;
  frontierCounts(runId: number): Promise<Record<FrontierState, number>>;
  /**
   * A page answered under another URL (redirect): that URL needs no audit of its own. Marks it done (adding
   * it when absent, taking it out of the queue when queued). Returns true when it changed anything.
   */
  markAlias(runId: number, url: string, depth: number): Promise<boolean>;
}

/** Pages, findings, documents, links and errors of a run. */
export interface ResultStore {
  /**
   * Writes one page with its findings and links and marks its frontier entry done (or failed when the
   * page has an error), atomically. Writing the same URL again replaces the earlier row. Returns its id.
   */
  savePage(runId: number, page: PageRecord): Promise<number>;
  /** Writes one document and marks its frontier entry, atomically. */
  saveDocument(runId: number, doc: DocumentRecord): Promise<void>;
  addError(runId: number, error: ErrorRecord): Promise<void>;
  /**
   * On resume: removes the results that are only a store lock ("database is locked", as jis-a11y 0.2.0 recorded
   * a transient lock as the page's failure) and puts their URLs back in the queue. Returns those URLs.
   */
  discardLockFailures(runId: number): Promise<string[]>;

  /** Pages of a run in crawl order (id). */
  iteratePages(runId: number): AsyncIterable<StoredPage>;
  getPage(pageId: number): Promise<StoredPage | null>;
  pageByUrl(runId: number, url: string): Promise<StoredPage | null>;
  /** The criteria as the page audit alone judged them (before the site-level checks were merged in). */
  pageAuditCriteria(pageId: number): Promise<CriterionResult[]>;
  /** Findings of a run by page, then in the order found; optionally one kind or source. */
  iterateFindings(runId: number, filter?: FindingFilter): AsyncIterable<StoredFinding>;
  findingsOfPage(pageId: number): Promise<StoredFinding[]>;
  /** Documents of a run (URL order), each with the pages that link to it and its findings. */
  documentsOfRun(runId: number): Promise<StoredDocument[]>;
  /** One document of a run (for reuse by the next run), null when the run has none at that URL. */
  documentOfRun(runId: number, url: string): Promise<StoredDocument | null>;
  /** Links found on the audited pages (within scope and out of it), by source then destination. */
  iterateLinks(runId: number, filter?: LinkFilter): AsyncIterable<StoredLink>;
  /**
   * Links whose destination was checked and is broken: HTTP status ≥ 400, or no answer (network error,
   * timeout, redirect loop). Destinations outside the crawl scope are not checked.
   */
  brokenLinksOfRun(runId: number): Promise<BrokenLink[]>;
  errorsOfRun(runId: number): Promise<StoredError[]>;

  // the site-level checks (crawler/crawl/site-checks.ts): the rules are theirs, the queries ours
  /** Audited pages (no error) of a run, in crawl order, as the site checks need them. */
  pagesForSiteChecks(runId: number): Promise<SitePage[]>;
  /**
   * 3.2.4: groups the run's navigation links by destination and naming (only these groups come into
   * memory), asks `judge` about each destination and returns, per page id, the values of the odd namings
   * that page uses.
   */
  navNameVariants<T>(runId: number, judge: NameVariantJudge<T>): Promise<Map<number, T[]>>;
  /**
   * Replaces the run's site findings with `findingsByPage` and sets each page's criteria to its own audit's
   * criteria merged with them (`merge`), in one transaction, so a rerun (resume) never counts twice.
   * Returns how many findings were written.
   */
  replaceSiteFindings(runId: number, findingsByPage: Map<number, Finding[]>, merge: CriteriaMerge): Promise<number>;
}

/** Incremental audits (crawler/crawl/incremental.ts): what a page and its assets looked like when audited. */
export interface ValidatorStore {
  validatorsOf(runId: number, url: string): Promise<PageValidators | null>;
  /** The assets the run's pages used, each URL once (as first seen). */
  assetsOfRun(runId: number): Promise<AssetState[]>;
  /** After a fresh audit: remembers the page's validators for the next run. */
  remember(runId: number, url: string, validators: PageValidators): Promise<void>;
  /**
   * The page is unchanged since `fromRunId`: copies its stored result (the page audit's own criteria, its
   * findings except the site-level ones, its links) into `toRunId` under the given depth, with its
   * validators renewed by `now`, in one transaction. Returns the link destinations to follow.
   */
  carryOver(fromRunId: number, toRunId: number, page: { url: string; depth: number }, now: { etag: string | null; lastModified: string | null }): Promise<{ links: string[] }>;
}

/** Human judgements (jis-a11y judge, imports), kept across runs. */
export interface JudgementStore {
  /** All judgements (revoked ones too when asked), oldest first. */
  listJudgements(opts?: JudgementListOptions): Promise<Judgement[]>;
  /** Validates the inputs, takes each one's fingerprint from the store, records them all or none. Returns the new ids. */
  recordJudgements(inputs: JudgementInput[], opts?: RecordJudgementOptions): Promise<number[]>;
  /** Returns false when there is no such judgement or it was revoked already. */
  revokeJudgement(id: number, now?: string): Promise<boolean>;
}

/**
 * The yearly JIS tests (試験, rules-jis/jis-test.ts): each owns its statement, the runs whose automated results
 * it uses and the judgements made for it. At most one is open; a closed one takes no more runs or judgements.
 * Refusals (a second open test, a closed test, a 表明日 before the 試験実施期間 ends) are TestStateError, in Japanese.
 */
export interface TestStore {
  /** Creates an open test (refused while another is open). */
  create(test: NewTest, now?: string): Promise<JisTest>;
  get(testId: number): Promise<JisTest | null>;
  /** Every test, oldest first. */
  list(): Promise<JisTest[]>;
  /** The open test, or null. */
  openTest(): Promise<JisTest | null>;
  /** Replaces the statement (validated by the caller against schema/test-statement.schema.json); checks the 表明日 against the period. */
  updateStatement(testId: number, statement: TestStatement): Promise<JisTest>;
  /** The test uses this run's automated results (again: no change). Refused on a closed test. */
  attachRun(testId: number, runId: number, now?: string): Promise<void>;
  /** The crawl's one call: attaches the run to the open test, if there is one; returns that test. */
  attachRunToOpenTest(runId: number, now?: string): Promise<JisTest | null>;
  /** The newest test that uses the run, or null. */
  testOfRun(runId: number): Promise<JisTest | null>;
  /** The judgements made for (or carried into) the test, oldest first. */
  judgementsOf(testId: number, opts?: { includeRevoked?: boolean }): Promise<Judgement[]>;
  /** The 試験実施期間 (rules-jis/test-period.ts) from the test's runs and judgements; null when it has neither. */
  periodOf(testId: number): Promise<TestPeriod | null>;
  /**
   * Copies judgements into an open test: each keeps its date and who, names its original (carriedFrom) and, with
   * `recheck`, is 「再確認」 material only. A judgement already carried into the test is skipped. Returns the new ids.
   */
  carryOver(toTestId: number, picks: CarryPick[], now?: string): Promise<number[]>;
  /** Closes the test (its 表明日, default today in JST, must be on or after the end of its period). */
  close(testId: number, opts?: { statementDate?: string; now?: string }): Promise<JisTest>;
}

/** The pre-publish verdict log: every verdict and every waiver used (or refused as expired). */
export interface HookLog {
  /** Logs a verdict and its waiver uses in one transaction; returns the verdict's id. */
  logVerdict(verdict: VerdictToLog, meta: VerdictMeta): Promise<number>;
  logError(error: VerdictErrorToLog): Promise<number>;
  /** Newest first. */
  recentVerdicts(limit?: number): Promise<LoggedVerdict[]>;
  waiverUses(verdictId: number): Promise<LoggedWaiverUse[]>;
}

/** What a draw's plan records before the pages are drawn (SelectionStore.planDraw). */
export interface DrawPlan {
  n: number;
  seed: string;
  population: number;
  populationHash?: string;
  /** Default: now. */
  plannedAt?: string;
}

/**
 * The page selection of a test (JIS X 8341-3:2016 附属書JB.1.2; crawler/store/sqlite/selection.ts): the
 * representative and random pages with why, and the log of every random draw. A draw is planned (its seed
 * and time written and committed) before the pages are drawn, and a plan is drawn at most once, so a test's
 * draws can all be listed and none can be made again quietly.
 */
export interface SelectionStore {
  /** The selected pages of a test: representative first (in the order given), then random (in draw order). */
  listSelection(testId: number): Promise<SelectedPage[]>;
  /** Replaces the test's representative pages with `pages` (all or nothing). Random pages come from recordDraw only. */
  replaceRepresentative(testId: number, pages: SelectedPage[]): Promise<void>;
  /** Writes the plan of a draw (urls null) and returns it: call before drawing. */
  planDraw(testId: number, plan: DrawPlan): Promise<DrawLog>;
  getDraw(drawId: number): Promise<DrawLog | null>;
  /**
   * Records what a planned draw drew and makes those pages the test's random pages, in one transaction.
   * Refuses (Error with a Japanese message) a draw that is not planned or was drawn already.
   */
  recordDraw(drawId: number, drawn: { url: string; reason: string }[], drawnAt?: string): Promise<DrawLog>;
  /** Every draw of a test, planned or made, oldest first. */
  listDraws(testId: number): Promise<DrawLog[]>;
}

/**
 * The workspace's files (issue 15): what each content-addressed file beside the store is (crawler/store/files.ts
 * keeps the bytes), the screenshots of pages by run with the boxes of their findings, and the evidence testers
 * upload. A file is recorded before a row names it.
 */
export interface WorkspaceFileStore {
  /** Records a stored file's type and size (again: no change). */
  recordFile(file: { sha256: string; mime: StoredFileMime; bytes: number }, now?: string): Promise<void>;
  fileInfo(sha256: string): Promise<StoredFileInfo | null>;
  /** The page's screenshot in the run (replaces an earlier one of the same run and URL). */
  saveScreenshot(runId: number, shot: ScreenshotRecord): Promise<void>;
  screenshotOf(runId: number, url: string): Promise<StoredScreenshot | null>;
  /** The page's screenshot of the newest run that has one. */
  latestScreenshot(url: string): Promise<StoredScreenshot | null>;
  /** A page reused unchanged (incremental audit): its screenshot row is copied to the new run, the file shared. */
  carryScreenshot(fromRunId: number, toRunId: number, url: string): Promise<boolean>;
  addEvidence(e: EvidenceInput): Promise<StoredEvidence>;
  /** The evidence given for a page (of one test when asked), oldest first. */
  evidenceOfPage(url: string, opts?: { testId?: number }): Promise<StoredEvidence[]>;
}

/**
 * The workspace's people (issue 15; crawler/store/sqlite/users.ts): users, their sessions and personal tokens.
 * A session or token of a disabled user is never returned, so disabling someone ends their access at once.
 */
export interface UserStore {
  /** Adds a user (the login must be new: the UNIQUE constraint refuses a second one). */
  add(user: NewUser, at?: string): Promise<StoredUser>;
  byLogin(login: string): Promise<StoredUser | null>;
  byId(id: number): Promise<StoredUser | null>;
  /** Every user, by login. */
  list(): Promise<StoredUser[]>;
  /** Admins who are not disabled (the service and `serve` say how to create the first one when there is none). */
  countActiveAdmins(): Promise<number>;
  /** The password hash of an enabled user, for sign-in; null for an unknown or disabled user or one without a password. */
  passwordHashOf(login: string): Promise<string | null>;
  /**
   * Changes a user; returns the user after, or null when there is no such login. Disabling, a new password or a
   * changed role ends the user's sessions in the same transaction.
   */
  update(login: string, patch: UserPatch, at?: string): Promise<StoredUser | null>;

  createSession(session: NewSession): Promise<void>;
  /** The session with this id hash and its user, unless the user is disabled. Expiry is the caller's (it owns the clock). */
  session(idHash: string): Promise<{ session: StoredSession; user: StoredUser } | null>;
  touchSession(idHash: string, at: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsOf(userId: number): Promise<number>;
  /** Removes sessions past their absolute end or idle since `idle`. Returns how many. */
  deleteExpiredSessions(before: { absolute: string; idle: string }): Promise<number>;

  addToken(token: { userId: number; tokenHash: string; label: string; createdAt?: string }): Promise<StoredToken>;
  /** The live (not revoked) token with this hash and its user, unless the user is disabled. */
  token(tokenHash: string): Promise<{ token: StoredToken; user: StoredUser } | null>;
  touchToken(id: number, at: string): Promise<void>;
  /** A user's tokens, revoked ones too, oldest first (never their hashes). */
  tokensOf(userId: number): Promise<StoredToken[]>;
  /** Revokes a token of the user; false when there is none live with that id. */
  revokeToken(userId: number, id: number, at?: string): Promise<boolean>;
}

/** The workspace's audit log (crawler/store/sqlite/audit.ts): append-only, the store stamps the time. */
export interface AuditLog {
  /** Records one write; before/after are JSON-able values and must hold no secret (no password, no hash). */
  record(entry: AuditInput, at?: string): Promise<AuditEntry>;
  /** Newest first, with the total count. Default limit 50. */
  list(opts?: { offset?: number; limit?: number }): Promise<AuditPage>;
}

/**
 * The workspace's test data (issue 15; crawler/store/sqlite/workspace.ts): assignments, each page's template and
 * the review queue counted in SQL (no request reads all findings), the approved versions of a 試験結果.
 */
export interface WorkspaceDataStore {
  /** Gives a criterion (pageUrl '') or a cell to a person; replaces an earlier assignment of the same cell. */
  assign(a: AssignmentInput): Promise<Assignment>;
  assignment(testId: number, criterion: string, pageUrl: string): Promise<Assignment | null>;
  assignments(testId: number): Promise<Assignment[]>;
  /** The run's pages with these (normalised) URLs, in one read; absent URLs are left out. */
  pagesByUrls(runId: number, urls: string[]): Promise<StoredPage[]>;
  /** Changes whenever a page of the run is added or replaced (its page count and newest id). */
  pagesStamp(runId: number): Promise<string>;
  /** Audited pages of the run whose template is not recorded yet. */
  pagesWithoutTemplate(runId: number): Promise<PageForTemplate[]>;
  saveTemplates(runId: number, rows: { pageId: number; url: string; template: string }[]): Promise<void>;
  /** The run's review findings grouped by rule × template (pages with a recorded template), most pages first. */
  reviewGroups(runId: number, page: { offset: number; limit: number }): Promise<{ total: number; groups: ReviewGroup[] }>;
  /** The first `limit` pages of a group, in crawl order (the template index gives them without sorting the group). */
  reviewGroupPages(runId: number, rule: string, template: string, limit: number): Promise<ReviewGroupPage[]>;
  /** Every review finding of a group (for one decision applied to all of them). */
  reviewGroupFindings(runId: number, rule: string, template: string): Promise<ReviewGroupFinding[]>;
  /** The audited pages of the run with this template, by URL. */
  pagesOfTemplate(runId: number, template: string): Promise<ReviewGroupPage[]>;
  /** Records an approved version (numbered 1, 2, … per test, in one transaction). */
  recordVersion(v: NewVersion): Promise<ApprovedVersion>;
  nextVersion(testId: number): Promise<number>;
  versions(testId: number): Promise<ApprovedVersion[]>;
}

export interface Store {
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
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Read only: the file must exist and be at the code's schema version (it is never migrated). */
  readonly?: boolean;
  /**
   * How long to wait, in all, for another process's lock before failing with StoreBusyError (ms). Default 60 s,
   * or JIS_A11Y_STORE_BUSY_TIMEOUT (seconds). Opening the file waits the same way.
   */
  busyTimeoutMs?: number;
}

/**
 * Opens a store: a `postgres://` (or `postgresql://`) URL selects the PostgreSQL store (crawler/store/postgres/,
 * migrated on open unless readonly; docs/scale-out.md), anything else is the SQLite file at `location` (the
 * default; created and migrated unless readonly).
 * Throws StoreVersionError for a file written by a newer jis-a11y, StoreCorruptError for a damaged file or
 * one that is not SQLite, StoreBusyError when another process holds its lock too long (all with Japanese
 * messages naming the file). Every method of the store waits out another process's lock the same way.
 */
export async function openStore(location: string, opts: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresLocation(location)) return openPostgresStore(location, opts);
  return openSqliteStore(location, opts);
}

/** Reads an async iterable into an array: for small sets and tests (big runs should stream). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}
