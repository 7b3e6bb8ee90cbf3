// Site-level checks that only a crawler can make, run on the stored pages of a run at the end of every crawl
// (and resume), replacing the previous site findings of the run. The rules themselves are pure and live
// with the other rules (rules-jis/site/, metadata in rules-jis/data/rules/site.json):
//   2.4.2  the same <title> on different pages           → site-duplicate-title
//   3.2.3  navigation blocks in a different relative order → site-nav-order
//   3.2.4  the same link destination named differently     → site-link-name-consistency
// This file reads the pages from the store, calls the rules and writes their findings.
import { mergeSiteFindings } from '../../rules-jis/verdict.js';
import type { Finding } from '../../rules-jis/types.js';
import { duplicateTitleFindings } from '../../rules-jis/site/duplicate-title.js';
import { judgeNameVariants } from '../../rules-jis/site/link-names.js';
import { navOrderFindings } from '../../rules-jis/site/nav-order.js';
import type { Store } from '../store/store.js';

/** 3.2.4 over a stored run: the store groups the links by destination and naming (crawler/store/sqlite/site-results.ts). */
function storedLinkNameFindings(store: Store, runId: number): Promise<Map<number, Finding[]>> {
  return store.results.navNameVariants(runId, (toUrl, variants) => judgeNameVariants(toUrl, variants).map((odd) => ({ names: odd.names, value: odd.finding })));
}

/** Runs the three checks on a run's audited pages and stores the findings. Returns how many were written. */
export async function runSiteChecks(store: Store, runId: number, target: 'A' | 'AA' = 'AA'): Promise<number> {
  const pages = await store.results.pagesForSiteChecks(runId);
  const all = new Map<number, Finding[]>();
  const collect = (m: Map<number, Finding[]>) => {
    for (const [id, fs] of m) all.set(id, [...(all.get(id) ?? []), ...fs]);
  };
  collect(duplicateTitleFindings(pages));
  collect(navOrderFindings(pages));
  collect(await storedLinkNameFindings(store, runId));
  // replaces the run's earlier site findings (a resume runs the checks again) and merges into the page criteria
  return store.results.replaceSiteFindings(runId, all, (criteria, fs) => mergeSiteFindings(criteria, fs, target));
}
