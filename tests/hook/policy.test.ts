// The policy alone (pure): what blocks, waivers matched by rule + page pattern or selector, expiry in Japan time.
import { describe, expect, it } from 'vitest';
import { applyPolicy, parsePolicy, todayJst, waiverExpired } from '../../crawler/hook/policy.js';
import type { Finding } from '../../rules-jis/types.js';

const f = (ruleId: string, kind: Finding['kind'], criteria: string[], selector = 'img'): Finding => ({
  ruleId, source: 'axe', kind, criteria, impact: 'serious', selector, html: '<img>', message: 'メッセージ', help: '直し方', helpUrl: '',
});

describe('policy', () => {
  it('by default blocks A/AA violations only; review and advisory do not block', () => {
    const o = applyPolicy([f('image-alt', 'violation', ['1.1.1']), f('x', 'review', ['1.3.1']), f('jis-compat-char', 'advisory', []), f('aaa', 'violation', ['2.4.9'])], 'https://x.jp/a.html', parsePolicy({}));
    expect(o.verdict).toBe('block');
    expect(o.blocking.map((x) => x.ruleId)).toEqual(['image-alt']);
    expect(o.review.map((x) => x.ruleId)).toEqual(['x', 'aaa']);
    expect(o.advisory.map((x) => x.ruleId)).toEqual(['jis-compat-char']);
  });

  it('target A does not block on AA criteria; rule overrides win', () => {
    const fs = [f('color-contrast', 'violation', ['1.4.3']), f('x', 'review', ['1.3.1'])];
    expect(applyPolicy(fs, 'https://x.jp/', parsePolicy({ target: 'A' })).verdict).toBe('pass');
    expect(applyPolicy(fs, 'https://x.jp/', parsePolicy({ rules: { 'color-contrast': 'review' } })).verdict).toBe('pass');
    expect(applyPolicy(fs, 'https://x.jp/', parsePolicy({ target: 'A', rules: { x: 'block' } })).blocking.map((b) => b.ruleId)).toEqual(['x']);
    expect(applyPolicy(fs, 'https://x.jp/', parsePolicy({ rules: { 'color-contrast': 'ignore' } })).review.map((b) => b.ruleId)).toEqual(['x']);
  });

  it('matches waivers by rule and path glob, full-URL glob or selector', () => {
    const base = { reason: 'r', approvedBy: 'a', expires: '2099-01-01' };
    const p = parsePolicy({
      waivers: [
        { rule: 'image-alt', pagePattern: '/kurashi/**', ...base },
        { rule: 'label', selector: '#q', ...base },
        { rule: 'link-name', pagePattern: 'https://x.jp/news/*.html', ...base },
      ],
    });
    const o = applyPolicy(
      [f('image-alt', 'violation', ['1.1.1']), f('label', 'violation', ['1.3.1'], '#q'), f('label', 'violation', ['1.3.1'], '#other'), f('link-name', 'violation', ['2.4.4'], 'a')],
      'https://x.jp/kurashi/gomi/index.html',
      p,
    );
    expect(o.waived.map((w) => `${w.ruleId}${w.selector}`)).toEqual(['image-altimg', 'label#q']);
    expect(o.blocking.map((w) => `${w.ruleId}${w.selector}`)).toEqual(['label#other', 'link-namea']);
    expect(applyPolicy([f('link-name', 'violation', ['2.4.4'], 'a')], 'https://x.jp/news/1.html', p).waived).toHaveLength(1);
  });

  it('applies a waiver through its expiry day in Japan time, not after', () => {
    const w = { rule: 'r', pagePattern: '/**', reason: 'r', approvedBy: 'a', expires: '2026-03-31' };
    expect(waiverExpired(w, new Date('2026-03-31T14:59:00Z'))).toBe(false); // 23:59 JST
    expect(waiverExpired(w, new Date('2026-03-31T15:00:00Z'))).toBe(true); // 4/1 00:00 JST
    expect(todayJst(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
    const o = applyPolicy([f('r', 'violation', ['1.1.1'])], 'https://x.jp/a', parsePolicy({ waivers: [w] }), new Date('2026-04-02T00:00:00Z'));
    expect(o.verdict).toBe('block');
    expect(o.expiredWaivers[0].message).toMatch(/2026-03-31 で期限が切れている/);
  });

  it('rejects incomplete waivers with a Japanese message', () => {
    expect(() => parsePolicy({ waivers: [{ rule: 'r', reason: 'x', approvedBy: 'y', expires: '2026-01-01' }] })).toThrow(/pagePattern/);
    expect(() => parsePolicy({ waivers: [{ rule: 'r', pagePattern: '/', reason: 'x', approvedBy: 'y', expires: '来年' }] })).toThrow(/YYYY-MM-DD/);
    expect(() => parsePolicy({ waivers: [{ rule: 'r', pagePattern: '/', approvedBy: 'y', expires: '2026-01-01' }] })).toThrow(/"reason" は必須/);
  });
});
