// A checked document's outcome per criterion: fail / review / untested from its findings, never pass (the
// document checks cover only part of what a criterion asks of a document). One definition for `check` and the
// service (crawler/page/documents/document-result.ts) and for the documents a yearly test includes
// (reports/model/document-pages.ts).
import type { CriterionResult, Finding, Target } from '../types.js';
import { judgePage } from '../verdict.js';

export function documentCriteria(findings: Finding[], target: Target): CriterionResult[] {
  return judgePage({ findings, ruleStats: [], facts: { inapplicable: {} }, target });
}
