// The report for the people who fix pages (issue 14, item 6), tested on its pure parts: the Japanese rule
// titles and the fixer's order, what a person sees of an element, the per-section and per-page views, the
// kit's procedure for open criteria, per-page trend rates by 年度, download links with format and size, and
// the one word for `untested`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredFinding, StoredPage } from '../../crawler/store/store.js';
import { OUTCOME_LABEL_JA, RESULT_MARK_JA } from '../../rules-jis/labels-ja.js';
import { manualKit } from '../../rules-jis/manual-kit.js';
import { colourWords, sensoryWords } from '../../rules-jis/text/sensory.js';
import { ruleCatalogue } from '../../rules-jis/catalogue/index.js';
import type { ChecklistRow, ModelPage, ReportModel } from '../../reports/model.js';
import { groupFindings } from '../../reports/model/finding-groups.js';
import { visibleText } from '../../reports/model/visible-text.js';
import { OTHER_SECTION_JA, sectionOf, summariseSections } from '../../reports/model/org-sections.js';
import { buildPageViews } from '../../reports/model/page-view.js';
import { findingsSection } from '../../reports/sections/findings.js';
import { manualChecksSection } from '../../reports/sections/manual-checks.js';
import { fileLinkText } from '../../reports/sections/summary.js';
import { trendsSection } from '../../reports/sections/trends.js';
import { pageShare, perPageRate, type TrendPoint } from '../../reports/trends.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ORIGIN = 'https://www.pref.example.lg.jp';

let fid = 0;
function finding(pageId: number, url: string, ruleId: string, kind: StoredFinding['kind'], criteria: string[], html: string, selector = 'p'): StoredFinding {
  return { id: ++fid, runId: 1, pageId, pageUrl: url, ruleId, source: 'axe', kind, criteria, impact: 'serious', selector, html, message: 'm', help: 'h', helpUrl: '' };
}
function stored(id: number, p: string, title: string): StoredPage {
  return { id, runId: 1, url: ORIGIN + p, finalUrl: null, status: 200, contentType: 'text/html', title, lang: 'ja', contentHash: 'x', bytes: 1, depth: 1, auditedAt: '', durationMs: 1, error: null, criteria: [], nav: [], templateKey: null, widgetKey: null };
}
function modelPage(id: number, p: string, violations: number, reviews: number, title = p): ModelPage {
  return { id, url: ORIGIN + p, title, contentHash: null, criteria: [], violations, reviews, advisories: 0, failing: violations ? ['1.1.1'] : [], selected: true };
}

describe('what a person sees of an element (from the stored snippet)', () => {
  it.each([
    ['<a href="/x" aria-label="暮らしの情報へ"><img src="/i.png" alt=""></a>', 'aria-label', '暮らしの情報へ'],
    ['<a href="/kurashi/">詳しくは <b>こちら</b></a>', '表示テキスト', '詳しくは こちら'],
    ['<a href="/kurashi/"><img src="/img/icon-arrow.png" alt="暮らし"></a>', '中の画像の代替テキスト（alt）', '暮らし'],
    ['<img src="/img/photo.png" alt="画像" width="200">', '代替テキスト（alt）', '画像'],
    ['<input type="submit" value="送信する">', '入力値', '送信する'],
    ['<img src="/img/photo.png?v=2" width="200" height="150">', '画像のファイル名', 'photo.png'],
    ['<p style="color:#aaaaaa">雨天の場合は中止します。中止の場合は', '表示テキスト', '雨天の場合は中止します。中止の場合は'],
  ])('%s → %s 「%s」', (snippet, source, text) => {
    expect(visibleText(snippet)).toEqual({ source, text });
  });
  it('nothing for an element that shows nothing, and long text is cut', () => {
    expect(visibleText('<div class="spacer"></div>')).toBeNull();
    expect(visibleText('')).toBeNull();
    expect(visibleText(`<p>${'あ'.repeat(200)}</p>`)!.text).toHaveLength(80);
  });
});

