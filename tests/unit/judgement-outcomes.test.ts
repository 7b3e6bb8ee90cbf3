// Issue 14's contradictions, in the outcome algebra (rules-jis/verdict.ts applyJudgements) and the checklist that
// publishes it (reports/model/checklist.ts, the report's section): 適用なし stays 適用なし under a site-wide ○;
// a ○ does not answer an automated violation unless it is a recorded waiver, whose reason the 注記 shows; an
// automated fail is never labelled 「不適合（人による確認）」; a stale judgement is 「再確認」, never an older result.
import { describe, expect, it } from 'vitest';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { applyJudgements, type AppliedCriterion } from '../../rules-jis/verdict.js';
import type { Judgement } from '../../rules-jis/judgements.js';
import type { CriterionResult, Outcome } from '../../rules-jis/types.js';
import { buildChecklist } from '../../reports/model/checklist.js';
import { checklistSection } from '../../reports/sections/checklist.js';
import type { ModelPage, ReportModel } from '../../reports/model.js';

const ORIGIN = 'https://www.pref.example.lg.jp';
let nextId = 0;
const judgement = (over: Partial<Judgement>): Judgement => ({
  id: ++nextId,
  criterion: '2.1.1',
  result: 'pass',
  note: '',
  who: '広報広聴課 山田',
  when: '2026-10-01T00:00:00.000Z',
  scope: { type: 'site' },
  fingerprint: null,
  source: 'cli',
  revokedAt: null,
  ...over,
});
const criteria = (over: Record<string, Outcome>, rest: Outcome = 'pass'): CriterionResult[] =>
  targetCriteria('AA').map((c) => {
    const outcome = over[c.wcag] ?? rest;
    return { id: c.wcag, level: c.level, outcome, counts: { violation: outcome === 'fail' ? 1 : 0, review: outcome === 'review' ? 1 : 0, advisory: 0 } };
  });
const hash = (s: string) => `h(${s})`;
const apply = (url: string, cs: CriterionResult[], js: Judgement[], contentHash: string | null = 'now') => applyJudgements({ url, contentHash }, cs, [], js, hash);
const get = (cs: AppliedCriterion[], id: string) => cs.find((c) => c.id === id)!;

function page(path: string, cs: AppliedCriterion[]): ModelPage {
  return { id: ++nextId, url: ORIGIN + path, title: path, contentHash: 'now', criteria: cs, violations: 0, reviews: 0, advisories: 0, failing: [], selected: true };
}

