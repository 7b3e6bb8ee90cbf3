// 3.2.4: the same link destination named differently on different pages (site-link-name-consistency).
// Only links in navigation areas (nav, header, footer) are compared: body text may rightly vary.
// The judgement per destination is pure (judgeNameVariants); crawler/crawl/site-checks.ts feeds it from
// the store without reading every link into memory, linkNameFindings from pages in memory.
import { siteRule } from '../catalogue/site.js';
import type { Finding } from '../types.js';
import { addFinding, normalizeName, siteFinding } from './finding.js';
import type { SiteFindings, SitePage } from './types.js';

const rule = siteRule('site-link-name-consistency');

/** One way a destination is named on some pages: the set of names (sorted) and how many pages use exactly it. */
export interface NameVariant {
  names: string[];
  pages: number;
}

/** A link as gathered on a page (crawler/page/gather-page.ts). */
export interface SiteLink {
  toUrl: string;
  text: string;
  area: string;
}

/**
 * The judgement for one destination: the set of names most pages use is the norm; a variant with a name
 * outside it is odd. Returns the odd variants with the finding for their pages.
 */
export function judgeNameVariants(toUrl: string, variants: NameVariant[]): { names: string[]; finding: Finding }[] {
  if (!variants.length) return [];
  const best = variants.reduce((a, b) => (b.pages > a.pages ? b : a));
  if (best.pages < 2) return [];
  const canonNames = new Set(best.names);
  const out: { names: string[]; finding: Finding }[] = [];
  for (const v of variants) {
    const odd = v.names.filter((n) => !canonNames.has(n));
    if (!odd.length) continue;
    const data = { url: toUrl, count: best.pages, usual: [...canonNames].join('」「'), here: odd.join('」「') };
    out.push({ names: v.names, finding: siteFinding(rule, data, odd[0]) });
  }
  return out;
}

/** destination → page id → the names used for it in that page's navigation areas. */
function namesByDestination(pages: SitePage[], linksOf: (pageUrl: string) => SiteLink[]): Map<string, Map<number, Set<string>>> {
  const dest = new Map<string, Map<number, Set<string>>>();
  for (const p of pages) {
    for (const l of linksOf(p.url)) {
      if (l.area !== 'nav') continue;
      const t = normalizeName(l.text);
      if (!t) continue;
      let m = dest.get(l.toUrl);
      if (!m) dest.set(l.toUrl, (m = new Map()));
      let set = m.get(p.id);
      if (!set) m.set(p.id, (set = new Set()));
      set.add(t);
    }
  }
  return dest;
}

/** The same judgement over pages in memory (small sites, tests). */
export function linkNameFindings(pages: SitePage[], linksOf: (pageUrl: string) => SiteLink[]): SiteFindings {
  const out: SiteFindings = new Map();
  for (const [to, perPage] of namesByDestination(pages, linksOf)) {
    const byVariant = new Map<string, { names: string[]; ids: number[] }>();
    for (const [id, names] of perPage) {
      const sorted = [...names].sort();
      const k = JSON.stringify(sorted);
      const v = byVariant.get(k) ?? { names: sorted, ids: [] };
      v.ids.push(id);
      byVariant.set(k, v);
    }
    const variants = [...byVariant.values()].map((v) => ({ names: v.names, pages: v.ids.length }));
    for (const odd of judgeNameVariants(to, variants)) {
      for (const id of byVariant.get(JSON.stringify(odd.names))!.ids) addFinding(out, id, odd.finding);
    }
  }
  return out;
}
