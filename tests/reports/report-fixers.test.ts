// The report for the people who fix pages (issue 14, item 6 and the download links of item 7), end to end:
// the sample site crawled with 所属 prefixes in its config, the reports written while the site still answers
// (with and without element crops), then report.html read as an editor would — Japanese rule titles, the
// 所属 and per-page views, what each element shows, the kit's procedure for open criteria, 年度 trends,
// links with format and size, one word for untested — and audited by our own `check`.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSampleSite } from '../../crawler/cli/sample-site.js';
import { mergeConfig } from '../../crawler/crawl/config.js';
import { runCrawl } from '../../crawler/crawl/crawl.js';
import { runCheck } from '../../crawler/cli/check-command.js';
import { ruleCatalogue } from '../../rules-jis/catalogue/index.js';
import { generateReports, REPORT_FILES, type GeneratedReports } from '../../reports/generate.js';
import { bytesJa } from '../../reports/format.js';
import { MAX_CROP_BYTES, MAX_PER_RULE_PER_PAGE, MAX_RUN_BYTES } from '../../reports/crops.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jis-fixers-'));
const SECTIONS = [
  { prefix: '/kenko/', name: '健康福祉部 健康増進課' },
  { prefix: '/kurashi/', name: '県民生活部 県民生活課' },
];
let plain: GeneratedReports;
let cropped: GeneratedReports;
let html: string;
const ms: Record<string, number> = {};

async function timed<T>(name: string, f: () => Promise<T>): Promise<T> {
  const t = Date.now();
  try {
    return await f();
  } finally {
    ms[name] = Date.now() - t;
  }
}

beforeAll(async () => {
  const site = await serveSampleSite();
  try {
    const crawl = await timed('crawl', () => runCrawl(mergeConfig({ site: site.url, concurrency: 2, output: { dir: path.join(tmp, 'crawl') }, sections: SECTIONS })));
    plain = await timed('report', () => generateReports({ store: crawl.dbFile, outDir: path.join(tmp, 'plain'), formats: ['html', 'csv', 'json', 'test-result', 'xlsx'] }));
    cropped = await timed('report+crops', () => generateReports({ store: crawl.dbFile, outDir: path.join(tmp, 'crops'), crops: true }));
    html = readFileSync(cropped.files.html!, 'utf8');
  } finally {
    await site.close();
  }
}, 400_000);

afterAll(() => {
  console.log(`[report-fixers] crawl ${ms.crawl} ms; reports ${ms.report} ms without crops, ${ms['report+crops']} ms with crops (${cropped?.crops?.crops} crops, ${cropped?.crops?.bytes} bytes)`);
});

const occurrenceOf = (ruleId: string, url: string) =>
  cropped.model.findingGroups.flatMap((g) => g.rules).filter((r) => r.ruleId === ruleId).flatMap((r) => r.occurrences).find((o) => o.pageUrl.endsWith(url))!;