describe('findings: Japanese rule titles and the fixer’s order', () => {
  const pages = [stored(1, '/a.html', 'A'), stored(2, '/b.html', 'B'), stored(3, '/c.html', 'C')];
  const fs = new Map<number, StoredFinding[]>([
    // a review on three pages, many occurrences
    [1, [finding(1, ORIGIN + '/a.html', 'color-contrast', 'review', ['1.4.3'], '<p>x</p>'), finding(1, ORIGIN + '/a.html', 'color-contrast', 'review', ['1.4.3'], '<p>y</p>'), finding(1, ORIGIN + '/a.html', 'image-alt', 'violation', ['1.1.1'], '<img src="/a.png">', 'img')]],
    [2, [finding(2, ORIGIN + '/b.html', 'color-contrast', 'review', ['1.4.3'], '<p>z</p>'), finding(2, ORIGIN + '/b.html', 'image-alt', 'violation', ['1.1.1'], '<img src="/b.png">', 'img'), finding(2, ORIGIN + '/b.html', 'jis-alt-meaningless', 'violation', ['1.1.1'], '<img alt="画像">', 'img')]],
    [3, [finding(3, ORIGIN + '/c.html', 'color-contrast', 'violation', ['1.4.3'], '<p style="color:#aaa">雨天中止</p>'), finding(3, ORIGIN + '/c.html', 'color-contrast', 'review', ['1.4.3'], '<p>w</p>')]],
  ]);
  const { findingGroups } = groupFindings(pages, fs);

  it('each rule carries its Japanese title from the catalogue; the id stays beside it, small', () => {
    const imageAlt = findingGroups.find((g) => g.id === '1.1.1')!.rules.find((r) => r.ruleId === 'image-alt')!;
    expect(imageAlt.title).toBe(ruleCatalogue().get('image-alt').title.ja);
    expect(imageAlt.title).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    const html = findingsSection.render({ findingGroups, advisories: null, manualChecks: [] } as unknown as ReportModel, {}).toString();
    expect(html).toContain(`不適合: ${imageAlt.title} <small class="rule-id">（image-alt）</small>`);
    expect(html).not.toMatch(/<h4>[^<]*: image-alt/);
  });

  it('violations before reviews, then pages affected, then occurrences — for rules and for criteria', () => {
    const c111 = findingGroups.find((g) => g.id === '1.1.1')!;
    // image-alt on two pages before jis-alt-meaningless on one
    expect(c111.rules.map((r) => r.ruleId)).toEqual(['image-alt', 'jis-alt-meaningless']);
    const c143 = findingGroups.find((g) => g.id === '1.4.3')!;
    // one violation on one page comes before a review on three pages
    expect(c143.rules.map((r) => `${r.kind}:${r.pages}`)).toEqual(['violation:1', 'review:3']);
    // both criteria have violations: 1.4.3 touches three pages, 1.1.1 two
    expect(findingGroups.map((g) => g.id)).toEqual(['1.4.3', '1.1.1']);
    expect(findingGroups.map((g) => g.pages)).toEqual([3, 2]);
  });

  it('each occurrence says what a person sees, not only a selector', () => {
    const occ = findingGroups.find((g) => g.id === '1.4.3')!.rules[0].occurrences[0];
    expect(occ.visible).toEqual({ source: '表示テキスト', text: '雨天中止' });
    const html = findingsSection.render({ findingGroups, advisories: null, manualChecks: [] } as unknown as ReportModel, {}).toString();
    expect(html).toContain('表示テキスト: 「雨天中止」');
  });
});

