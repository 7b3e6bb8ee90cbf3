// 3.2.3: navigation blocks, and the links inside each block, in a different relative order than on most
// pages (site-nav-order). Only what two orders have in common is compared: a page may rightly show fewer
// blocks or links, but not the same ones rearranged.
import { siteRule } from '../catalogue/site.js';
import { addFinding, siteFinding } from './finding.js';
import type { SiteFindings, SitePage } from './types.js';

const rule = siteRule('site-nav-order');

/** The most frequent value (ties: first seen). */
function mode<T>(values: T[], key: (v: T) => string): { value: T; count: number } | null {
  const counts = new Map<string, { value: T; count: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.count++;
    else counts.set(k, { value: v, count: 1 });
  }
  let best: { value: T; count: number } | null = null;
  for (const c of counts.values()) if (!best || c.count > best.count) best = c;
  return best;
}

/** The elements of `seq` that are in `keep`, first occurrence only. */
function project(seq: string[], keep: Set<string>): string[] {
  const seen = new Set<string>();
  return seq.filter((x) => keep.has(x) && !seen.has(x) && (seen.add(x), true));
}

/** `seq` and `usual` restricted to what they share, when at least two items are shared and their orders differ. */
function reordered(seq: string[], usual: string[]): { here: string[]; usual: string[] } | null {
  const usualSet = new Set(usual);
  const common = new Set(seq.filter((x) => usualSet.has(x)));
  if (common.size < 2) return null;
  const a = project(seq, common);
  const b = project(usual, common);
  return JSON.stringify(a) === JSON.stringify(b) ? null : { here: a, usual: b };
}

/** The order of the blocks themselves. */
function blockOrder(withNav: SitePage[], out: SiteFindings): void {
  const seqs = withNav.map((page) => ({ page, seq: page.nav.map((b) => b.key) }));
  const canon = mode(seqs, (x) => JSON.stringify(x.seq));
  if (!canon || canon.count < 2) return;
  for (const { page, seq } of seqs) {
    const d = reordered(seq, canon.value.seq);
    if (!d) continue;
    addFinding(out, page.id, siteFinding(rule, { here: d.here.join(' → '), count: canon.count, usual: d.usual.join(' → ') }));
  }
}

/** The order of the links inside each block, against the same block on other pages. */
function linkOrder(withNav: SitePage[], out: SiteFindings): void {
  const byKey = new Map<string, { page: SitePage; hrefs: string[] }[]>();
  for (const page of withNav) {
    for (const b of page.nav) {
      const g = byKey.get(b.key);
      if (g) g.push({ page, hrefs: b.hrefs });
      else byKey.set(b.key, [{ page, hrefs: b.hrefs }]);
    }
  }
  for (const [key, entries] of byKey) {
    if (entries.length < 2) continue;
    const canon = mode(entries, (e) => JSON.stringify(e.hrefs));
    if (!canon || canon.count < 2) continue;
    for (const e of entries) {
      const d = reordered(e.hrefs, canon.value.hrefs);
      if (!d) continue;
      const i = d.here.findIndex((x, j) => x !== d.usual[j]);
      const data = { block: key, count: canon.count, position: i + 1, here: d.here[i], usual: d.usual[i] };
      addFinding(out, e.page.id, siteFinding(rule, data, key, 'links'));
    }
  }
}

export function navOrderFindings(pages: SitePage[]): SiteFindings {
  const out: SiteFindings = new Map();
  const withNav = pages.filter((p) => p.nav.length > 0);
  blockOrder(withNav, out);
  linkOrder(withNav, out);
  return out;
}
