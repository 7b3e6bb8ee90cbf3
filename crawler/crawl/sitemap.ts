// sitemap.xml and sitemap indexes (sitemaps.org protocol), parsed with cheerio in XML mode.
import * as cheerio from 'cheerio';
import type { FetchText } from './robots.js';

export interface ParsedSitemap {
  /** <urlset><url><loc> */
  urls: string[];
  /** <sitemapindex><sitemap><loc> */
  sitemaps: string[];
}

export function parseSitemap(xml: string): ParsedSitemap {
  const $ = cheerio.load(xml, { xml: true });
  const locs = (sel: string) =>
    $(sel)
      .map((_, el) => $(el).text().trim())
      .get()
      .filter((s) => s.length > 0);
  return { urls: locs('urlset > url > loc'), sitemaps: locs('sitemapindex > sitemap > loc') };
}

/**
 * Reads sitemaps (following indexes, each sitemap once, at most `maxSitemaps`) and returns the page URLs
 * in document order. Unreadable sitemaps are reported through `onError` and skipped.
 */
export async function collectSitemapUrls(
  roots: string[],
  fetchText: FetchText,
  opts: { maxSitemaps?: number; onError?: (url: string, message: string) => void } = {},
): Promise<string[]> {
  const max = opts.maxSitemaps ?? 1000;
  const seen = new Set<string>();
  const out: string[] = [];
  const todo = [...roots];
  while (todo.length && seen.size < max) {
    const url = todo.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    try {
      const res = await fetchText(url);
      if (!res || res.status >= 400) {
        opts.onError?.(url, `サイトマップを取得できません（HTTP ${res?.status ?? '-'}）`);
        continue;
      }
      const parsed = parseSitemap(res.text);
      // <loc> must be absolute, but some CMSs write site-relative paths: resolve them against the sitemap
      for (const u of parsed.urls) {
        try {
          out.push(new URL(u, url).href);
        } catch {
          opts.onError?.(url, `サイトマップの URL を読めません: ${u}`);
        }
      }
      for (const s of parsed.sitemaps) {
        try {
          todo.push(new URL(s, url).href);
        } catch {
          /* ignore a broken <loc> */
        }
      }
    } catch (e) {
      opts.onError?.(url, `サイトマップを読めません: ${(e as Error).message}`);
    }
  }
  return out;
}

/** A URL list file: one URL a line; blank lines and lines starting with # are ignored. */
export function parseUrlList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
