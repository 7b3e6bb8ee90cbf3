// Counting the human decisions of bench/human-decisions.ts from the worksheet (reports/worksheet.ts) of a test, and
// finishing a year the way a tester would (every open row recorded), so that the second year can carry it over.
import { collect, type Store } from '../crawler/store/store.js';
import type { ReportModel } from '../reports/model.js';
import { selectedPages, worksheetRows, type WorksheetRow } from '../reports/worksheet.js';
import { layoutKey } from '../reports/selection/template-key.js';
import { claimStatus } from '../rules-jis/verdict.js';
import { decisionItemRule } from '../rules-jis/decision-items.js';
import type { JudgementInput } from '../rules-jis/judgements.js';

/** The criteria the page's own content now decides as 適用なし (data/decision-items.json, applicability.json `static`). */
const BY_CONTENT = new Set(['1.4.5', '2.4.4', '2.2.1', '2.2.2', '2.3.1']);

export interface DecisionCounts {
  pages: number;
  decided: number;
  newlyInapplicable: number;
  naive: number;
  withSite: number;
  withTemplate: number;
  regionAware: number;
}

const open = (a: WorksheetRow['automated']) => claimStatus(a) === 'open';
/** A row the tester is still asked: open after the checks and not decided by a judgement (made or carried over). */
const asked = (r: WorksheetRow) => open(r.automated) && !r.current;

export async function countDecisions(store: Store, m: ReportModel, runId: number): Promise<DecisionCounts> {
  const pages = selectedPages(m);
  const rows = worksheetRows(m, pages);
  const pageRows = rows.filter((r) => r.url !== null);
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const stored = new Map((await collect(store.results.iteratePages(runId))).map((p) => [p.url, p.templateKey]));
  const layout = (url: string) => stored.get(url) ?? layoutKey({ url, title: byUrl.get(url)?.title, navKeys: [] });
  const openRows = rows.filter(asked);
  const unit = (r: WorksheetRow, regionAware: boolean) => {
    if (r.url === null) return `${r.criterion} site`;
    if (r.judgedPer === 'template') return `${r.criterion} ${layout(r.url)}`;
    const items = regionAware && decisionItemRule(r.criterion) ? byUrl.get(r.url)?.criteria.find((c) => c.id === r.criterion)?.items : undefined;
    if (items?.length && items.every((it) => it.region === 'template')) return `${r.criterion} ${layout(r.url)} template-part`;
    return `${r.criterion} ${r.url}`;
  };
  return {
    pages: pages.length,
    decided: pageRows.filter((r) => !open(r.automated)).length,
    newlyInapplicable: pages.flatMap((p) => p.criteria).filter((c) => BY_CONTENT.has(c.id) && c.automated === 'inapplicable').length,
    naive: pageRows.filter(asked).length + rows.filter((r) => r.url === null && asked(r)).length * pages.length,
    withSite: openRows.length,
    withTemplate: new Set(openRows.map((r) => unit(r, false))).size,
    regionAware: new Set(openRows.map((r) => unit(r, true))).size,
  };
}

/** The tester records every row still open (○, as the worksheet import would), page rows on the page, site rows for the site. */
export async function finishYear(store: Store, runId: number, testId: number): Promise<void> {
  const { buildReportModel } = await import('../reports/model.js');
  const m = await buildReportModel(store, { runId, testId });
  const rows = worksheetRows(m, selectedPages(m)).filter(asked);
  const inputs: JudgementInput[] = rows.map((r) => ({ criterion: r.criterion, result: 'pass', who: 'bench', scope: r.url === null ? { type: 'site' } : { type: 'page', url: r.url } }));
  await store.judgements.recordJudgements(inputs, { source: 'bench', testId, runId });
  await store.tests.close(testId);
}
