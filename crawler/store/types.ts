// The shapes of what the store keeps and gives back: the documentation of the data every backend must
// hold (crawler/store/store.ts is the interface, crawler/store/sqlite/ the SQLite implementation).
// All fields are camelCase; JSON columns come back parsed.
import type { CriterionResult, Finding, FindingKind, FindingSource, PageError, Target, Waiver } from '../../rules-jis/types.js';
import type { Fingerprint, Judgement, JudgementInput, JudgementScope } from '../../rules-jis/judgements.js';
import type { JisTest, TestStatement } from '../../rules-jis/jis-test.js';

// ---------------------------------------------------------------------------------------------- runs

export type RunStatus = 'running' | 'finished' | 'interrupted' | 'failed';

export interface RunMeta {
  startUrls: string[];
  /** The effective crawl configuration (auth secrets removed). */
  config: unknown;
  toolVersion?: string;
  axeVersion?: string;
  browser?: string;
  /** Conformance target, 'AA' by default. */
  target?: 'A' | 'AA';
  /** Free label, e.g. "2026年度 定期検査". */
  label?: string;
}

export interface Run extends Required<Omit<RunMeta, 'label'>> {
  id: number;
  label: string | null;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
}

/** What may change on a run after it was created. */
export interface RunPatch {
  status?: RunStatus;
  finishedAt?: string | null;
  axeVersion?: string;
  browser?: string;
}

// -------------------------------------------------------------------------------------------- leases

/**
 * Who crawls a run: one process, said so that a person can find it (host and PID) and a program can tell
 * whether it is still there (crawler/crawl/run-lease.ts). The token alone identifies the holder.
 */
export interface LeaseHolder {
  /** Random, one per crawl process and run. */
  token: string;
  host: string;
  pid: number;
  /**
   * Where the PID means this process: this boot of this kernel and its PID namespace (Linux: boot_id and
   * /proc/self/ns/pid). Two machines, or two containers, may share a host name; they never share this. Null
   * where it cannot be known (then only expiry frees the lease).
   */
  pidSpace: string | null;
}

/** A run's lease: held by one crawl, renewed by its heartbeat, free for another once `expiresAt` has passed. */
export interface Lease extends LeaseHolder {
  runId: number;
  /** ISO 8601: when this holder took it, when it last renewed it, when it expires without renewal. */
  acquiredAt: string;
  heartbeatAt: string;
  expiresAt: string;
}

export interface LeaseTerms {
  /** How long the lease lasts without renewal, in ms. */
  ttlMs: number;
  /** Take the lease even from a live holder (`crawl --force`). */
  force?: boolean;
  /** The clock (tests). */
  now?: Date;
}

/** The answer to a request for a lease: granted (with the expired or forced lease it replaced), or refused with the live holder. */
export type LeaseClaim = { ok: true; lease: Lease; replaced: Lease | null } | { ok: false; holder: Lease };

/** A new run with its lease, or the live crawl of the same start URLs that stood in the way. */
export type LeasedRun = { ok: true; runId: number; lease: Lease } | { ok: false; holder: Lease; startUrls: string[] };

export interface RunSummary {
  runId: number;
  /** Frontier entries (pages and documents) by state. */
  frontier: Record<FrontierState, number>;
  /** Page rows (audited or failed). */
  pages: number;
  /** Pages audited without error. */
  pagesAudited: number;
  /** Pages recorded with an error (HTTP error, timeout, crash …). */
  pagesFailed: number;
  documents: number;
  brokenLinks: number;
  findings: Record<FindingKind, number>;
  errors: number;
}

/** The counts the crawl's progress line shows (crawler/crawl/progress.ts): cheap enough for twice a second. */
export interface ProgressCounts {
  frontier: Record<FrontierState, number>;
  pagesFailed: number;
  documents: number;
  errors: number;
}

// ------------------------------------------------------------------------------------------ frontier

export type FrontierState = 'queued' | 'active' | 'done' | 'failed';
export type FrontierKind = 'page' | 'document';

/** A URL to add to a run's frontier. */
export interface FrontierEntry {
  url: string;
  depth: number;
  kind: FrontierKind;
  parentUrl?: string | null;
}

export interface FrontierItem {
  url: string;
  depth: number;
  kind: FrontierKind;
  attempts: number;
  parentUrl: string | null;
}

// ------------------------------------------------------------------------------------------- results

