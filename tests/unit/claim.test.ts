// The claim rules (rules-jis/claim.ts, rules-jis/test-completeness.ts), issue 14: a 対応度 is stated only from a
// complete test; 一部準拠 needs 今後の対応方針; never AA一部準拠 while an A criterion fails; the note names the guideline
// (title, publisher, edition) and defines nothing. The first two tests reproduce the published defects.
import { describe, expect, it } from 'vitest';
import { computeClaim, GUIDELINE_NOTE, type ClaimInput } from '../../rules-jis/claim.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { testCompleteness, type PageOutcomes } from '../../rules-jis/test-completeness.js';
import { siteOutcome, type JudgedOutcome } from '../../rules-jis/verdict.js';
import { CLAIM_WORDS_JA } from '../../rules-jis/labels-ja.js';

const AA = targetCriteria('AA');
const all = (f: (id: string, level: string) => JudgedOutcome): ClaimInput[] => AA.map((c) => ({ id: c.wcag, level: c.level, outcome: f(c.wcag, c.level) }));
const PLAN = '令和9年3月までに、不適合の箇所をテンプレートの改修と各課の修正で解消します。';
const pagesOf = (urls: string[], f: (url: string, id: string, level: string) => JudgedOutcome): PageOutcomes[] =>
  urls.map((url) => ({ url, criteria: AA.map((c) => ({ id: c.wcag, outcome: f(url, c.wcag, c.level) })) }));
/** The site-level rows over some pages, as reports/model/checklist.ts makes them. */
const rowsOf = (pages: PageOutcomes[]): ClaimInput[] =>
  AA.map((c) => ({ id: c.wcag, level: c.level, outcome: siteOutcome(pages.map((p) => p.criteria.find((x) => x.id === c.wcag)!.outcome)) }));

describe('the claim is stated only from a complete test', () => {
  it('defect: with 22 of 38 criteria still 要確認/未確認 the page said 「適合レベルAに一部準拠」; now 「試験未完了」 with what is missing', () => {
    const open = AA.filter((c) => !['1.1.1', '1.3.2', '1.4.3', '2.1.1', '2.4.2', '2.4.4', '3.1.1', '3.2.2', '4.1.1', '4.1.2'].includes(c.wcag) && !c.wcag.startsWith('1.2') && c.wcag !== '1.4.2').slice(0, 22);
    expect(open).toHaveLength(22);
    const openIds = new Set(open.map((c) => c.wcag));
    const c = computeClaim(all((id) => (openIds.has(id) ? (id === '2.2.1' ? 'untested' : 'review') : id === '1.1.1' ? 'fail' : 'pass')), 'AA', { futurePlan: PLAN });
    expect(c.state).toBe('incomplete');
    expect(c.kind).toBeNull();
    expect(c.text).toBe('試験未完了（公開用ではありません）');
    expect(c.text).not.toMatch(/準拠/);
    expect(c.remaining).toHaveLength(22);
    expect(c.failed).toEqual(['1.1.1']);
    expect(c.reason).toContain('22 の達成基準');
  });

  it('defect: with 5 random pages it said 「Aに準拠、AAに一部準拠」; every page must have a result for every criterion', () => {
    const urls = [1, 2, 3, 4, 5].map((n) => `https://www.pref.example.lg.jp/news/${n}.html`);
    // A met on all five; one AA criterion fails on one page; two AA criteria still need a person on two pages
    const pages = pagesOf(urls, (url, id) => (id === '1.4.3' && url.endsWith('1.html') ? 'fail' : id === '2.4.6' && url.endsWith('2.html') ? 'review' : id === '1.4.5' && url.endsWith('3.html') ? 'untested' : 'pass'));
    const c = computeClaim(rowsOf(pages), 'AA', { pages, futurePlan: PLAN });
    expect(c.state).toBe('incomplete');
    expect(c.text).not.toContain('準拠');
    expect(c.missing).toEqual([
      { criterion: '1.4.5', level: 'AA', pages: [{ url: urls[2], state: 'untested' }] },
      { criterion: '2.4.6', level: 'AA', pages: [{ url: urls[1], state: 'review' }] },
    ]);
    // the same pages once a person has judged the two cells: A 準拠, AA 一部準拠 (with the plan)
    const done = pages.map((p) => ({ ...p, criteria: p.criteria.map((x) => (x.outcome === 'review' || x.outcome === 'untested' ? { ...x, outcome: 'pass' as const } : x)) }));
    const stated = computeClaim(rowsOf(done), 'AA', { pages: done, futurePlan: PLAN });
    expect(stated).toMatchObject({ state: 'stated', kind: 'A準拠・AA一部準拠', text: 'JIS X 8341-3:2016 の適合レベルAに準拠、適合レベルAAに一部準拠', futurePlan: PLAN, failed: ['1.4.3'] });
  });

  it('a criterion fails on one page but is not yet checked on another: still incomplete (a fail elsewhere is not a result for that page)', () => {
    const pages = pagesOf(['https://a.example/1', 'https://a.example/2'], (url, id) => (id === '1.1.1' ? (url.endsWith('1') ? 'fail' : 'review') : 'pass'));
    const comp = testCompleteness(pages);
    expect(comp.complete).toBe(false);
    expect(comp.missing).toEqual([{ criterion: '1.1.1', level: 'A', pages: [{ url: 'https://a.example/2', state: 'review' }] }]);
  });

  it('「再確認」 blocks the claim and is listed as missing; a page without a row for a criterion is missing; no pages is never complete', () => {
    const pages = pagesOf(['https://a.example/'], (_, id) => (id === '1.4.5' ? 'recheck' : 'pass'));
    expect(computeClaim(rowsOf(pages), 'AA', { pages }).missing).toEqual([{ criterion: '1.4.5', level: 'AA', pages: [{ url: 'https://a.example/', state: 'recheck' }] }]);
    const short: PageOutcomes[] = [{ url: 'https://a.example/', criteria: AA.filter((c) => c.wcag !== '4.1.1').map((c) => ({ id: c.wcag, outcome: 'pass' as const })) }];
    expect(testCompleteness(short).missing).toEqual([{ criterion: '4.1.1', level: 'A', pages: [{ url: 'https://a.example/', state: 'missing' }] }]);
    const none = computeClaim(all(() => 'pass'), 'AA', { pages: [] });
    expect(none).toMatchObject({ state: 'incomplete', reason: CLAIM_WORDS_JA.reasonNoPages });
  });
});

