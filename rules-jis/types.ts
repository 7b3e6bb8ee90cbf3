// Data shapes shared by every front door (crawler, hook, extension, reports).
// This file has no runtime code and no Node APIs: it is safe in the in-page bundle.

/** A finding's kind (DESIGN.md): violation 不適合, review 要確認, advisory 参考. */
export type FindingKind = 'violation' | 'review' | 'advisory';

/** Per page and criterion. */
export type Outcome = 'fail' | 'review' | 'pass' | 'inapplicable' | 'untested';

export type Level = 'A' | 'AA' | 'AAA';

/** Where a finding came from. */
export type FindingSource =
  | 'axe' // an axe-core rule
  | 'jis' // one of our Japanese checks (axe custom rules)
  | 'source' // the HTML as served (4.1.1 parse errors)
  | 'interaction' // keyboard / interaction phase driven by puppeteer
  | 'site'; // site-level checks across pages (crawler)

export interface Finding {
  ruleId: string;
  source: FindingSource;
  kind: FindingKind;
  /** Success criteria, e.g. ["1.1.1"]; empty for advisories with no A/AA criterion. */
  criteria: string[];
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  /** CSS selector of the element ("" for page-level findings). Frames: selectors joined by " >>> ". */
  selector: string;
  /** Outer HTML snippet (truncated). */
  html: string;
  /** What is wrong, in Japanese. */
  message: string;
  /** How to fix it, in Japanese. */
  help: string;
  helpUrl: string;
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
}

export interface PageError {
  /** e.g. "unreachable", "http-error", "not-html", "timeout", "crashed", "redirect-loop", "too-large", "file-not-found" */
  code: string;
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
  target: 'A' | 'AA';
  pages: PageResult[];
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
