// The versioned JSON result (schema/result.schema.json) of a stored run, with human judgements applied
// to the criteria (their reason says so). Pages that could not be audited carry their error.
import { auditResult } from '../rules-jis/result.js';
import type { AuditResult, CriterionResult, PageResult } from '../rules-jis/types.js';
import type { CrawlStore } from '../crawler/store/crawl-store.js';
import type { ReportModel } from './model.js';

export function resultJson(store: CrawlStore, m: ReportModel): AuditResult {
  const applied = new Map(m.pages.map((p) => [p.id, p]));
  const pages: PageResult[] = [];
  for (const p of store.iteratePages(m.run.id)) {
    const mp = applied.get(p.id);
    const criteria: CriterionResult[] = (mp?.criteria ?? p.criteria).map((c) => {
      const out: CriterionResult = { id: c.id, level: c.level, outcome: c.outcome, counts: c.counts };
      if (c.reason) out.reason = c.reason;
      return out;
    });
    const r: PageResult = {
      url: p.url,
      title: p.title,
      lang: p.lang,
      auditedAt: p.auditedAt,
      criteria: p.error ? [] : criteria,
      findings: p.error ? [] : store.findingsOfPage(p.id).map(({ id: _i, runId: _r, pageId: _p, pageUrl: _u, ...f }) => f),
    };
    if (p.error) r.error = p.error;
    pages.push(r);
  }
  return auditResult(pages, { axeVersion: m.run.axeVersion, browser: m.run.browser, target: m.target });
}
