// What the site-level rules read of a crawl's pages. A run may hold tens of thousands of pages, so only
// these few fields are read from the store (crawler/crawl/site-checks.ts); the store's page type
// (crawler/store/) has the same fields.
import type { Finding } from '../types.js';

/** A navigation block seen on a page (gathered by crawler/page/gather-page.ts). */
export interface NavBlock {
  /** What identifies the block across pages: its label, id or landmark, e.g. "nav#gnav". */
  key: string;
  /** Link destinations in document order (normalised). */
  hrefs: string[];
}

/** One audited page of a run, as the site rules see it. */
export interface SitePage {
  /** The store's page id: findings are returned by it. */
  id: number;
  url: string;
  title: string;
  /** SHA-256 of the HTML as served: two URLs with the same hash are one page served twice. */
  contentHash: string | null;
  nav: NavBlock[];
}

/** Site findings by page id. */
export type SiteFindings = Map<number, Finding[]>;
