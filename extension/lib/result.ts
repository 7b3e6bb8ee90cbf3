// Builds the page's AuditResult (schema/result.schema.json) from the bundle's output, with the same
// pure verdict the crawler uses. No browser APIs here: the UI and the tests import it directly.
import { judgePage } from '../../rules-jis/verdict.js';
import { SCHEMA_VERSION, TOOL_NAME, TOOL_VERSION } from '../../rules-jis/version.js';
import type { AuditResult, InPageOutput, PageResult } from '../../rules-jis/types.js';

export function pageResultFrom(output: InPageOutput, target: 'A' | 'AA' = 'AA', auditedAt = new Date().toISOString()): PageResult {
  return {
    url: output.url,
    title: output.title,
    lang: output.lang,
    auditedAt,
    criteria: judgePage({ findings: output.findings, ruleStats: output.ruleStats, facts: output.facts, target }),
    findings: output.findings,
  };
}

export function auditResultFrom(output: InPageOutput, browser: string, target: 'A' | 'AA' = 'AA'): AuditResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, axeVersion: output.axeVersion, browser },
    standard: 'JIS X 8341-3:2016',
    target,
    pages: [pageResultFrom(output, target)],
  };
}

/** The URL a page's judgements are kept under: the fragment never changes the content. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}