describe('所属 by URL prefix, and the per-page view', () => {
  const mappings = [
    { prefix: '/kenko/', name: '健康福祉部 健康増進課' },
    { prefix: '/kenko/kaigo/', name: '健康福祉部 介護保険課' },
    { prefix: `${ORIGIN}/kurashi/`, name: '県民生活部 県民生活課' },
  ];
  it('the longest matching prefix wins; a whole-URL prefix works; no match goes to その他', () => {
    expect(sectionOf(`${ORIGIN}/kenko/index.html`, mappings)).toBe('健康福祉部 健康増進課');
    expect(sectionOf(`${ORIGIN}/kenko/kaigo/hoken.html`, mappings)).toBe('健康福祉部 介護保険課');
    expect(sectionOf(`${ORIGIN}/kurashi/gomi.html`, mappings)).toBe('県民生活部 県民生活課');
    expect(sectionOf(`${ORIGIN}/news/2026/a.html`, mappings)).toBe(OTHER_SECTION_JA);
    expect(sectionOf(`${ORIGIN}/kenkou.html`, mappings)).toBe(OTHER_SECTION_JA);
  });

  it('per 所属: pages, pages with a violation, violations, reviews and the worst pages', () => {
    const pages = [modelPage(1, '/kenko/a.html', 3, 1), modelPage(2, '/kenko/b.html', 0, 2), modelPage(3, '/kenko/kaigo/c.html', 1, 0), modelPage(4, '/news/d.html', 0, 0)];
    const s = summariseSections(pages, mappings);
    expect(s.map((x) => x.name)).toEqual(['健康福祉部 健康増進課', '健康福祉部 介護保険課', '県民生活部 県民生活課', OTHER_SECTION_JA]);
    expect(s[0]).toMatchObject({ pages: 2, failingPages: 1, violations: 3, reviews: 3 });
    expect(s[0].worst.map((p) => p.id)).toEqual([1, 2]);
    expect(s[2]).toMatchObject({ pages: 0, violations: 0 });
    expect(s[3]).toMatchObject({ pages: 1, violations: 0, worst: [] });
  });

  it('each page with problems lists them by criterion, violations first, under its 所属', () => {
    const sp = [stored(1, '/kenko/a.html', '健康診断'), stored(2, '/news/b.html', 'お知らせ')];
    const fs = new Map<number, StoredFinding[]>([
      [1, [finding(1, ORIGIN + '/kenko/a.html', 'color-contrast', 'review', ['1.4.3'], '<p>x</p>'), finding(1, ORIGIN + '/kenko/a.html', 'image-alt', 'violation', ['1.1.1'], '<img src="/a.png">', 'img')]],
      [2, [finding(2, ORIGIN + '/news/b.html', 'jis-fullwidth-alnum', 'advisory', [], '<p>ＰＤＦ</p>')]],
    ]);
    const { findingGroups } = groupFindings(sp, fs);
    const views = buildPageViews([modelPage(1, '/kenko/a.html', 1, 1, '健康診断'), modelPage(2, '/news/b.html', 0, 0, 'お知らせ')], findingGroups, mappings);
    // advisories alone do not put a page in the fixer's list
    expect(views.map((v) => v.page.url)).toEqual([ORIGIN + '/kenko/a.html']);
    expect(views[0].section).toBe('健康福祉部 健康増進課');
    expect(views[0].criteria.map((c) => `${c.id}:${c.violations}/${c.reviews}`)).toEqual(['1.1.1:1/0', '1.4.3:0/1']);
    expect(views[0].criteria[0].rules[0].occurrences[0].visible).toEqual({ source: '画像のファイル名', text: 'a.png' });
  });
});