/** A page as stored. `error` set means it was not audited (criteria and findings are then empty). */
export interface StoredPage {
  id: number;
  runId: number;
  /** Normalised URL (the frontier key). */
  url: string;
  /** URL after redirects. */
  finalUrl: string | null;
  /** HTTP status of the main document, null when none came (network error, timeout). */
  status: number | null;
  contentType: string | null;
  title: string;
  lang: string;
  /** SHA-256 (hex) of the HTML as served; a human judgement stays valid while this is unchanged. */
  contentHash: string | null;
  bytes: number | null;
  depth: number;
  auditedAt: string;
  durationMs: number | null;
  error: PageError | null;
  /** Per-criterion outcomes: the page audit merged with the site-level checks of the run. */
  criteria: CriterionResult[];
  /** Navigation blocks seen on the page (for the 3.2.3 site check). */
  nav: NavBlock[];
  /** The template the page was built from (hash of rules-jis/page/template-identity.ts's skeleton); null when unknown. */
  templateKey: string | null;
  /** The widget set of its content (hash); the keyboard phase runs once per template × widget set. */
  widgetKey: string | null;
}

export interface NavBlock {
  /** What identifies the block across pages: its label, id or landmark, e.g. "nav#gnav". */
  key: string;
  /** Link destinations in document order (normalised). */
  hrefs: string[];
}

export interface StoredFinding extends Finding {
  id: number;
  runId: number;
  pageId: number;
  pageUrl: string;
}

export interface FindingFilter {
  kind?: FindingKind;
  source?: FindingSource;
}

export interface DocumentLink {
  pageUrl: string;
  text: string;
}

/**
 * What the reader found in a document and how it was checked (issue 18): the fields a checked PDF or Office file
 * has beside its inventory entry. All optional in a record; a stored document has them null when not checked.
 */
export interface DocumentContent {
  /** Its content was downloaded and read by the document checks (false: inventory only). */
  checked: boolean;
  /** 'pdf' | 'docx' | 'xlsx' | 'pptx', null when not read. */
  format: string | null;
  etag: string | null;
  lastModified: string | null;
  /** SHA-256 (hex) of the bytes. */
  contentHash: string | null;
  title: string | null;
  lang: string | null;
  pages: number | null;
  /** The run whose findings were reused because the file was unchanged (304 or same hash). */
  reusedFrom: number | null;
  /** The document's own findings (source 'document'). */
  findings: Finding[];
}

/** A non-HTML document (PDF, Word, Excel …): inventoried, and its content checked where the checks know the format. */
export interface StoredDocument extends DocumentContent {
  id: number;
  runId: number;
  url: string;
  /** 'PDF', 'Word', 'Excel', 'PowerPoint', 'CSV', 'ODF' … */
  type: string;
  contentType: string | null;
  /** Bytes (Content-Length), null when the server does not say. */
  size: number | null;
  status: number | null;
  error: PageError | null;
  checkedAt: string;
  /** Pages that link to it, with the link text. */
  linkedFrom: DocumentLink[];
}

/** A link found on an audited page, as the page record carries it. */
export interface PageLink {
  toUrl: string;
  text: string;
  /** 'nav' for links inside nav/header/footer/role=navigation, 'main' otherwise. */
  area: 'nav' | 'main';
}

export interface StoredLink extends PageLink {
  runId: number;
  fromUrl: string;
}

export interface LinkFilter {
  fromUrl?: string;
  toUrl?: string;
}

export interface BrokenLink {
  fromUrl: string;
  toUrl: string;
  text: string;
  status: number | null;
  error: PageError | null;
}

export interface StoredError {
  id: number;
  runId: number;
  url: string;
  code: string;
  message: string;
  attempt: number;
  at: string;
}

export interface ErrorRecord {
  url: string;
  code: string;
  message: string;
  attempt?: number;
  at?: string;
}

/** What the crawler writes for one page, in one transaction. */
export interface PageRecord {
  url: string;
  finalUrl?: string | null;
  status?: number | null;
  contentType?: string | null;
  title?: string;
  lang?: string;
  contentHash?: string | null;
  bytes?: number | null;
  depth: number;
  auditedAt: string;
  durationMs?: number | null;
  error?: PageError | null;
  criteria?: CriterionResult[];
  nav?: NavBlock[];
  templateKey?: string | null;
  widgetKey?: string | null;
  findings?: Finding[];
  links?: PageLink[];
}

export interface DocumentRecord extends Partial<DocumentContent> {
  url: string;
  type: string;
  contentType?: string | null;
  size?: number | null;
  status?: number | null;
  error?: PageError | null;
  checkedAt: string;
}

// --------------------------------------------------------------------------------------- site checks

