// Data shapes shared by every front door (crawler, hook, extension, reports).
// This file has no runtime code and no Node APIs: it is safe in the in-page bundle.

/** A finding's kind (docs/architecture.md "Outcomes"): violation 不適合, review 要確認, advisory 参考. */
export type FindingKind = 'violation' | 'review' | 'advisory';

/** Per page and criterion. */
export type Outcome = 'fail' | 'review' | 'pass' | 'inapplicable' | 'untested';

export type Level = 'A' | 'AA' | 'AAA';

/** The conformance level a test aims at: the criteria of this level and the levels below. */
export type Target = 'A' | 'AA';

/** Where a finding came from. */
export type FindingSource =
  | 'axe' // an axe-core rule
  | 'jis' // one of our Japanese checks (axe custom rules)
  | 'source' // the HTML as served (4.1.1 parse errors)
  | 'interaction' // keyboard / interaction phase driven by puppeteer
  | 'site' // site-level checks across pages (crawler)
  | 'document'; // a PDF or Office file (rules-jis/documents/)

export interface Finding {
  ruleId: string;
  source: FindingSource;
  kind: FindingKind;
  /** Success criteria, e.g. ["1.1.1"]; empty for advisories with no A/AA criterion. */
  criteria: string[];
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  /** CSS selector of the element ("" for page-level findings). Frames: selectors joined by " >>> "; shadow roots by " ::shadow ". */
  selector: string;
  /** Outer HTML snippet (truncated). */
  html: string;
  /** What is wrong, in Japanese. */
  message: string;
  /** How to fix it, in Japanese. */
  help: string;
  helpUrl: string;
  /**
   * Where the element is: in the template's own parts (header, menus, footer: fixed once in the CMS template)
   * or in the page's content; unset when the page has no recognisable main content or the element is in a frame.
   */
  region?: 'template' | 'content';
  /** For source findings: 1-based position in the served HTML. */
  line?: number;
  column?: number;
}

/** How one rule came out on one page, whether or not it produced findings. */
export interface RuleStat {
  ruleId: string;
  source: FindingSource;
  criteria: string[];
  /** passed: it applied and found nothing; inapplicable: nothing on the page it applies to. */
  result: 'violation' | 'review' | 'advisory' | 'passed' | 'inapplicable';
}

/** Facts about the page content that decide applicability of criteria with certainty. */
export interface PageFacts {
  /** criterion id → true when the page has nothing that criterion applies to (see data/applicability.json). */
  inapplicable: Record<string, boolean>;
  /**
   * criterion id → the elements a person judges for it, one by one (data/decision-items.json,
   * rules-jis/page/decision-items.ts). Absent for a criterion that has no such list.
   */
  items?: Record<string, DecisionItem[]>;
  /** False when the lists may miss elements (frames the page reads could not enter, or too many elements). */
  itemsComplete?: boolean;
}

/** What kind of element a decision item is. */
export type DecisionItemKind = 'image' | 'background' | 'icon' | 'link' | 'heading' | 'label';

/**
 * One element a person judges for a criterion (判断の対象): its key is the same wherever the same element recurs
 * (an image's src and alternative, a link's text and target …), so it is judged once for the site.
 */
export interface DecisionItem {
  key: string;
  /** What the tester reads (「リンク「申請書」→ https://…」). */
  label: string;
  /** The template's parts (outside the main content) or the page's content; unset when the page has no main content. */
  region?: 'template' | 'content';
}

export interface CriterionCounts {
  violation: number;
  review: number;
  advisory: number;
}

export interface CriterionResult {
  id: string;
  level: Level;
  outcome: Outcome;
  counts: CriterionCounts;
  /** Why this outcome, in Japanese (short). */
  reason?: string;
  /** For an open criterion judged element by element: the elements a person judges (rules-jis/decision-items.ts). */
  items?: DecisionItem[];
}

/**
 * Why a page (or a pre-publish check) could not be audited. The codes are part of the JSON output
 * (schema/result.schema.json, schema/hook-verdict.schema.json); their Japanese names are in labels-ja.ts.
 */
