// Unit tests: URL normalisation, scope, robots.txt, sitemaps, URL lists, config merging.
import { describe, expect, it } from 'vitest';
import { classifyUrl, normalizeUrl } from '../../rules-jis/url.js';
import { Scope } from '../../crawler/crawl/scope.js';
import { loadRobots, parseRobots } from '../../crawler/crawl/robots.js';
import { collectSitemapUrls, parseSitemap, parseUrlList } from '../../crawler/crawl/sitemap.js';
import { mergeConfig, redactConfig, validateConfig } from '../../crawler/crawl/config.js';

describe('normalizeUrl', () => {
  it('drops fragments, lower-cases the host, removes default ports and default documents', () => {
    expect(normalizeUrl('HTTP://WWW.Pref.Midori.LG.JP:80/kurashi/index.html#top')).toBe('http://www.pref.midori.lg.jp/kurashi/');
    expect(normalizeUrl('https://example.jp:443/a/default.htm')).toBe('https://example.jp/a/');
    expect(normalizeUrl('https://example.jp/a/INDEX.HTML')).toBe('https://example.jp/a/');
    expect(normalizeUrl('https://example.jp/a/index.html.bak')).toBe('https://example.jp/a/index.html.bak');
    expect(normalizeUrl('https://example.jp//a//b.html')).toBe('https://example.jp/a/b.html');
  });

  it('resolves relative links against the page', () => {
    expect(normalizeUrl('../kenko/', 'https://example.jp/kurashi/gomi.html')).toBe('https://example.jp/kenko/');
    expect(normalizeUrl('#main', 'https://example.jp/a.html')).toBe('https://example.jp/a.html');
  });

  it('refuses non-http URLs', () => {
    expect(normalizeUrl('mailto:koho@pref.example.jp')).toBeNull();
    expect(normalizeUrl('javascript:void(0)', 'https://example.jp/')).toBeNull();
    expect(normalizeUrl('tel:0000000000', 'https://example.jp/')).toBeNull();
    expect(normalizeUrl('http://[bad')).toBeNull();
  });

  it('applies the query-string policy', () => {
    const u = 'https://example.jp/news?page=2&utm_source=x&cat=1';
    expect(normalizeUrl(u, undefined, { query: 'keep' })).toBe('https://example.jp/news?cat=1&page=2&utm_source=x');
    expect(normalizeUrl(u, undefined, { query: 'strip-tracking' })).toBe('https://example.jp/news?cat=1&page=2');
    expect(normalizeUrl(u, undefined, { query: 'drop' })).toBe('https://example.jp/news');
    expect(normalizeUrl('https://example.jp/?utm_medium=a', undefined, { query: 'strip-tracking' })).toBe('https://example.jp/');
  });

  it('applies the trailing-slash policy', () => {
    expect(normalizeUrl('https://example.jp/kurashi', undefined, { trailingSlash: 'add' })).toBe('https://example.jp/kurashi/');
    expect(normalizeUrl('https://example.jp/a.html', undefined, { trailingSlash: 'add' })).toBe('https://example.jp/a.html');
    expect(normalizeUrl('https://example.jp/kurashi/', undefined, { trailingSlash: 'remove' })).toBe('https://example.jp/kurashi');
    expect(normalizeUrl('https://example.jp/', undefined, { trailingSlash: 'remove' })).toBe('https://example.jp/');
    expect(normalizeUrl('https://example.jp/kurashi', undefined, {})).toBe('https://example.jp/kurashi');
  });

  it('classifies pages, documents and assets', () => {
    expect(classifyUrl('https://example.jp/a.pdf')).toBe('document');
    expect(classifyUrl('https://example.jp/a.XLSX')).toBe('document');
    expect(classifyUrl('https://example.jp/a.docx')).toBe('document');
    expect(classifyUrl('https://example.jp/a.png')).toBe('asset');
    expect(classifyUrl('https://example.jp/a.html')).toBe('page');
    expect(classifyUrl('https://example.jp/kurashi/')).toBe('page');
    expect(classifyUrl('https://example.jp/cgi/view.php?id=1')).toBe('page');
  });
});

