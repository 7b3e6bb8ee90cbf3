// The 試験実施期間 and the 表明日 check (rules-jis/test-period.ts) and the contradiction rules
// (rules-jis/judgement-conflicts.ts), pure: every case a person could get wrong in a published statement.
import { describe, expect, it } from 'vitest';
import { isYmd, jaDate, jstDate, periodText, statementDateProblem, testPeriod } from '../../rules-jis/test-period.js';
import { judgementConflict, type ConflictPage } from '../../rules-jis/judgement-conflicts.js';
import { validateJudgement, type JudgementInput } from '../../rules-jis/judgements.js';

describe('試験実施期間 and 表明日', () => {
  it('runs from the earliest crawl start or judgement to the latest crawl end or judgement', () => {
    const p = testPeriod({
      runs: [
        { startedAt: '2026-11-10T01:00:00Z', finishedAt: '2026-11-10T02:00:00Z' },
        { startedAt: '2026-11-17T01:00:00Z', finishedAt: null },
      ],
      judgementDates: ['2025-11-12T00:00:00Z', '2026-11-20T03:00:00Z'],
    });
    expect(p).toEqual({ from: '2025-11-12T00:00:00.000Z', to: '2026-11-20T03:00:00.000Z' });
    expect(testPeriod({ runs: [], judgementDates: [] })).toBeNull();
  });

  it('compares calendar days in Japan time', () => {
    // 2026-11-20T16:00Z is already 11月21日 in Japan: a 表明日 of the 20th is too early
    const p = { from: '2026-11-10T00:00:00Z', to: '2026-11-20T16:00:00Z' };
    expect(jstDate(p.to)).toBe('2026-11-21');
    expect(statementDateProblem('2026-11-20', p)).toBe('表明日が試験実施期間より前です（表明日 2026年11月20日、試験実施期間 2026年11月10日〜2026年11月21日）。表明日は 2026年11月21日 以降にしてください');
    expect(statementDateProblem('2026-11-21', p)).toBeNull();
    expect(statementDateProblem('2026-12-01', null)).toBeNull();
    expect(periodText({ from: '2026-11-10T00:00:00Z', to: '2026-11-10T05:00:00Z' })).toBe('2026年11月10日');
  });

  it('reads only real dates', () => {
    expect(isYmd('2026-02-29')).toBe(false);
    expect(isYmd('2028-02-29')).toBe(true);
    expect(statementDateProblem('2026/12/01', null)).toContain('読めません');
    expect(jaDate('2026-04-01')).toBe('2026年4月1日');
  });
});

const O = 'https://pref.example.jp';
const page = (url: string, outcomes: Record<string, 'fail' | 'pass' | 'inapplicable' | 'review' | 'untested'>, violations: ConflictPage['violations'] = []): ConflictPage => ({
  url: O + url,
  criteria: Object.entries(outcomes).map(([id, outcome]) => ({ id, outcome })),
  violations,
});
const PAGES = [
  page('/', { '2.1.1': 'pass', '3.3.2': 'inapplicable', '1.1.1': 'review' }),
  page('/form.html', { '2.1.1': 'fail', '3.3.2': 'review', '1.1.1': 'review' }, [{ ruleId: 'scrollable-region-focusable', selector: 'div.map', criteria: ['2.1.1'] }]),
  page('/news/1.html', { '2.1.1': 'pass', '3.3.2': 'inapplicable', '1.1.1': 'fail' }),
];
const j = (x: Partial<JudgementInput> & Pick<JudgementInput, 'criterion' | 'result' | 'scope'>) => validateJudgement(x);

describe('contradictions with the automated results', () => {
  it('a ○ over an automated violation, whatever the scope, names the failing pages', () => {
    const site = judgementConflict(j({ criterion: '2.1.1', result: 'pass', scope: { type: 'site' } }), PAGES);
    expect(site).toMatchObject({ kind: 'violation', criterion: '2.1.1', pages: [O + '/form.html'] });
    expect(judgementConflict(j({ criterion: '2.1.1', result: 'pass', scope: { type: 'pattern', pattern: '/*.html' } }), PAGES)?.pages).toEqual([O + '/form.html']);
    expect(judgementConflict(j({ criterion: '2.1.1', result: 'pass', scope: { type: 'page', url: O + '/form.html' } }), PAGES)?.kind).toBe('violation');
    expect(
      judgementConflict(j({ criterion: '2.1.1', result: 'pass', scope: { type: 'finding', url: O + '/form.html', ruleId: 'scrollable-region-focusable', selector: 'div.map' } }), PAGES)?.kind,
    ).toBe('violation');
  });

  it('a ○ that covers no failing page, a ×, a −, and a waiver are not contradictions', () => {
    expect(judgementConflict(j({ criterion: '2.1.1', result: 'pass', scope: { type: 'page', url: O + '/' } }), PAGES)).toBeNull();
    expect(judgementConflict(j({ criterion: '2.1.1', result: 'fail', scope: { type: 'site' } }), PAGES)).toBeNull();
    expect(judgementConflict(j({ criterion: '2.1.1', result: 'inapplicable', scope: { type: 'site' } }), PAGES)).toBeNull();
    expect(judgementConflict(j({ criterion: '2.1.1', result: 'pass', scope: { type: 'site' }, waiver: '地図の情報は住所一覧のページで提供しています' }), PAGES)).toBeNull();
    expect(judgementConflict(j({ criterion: '1.1.1', result: 'pass', scope: { type: 'finding', url: O + '/', ruleId: 'image-alt-review', selector: 'img' } }), PAGES)).toBeNull();
  });

  it('a ○ or × where the criterion is 適用なし on every covered page; not where it applies on one', () => {
    const c = judgementConflict(j({ criterion: '3.3.2', result: 'pass', scope: { type: 'page', url: O + '/' } }), PAGES);
    expect(c?.kind).toBe('inapplicable');
    expect(c?.message).toContain('適用なしの達成基準に ○ は付けられません。− を選んでください');
    expect(judgementConflict(j({ criterion: '3.3.2', result: 'fail', scope: { type: 'pattern', pattern: '/news/**' } }), PAGES)?.kind).toBe('inapplicable');
    expect(judgementConflict(j({ criterion: '3.3.2', result: 'pass', scope: { type: 'site' } }), PAGES)).toBeNull();
  });
});

describe('the waiver in the files a tester imports', () => {
  it('JSON and CSV carry it; a short one is refused naming the entry', async () => {
    const { parseJudgementCsv, parseJudgementJson } = await import('../../rules-jis/judgement-import.js');
    const reason = '地図の情報は住所一覧のページで提供しています';
    const [fromJson] = parseJudgementJson(JSON.stringify([{ criterion: '2.1.1', result: 'pass', scope: { type: 'site' }, waiver: reason }]));
    expect(fromJson.waiver).toBe(reason);
    const [fromCsv] = parseJudgementCsv(`達成基準,結果,適用除外の理由\n2.1.1,○,${reason}\n`);
    expect(fromCsv.waiver).toBe(reason);
    expect(() => parseJudgementCsv('達成基準,結果,waiver\n2.4.6,○,\n2.1.1,○,短い理由\n')).toThrow(/^3 行目: waiver（適用除外の理由）が短すぎます/);
  });
});
