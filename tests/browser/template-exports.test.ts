// Template attribution outside the HTML report (issue 19): a real crawl of the varied CMS site (16 pages, 12
// layouts) into a real SQLite store, then the exports a person opens. result.json lists each template once with its
// page count and each of its shared-part problems once with the pages it is on; findings.csv names the template of
// a finding in a shared part; worksheet.xlsx has the sheet 「テンプレート別の問題」; and the workspace's 確認待ち queue
// groups pages by the template the crawl recognised (the URL shape /page/N.html would put every page in one group).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveVarietySite, type VarietySite } from '../../bench/cms-variety-site.js';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { collect, openStore } from '../../crawler/store/store.js';
import { generateReports } from '../../reports/generate.js';
import { ensureTemplates } from '../../crawler/service/workspace/test-context.js';
import { FINDINGS_CSV_LABEL_JA, TEMPLATE_EXPORT_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { TemplateJson } from '../../reports/template-export.js';

let site: VarietySite;
let dir: string;
let dbFile: string;
let runId: number;
beforeAll(async () => {
  site = await serveVarietySite(16);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jis-template-exports-'));
  const config = mergeConfig({ startUrls: site.urls, output: { dir }, checkDocuments: false, sitemap: false, followLinks: false, interaction: { enabled: false } });
  const r = await runCrawl(config);
  ({ dbFile, runId } = r);
}, 600_000);
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('template-region findings once per template in the exports', () => {
  it('result.json, findings.csv and worksheet.xlsx', async () => {
    const out = path.join(dir, 'reports');
    const g = await generateReports({ store: dbFile, runId, outDir: out, formats: ['json', 'csv', 'worksheet'] });
    const store = await openStore(dbFile, { readonly: true });
    const pages = (await collect(store.results.iteratePages(runId))).filter((p) => !p.error);
    const findings = await collect(store.results.iterateFindings(runId));
    await store.close();
    expect(pages).toHaveLength(16);

    // result.json: 12 templates (one per layout), their pages adding up to the crawl's
    const json = JSON.parse(readFileSync(g.files.json!, 'utf8')) as { templates: TemplateJson[] };
    expect(json.templates).toHaveLength(12);
    expect(json.templates.reduce((n, t) => n + t.pages, 0)).toBe(16);
    const articles = json.templates[0]!; // most pages first: the article layout, five pages
    expect(articles.pages).toBe(5);
    // each shared-part problem once, with the pages it is on; the raw findings repeat it on every page
    for (const t of json.templates) {
      const keys = t.problems.map((p) => `${p.ruleId} ${p.selector}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const p of t.problems) expect(p.pages).toBeLessThanOrEqual(t.pages);
    }
    const onEvery = articles.problems.filter((p) => p.pages === 5);
    expect(onEvery.length).toBeGreaterThan(0);
    const articleIds = new Set(pages.filter((p) => p.templateKey === articles.key).map((p) => p.id));
    const raw = findings.filter((f) => articleIds.has(f.pageId) && f.region === 'template' && f.ruleId === onEvery[0]!.ruleId);
    expect(raw.length).toBeGreaterThanOrEqual(5);

    // findings.csv: the template's column on shared-part findings only, naming the template and its page count
    const rows = parse(readFileSync(g.files.csv!, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const col = FINDINGS_CSV_LABEL_JA.template;
    expect(rows).toHaveLength(findings.length);
    const shared = rows.filter((r) => r[col]);
    expect(shared.length).toBe(findings.filter((f) => f.region === 'template' && pages.some((p) => p.id === f.pageId && p.templateKey)).length);
    expect(new Set(shared.filter((r) => articleIds.has(pages.find((p) => p.url === r[FINDINGS_CSV_LABEL_JA.pageUrl])!.id)).map((r) => r[col]))).toEqual(new Set([`テンプレート 1（5 ${TEMPLATE_EXPORT_LABEL_JA.sharedBy}）`]));

    // worksheet.xlsx: one row per template problem
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(g.files.worksheet!);
    const sheet = wb.getWorksheet(TEMPLATE_EXPORT_LABEL_JA.sheet)!;
    expect(sheet).toBeTruthy();
    expect(sheet.actualRowCount - 1).toBe(json.templates.reduce((n, t) => n + t.problems.length, 0));
  }, 300_000);

  it('the workspace queue groups the review findings by the template the crawl recognised', async () => {
    const store = await openStore(dbFile);
    try {
      await ensureTemplates(store, runId);
      const { groups } = await store.workspaceData.reviewGroups(runId, { offset: 0, limit: 1000 });
      const pages = (await collect(store.results.iteratePages(runId))).filter((p) => !p.error);
      const keys = new Set(pages.map((p) => `#${p.templateKey!.slice(0, 12)}`));
      expect(groups.length).toBeGreaterThan(0);
      for (const gr of groups) expect(keys.has(gr.template)).toBe(true);
      // more than one template among the groups: all pages share one URL shape (/page/N.html)
      expect(new Set(groups.map((gr) => gr.template)).size).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  }, 120_000);
});
