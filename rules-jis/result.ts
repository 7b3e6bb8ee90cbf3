// The versioned JSON result (schema/result.schema.json) built from page results.
import { SCHEMA_VERSION, TOOL_NAME, TOOL_VERSION } from './version.js';
import type { AuditResult, PageResult } from './types.js';

export function auditResult(pages: PageResult[], meta: { axeVersion: string; browser: string; target: 'A' | 'AA' }): AuditResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, axeVersion: meta.axeVersion, browser: meta.browser },
    standard: 'JIS X 8341-3:2016',
    target: meta.target,
    pages,
  };
}