describe('judgements in the outcome algebra (issue 14)', () => {
  it('適用なし stays 適用なし: a site-wide ○ on 3.3.1 does not make it applicable on pages with no form', () => {
    const site = judgement({ criterion: '3.3.1', result: 'pass' });
    const pages = ['/', '/kurashi/gomi.html'].map((p) => page(p, apply(ORIGIN + p, criteria({ '3.3.1': 'inapplicable' }), [site])));
    for (const p of pages) expect(get(p.criteria, '3.3.1')).toMatchObject({ outcome: 'inapplicable', automated: 'inapplicable' });
    const row = buildChecklist(pages, 'AA').find((r) => r.id === '3.3.1')!;
    expect(row).toMatchObject({ outcome: 'inapplicable', applicable: false, resultMark: '○' });
    // where there is a form and the checks left it to a person, the same ○ decides
    expect(get(apply(ORIGIN + '/form/', criteria({ '3.3.1': 'review' }), [site]), '3.3.1').outcome).toBe('pass');
  });

  it('a site-wide ○ on 2.1.1 does not answer the page that fails it, and its note is not published under ×', () => {
    const site = judgement({ criterion: '2.1.1', result: 'pass', note: 'すべてキーボードで操作できる' });
    const failing = page('/event/', apply(ORIGIN + '/event/', criteria({ '2.1.1': 'fail' }), [site]));
    const other = page('/', apply(ORIGIN + '/', criteria({ '2.1.1': 'review' }), [site]));
    expect(get(failing.criteria, '2.1.1')).toMatchObject({ outcome: 'fail', automated: 'fail' });
    expect(get(failing.criteria, '2.1.1').judgement).toBeUndefined();
    expect(get(other.criteria, '2.1.1').outcome).toBe('pass');
    const row = buildChecklist([failing, other], 'AA').find((r) => r.id === '2.1.1')!;
    expect(row.resultMark).toBe('×');
    expect(row.note).toContain('1 ページで不適合');
    expect(row.note).not.toContain('すべてキーボードで操作できる');
    // the report's own checklist: an automated fail is 「不適合」, not 「不適合（人による確認）」
    const html = checklistSection.render({ checklist: [row], selection: { urls: [failing.url, other.url] } } as unknown as ReportModel, {}).toString();
    expect(html).toContain('>不適合<');
    expect(html).not.toContain('不適合（人による確認）');
    expect(row.decidedBy).toBe('automatic+person');
  });

  it('a fail a person found is labelled as a person’s result', () => {
    const pageFail = judgement({ criterion: '2.4.6', result: 'fail', scope: { type: 'page', url: ORIGIN + '/' }, note: '見出しが内容を表していない' });
    const p = page('/', apply(ORIGIN + '/', criteria({ '2.4.6': 'review' }), [pageFail]));
    const row = buildChecklist([p], 'AA').find((r) => r.id === '2.4.6')!;
    expect(row).toMatchObject({ outcome: 'fail', decidedBy: 'person' });
    expect(row.note).toContain('見出しが内容を表していない');
    const html = checklistSection.render({ checklist: [row], selection: { urls: [p.url] } } as unknown as ReportModel, {}).toString();
    expect(html).toContain('不適合（人による確認）');
  });

  it('a ○ with a waiver answers the automated fail, and the 注記 shows the waiver’s reason', () => {
    const reason = '地図は外部サービスの埋め込みで、県では変更できないため。代替として住所を本文に記載';
    const waiver = judgement({ criterion: '2.1.1', result: 'pass', scope: { type: 'page', url: ORIGIN + '/access.html' }, waiver: reason });
    const p = page('/access.html', apply(ORIGIN + '/access.html', criteria({ '2.1.1': 'fail' }), [waiver]));
    expect(get(p.criteria, '2.1.1')).toMatchObject({ outcome: 'pass', automated: 'fail', waiver: reason, judgement: waiver });
    const row = buildChecklist([p], 'AA').find((r) => r.id === '2.1.1')!;
    expect(row.resultMark).toBe('○');
    expect(row.waivers).toHaveLength(1);
    expect(row.note).toContain(reason);
    // an empty waiver is no waiver
    expect(get(apply(ORIGIN + '/access.html', criteria({ '2.1.1': 'fail' }), [{ ...waiver, waiver: '  ' }]), '2.1.1').outcome).toBe('fail');
  });

  it('a stale × never falls back to an older ○: the page is 「再確認」, it blocks the claim and is listed as missing', () => {
    const url = ORIGIN + '/kurashi/bosai.html';
    const oldPass = judgement({ criterion: '1.4.5', result: 'pass', when: '2025-10-01T00:00:00Z' });
    const newFail = judgement({ criterion: '1.4.5', result: 'fail', scope: { type: 'page', url }, when: '2026-10-01T00:00:00Z', fingerprint: { kind: 'content', hashes: { [url]: 'before' } } });
    const applied = apply(url, criteria({ '1.4.5': 'untested' }), [oldPass, newFail], 'after');
    expect(get(applied, '1.4.5')).toMatchObject({ outcome: 'recheck', stale: newFail });
    expect(get(applied, '1.4.5').reason).toContain('再確認');
    const row = buildChecklist([page('/kurashi/bosai.html', applied)], 'AA').find((r) => r.id === '1.4.5')!;
    expect(row).toMatchObject({ outcome: 'recheck', resultMark: '再確認', decidedBy: null });
    // the same judgement on unchanged content decides
    expect(get(apply(url, criteria({ '1.4.5': 'untested' }), [oldPass, newFail], 'before'), '1.4.5').outcome).toBe('fail');
  });
});
