// The SQL side of the site-level checks (the rules are in crawler/crawl/site-checks.ts): the pages they
// compare, the navigation namings of each link destination (3.2.4), and the write that replaces a run's
// site findings and merges them into the pages' criteria.
import type { CriterionResult } from '../../../rules-jis/types.js';
import type { ResultStore } from '../store.js';
import type { NameVariant, NameVariantJudge, NavBlock, SitePage } from '../types.js';
import type { Connection } from './connection.js';
import { insertFindings } from './results-write.js';
import { json } from '../rows.js';

const SEP = '\u001f'; // char(31): joins a page's names for one destination into one comparable value

/** (destination, page, names) of a run's navigation links, audited pages only, names sorted and joined. */
function buildNavNames(c: Connection, runId: number): void {
  c.exec('DROP TABLE IF EXISTS temp.site_nav_names');
  c.prepareOnce(
    `CREATE TEMP TABLE site_nav_names AS
       SELECT to_url, from_url, group_concat(text, char(31)) AS names FROM (
         SELECT DISTINCT l.to_url, l.from_url, l.text FROM links l
         JOIN pages p ON p.run_id = l.run_id AND p.url = l.from_url AND p.error_code IS NULL
         WHERE l.run_id = ? AND l.area = 'nav' AND l.text <> ''
         ORDER BY l.to_url, l.from_url, l.text)
       GROUP BY to_url, from_url`,
  ).run(runId);
  // looked up once per odd naming: without it each lookup scans every (destination, page) pair (minutes at 1,000 pages)
  c.exec('CREATE INDEX temp.site_nav_names_key ON site_nav_names(to_url, names)');
}

function navNameVariants<T>(c: Connection, runId: number, judge: NameVariantJudge<T>): Map<number, T[]> {
  buildNavNames(c, runId);
  try {
    const out = new Map<number, T[]>();
    const pagesOf = c.prepareOnce('SELECT p.id FROM temp.site_nav_names n JOIN pages p ON p.run_id = ? AND p.url = n.from_url WHERE n.to_url = ? AND n.names = ?');
    let current = '';
    let variants: NameVariant[] = [];
    const flush = () => {
      if (!current) return;
      for (const odd of judge(current, variants)) {
        for (const r of pagesOf.all(runId, current, odd.names.join(SEP)) as { id: number }[]) out.set(r.id, [...(out.get(r.id) ?? []), odd.value]);
      }
    };
    // one row per (destination, naming): small, unlike the links table
    const groups = c.prepareOnce('SELECT to_url, names, COUNT(*) n FROM temp.site_nav_names GROUP BY to_url, names ORDER BY to_url').all() as { to_url: string; names: string; n: number }[];
    for (const r of groups) {
      if (r.to_url !== current) {
        flush();
        current = r.to_url;
        variants = [];
      }
      variants.push({ names: r.names.split(SEP), pages: r.n });
    }
    flush();
    return out;
  } finally {
    c.exec('DROP TABLE IF EXISTS temp.site_nav_names');
  }
}

export function siteResults(c: Connection): Pick<ResultStore, 'pagesForSiteChecks' | 'navNameVariants' | 'replaceSiteFindings'> {
  return {
    async pagesForSiteChecks(runId) {
      const rows = c.stmt('SELECT id, url, title, content_hash, nav FROM pages WHERE run_id = ? AND error_code IS NULL ORDER BY id').all(runId) as {
        id: number; url: string; title: string; content_hash: string | null; nav: string;
      }[];
      return rows.map((x): SitePage => ({ id: x.id, url: x.url, title: x.title, contentHash: x.content_hash, nav: json<NavBlock[]>(x.nav, []) }));
    },

    async navNameVariants(runId, judge) {
      return navNameVariants(c, runId, judge);
    },

    async replaceSiteFindings(runId, findingsByPage, merge) {
      return c.write(() => {
        c.stmt("DELETE FROM findings WHERE run_id = ? AND source = 'site'").run(runId);
        // criteria start again from the page audit's own result, so a rerun (resume) does not count site findings twice
        c.stmt('UPDATE pages SET criteria = page_criteria WHERE run_id = ? AND criteria <> page_criteria').run(runId);
        const own = c.stmt('SELECT page_criteria FROM pages WHERE id = ?');
        const set = c.stmt('UPDATE pages SET criteria = ? WHERE id = ?');
        let n = 0;
        for (const [pageId, fs] of findingsByPage) {
          insertFindings(c, runId, pageId, fs);
          const criteria = json<CriterionResult[]>((own.get(pageId) as { page_criteria: string } | undefined)?.page_criteria, []);
          set.run(JSON.stringify(merge(criteria, fs)), pageId);
          n += fs.length;
        }
        return n;
      });
    },
  };
}
