// 所属ごとの集計 of the report model: each page goes to the 所属 (division) whose URL prefix it matches —
// `sections: [{ prefix: "/kenko/", name: "健康福祉部 健康増進課" }]` in the crawl config or the report
// options — the longest prefix winning, and a page matching none to 「その他」. Per 所属: pages, pages with
// a violation, violations, reviews and its worst pages, so each division sees what is its to fix.
import type { ModelPage } from '../model.js';

/** One URL prefix and the 所属 that owns the pages under it. */
export interface SectionMapping {
  /** A path prefix ("/kenko/") or a whole-URL prefix ("https://www.pref.example.lg.jp/kenko/"). */
  prefix: string;
  /** The 所属, e.g. 「健康福祉部 健康増進課」. */
  name: string;
}

/** Where pages matching no prefix go. */
export const OTHER_SECTION_JA = 'その他';

/** Worst pages listed per 所属. */
export const WORST_PER_SECTION = 3;

export interface SectionSummary {
  name: string;
  /** The prefixes mapped to this 所属 (empty for その他). */
  prefixes: string[];
  pages: number;
  /** Pages with at least one violation. */
  failingPages: number;
  violations: number;
  reviews: number;
  /** Its pages with the most violations, then reviews (at most WORST_PER_SECTION). */
  worst: ModelPage[];
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** The 所属 of a URL: the mapping with the longest matching prefix, else その他. */
export function sectionOf(url: string, mappings: readonly SectionMapping[]): string {
  const path = pathOf(url);
  let best: SectionMapping | undefined;
  for (const m of mappings) {
    const hit = /^[a-z][a-z0-9+.-]*:\/\//i.test(m.prefix) ? url.startsWith(m.prefix) : path.startsWith(m.prefix);
    if (hit && (!best || m.prefix.length > best.prefix.length)) best = m;
  }
  return best?.name ?? OTHER_SECTION_JA;
}

/** Pages with the most violations first, then reviews, then URL. */
export function compareWorst(a: ModelPage, b: ModelPage): number {
  return b.violations - a.violations || b.reviews - a.reviews || b.failing.length - a.failing.length || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/**
 * One summary per 所属, in the order the mappings name them, その他 last; a 所属 with no page is kept (so a
 * division sees that none of its pages was audited). Most violations first would hide that order's meaning.
 */
export function summariseSections(pages: readonly ModelPage[], mappings: readonly SectionMapping[]): SectionSummary[] {
  const names = [...new Set(mappings.map((m) => m.name)), OTHER_SECTION_JA];
  const byName = new Map<string, ModelPage[]>(names.map((n) => [n, []]));
  for (const p of pages) byName.get(sectionOf(p.url, mappings))!.push(p);
  return names
    .map((name) => {
      const ps = byName.get(name)!;
      return {
        name,
        prefixes: mappings.filter((m) => m.name === name).map((m) => m.prefix),
        pages: ps.length,
        failingPages: ps.filter((p) => p.violations > 0).length,
        violations: ps.reduce((n, p) => n + p.violations, 0),
        reviews: ps.reduce((n, p) => n + p.reviews, 0),
        worst: ps.filter((p) => p.violations + p.reviews > 0).sort(compareWorst).slice(0, WORST_PER_SECTION),
      };
    })
    .filter((s) => s.name !== OTHER_SECTION_JA || s.pages > 0 || mappings.length === 0);
}