describe('report.html for the people who fix pages (sample site)', () => {
  it('names each rule by its Japanese title, the id small beside it, violations first', () => {
    const title = ruleCatalogue().get('image-alt').title.ja;
    expect(html).toContain(`${title} <small class="rule-id">（image-alt）</small>`);
    expect(html).not.toMatch(/<h4>(不適合|要確認): [a-z-]+（/);
    const groups = cropped.model.findingGroups;
    const firstReviewOnly = groups.findIndex((g) => g.violations === 0);
    if (firstReviewOnly >= 0) expect(groups.slice(firstReviewOnly).every((g) => g.violations === 0)).toBe(true);
    const order = { violation: 0, review: 1, advisory: 2 };
    for (const g of groups) {
      const kinds = g.rules.map((r) => order[r.kind]);
      expect(kinds, g.id).toEqual([...kinds].sort((a, b) => a - b));
    }
  });

  it('groups pages by 所属 from the config, the rest under その他', () => {
    const by = new Map(cropped.model.sections.map((s) => [s.name, s]));
    expect([...by.keys()]).toEqual(['健康福祉部 健康増進課', '県民生活部 県民生活課', 'その他']);
    const kurashi = by.get('県民生活部 県民生活課')!;
    expect(kurashi.pages).toBe(cropped.model.pages.filter((p) => new URL(p.url).pathname.startsWith('/kurashi/')).length);
    expect(kurashi.violations).toBeGreaterThan(0);
    expect(kurashi.worst.map((p) => new URL(p.url).pathname)).toContain('/kurashi/gomi.html');
    const section = html.slice(html.indexOf('<h2 id="by-section">'), html.indexOf('<h2 id="by-page">'));
    expect(section).toContain('<th scope="row">県民生活部 県民生活課');
    expect(section).toContain('<th scope="row">その他');
  });

  it('shows each page with its title, link and its problems by criterion', () => {
    const view = cropped.model.pageViews.find((v) => v.page.url.endsWith('/kurashi/gomi.html'))!;
    expect(view.section).toBe('県民生活部 県民生活課');
    expect(view.criteria.map((c) => c.id)).toContain('1.1.1');
    expect(html).toMatch(/<h4 id="p-\d+"><a href="[^"]+\/kurashi\/gomi\.html">ごみの分け方・出し方｜みどり県（\/kurashi\/gomi\.html）<\/a><\/h4>/);
  });

  it('says what a person sees of each element, and photographs violations of the selected pages', () => {
    expect(occurrenceOf('jis-alt-meaningless', '/kyoiku/bunka.html').visible).toEqual({ source: '代替テキスト（alt）', text: '画像' });
    expect(html).toContain('代替テキスト（alt）: 「画像」');
    const contrast = occurrenceOf('color-contrast', '/event/event-02.html');
    expect(contrast.visible?.text).toContain('雨天の場合は中止します');
    expect(contrast.crop).toMatch(/^data:image\/jpeg;base64,/);
    const crops = [...html.matchAll(/<img class="crop" src="data:image\/jpeg;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1], 'base64'));
    // each crop once, in the per-page view (the findings list gives the text only)
    expect(crops.length).toBe(cropped.crops!.crops);
    expect(crops.length).toBeGreaterThan(0);
    for (const c of crops) {
      expect([c[0], c[1]]).toEqual([0xff, 0xd8]);
      expect(c.length).toBeLessThanOrEqual(MAX_CROP_BYTES);
    }
    expect(cropped.crops!.bytes).toBeLessThanOrEqual(MAX_RUN_BYTES);
    for (const r of cropped.model.findingGroups.flatMap((g) => g.rules)) {
      const perPage = new Map<string, number>();
      for (const o of r.occurrences) if (o.crop) perPage.set(o.pageUrl, (perPage.get(o.pageUrl) ?? 0) + 1);
      for (const n of perPage.values()) expect(n).toBeLessThanOrEqual(MAX_PER_RULE_PER_PAGE);
      if (r.kind !== 'violation') expect(r.occurrences.some((o) => o.crop)).toBe(false);
    }
    // without --crops, no picture and no request to the site
    expect(readFileSync(plain.files.html!, 'utf8')).not.toContain('class="crop"');
  });

  it('gives the kit’s procedure for each criterion still 要確認 or 未確認', () => {
    const open = cropped.model.manualChecks;
    expect(open.length).toBeGreaterThan(0);
    for (const c of open) {
      expect(html).toContain(`<h3 id="k-${c.row.id}">`);
      expect(html).toContain(c.kit!.procedure.steps[0].replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
    expect(html).toContain('未確認');
    expect(html).not.toContain('未検査');
  });

  it('charts the 年度 with per-page rates and a table beside the chart', () => {
    const trends = html.slice(html.indexOf('<h2 id="trends">'));
    expect(trends).toContain('年度ごとの推移');
    expect(trends).toContain('1ページあたりの不適合');
    const y = cropped.model.trends.years.at(-1)!;
    expect(trends).toContain(`<td class="num">${(y.violations / y.pages).toFixed(2)}</td>`);
  });

  it('links the other files with their format and size', () => {
    for (const [key, format] of [['csv', 'CSV'], ['xlsx', 'Excel'], ['json', 'JSON'], ['testResult', 'HTML'], ['pdf', 'PDF']] as const) {
      const file = cropped.files[key]!;
      expect(html).toContain(`${REPORT_FILES[key]}（${format}、${bytesJa(statSync(file).size)}）</a>`);
    }
  });

  it('passes our own check with no violation and no review item', async () => {
    const { result } = await runCheck([cropped.files.html!], { format: 'json', level: 'AA', timeout: 90 });
    const p = result.pages[0];
    expect(p.error).toBeUndefined();
    expect(p.findings.filter((f) => f.kind !== 'advisory').map((f) => `${f.kind} ${f.ruleId} ${f.selector} ${f.html.slice(0, 100)}`)).toEqual([]);
  }, 180_000);
});