export type ErrorCode =
  // the page, as the crawler, `check` and the hook load it (crawler/page/, crawler/crawl/http-client.ts)
  | 'unreachable' // no answer, connection refused, name not resolved
  | 'http-error' // status 400 or above
  | 'not-html' // another content type, or a download
  | 'redirect-loop'
  | 'too-large' // over maxPageBytes
  | 'timeout' // loading (or the hook's whole check) took too long
  | 'audit-timeout' // the in-page audit took too long
  | 'navigation-failed' // any other navigation error
  | 'crashed' // the tab died
  | 'internal' // a bug of ours
  // a document (PDF, Office) the crawl or `check` downloaded to check (crawler/page/documents/)
  | 'document-unreadable' // broken, or not the format it claims
  | 'document-encrypted' // needs a password to open
  // the pre-publish hook's sandbox and HTTP service (crawler/hook/, crawler/service/)
  | 'origin-not-allowed'
  | 'browser-not-found'
  | 'browser-launch-failed'
  | 'browser-crashed'
  | 'shutting-down'
  | 'aborted'; // the client went away, or the check was cancelled

export interface PageError {
  code: ErrorCode;
  /** What happened and what to do, in Japanese. */
  message: string;
}

export interface PageResult {
  url: string;
  title: string;
  lang: string;
  auditedAt: string;
  error?: PageError;
  criteria: CriterionResult[];
  findings: Finding[];
}

/** The versioned JSON result (schema/result.schema.json). */
export interface AuditResult {
  schemaVersion: string;
  tool: { name: string; version: string; axeVersion: string; browser: string };
  standard: 'JIS X 8341-3:2016';
  target: Target;
  pages: PageResult[];
  /** The PDF and Office files linked from the pages (a crawl's result; issue 18), each with its own findings. */
  documents?: DocumentResult[];
}

/**
 * A PDF or Office file linked from the audited pages, as the exports and the service give it: where it is,
 * what it is, who links to it (the editor who uploaded it) and its findings (source 'document').
 */
export interface DocumentResult {
  url: string;
  /** 'PDF', 'Word', 'Excel', 'PowerPoint', 'CSV' … (from the link and the server's type). */
  type: string;
  /** The format the checks read ('pdf' | 'docx' | 'xlsx' | 'pptx'), null when its content was not read. */
  format: string | null;
  title: string | null;
  lang: string | null;
  pages: number | null;
  status: number | null;
  /** Its content was downloaded and checked (false: inventory only, or it could not be read: see error). */
  checked: boolean;
  error?: PageError;
  linkedFrom: { pageUrl: string; text: string }[];
  findings: Finding[];
}

/** What the in-page bundle returns from `window.jisA11y.run()`. */
export interface InPageOutput {
  url: string;
  title: string;
  lang: string;
  axeVersion: string;
  findings: Finding[];
  ruleStats: RuleStat[];
  facts: PageFacts;
}

export interface InPageRunOptions {
  /** The HTML as served; when given, the 4.1.1 source checks run on it. */
  source?: string;
  /** Run axe in iframes too (default true). */
  iframes?: boolean;
}

/** The API the bundle puts on `window.jisA11y`. */
export interface InPageApi {
  version: string;
  axeVersion: string;
  run(options?: InPageRunOptions): Promise<InPageOutput>;
}

/**
 * A recorded exception to the pre-publish policy (schema/policy.schema.json `waivers[]`): the hook lets a matching
 * finding through until `expires`, and the verdict log keeps which waiver was used.
 */
export interface Waiver {
  /** Rule id the waiver is for (e.g. "color-contrast", "jis-link-text"). */
  rule: string;
  /** Glob on the page URL ("https://…/kurashi/**") or on its path ("/kurashi/**"). */
  pagePattern?: string;
  /** The finding's selector, exactly as reported. */
  selector?: string;
  reason: string;
  approvedBy: string;
  /** Last day the waiver applies (YYYY-MM-DD, Japan time, inclusive). */
  expires: string;
}
