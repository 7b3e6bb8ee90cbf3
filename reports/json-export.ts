// The versioned JSON result (schema/result.schema.json) of a stored run, with human judgements applied
// to the criteria (their reason says so). Pages that could not be audited carry their error. The linked PDF
// and Office files follow the pages (`documents`, issue 18) with their own findings and linking pages. `templates`:
// each CMS template's own problems once with their page counts (reports/template-export.ts), when the pages carry templates.
import { auditResult } from '../rules-jis/result.js';
import type { AuditResult, CriterionResult, PageResult } from '../rules-jis/types.js';
import type { Store } from '../crawler/store/store.js';
import type { ReportModel } from './model.js';
import { documentResult } from './documents-export.js';
import { templatesJson, type TemplateJson } from './template-export.js';

export async function resultJson(store: Store, m: ReportModel): Promise<AuditResult & { templates?: TemplateJson[] }> {
  const applied = new Map(m.pages.map((p) => [p.id, p]));
  const pages: PageResult[] = [];
  for await (const p of store.results.iteratePages(m.run.id)) {
    const mp = applied.get(p.id);
    const criteria: CriterionResult[] = (mp?.criteria ?? p.criteria).map((c) => {
      // 「再確認」 is not an outcome of schema/result.schema.json: a person must decide again, as for review
      const out: CriterionResult = { id: c.id, level: c.level, outcome: c.outcome === 'recheck' ? 'review' : c.outcome, counts: c.counts };
      if (c.reason) out.reason = c.reason;
      return out;
    });
    const r: PageResult = {
      url: p.url,
      title: p.title,
      lang: p.lang,
      auditedAt: p.auditedAt,
      criteria: p.error ? [] : criteria,
      findings: p.error ? [] : (await store.results.findingsOfPage(p.id)).map(({ id: _i, runId: _r, pageId: _p, pageUrl: _u, ...f }) => f),
    };
    if (p.error) r.error = p.error;
    pages.push(r);
  }
  const result = auditResult(pages, { axeVersion: m.run.axeVersion, browser: m.run.browser, target: m.target });
  if (m.documents.length) result.documents = m.documents.map(documentResult);
  return m.templates.length ? { ...result, templates: templatesJson(m) } : result;
}
