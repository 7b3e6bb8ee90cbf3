// 2.4.2: the same <title> on pages with different content (site-duplicate-title). A page served under two
// URLs (same content hash) is one page and is not reported.
import { siteRule } from '../catalogue/site.js';
import { normalizeName, siteFinding } from './finding.js';
import type { SiteFindings, SitePage } from './types.js';

const rule = siteRule('site-duplicate-title');
const MAX_LISTED = 5;

function listUrls(urls: string[]): string {
  const shown = urls.slice(0, MAX_LISTED).join('、');
  return urls.length > MAX_LISTED ? `${shown} ほか ${urls.length - MAX_LISTED} ページ` : shown;
}

function byTitle(pages: SitePage[]): SitePage[][] {
  const groups = new Map<string, SitePage[]>();
  for (const p of pages) {
    const t = normalizeName(p.title);
    if (!t) continue; // a missing title is the page audit's business (document-title)
    const g = groups.get(t);
    if (g) g.push(p);
    else groups.set(t, [p]);
  }
  return [...groups.values()];
}

export function duplicateTitleFindings(pages: SitePage[]): SiteFindings {
  const out: SiteFindings = new Map();
  const same = (p: SitePage) => p.contentHash ?? p.url;
  for (const group of byTitle(pages)) {
    if (new Set(group.map(same)).size < 2) continue;
    const title = group[0].title.replace(/\s+/g, ' ').trim();
    for (const p of group) {
      const others = group.filter((o) => o.url !== p.url && same(o) !== same(p)).map((o) => o.url);
      if (!others.length) continue;
      out.set(p.id, [siteFinding(rule, { title, count: others.length, urls: listUrls(others) }, `<title>${title}</title>`)]);
    }
  }
  return out;
}
