// selectPages (a selection made on the fly) and its warnings: random below WAIC's guide of 40, below the guide
// for the site's size (over 100 pages: representative + random), a sample larger than what can be drawn, a
// representative list without the top page or any form; the same seed gives the same pages in any order.
import { describe, expect, it } from 'vitest';
import { targetCriteria } from '../../../rules-jis/criteria.js';
import type { CriterionResult } from '../../../rules-jis/types.js';
import { MAX_TEMPLATES, layoutKey, selectPages, suggestRepresentatives, templateKey, type SelectablePage } from '../../../reports/selection/index.js';

const criteria = (form: boolean): CriterionResult[] =>
  targetCriteria('AA').map((c) => ({ id: c.wcag, level: c.level, outcome: /^3\.3\./.test(c.wcag) && !form ? 'inapplicable' : 'review', counts: { violation: 0, review: 0, advisory: 0 } }));
const page = (url: string, form = false): SelectablePage => ({ url, criteria: criteria(form), bytes: url.endsWith('thanks.html') ? 2_000 : 10_000 });
const small = [
  page('https://pref.example.jp/'),
  ...Array.from({ length: 30 }, (_, i) => page(`https://pref.example.jp/news/2026/news-${String(i + 1).padStart(3, '0')}.html`)),
  ...Array.from({ length: 20 }, (_, i) => page(`https://pref.example.jp/event/event-${i + 1}.html`)),
  page('https://pref.example.jp/kurashi/'),
  page('https://pref.example.jp/kurashi/gomi.html'),
  page('https://pref.example.jp/form/otoiawase.html', true),
  page('https://pref.example.jp/form/thanks.html'),
];
const big = Array.from({ length: 150 }, (_, i) => page(`https://pref.example.jp/a/p-${i}.html`)).concat([page('https://pref.example.jp/'), page('https://pref.example.jp/form/f.html', true)]);
const codes = (s: { warnings: { code: string }[] }) => s.warnings.map((w) => w.code);

describe('selectPages', () => {
  it('all pages: every page once, no seed, no warning', () => {
    const s = selectPages(small, { method: 'all' });
    expect(s.urls).toHaveLength(small.length);
    expect(s.seed).toBeNull();
    expect(s.warnings).toEqual([]);
  });

  it('random N is reproducible with the same seed, whatever the input order', () => {
    const a = selectPages(small, { method: 'random', n: 10, seed: '2026年度' });
    const b = selectPages([...small].reverse(), { method: 'random', n: 10, seed: '2026年度' });
    const c = selectPages(small, { method: 'random', n: 10, seed: 'another' });
    expect(a.urls).toHaveLength(10);
    expect(b.urls).toEqual(a.urls);
    expect(c.urls).not.toEqual(a.urls);
    expect(a.description).toContain('2026年度');
    expect(a.pages.every((p) => p.kind === 'random')).toBe(true);
  });

  it('warns below WAIC\'s 40 random pages, naming the number and the fix', () => {
    const s = selectPages(small, { method: 'random', n: 10 });
    const w = s.warnings.find((x) => x.code === 'random-below-guide')!;
    expect(w.level).toBe('warning');
    expect(w.message).toContain('10 ページ');
    expect(w.message).toContain('40');
    expect(codes(selectPages(big, { method: 'random', n: 40 }))).not.toContain('random-below-guide');
  });

  it('warns when more random pages are asked for than can be drawn, and takes every page once', () => {
    const s = selectPages(small, { method: 'random', n: 1000 });
    expect(s.urls).toHaveLength(small.length);
    expect(s.warnings.find((x) => x.code === 'random-over-population')!.message).toContain(`${small.length} ページしかない`);
  });

  it('warns below the guide for the site\'s size: over 100 pages, WAIC recommends representative + random', () => {
    expect(codes(selectPages(big, { method: 'random', n: 40 }))).toContain('site-size-method');
    expect(codes(selectPages(big, { method: 'representative' }))).toContain('site-size-method');
    expect(codes(selectPages(big, { method: 'representative-random', n: 40 }))).not.toContain('site-size-method');
    expect(codes(selectPages(small, { method: 'random', n: 40 }))).not.toContain('site-size-method');
    expect(selectPages(big, { method: 'random', n: 40 }).warnings.find((w) => w.code === 'site-size-method')!.message).toContain('試験実施ガイドライン');
  });

  it('warns when the representative list misses the top page or every page with a form', () => {
    const s = selectPages(small, { method: 'representative', representative: ['/news/**'], suggest: false });
    expect(codes(s)).toEqual(expect.arrayContaining(['no-top-page', 'no-form-page']));
    expect(s.warnings.find((w) => w.code === 'no-form-page')!.message).toContain('https://pref.example.jp/form/otoiawase.html');
    const ok = selectPages(small, { method: 'representative', representative: ['/news/**'] });
    expect(codes(ok)).not.toContain('no-top-page');
    expect(codes(ok)).not.toContain('no-form-page');
  });

  it('representative: the top page and the form, not the form\'s thanks page; each with why', () => {
    const s = selectPages(small, { method: 'representative' });
    expect(s.urls).toContain('https://pref.example.jp/');
    expect(s.urls).toContain('https://pref.example.jp/form/otoiawase.html');
    expect(s.urls).not.toContain('https://pref.example.jp/form/thanks.html');
    expect(s.pages.every((p) => p.kind === 'representative' && p.reason)).toBe(true);
    expect(layoutKey({ url: 'https://x.jp/kurashi/gomi.html' })).toBe(layoutKey({ url: 'https://x.jp/kenko/kaigo.html' }));
    expect(templateKey({ url: 'https://x.jp/kurashi/gomi.html' })).not.toBe(templateKey({ url: 'https://x.jp/kenko/kaigo.html' }));
  });

  it('representative + random: no duplicates, representative first', () => {
    const s = selectPages(small, { method: 'representative-random', n: 40, seed: 's' });
    expect(s.urls.slice(0, s.representative.length)).toEqual(s.representative);
    expect(new Set(s.urls).size).toBe(s.urls.length);
    expect(s.random).toHaveLength(Math.min(40, small.length - s.representative.length));
    expect(s.random.some((u) => s.representative.includes(u))).toBe(false);
  });

  it('caps the templates: the biggest first, at most 30, and says how much of the site they cover', () => {
    // 60 layouts (each its own navigation part), layout i with i + 1 pages
    const many = Array.from({ length: 60 }, (_, i) => Array.from({ length: i + 1 }, (_, j) => ({ ...page(`https://pref.example.jp/s${'abcdefghij'[i % 10]}/${'x'.repeat(j + 1)}.html`), navKeys: [`nav#part-${i}`] }))).flat();
    const s = suggestRepresentatives(many);
    expect(s.clusterCount).toBe(60);
    expect(s.templates).toHaveLength(MAX_TEMPLATES);
    expect(s.templates.map((t) => t.count)).toEqual(Array.from({ length: 30 }, (_, i) => 60 - i));
    const note = s.notes.find((n) => n.code === 'suggestions-capped')!;
    expect(note.message).toContain('候補 60 種類のうち、ページ数の多い順に 30 種類');
  });
});