describe('the words of a complete test', () => {
  it('every A and AA criterion met (pass or 適用なし) → 適合レベルAAに準拠 (no plan needed)', () => {
    const c = computeClaim(all((id) => (id.startsWith('1.2') ? 'inapplicable' : 'pass')));
    expect(c).toMatchObject({ state: 'stated', kind: 'AA準拠', short: '適合レベルAAに準拠', text: 'JIS X 8341-3:2016 の適合レベルAAに準拠', conformingLevel: 'AA', failed: [], remaining: [], reason: null });
  });

  it('一部準拠 requires 今後の対応方針: without it no claim is stated, and the reason says so', () => {
    const results = all((id) => (id === '1.4.3' ? 'fail' : 'pass'));
    const blocked = computeClaim(results, 'AA');
    expect(blocked).toMatchObject({ state: 'blocked', kind: null, text: CLAIM_WORDS_JA.blocked });
    expect(blocked.text).not.toContain('準拠');
    expect(blocked.reason).toContain('今後の対応方針');
    expect(computeClaim(results, 'AA', { futurePlan: '   ' }).state).toBe('blocked');
    expect(computeClaim(results, 'AA', { futurePlan: PLAN })).toMatchObject({ state: 'stated', kind: 'A準拠・AA一部準拠', conformingLevel: 'A', failed: ['1.4.3'] });
  });

  it('never AA一部準拠 while an A criterion fails: → 適合レベルAに一部準拠, whatever the AA criteria say', () => {
    for (const results of [all((id) => (id === '1.1.1' ? 'fail' : 'pass')), all((id, lvl) => (id === '4.1.1' || lvl === 'AA' ? 'fail' : 'pass'))]) {
      const c = computeClaim(results, 'AA', { futurePlan: PLAN });
      expect(c).toMatchObject({ kind: 'A一部準拠', short: '適合レベルAに一部準拠', conformingLevel: null });
      expect(c.text).not.toContain('AA');
    }
  });

  it('target A: AA criteria are ignored; met → 適合レベルAに準拠', () => {
    expect(computeClaim(all((_, l) => (l === 'AA' ? 'fail' : 'pass')), 'A').short).toBe('適合レベルAに準拠');
    expect(computeClaim(all((id) => (id === '1.3.1' ? 'fail' : 'pass')), 'A', { futurePlan: PLAN }).short).toBe('適合レベルAに一部準拠');
    expect(computeClaim(all((id, l) => (l === 'AA' ? 'review' : 'pass')), 'A').state).toBe('stated');
  });

  it('the note names the guideline as it asks (title, publisher, edition) and defines none of its words', () => {
    for (const c of [computeClaim(all(() => 'pass')), computeClaim(all((id) => (id === '1.4.3' ? 'fail' : 'pass')), 'AA', { futurePlan: PLAN }), computeClaim(all(() => 'review'))]) {
      expect(c.note).toBe(GUIDELINE_NOTE);
      expect(c.note).toContain('「ウェブコンテンツの JIS X 8341-3:2016 対応度表記ガイドライン」');
      expect(c.note).toContain('情報通信アクセス協議会 ウェブアクセシビリティ基盤委員会');
      expect(c.note).toContain('2021年4月版');
      // today's note defined 一部準拠 as including "not yet checked"
      expect(c.note).not.toMatch(/「一部準拠」は|確認が済んでいない|示します/);
    }
  });
});