/** What the site checks (crawler/crawl/site-checks.ts) need of a page: small, a run may have tens of thousands. */
export type SitePage = Pick<StoredPage, 'id' | 'url' | 'title' | 'contentHash' | 'nav'>;

/** One way a destination is named in navigation areas: the set of names (sorted) and how many pages use exactly it. */
export interface NameVariant {
  names: string[];
  pages: number;
}

/**
 * The 3.2.4 judgement the store calls once per destination (the rule itself lives with the site checks):
 * returns the odd namings, each with the value (a finding) to attach to every page that uses it.
 */
export type NameVariantJudge<T> = (toUrl: string, variants: NameVariant[]) => { names: string[]; value: T }[];

/** Merges the site findings of a page into the criteria its own audit gave (crawler/crawl/site-checks.ts mergeCriteria). */
export type CriteriaMerge = (pageCriteria: CriterionResult[], siteFindings: Finding[]) => CriterionResult[];

// ---------------------------------------------------------------------------------------- validators

/** What an HTTP resource looked like: its validators and the SHA-256 (hex) of its bytes. */
export interface ResourceState {
  etag: string | null;
  lastModified: string | null;
  hash: string | null;
}

/** A stylesheet, script or frame a page uses, as it was when the page was audited. */
export interface AssetState extends ResourceState {
  url: string;
}

/** What an incremental audit (crawler/crawl/incremental.ts) remembers of a page to know, next run, whether it changed. */
export interface PageValidators {
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  assets: AssetState[];
}

// ---------------------------------------------------------------------------------------- judgements

export interface JudgementListOptions {
  includeRevoked?: boolean;
  /** Only the judgements of this test; null: only those owned by no test. Default: all. */
  testId?: number | null;
}

export interface RecordJudgementOptions {
  /** Where the judgements came from: 'cli', 'json:<file>', 'csv:<file>'. */
  source?: string;
  /** The run whose pages give the fingerprints (default: the test's newest run, else the newest finished run). */
  runId?: number;
  /** The test the judgements are made for (must be open); null: none. Default: the open test, if any. */
  testId?: number | null;
  /** How a refusal names the i-th input (0-based), e.g. 「3 行目」 for a CSV; default 「i+1 件目」. */
  entryName?: (index: number) => string;
  now?: string;
}

/** A judgement ready to store: validated, with the fingerprint of what was judged (crawler/store/judgements.ts). */
export interface NewJudgement {
  input: JudgementInput;
  fingerprint: Fingerprint;
  source: string;
  createdAt: string;
  /** The run whose pages gave the fingerprint and the conflict check, when there was one. */
  runId: number | null;
}

// --------------------------------------------------------------------------------------------- tests

/** A test as `jis-a11y test new` creates it. */
export interface NewTest {
  name: string;
  fiscalYear?: number | null;
  target?: Target;
  statement?: TestStatement;
}

/** One judgement to copy into a test by carry-over; `recheck`: its page changed, so it comes as 「再確認」 only. */
export interface CarryPick {
  judgementId: number;
  recheck: boolean;
}

export type { JisTest, TestStatement };

export type { Judgement, JudgementInput, JudgementScope, Fingerprint };

// ------------------------------------------------------------------------------------------ hook log

/** What the log keeps of a verdict (crawler/hook/verdict.ts HookVerdict has this shape and more). */
export interface VerdictToLog {
  url: string;
  verdict: string;
  durationMs: number;
  counts: { blocking: number; review: number; advisory: number; waived: number };
  policy: { source: string; hash: string };
  waived: { selector: string; waiver: WaiverRef }[];
  expiredWaivers: { finding: { selector: string }; waiver: WaiverRef }[];
}

/** A waiver as the verdict log keeps it (rules-jis/types.ts Waiver). */
export type WaiverRef = Waiver;

export interface VerdictMeta {
  channel: 'cli' | 'http';
  mode: 'html' | 'url';
  /** The HTML submitted or served: only its SHA-256 is kept. */
  source?: string;
  /** Remote address, or 'cli'. */
  client?: string;
}

/** A request that ended without a verdict (timeout, crash, refused origin). */
export interface VerdictErrorToLog extends VerdictMeta {
  url: string;
  code: string;
  message: string;
  durationMs?: number;
}

export interface LoggedVerdict {
  id: number;
  at: string;
  channel: string;
  mode: string;
  url: string;
  verdict: string;
  blocking: number;
  waived: number;
  errorCode: string | null;
}

export interface LoggedWaiverUse {
  verdictId: number;
  status: 'applied' | 'expired';
  rule: string;
  findingSelector: string;
  approvedBy: string;
  expires: string;
}