describe('Scope', () => {
  const s = new Scope(['https://www.pref.example.jp/'], {
    exclude: ['/private/**', 're:\\?print=1', '/(calendar|search)\\//'],
    maxDepth: 3,
  });

  it('keeps to the start origins', () => {
    expect(s.inScope('https://www.pref.example.jp/kurashi/')).toBe(true);
    expect(s.check('https://example.com/')).toEqual({ inScope: false, reason: 'origin' });
    expect(s.check('http://www.pref.example.jp/')).toEqual({ inScope: false, reason: 'origin' });
    expect(s.check('https://sub.pref.example.jp/')).toEqual({ inScope: false, reason: 'origin' });
  });

  it('applies exclude globs and regular expressions, and max depth', () => {
    expect(s.check('https://www.pref.example.jp/private/a.html').inScope).toBe(false);
    expect(s.check('https://www.pref.example.jp/a.html?print=1').inScope).toBe(false);
    expect(s.check('https://www.pref.example.jp/calendar/2026/').inScope).toBe(false);
    expect(s.check('https://www.pref.example.jp/a.html', 3).inScope).toBe(true);
    expect(s.check('https://www.pref.example.jp/a.html', 4)).toEqual({ inScope: false, reason: 'depth' });
  });

  it('applies include patterns and extra origins', () => {
    const t = new Scope(['https://a.example.jp/'], { origins: ['https://a.example.jp', 'https://b.example.jp'], include: ['/kurashi/**', 'https://b.example.jp/**'] });
    expect(t.inScope('https://a.example.jp/kurashi/gomi.html')).toBe(true);
    expect(t.check('https://a.example.jp/kenko/')).toEqual({ inScope: false, reason: 'include' });
    expect(t.inScope('https://b.example.jp/x/y.html')).toBe(true);
    expect(new Scope(['https://a.example.jp/'], { include: [/\/news\/\d+\.html$/] }).inScope('https://a.example.jp/news/12.html')).toBe(true);
  });
});

describe('robots.txt', () => {
  const txt = `User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n\nUser-agent: jis-a11y\nDisallow: /cgi-bin/\nAllow: /\n\nSitemap: https://www.pref.example.jp/sitemap.xml\n`;

  it('is honoured for our user agent, with sitemaps and crawl delay', () => {
    const r = parseRobots('https://www.pref.example.jp/robots.txt', txt);
    expect(r.isAllowed('https://www.pref.example.jp/cgi-bin/x')).toBe(false);
    // our own group replaces the * group
    expect(r.isAllowed('https://www.pref.example.jp/private/a.html')).toBe(true);
    expect(r.sitemaps).toEqual(['https://www.pref.example.jp/sitemap.xml']);
    const star = parseRobots('https://www.pref.example.jp/robots.txt', 'User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n');
    expect(star.isAllowed('https://www.pref.example.jp/private/a.html')).toBe(false);
    expect(star.isAllowed('https://www.pref.example.jp/kurashi/')).toBe(true);
    expect(star.crawlDelaySeconds).toBe(2);
  });

  it('allows everything when robots.txt is missing or unreachable', async () => {
    const r404 = await loadRobots('https://x.example.jp', async () => ({ status: 404, text: 'nope' }));
    expect(r404.isAllowed('https://x.example.jp/private/')).toBe(true);
    const down = await loadRobots('https://x.example.jp', async () => {
      throw new Error('ECONNREFUSED');
    });
    expect(down.isAllowed('https://x.example.jp/a')).toBe(true);
  });
});

