// The site `npm run bench` measures on, behind one shape so every tool of the run (jis-a11y crawl, the naive and
// bare loops, pa11y-ci) audits the same pages: the 12-layout varied CMS site (bench/cms-variety-site.ts, issue 19:
// content varies within each layout, as on a real municipal CMS; the default) or the older synthetic site
// (bench/site-generator.ts: every page of one template alike; `--site synthetic`, kept for comparison).
import { startSite } from './site-generator.js';
import { serveVarietySite } from './cms-variety-site.js';

export type BenchSiteKind = 'cms-variety' | 'synthetic';
export const BENCH_SITES: BenchSiteKind[] = ['cms-variety', 'synthetic'];

export interface BenchSite {
  kind: BenchSiteKind;
  /** How the bench names it in its output. */
  label: string;
  origin: string;
  pages: number;
  /** Every page, in sitemap order. */
  urls: string[];
  sitemapUrl: string;
  /** Where the crawl starts. */
  startUrl: string;
  /** Crawl flags that keep the crawl on the site's pages (the varied site links to pages it does not serve). */
  scopeArgs: string[];
  /** Pages with an image without alt that every tool should find, when the site plants them. */
  expectedImageAltPages: number | null;
  /** True layouts, when the site knows them (the varied site: 12). */
  layouts: number | null;
  close(): Promise<void>;
}

export async function openBenchSite(kind: BenchSiteKind, pages: number): Promise<BenchSite> {
  if (kind === 'synthetic') {
    const s = await startSite({ pages });
    return { kind, label: '合成サイト（1 テンプレート）/ synthetic site', origin: s.origin, pages, urls: s.urls, sitemapUrl: s.sitemapUrl, startUrl: `${s.origin}/p/0.html`, scopeArgs: [], expectedImageAltPages: Math.ceil(pages / 5), layouts: 1, close: s.close };
  }
  const s = await serveVarietySite(pages);
  return {
    kind,
    label: '多様な CMS サイト（12 レイアウト）/ varied CMS site',
    origin: s.origin,
    pages,
    urls: s.urls,
    sitemapUrl: s.sitemapUrl,
    startUrl: s.urls[0]!,
    scopeArgs: ['--include', 're:/page/\\d+\\.html$'],
    expectedImageAltPages: null,
    layouts: new Set(s.layouts.values()).size,
    close: s.close,
  };
}
