// The outcome algebra of rules-jis/verdict.ts, without a browser or a store: the page verdict, the merge of
// site-level findings, judgement precedence, the site outcome and what counts as met for the claim.
import { describe, expect, it } from 'vitest';
import { targetCriteria } from '../../rules-jis/criteria.js';
import { applyJudgements, claimStatus, judgePage, mergeSiteFindings, siteOutcome, worstOutcome } from '../../rules-jis/verdict.js';
import type { Judgement, JudgedFinding } from '../../rules-jis/judgements.js';
import type { CriterionResult, Finding, Outcome, RuleStat } from '../../rules-jis/types.js';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'r',
  source: 'axe',
  kind: 'violation',
  criteria: ['1.1.1'],
  impact: 'serious',
  selector: 'img',
  html: '<img>',
  message: 'm',
  help: 'h',
  helpUrl: '',
  ...over,
});
const stat = (ruleId: string, criteria: string[], result: RuleStat['result']): RuleStat => ({ ruleId, source: 'axe', criteria, result });
const noFacts = { inapplicable: {} };
const outcomeOf = <C extends { id: string }>(cs: C[], id: string): C => cs.find((c) => c.id === id)!;

describe('judgePage', () => {
  it('covers the target: 38 criteria for AA, 25 for A', () => {
    expect(judgePage({ findings: [], ruleStats: [], facts: noFacts })).toHaveLength(38);
    expect(judgePage({ findings: [], ruleStats: [], facts: noFacts, target: 'A' })).toHaveLength(25);
  });

  it('violation → fail, review → review, counted by kind', () => {
    const cs = judgePage({
      findings: [finding({}), finding({ kind: 'review', criteria: ['1.3.1'] }), finding({ kind: 'advisory', criteria: ['1.3.1'] })],
      ruleStats: [],
      facts: noFacts,
    });
    expect(outcomeOf(cs, '1.1.1')).toMatchObject({ outcome: 'fail', counts: { violation: 1, review: 0, advisory: 0 } });
    expect(outcomeOf(cs, '1.3.1')).toMatchObject({ outcome: 'review', counts: { violation: 0, review: 1, advisory: 1 } });
  });

  it('never passes because no rule fired: passed rules give review, no rules give untested', () => {
    const cs = judgePage({ findings: [], ruleStats: [stat('image-alt', ['1.1.1'], 'passed')], facts: noFacts });
    expect(outcomeOf(cs, '1.1.1').outcome).toBe('review');
    expect(outcomeOf(cs, '2.4.6').outcome).toBe('untested');
  });

  it('inapplicable when the page facts say so; pass only where automation decides alone (data/automation.json)', () => {
    const cs = judgePage({
      findings: [],
      ruleStats: [stat('source-parse', ['4.1.1'], 'passed'), stat('source-duplicate-id', ['4.1.1'], 'passed')],
      facts: { inapplicable: { '1.2.1': true } },
    });
    expect(outcomeOf(cs, '1.2.1').outcome).toBe('inapplicable');
    expect(outcomeOf(cs, '1.2.1').reason).toMatch(/適用されません$/);
    expect(outcomeOf(cs, '4.1.1').outcome).toBe('pass');
    const half = judgePage({ findings: [], ruleStats: [stat('source-parse', ['4.1.1'], 'passed')], facts: noFacts });
    expect(outcomeOf(half, '4.1.1').outcome).toBe('review');
  });
});

describe('mergeSiteFindings', () => {
  const page = judgePage({ findings: [finding({ criteria: ['1.1.1'] })], ruleStats: [stat('document-title', ['2.4.2'], 'passed')], facts: noFacts });
  const site = (criteria: string[], kind: Finding['kind'] = 'review') => finding({ ruleId: 'site-x', source: 'site', kind, criteria, selector: '' });

  it('a site review makes a criterion at least review and counts it; a fail stays fail', () => {
    const merged = mergeSiteFindings(page, [site(['3.2.3']), site(['2.4.2']), site(['1.1.1'])]);
    expect(outcomeOf(merged, '3.2.3')).toMatchObject({ outcome: 'review', counts: { review: 1 }, reason: expect.stringContaining('サイト全体の検査') });
    // already review: counted, the page's own reason kept
    expect(outcomeOf(merged, '2.4.2')).toMatchObject({ outcome: 'review', counts: { review: 1 }, reason: outcomeOf(page, '2.4.2').reason });
    expect(outcomeOf(merged, '1.1.1')).toMatchObject({ outcome: 'fail', counts: { violation: 1, review: 1 } });
    expect(outcomeOf(page, '2.4.2').counts.review).toBe(0); // the input is not changed
  });

  it('adds a missing target criterion at the end; skips criteria outside the target', () => {
    const some = page.filter((c) => c.id !== '3.2.4');
    const merged = mergeSiteFindings(some, [site(['3.2.4']), site(['2.4.9'])]);
    expect(merged.at(-1)).toMatchObject({ id: '3.2.4', level: 'AA', outcome: 'review' });
    expect(merged.find((c) => c.id === '2.4.9')).toBeUndefined();
    expect(mergeSiteFindings(some, [site(['3.2.4'])], 'A').find((c) => c.id === '3.2.4')).toBeUndefined();
  });
});