describe('sitemaps', () => {
  const index = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://e.jp/sitemap-a.xml</loc></sitemap>
  <sitemap><loc> https://e.jp/sitemap-b.xml </loc></sitemap>
  <sitemap><loc>https://e.jp/sitemap-a.xml</loc></sitemap>
</sitemapindex>`;
  const a = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.jp/</loc><lastmod>2026-11-01</lastmod></url><url><loc>https://e.jp/a?x=1&amp;y=2</loc></url></urlset>`;
  const b = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.jp/b.html</loc></url></urlset>`;

  it('parses url sets and indexes (entities decoded)', () => {
    expect(parseSitemap(a)).toEqual({ urls: ['https://e.jp/', 'https://e.jp/a?x=1&y=2'], sitemaps: [] });
    expect(parseSitemap(index).sitemaps).toEqual(['https://e.jp/sitemap-a.xml', 'https://e.jp/sitemap-b.xml', 'https://e.jp/sitemap-a.xml']);
  });

  it('follows indexes once each and reports unreadable sitemaps', async () => {
    const files: Record<string, string> = { 'https://e.jp/sitemap.xml': index, 'https://e.jp/sitemap-a.xml': a, 'https://e.jp/sitemap-b.xml': b };
    const fetched: string[] = [];
    const errors: string[] = [];
    const urls = await collectSitemapUrls(['https://e.jp/sitemap.xml', 'https://e.jp/missing.xml'], async (u) => {
      fetched.push(u);
      return files[u] ? new Response(files[u]) : new Response('', { status: 404 });
    }, { onError: (u) => errors.push(u) });
    expect(urls).toEqual(['https://e.jp/', 'https://e.jp/a?x=1&y=2', 'https://e.jp/b.html']);
    expect(fetched.filter((u) => u.endsWith('sitemap-a.xml'))).toHaveLength(1);
    expect(errors).toEqual(['https://e.jp/missing.xml']);
  });

  it('reads URL list files', () => {
    expect(parseUrlList('# 検査対象\nhttps://e.jp/a\n\n  https://e.jp/b  \r\n')).toEqual(['https://e.jp/a', 'https://e.jp/b']);
  });
});

describe('config', () => {
  it('merges file and flags over the defaults, and masks secrets when stored', () => {
    const c = mergeConfig(
      { site: 'https://www.pref.example.jp/', scope: { maxPages: 100, exclude: ['/private/**'] }, auth: { basic: { username: 'koho', password: 'secret' } } },
      { scope: { maxPages: 5 }, concurrency: 1 },
    );
    expect(c.startUrls).toEqual(['https://www.pref.example.jp/']);
    expect(c.scope.maxPages).toBe(5);
    expect(c.scope.exclude).toEqual(['/private/**']);
    expect(c.scope.query).toBe('strip-tracking');
    expect(c.perHost.concurrency).toBe(1);
    expect(c.robots).toBe(true);
    validateConfig(c);
    expect(redactConfig(c).auth.basic).toEqual({ username: 'koho', password: '***' });
    expect(() => validateConfig(mergeConfig({}))).toThrow(/開始 URL/);
  });
});

describe('crawl command flags', async () => {
  const { flagsToConfig } = await import('../../crawler/cli/crawl-command.js');
  it('turn into a partial config that overrides the file', () => {
    const p = flagsToConfig(['https://e.jp/'], {
      maxPages: '50', maxDepth: '2', exclude: ['/a/**'], query: 'drop', concurrency: '3', ignoreRobots: true, sitemap: false,
      header: ['X-Token: abc'], cookie: ['sid=1'], basicAuth: 'u:p:q', timeout: '5', delay: '100',
    });
    const c = mergeConfig({ site: 'https://other.jp/', scope: { maxPages: 10, include: ['/x/**'] } }, p);
    expect(c.startUrls).toEqual(['https://e.jp/']);
    expect(c.scope).toMatchObject({ maxPages: 50, maxDepth: 2, exclude: ['/a/**'], include: ['/x/**'], query: 'drop' });
    expect(c.robots).toBe(false);
    expect(c.sitemap).toBe(false);
    expect(c.concurrency).toBe(3);
    expect(c.timeouts.navigationMs).toBe(5000);
    expect(c.timeouts.auditMs).toBe(60_000);
    expect(c.perHost.delayMs).toBe(100);
    expect(c.auth).toEqual({ headers: { 'X-Token': 'abc' }, cookies: [{ name: 'sid', value: '1' }], basic: { username: 'u', password: 'p:q' } });
    expect(() => flagsToConfig([], { maxPages: '0' })).toThrow(/--max-pages/);
    expect(() => flagsToConfig([], { header: ['nocolon'] })).toThrow(/--header/);
  });
});
