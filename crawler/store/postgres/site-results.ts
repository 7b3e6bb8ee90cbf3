// The SQL side of the site-level checks on PostgreSQL, as crawler/store/sqlite/site-results.ts. The namings of each
// link destination are gathered in a temporary table dropped at the end of the reading transaction (one pooled
// client); SQLite's group_concat over a sorted subquery is string_agg(DISTINCT … ORDER BY …) here.
import type { CriterionResult } from '../../../rules-jis/types.js';
import type { ResultStore } from '../store.js';
import type { NameVariant, NameVariantJudge, NavBlock, SitePage } from '../types.js';
import { json } from '../rows.js';
import type { PgConnection, Q } from './connection.js';
import { insertFindings } from './results-write.js';

const SEP = '\u001f'; // chr(31): joins a page's names for one destination into one comparable value

async function buildNavNames(tx: Q, runId: number): Promise<void> {
  await tx.run(
    `CREATE TEMP TABLE site_nav_names ON COMMIT DROP AS
       SELECT l.to_url, l.from_url, string_agg(DISTINCT l.text, chr(31) ORDER BY l.text) AS names FROM links l
       JOIN pages p ON p.run_id = l.run_id AND p.url = l.from_url AND p.error_code IS NULL
       WHERE l.run_id = ? AND l.area = 'nav' AND l.text <> ''
       GROUP BY l.to_url, l.from_url`,
    [runId],
  );
  await tx.run('CREATE INDEX ON site_nav_names (to_url, names)');
}

async function navNameVariants<T>(tx: Q, runId: number, judge: NameVariantJudge<T>): Promise<Map<number, T[]>> {
  await buildNavNames(tx, runId);
  const out = new Map<number, T[]>();
  const PAGES_OF = 'SELECT p.id FROM site_nav_names n JOIN pages p ON p.run_id = ? AND p.url = n.from_url WHERE n.to_url = ? AND n.names = ? ORDER BY p.id';
  let current = '';
  let variants: NameVariant[] = [];
  const flush = async () => {
    if (!current) return;
    for (const odd of judge(current, variants)) {
      for (const r of await tx.all<{ id: number }>(PAGES_OF, [runId, current, odd.names.join(SEP)])) out.set(r.id, [...(out.get(r.id) ?? []), odd.value]);
    }
  };
  const groups = await tx.all<{ to_url: string; names: string; n: number }>('SELECT to_url, names, COUNT(*) n FROM site_nav_names GROUP BY to_url, names ORDER BY to_url, names');
  for (const r of groups) {
    if (r.to_url !== current) {
      await flush();
      current = r.to_url;
      variants = [];
    }
    variants.push({ names: r.names.split(SEP), pages: r.n });
  }
  await flush();
  return out;
}

export function siteResults(c: PgConnection): Pick<ResultStore, 'pagesForSiteChecks' | 'navNameVariants' | 'replaceSiteFindings'> {
  return {
    async pagesForSiteChecks(runId) {
      const rows = await c.q.all<{ id: number; url: string; title: string; content_hash: string | null; nav: string }>(
        'SELECT id, url, title, content_hash, nav FROM pages WHERE run_id = ? AND error_code IS NULL ORDER BY id',
        [runId],
      );
      return rows.map((x): SitePage => ({ id: x.id, url: x.url, title: x.title, contentHash: x.content_hash, nav: json<NavBlock[]>(x.nav, []) }));
    },

    async navNameVariants(runId, judge) {
      return c.session((tx) => navNameVariants(tx, runId, judge));
    },

    async replaceSiteFindings(runId, findingsByPage, merge) {
      return c.write(async (tx) => {
        await tx.run("DELETE FROM findings WHERE run_id = ? AND source = 'site'", [runId]);
        // criteria start again from the page audit's own result, so a rerun (resume) does not count site findings twice
        await tx.run('UPDATE pages SET criteria = page_criteria WHERE run_id = ? AND criteria <> page_criteria', [runId]);
        let n = 0;
        for (const [pageId, fs] of findingsByPage) {
          await insertFindings(tx, runId, pageId, fs);
          const own = await tx.get<{ page_criteria: string }>('SELECT page_criteria FROM pages WHERE id = ?', [pageId]);
          await tx.run('UPDATE pages SET criteria = ? WHERE id = ?', [JSON.stringify(merge(json<CriterionResult[]>(own?.page_criteria, []), fs)), pageId]);
          n += fs.length;
        }
        return n;
      });
    },
  };
}