describe('要確認・未確認 criteria show the kit’s procedure, not a count', () => {
  it('prints the steps, the tools, ○/× and the common failures of the kit', () => {
    const row = { id: '1.3.1', level: 'A', jaJis: '情報及び関係性の達成基準', ja: '情報及び関係性', outcome: 'review', pages: { review: 46, untested: 0, fail: 0, pass: 0, inapplicable: 0 } } as unknown as ChecklistRow;
    const kit = manualKit('1.3.1')!;
    const html = manualChecksSection.render({ manualChecks: [{ row, kit }] } as unknown as ReportModel, {}).toString();
    expect(html).toContain('id="k-1.3.1"');
    for (const step of kit.procedure.steps) expect(html).toContain(step.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    for (const f of kit.failures) expect(html).toContain(f.replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(html).toContain('要確認 46 ページ');
    expect(html).toContain('スクリーンリーダー NVDA');
  });
});

describe('trends by 年度 as per-page rates', () => {
  const point = (runId: number, date: string, pages: number, violations: number, reviews: number): TrendPoint => ({
    runId, date, label: '', pages, violations, reviews, failingPages: { '1.1.1': Math.round(pages / 4) }, failingCriteria: 1,
    perPage: { violations: perPageRate(violations, pages), reviews: perPageRate(reviews, pages) },
  });
  it('a crawl twice as large with twice the findings has the same rate', () => {
    expect(perPageRate(40, 20)).toBe(2);
    expect(perPageRate(80, 40)).toBe(2);
    expect(perPageRate(1, 3)).toBe(0.33);
    expect(perPageRate(5, 0)).toBe(0);
    expect(pageShare(1, 8)).toBe(12.5);
  });
  it('the year chart has the 年度 on its axis, the rates as values, and a table with the totals', () => {
    const y2025 = { ...point(1, '2025-11-01T01:00:00Z', 20, 40, 10), fiscalYear: 2025 };
    const y2026 = { ...point(2, '2026-11-01T01:00:00Z', 40, 40, 20), fiscalYear: 2026 };
    const m = { trends: { runs: [y2025, y2026], years: [y2025, y2026], criteria: ['1.1.1'] }, checklist: [] } as unknown as ReportModel;
    const html = trendsSection.render(m, {}).toString();
    const svg = Buffer.from(/data:image\/svg\+xml;base64,([^"]+)"/.exec(html)![1], 'base64').toString('utf8');
    expect(svg).toContain('>2025年度<');
    expect(svg).toContain('>2026年度<');
    // the values plotted are per page: 2 then 1 violations per page (not 40 and 40)
    expect(svg).toContain('1ページあたりの不適合の箇所: 2025年度 2、2026年度 1');
    expect(html).toMatch(/<img class="chart" src="data:image\/svg\+xml;base64,[^"]+" alt="[^"]+">/);
    expect(html).toContain('<td class="num">2.00</td>');
    expect(html).toContain('<td class="num">1.00</td>');
    expect(html).toContain('令和8年度（2026年度）');
  });
});

describe('download links and the one word for untested', () => {
  it('「findings.csv（CSV、12.0 KB）」: the file, its format and its size', () => {
    expect(fileLinkText('問題の一覧', 'CSV', { href: 'findings.csv', bytes: 12 * 1024 })).toBe('問題の一覧: findings.csv（CSV、12.0 KB）');
    expect(fileLinkText('この報告書の PDF 版', 'PDF', { href: 'report.pdf', bytes: 1_872_795 })).toBe('この報告書の PDF 版: report.pdf（PDF、1.8 MB）');
  });
  it('untested is 未確認 everywhere: the outcome label is the checklist mark, and no source says 未検査', () => {
    expect(OUTCOME_LABEL_JA.untested).toBe('未確認');
    expect(RESULT_MARK_JA.untested).toBe(OUTCOME_LABEL_JA.untested);
    const files = ['reports', 'extension', 'crawler', 'rules-jis'].flatMap((d) =>
      (readdirSync(path.join(ROOT, d), { recursive: true }) as string[]).filter((f) => /\.(ts|json)$/.test(f) && !f.includes('node_modules')).map((f) => path.join(d, f)),
    );
    const uses = files.filter((f) => f !== path.join('rules-jis', 'labels-ja.ts') && readFileSync(path.join(ROOT, f), 'utf8').includes('未検査'));
    expect(uses).toEqual([]);
  });
});

describe('quoted examples are not instructions (the kit’s own words in the report)', () => {
  it.each(['「右のボタンを押してください」とだけ書き、ボタンの名前がない', '「赤字の項目」「青色で示した」のような説明', 'ヘッダーのメニュー、左右のメニュー、パンくずリスト'])('%s', (s) => {
    expect([...sensoryWords(s), ...colourWords(s)]).toEqual([]);
  });
  it.each(['右のボタンを押してください', '赤字の項目は必須です', '画面右上のメニューから「文字サイズ」を選んでください'])('%s is still found', (s) => {
    expect([...sensoryWords(s), ...colourWords(s)].length).toBeGreaterThan(0);
  });
});