describe('applyJudgements (precedence)', () => {
  const U = 'https://pref.example.jp/news/1.html';
  const hash = (s: string) => `h(${s})`;
  let id = 0;
  const judgement = (over: Partial<Judgement>): Judgement => ({
    id: ++id,
    criterion: '2.4.6',
    result: 'pass',
    note: '',
    who: '山田',
    when: '2026-11-01T00:00:00.000Z',
    scope: { type: 'site' },
    fingerprint: null,
    source: 'cli',
    revokedAt: null,
    ...over,
  });
  const criteria = (over: Record<string, Outcome>): CriterionResult[] =>
    targetCriteria('AA').map((c) => ({ id: c.wcag, level: c.level, outcome: over[c.wcag] ?? 'untested', counts: { violation: over[c.wcag] === 'fail' ? 1 : 0, review: over[c.wcag] === 'review' ? 1 : 0, advisory: 0 } }));
  const review: JudgedFinding = { ruleId: 'image-alt-review', selector: 'img.photo', html: '<img alt="写真">', criteria: ['1.1.1'], kind: 'review', pageUrl: U };
  const apply = (cs: CriterionResult[], js: Judgement[], fs: JudgedFinding[] = [], contentHash: string | null = 'c1') =>
    applyJudgements({ url: U, contentHash }, cs, fs, js, hash);

  it('never overrides an automated fail', () => {
    const out = apply(criteria({ '1.1.1': 'fail' }), [judgement({ criterion: '1.1.1' })]);
    expect(outcomeOf(out, '1.1.1')).toMatchObject({ outcome: 'fail', automated: 'fail', dismissed: 0 });
  });

  it('page > pattern > site, newest first within a scope', () => {
    const js = [
      judgement({ result: 'pass', scope: { type: 'site' }, when: '2026-11-05T00:00:00Z' }),
      judgement({ result: 'fail', scope: { type: 'pattern', pattern: '/news/**' }, when: '2026-11-03T00:00:00Z' }),
    ];
    expect(outcomeOf(apply(criteria({}), js), '2.4.6').outcome).toBe('fail');
    const page = judgement({ result: 'inapplicable', scope: { type: 'page', url: U }, when: '2026-10-01T00:00:00Z' });
    const out = outcomeOf(apply(criteria({}), [...js, page]), '2.4.6');
    expect(out).toMatchObject({ outcome: 'inapplicable', automated: 'untested', judgement: page });
    expect(out.reason).toBe('人による確認で「適用なし」と判断されました（ページ、山田、2026-10-01）');
    const newer = judgement({ result: 'fail', scope: { type: 'site' }, when: '2026-11-09T00:00:00Z' });
    expect(outcomeOf(apply(criteria({}), [js[0], newer]), '2.4.6').judgement).toBe(newer);
  });

  it('a judgement made on other content does not decide the page (再確認); a revoked one never does', () => {
    const j = judgement({ scope: { type: 'page', url: U }, fingerprint: { kind: 'content', hashes: { [U]: 'c0' } } });
    expect(outcomeOf(apply(criteria({}), [j]), '2.4.6')).toMatchObject({ outcome: 'recheck', stale: j });
    expect(outcomeOf(apply(criteria({}), [j], [], 'c0'), '2.4.6').outcome).toBe('pass');
    expect(outcomeOf(apply(criteria({}), [{ ...j, revokedAt: '2026-11-10T00:00:00Z' }], [], 'c0'), '2.4.6').outcome).toBe('untested');
  });

  it('finding judgements: fail beats everything but a violation; pass on every review finding passes', () => {
    const scope = { type: 'finding' as const, url: U, ruleId: review.ruleId, selector: review.selector };
    const pass = judgement({ criterion: '1.1.1', scope, fingerprint: { kind: 'snippet', hash: hash(review.html) } });
    const passed = outcomeOf(apply(criteria({ '1.1.1': 'review' }), [pass], [review]), '1.1.1');
    expect(passed).toMatchObject({ outcome: 'pass', dismissed: 1, counts: { review: 0 } });
    // the snippet changed: the judgement no longer covers the finding, and the element must be judged again
    const changed = outcomeOf(apply(criteria({ '1.1.1': 'review' }), [pass], [{ ...review, html: '<img alt="画像">' }]), '1.1.1');
    expect(changed).toMatchObject({ outcome: 'recheck', dismissed: 0, stale: pass });
    const fail = judgement({ criterion: '1.1.1', result: 'fail', scope, when: '2026-11-02T00:00:00Z' });
    const site = judgement({ criterion: '1.1.1', result: 'pass', scope: { type: 'site' }, when: '2026-11-09T00:00:00Z' });
    const failed = outcomeOf(apply(criteria({ '1.1.1': 'review' }), [pass, fail, site], [review]), '1.1.1');
    expect(failed).toMatchObject({ outcome: 'fail', judgement: fail, reason: '人による確認で不適合と判断されました（img.photo）' });
  });
});

describe('site outcome and claim status', () => {
  it('the worst page outcome, except pass + inapplicable = pass; nothing = untested', () => {
    expect(siteOutcome(['pass', 'inapplicable'])).toBe('pass');
    expect(siteOutcome(['inapplicable', 'inapplicable'])).toBe('inapplicable');
    expect(siteOutcome(['pass', 'untested'])).toBe('untested');
    expect(siteOutcome(['pass', 'review', 'untested'])).toBe('review');
    expect(siteOutcome(['review', 'fail', 'pass'])).toBe('fail');
    expect(siteOutcome([])).toBe('untested');
    expect(worstOutcome(['pass', 'inapplicable'])).toBe('inapplicable');
  });

  it('met = pass or inapplicable; fail fails; review, untested and recheck stay open', () => {
    expect((['pass', 'inapplicable', 'fail', 'review', 'untested', 'recheck'] as const).map(claimStatus)).toEqual(['met', 'met', 'failed', 'open', 'open', 'open']);
    expect(siteOutcome(['pass', 'recheck', 'review'])).toBe('recheck');
  });
});
