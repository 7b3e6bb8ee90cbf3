// The live keyboard check's findings added to the panel's audit of the same page: the page result is built
// again from the in-page output plus the extra findings, by the same builder as the crawl's keyboard phase
// (rules-jis/result.ts), so the criteria's outcomes follow the one verdict (rules-jis/verdict.ts).
import { auditResultOf, auditedPage, type ExtraFindings } from '../../rules-jis/result.js';
import type { AuditRun } from './tab-client.js';

export function withExtra(run: AuditRun, extra: ExtraFindings | null): AuditRun {
  if (!extra) return run;
  const meta = { browser: run.result.tool.browser, target: run.result.target };
  return { output: run.output, result: auditResultOf([auditedPage(run.output, { extra, target: meta.target })], meta) };
}
