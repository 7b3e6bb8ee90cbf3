import { describe, expect, it } from 'vitest';
import { selectPages, templateKey, seededSample } from '../../reports/sampling.js';

const urls = [
  'https://pref.example.jp/',
  ...Array.from({ length: 30 }, (_, i) => `https://pref.example.jp/news/2026/news-${String(i + 1).padStart(3, '0')}.html`),
  ...Array.from({ length: 20 }, (_, i) => `https://pref.example.jp/event/event-${i + 1}.html`),
  'https://pref.example.jp/kurashi/',
  'https://pref.example.jp/kurashi/gomi.html',
  'https://pref.example.jp/kurashi/bosai.html',
  'https://pref.example.jp/kenko/',
  'https://pref.example.jp/kenko/kaigo.html',
];
const pages = urls.map((url) => ({ url }));

describe('page selection (JIS 附属書JB.1.2)', () => {
  it('all pages', () => {
    const s = selectPages(pages, { method: 'all' });
    expect(s.urls).toHaveLength(urls.length);
    expect(s.seed).toBeNull();
  });
  it('random N is reproducible with the same seed, whatever the input order', () => {
    const a = selectPages(pages, { method: 'random', n: 10, seed: '2026年度' });
    const b = selectPages([...pages].reverse(), { method: 'random', n: 10, seed: '2026年度' });
    const c = selectPages(pages, { method: 'random', n: 10, seed: 'another' });
    expect(a.urls).toHaveLength(10);
    expect(b.urls).toEqual(a.urls);
    expect(c.urls).not.toEqual(a.urls);
    expect(new Set(a.urls).size).toBe(10);
    expect(a.description).toContain('2026年度');
    expect(seededSample([1, 2, 3, 4, 5], 3, 'x')).toEqual(seededSample([1, 2, 3, 4, 5], 3, 'x'));
  });
  it('random N larger than the site takes every page once', () => {
    expect(selectPages(pages, { method: 'random', n: 1000 }).urls).toHaveLength(urls.length);
  });
  it('representative: one page per inferred template', () => {
    expect(templateKey({ url: 'https://x.jp/news/2026/news-001.html' })).toBe(templateKey({ url: 'https://x.jp/news/2025/news-017.html' }));
    expect(templateKey({ url: 'https://x.jp/kurashi/gomi.html' })).toBe(templateKey({ url: 'https://x.jp/kurashi/bosai.html' }));
    expect(templateKey({ url: 'https://x.jp/kurashi/' })).not.toBe(templateKey({ url: 'https://x.jp/kurashi/gomi.html' }));
    const s = selectPages(pages, { method: 'representative' });
    expect(s.templates.map((t) => t.key)).toEqual(expect.arrayContaining(['/(top)', '/news/#/news-#.html', '/event/event-#.html', '/kurashi/index', '/kurashi/*.html']));
    expect(s.urls).toHaveLength(s.templates.length);
    expect(s.urls).toContain('https://pref.example.jp/');
    expect(s.templates.find((t) => t.key === '/news/#/news-#.html')!.count).toBe(30);
  });
  it('representative + random: no duplicates, representative first', () => {
    const s = selectPages(pages, { method: 'representative-random', n: 40, seed: 's' });
    expect(s.urls.slice(0, s.representative.length)).toEqual(s.representative);
    expect(new Set(s.urls).size).toBe(s.urls.length);
    expect(s.random).toHaveLength(Math.min(40, urls.length - s.representative.length));
    expect(s.random.some((u) => s.representative.includes(u))).toBe(false);
  });
});
