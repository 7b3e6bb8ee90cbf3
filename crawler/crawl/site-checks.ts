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
import { judgeNameVariants, type NameVariant } from '../../rules-jis/site/link-names.js';
import { navOrderFindings } from '../../rules-jis/site/nav-order.js';
import type { SitePage } from '../../rules-jis/site/types.js';
import type { CrawlStore } from '../store/crawl-store.js';

/** 3.2.4 in SQL: only the (destination, names) variants and the pages of odd ones are brought into memory. */
function linkNameFindingsSql(store: CrawlStore, runId: number): Map<number, Finding[]> {
  const db = store.db;
  const SEP = '\u001f';
  db.exec('DROP TABLE IF EXISTS temp.site_nav_names');
  db.prepare(
    `CREATE TEMP TABLE site_nav_names AS
       SELECT to_url, from_url, group_concat(text, char(31)) AS names FROM (
         SELECT DISTINCT l.to_url, l.from_url, l.text FROM links l
         JOIN pages p ON p.run_id = l.run_id AND p.url = l.from_url AND p.error_code IS NULL
         WHERE l.run_id = ? AND l.area = 'nav' AND l.text <> ''
         ORDER BY l.to_url, l.from_url, l.text)
       GROUP BY to_url, from_url`,
  ).run(runId);
  // looked up once per odd naming: without it each lookup scans every (destination, page) pair (minutes at 1,000 pages)
  db.exec('CREATE INDEX temp.site_nav_names_key ON site_nav_names(to_url, names)');
  const out = new Map<number, Finding[]>();
  const pagesOf = db.prepare(
    'SELECT p.id FROM temp.site_nav_names n JOIN pages p ON p.run_id = ? AND p.url = n.from_url WHERE n.to_url = ? AND n.names = ?',
  );
  let current = '';
  let variants: NameVariant[] = [];
  const flush = () => {
    if (!current) return;
    for (const odd of judgeNameVariants(current, variants)) {
      for (const r of pagesOf.all(runId, current, odd.names.join(SEP)) as { id: number }[]) out.set(r.id, [...(out.get(r.id) ?? []), odd.finding]);
    }
  };
  // one row per (destination, naming): small, unlike the links table
  for (const r of db.prepare('SELECT to_url, names, COUNT(*) n FROM temp.site_nav_names GROUP BY to_url, names ORDER BY to_url').all() as { to_url: string; names: string; n: number }[]) {
    if (r.to_url !== current) {
      flush();
      current = r.to_url;
      variants = [];
    }
    variants.push({ names: r.names.split(SEP), pages: r.n });
  }
  flush();
  db.exec('DROP TABLE IF EXISTS temp.site_nav_names');
  return out;
}

/** Runs the three checks on a run's audited pages and stores the findings. Returns how many were written. */
export function runSiteChecks(store: CrawlStore, runId: number, target: 'A' | 'AA' = 'AA'): number {
  store.deleteFindingsBySource(runId, 'site');
  // criteria start again from the page audit's own result, so a rerun (resume) does not count site findings twice
  const pages = store.db
    .prepare('SELECT id, url, title, content_hash, nav FROM pages WHERE run_id = ? AND error_code IS NULL ORDER BY id')
    .all(runId)
    .map((r) => {
      const x = r as { id: number; url: string; title: string; content_hash: string | null; nav: string };
      return { id: x.id, url: x.url, title: x.title, contentHash: x.content_hash, nav: JSON.parse(x.nav) as SitePage['nav'] };
    });
  const all = new Map<number, Finding[]>();
  const collect = (m: Map<number, Finding[]>) => {
    for (const [id, fs] of m) all.set(id, [...(all.get(id) ?? []), ...fs]);
  };
  collect(duplicateTitleFindings(pages));
  collect(navOrderFindings(pages));
  collect(linkNameFindingsSql(store, runId));
  let n = 0;
  const tx = store.db.transaction(() => {
    // pages touched by an earlier run of the checks go back to the page audit's criteria
    store.db.prepare('UPDATE pages SET criteria = page_criteria WHERE run_id = ? AND criteria <> page_criteria').run(runId);
    for (const [id, fs] of all) {
      store.insertFindings(runId, id, fs);
      store.setPageCriteria(id, mergeSiteFindings(store.pageAuditCriteria(id), fs, target));
      n += fs.length;
    }
  });
  tx();
  return n;
}
