// The one builder of the result contract (schema/result.schema.json): a page's PageResult from the bundle's
// output (plus what a later phase found, e.g. the keyboard phase in crawler/page/interaction/), a PageResult
// for a page that could not be audited, and the versioned AuditResult from page results.
// Used by crawler/page/audit-page.ts (crawl, `check`, hook), the extension's tab client and reports/json-export.ts.
// The axe version travels with a page (AuditedPage) from the in-page output to AuditResult.tool, so no front
// door has to ask the page for it again. Pure: no DOM, no Node.
import { judgePage } from './verdict.js';
import { SCHEMA_VERSION, TOOL_NAME, TOOL_VERSION } from './version.js';
import type { AuditResult, Finding, InPageOutput, PageError, PageResult, RuleStat, Target } from './types.js';

export const STANDARD = 'JIS X 8341-3:2016' as const;

/** Findings and rule stats a phase adds after the in-page run. */
export interface ExtraFindings {
  findings: Finding[];
  ruleStats: RuleStat[];
}

/**
 * A page result with the version of axe-core that produced it ('' when the page could not be audited).
 * The version is not part of the serialised PageResult: it goes into AuditResult.tool.
 */
export interface AuditedPage {
  result: PageResult;
  axeVersion: string;
}

export interface PageResultOptions {
  /** What a later phase found on the same page (the keyboard phase). */
  extra?: ExtraFindings | null;
  target?: Target;
  /** ISO time of the audit (default: now). */
  auditedAt?: string;
}

/** The verdict of a gathered page, with any extra findings merged in. */
export function pageResult(output: InPageOutput, opts: PageResultOptions = {}): PageResult {
  const findings = opts.extra ? [...output.findings, ...opts.extra.findings] : output.findings;
  const ruleStats = opts.extra ? [...output.ruleStats, ...opts.extra.ruleStats] : output.ruleStats;
  return {
    url: output.url,
    title: output.title,
    lang: output.lang,
    auditedAt: opts.auditedAt ?? new Date().toISOString(),
    criteria: judgePage({ findings, ruleStats, facts: output.facts, target: opts.target ?? 'AA' }),
    findings,
  };
}

export function auditedPage(output: InPageOutput, opts: PageResultOptions = {}): AuditedPage {
  return { result: pageResult(output, opts), axeVersion: output.axeVersion };
}

/** A page that could not be audited: no criteria, no findings, the error. */
export function errorPageResult(url: string, error: PageError, auditedAt = new Date().toISOString()): PageResult {
  return { url, title: '', lang: '', auditedAt, error, criteria: [], findings: [] };
}

export function errorAuditedPage(url: string, error: PageError): AuditedPage {
  return { result: errorPageResult(url, error), axeVersion: '' };
}

export interface AuditMeta {
  axeVersion: string;
  /** The browser's version string (puppeteer `browser.version()`, or the extension's user agent). */
  browser: string;
  target: Target;
}

/** The versioned JSON result of some pages. */
export function auditResult(pages: PageResult[], meta: AuditMeta): AuditResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, axeVersion: meta.axeVersion, browser: meta.browser },
    standard: STANDARD,
    target: meta.target,
    pages,
  };
}

/** The axe version of audited pages: that of the first page that was audited ('' when none was). */
function axeVersionOf(pages: AuditedPage[]): string {
  return pages.find((p) => p.axeVersion)?.axeVersion ?? '';
}

/** The AuditResult of audited pages (`check`), the axe version taken from the pages. */
export function auditResultOf(pages: AuditedPage[], meta: Omit<AuditMeta, 'axeVersion'>): AuditResult {
  return auditResult(
    pages.map((p) => p.result),
    { ...meta, axeVersion: axeVersionOf(pages) },
  );
}

/** The AuditResult of one page audited where it is shown (the extension's side panel). */
export function singlePageResult(output: InPageOutput, browser: string, target: Target = 'AA'): AuditResult {
  return auditResultOf([auditedPage(output, { target })], { browser, target });
}
