import { describe, expect, it } from 'vitest';
import { computeClaim, type ClaimInput } from '../../rules-jis/claim.js';
import { targetCriteria } from '../../rules-jis/criteria.js';
import type { Outcome } from '../../rules-jis/types.js';

const all = (f: (id: string, level: string) => Outcome): ClaimInput[] => targetCriteria('AA').map((c) => ({ id: c.wcag, level: c.level, outcome: f(c.wcag, c.level) }));

describe('computeClaim (対応度)', () => {
  it('every A and AA criterion met (pass or inapplicable) → 適合レベルAAに準拠', () => {
    const c = computeClaim(all((id) => (id.startsWith('1.2') ? 'inapplicable' : 'pass')));
    expect(c.kind).toBe('AA準拠');
    expect(c.short).toBe('適合レベルAAに準拠');
    expect(c.text).toBe('JIS X 8341-3:2016 の適合レベルAAに準拠');
    expect(c.conformingLevel).toBe('AA');
    expect(c.failed).toEqual([]);
    expect(c.remaining).toEqual([]);
    expect(c.note).toContain('対応度表記ガイドライン');
  });
  it('all A met, an AA criterion fails → A 準拠 and AA 一部準拠', () => {
    const c = computeClaim(all((id) => (id === '1.4.3' ? 'fail' : 'pass')));
    expect(c.kind).toBe('A準拠・AA一部準拠');
    expect(c.short).toBe('適合レベルAに準拠、適合レベルAAに一部準拠');
    expect(c.conformingLevel).toBe('A');
    expect(c.failed).toEqual(['1.4.3']);
  });
  it('all A met, an AA criterion still review → AA 一部準拠, listed as remaining', () => {
    const c = computeClaim(all((id) => (id === '2.4.6' ? 'review' : 'pass')));
    expect(c.kind).toBe('A準拠・AA一部準拠');
    expect(c.remaining).toEqual(['2.4.6']);
    expect(c.note).toContain('2.4.6');
  });
  it('any A criterion not met → 適合レベルAに一部準拠, never "AA 一部準拠"', () => {
    const c = computeClaim(all((id) => (id === '1.1.1' ? 'fail' : 'pass')));
    expect(c.kind).toBe('A一部準拠');
    expect(c.short).toBe('適合レベルAに一部準拠');
    expect(c.text).not.toContain('AA');
    expect(c.conformingLevel).toBeNull();
  });
  it('an A criterion fails while AA ones fail too → still only A 一部準拠', () => {
    const c = computeClaim(all((id, lvl) => (id === '4.1.1' || lvl === 'AA' ? 'fail' : 'pass')));
    expect(c.kind).toBe('A一部準拠');
    expect(c.text).not.toContain('AAに');
  });
  it('an untested A criterion blocks 準拠 and is listed as remaining', () => {
    const c = computeClaim(all((id) => (id === '2.1.1' ? 'untested' : 'pass')));
    expect(c.kind).toBe('A一部準拠');
    expect(c.remaining).toEqual(['2.1.1']);
    expect(c.failed).toEqual([]);
  });
  it('target A: met → 適合レベルAに準拠; not met → 一部準拠; AA criteria ignored', () => {
    expect(computeClaim(all((_, l) => (l === 'AA' ? 'fail' : 'pass')), 'A').short).toBe('適合レベルAに準拠');
    expect(computeClaim(all((id) => (id === '1.3.1' ? 'review' : 'pass')), 'A').short).toBe('適合レベルAに一部準拠');
  });
});
