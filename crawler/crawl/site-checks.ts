// Site-level checks that only a crawler can make, on the stored pages of a run. Each one can be wrong
// (two pages may rightly share a title), so every finding is a `review` (要確認), source 'site'.
//   2.4.2  the same <title> on different pages           → site-duplicate-title
//   3.2.3  navigation blocks in a different relative order → site-nav-order
//   3.2.4  the same link destination named differently     → site-link-name-consistency
// They run at the end of every crawl (and resume), replacing the previous site findings of the run.
import { criterion, understandingUrl } from '../../rules-jis/criteria.js';
import { worstOutcome } from '../../rules-jis/verdict.js';
import type { CriterionResult, Finding } from '../../rules-jis/types.js';
import type { Store, StoredPage } from '../store/store.js';

/** What the site checks need of a page (kept small: a run may have tens of thousands). */
export type SitePage = Pick<StoredPage, 'id' | 'url' | 'title' | 'contentHash' | 'nav'>;

export const SITE_RULES = {
  duplicateTitle: { id: 'site-duplicate-title', criteria: ['2.4.2'] },
  navOrder: { id: 'site-nav-order', criteria: ['3.2.3'] },
  linkName: { id: 'site-link-name-consistency', criteria: ['3.2.4'] },
} as const;

const MAX_LISTED = 5;

function listUrls(urls: string[]): string {
  const shown = urls.slice(0, MAX_LISTED).join('、');
  return urls.length > MAX_LISTED ? `${shown} ほか ${urls.length - MAX_LISTED} ページ` : shown;
}

function finding(rule: { id: string; criteria: readonly string[] }, message: string, help: string, html = ''): Finding {
  return {
    ruleId: rule.id,
    source: 'site',
    kind: 'review',
    criteria: [...rule.criteria],
    impact: 'moderate',
    selector: '',
    html,
    message,
    help,
    helpUrl: understandingUrl(rule.criteria[0]),
  };
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

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

/** 2.4.2: pages sharing a title (pages with identical content are one page served twice and are skipped). */
export function duplicateTitleFindings(pages: SitePage[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  const byTitle = new Map<string, SitePage[]>();
  for (const p of pages) {
    const t = norm(p.title);
    if (!t) continue; // a missing title is the page audit's business (document-title)
    const g = byTitle.get(t);
    if (g) g.push(p);
    else byTitle.set(t, [p]);
  }
  for (const group of byTitle.values()) {
    const title = group[0].title.replace(/\s+/g, ' ').trim();
    const distinct = new Map<string, SitePage>();
    for (const p of group) distinct.set(p.contentHash ?? p.url, p);
    if (distinct.size < 2) continue;
    for (const p of group) {
      const others = group.filter((o) => o.url !== p.url && (o.contentHash ?? o.url) !== (p.contentHash ?? p.url)).map((o) => o.url);
      if (!others.length) continue;
      out.set(p.id, [
        finding(
          SITE_RULES.duplicateTitle,
          `ページのタイトル「${title}」が、ほかの ${others.length} ページと同じです: ${listUrls(others)}`,
          'ページごとに内容がわかるタイトルを付けてください（例: 「記事の見出し｜所属名｜みどり県」）。同じ内容のページなら、どちらかに統合してください。',
          `<title>${title}</title>`,
        ),
      ]);
    }
  }
  return out;
}

/** 3.2.3: navigation blocks, and the links inside each block, in a different relative order than on most pages. */
export function navOrderFindings(pages: SitePage[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  const add = (id: number, f: Finding) => out.set(id, [...(out.get(id) ?? []), f]);
  const withNav = pages.filter((p) => p.nav.length > 0);
  // order of the blocks themselves
  const keySeqs = withNav.map((p) => ({ page: p, seq: p.nav.map((b) => b.key) }));
  const canonKeys = mode(keySeqs, (x) => JSON.stringify(x.seq));
  if (canonKeys && canonKeys.count >= 2) {
    const canon = canonKeys.value.seq;
    for (const { page, seq } of keySeqs) {
      const common = new Set(seq.filter((k) => canon.includes(k)));
      if (common.size < 2) continue;
      const a = project(seq, common);
      const b = project(canon, common);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        add(
          page.id,
          finding(
            SITE_RULES.navOrder,
            `ナビゲーションの並び順がほかのページと違います（このページ: ${a.join(' → ')}、ほかの ${canonKeys.count} ページ: ${b.join(' → ')}）。`,
            '繰り返し表示されるナビゲーションは、どのページでも同じ順序で配置してください（CMS のテンプレートを確認してください）。',
          ),
        );
      }
    }
  }
  // order of the links inside each block
  const byKey = new Map<string, { page: SitePage; hrefs: string[] }[]>();
  for (const p of withNav) {
    for (const b of p.nav) {
      const g = byKey.get(b.key);
      if (g) g.push({ page: p, hrefs: b.hrefs });
      else byKey.set(b.key, [{ page: p, hrefs: b.hrefs }]);
    }
  }
  for (const [key, entries] of byKey) {
    if (entries.length < 2) continue;
    const canon = mode(entries, (e) => JSON.stringify(e.hrefs));
    if (!canon || canon.count < 2) continue;
    const canonSet = new Set(canon.value.hrefs);
    for (const e of entries) {
      const common = new Set(e.hrefs.filter((h) => canonSet.has(h)));
      if (common.size < 2) continue;
      const a = project(e.hrefs, common);
      const b = project(canon.value.hrefs, common);
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      const firstDiff = a.findIndex((x, i) => x !== b[i]);
      add(
        e.page.id,
        finding(
          SITE_RULES.navOrder,
          `ナビゲーション「${key}」のリンクの並び順が、ほかの ${canon.count} ページと違います（${firstDiff + 1} 番目: このページは ${a[firstDiff]}、ほかのページは ${b[firstDiff]}）。`,
          '繰り返し表示されるナビゲーションのリンクは、どのページでも同じ順序にしてください（CMS のテンプレートやメニュー設定を確認してください）。',
          key,
        ),
      );
    }
  }
  return out;
}

/** One way a destination is named on some pages: the set of names (sorted) and how many pages use exactly it. */
export interface NameVariant {
  names: string[];
  pages: number;
}

/**
 * 3.2.4 judgement for one destination: the set of names most pages use is the norm; a variant with a name
 * outside it is odd. Returns the odd variants with the message for their pages.
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
    out.push({
      names: v.names,
      finding: finding(
        SITE_RULES.linkName,
        `同じリンク先（${toUrl}）へのリンクが、ほかの ${best.pages} ページでは「${[...canonNames].join('」「')}」、このページでは「${odd.join('」「')}」という名前になっています。`,
        '同じ機能・同じリンク先のリンクには、どのページでも同じ名前（リンクテキスト・代替テキスト）を付けてください。',
        odd[0],
      ),
    });
  }
  return out;
}

/** 3.2.4 over in-memory pages (small sites, tests). runSiteChecks does the same on the store. */
export function linkNameFindings(pages: SitePage[], linksOf: (pageUrl: string) => { toUrl: string; text: string; area: string }[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  // destination → page → set of names used on that page (navigation areas only: body text may rightly vary)
  const dest = new Map<string, Map<number, Set<string>>>();
  for (const p of pages) {
    for (const l of linksOf(p.url)) {
      if (l.area !== 'nav') continue;
      const t = norm(l.text);
      if (!t) continue;
      let m = dest.get(l.toUrl);
      if (!m) dest.set(l.toUrl, (m = new Map()));
      let set = m.get(p.id);
      if (!set) m.set(p.id, (set = new Set()));
      set.add(t);
    }
  }
  for (const [to, perPage] of dest) {
    const byVariant = new Map<string, { names: string[]; ids: number[] }>();
    for (const [id, names] of perPage) {
      const sorted = [...names].sort();
      const k = JSON.stringify(sorted);
      const v = byVariant.get(k) ?? { names: sorted, ids: [] };
      v.ids.push(id);
      byVariant.set(k, v);
    }
    const variants = [...byVariant.values()];
    for (const odd of judgeNameVariants(to, variants.map((v) => ({ names: v.names, pages: v.ids.length })))) {
      const ids = byVariant.get(JSON.stringify(odd.names))!.ids;
      for (const id of ids) out.set(id, [...(out.get(id) ?? []), odd.finding]);
    }
  }
  return out;
}

/** 3.2.4 over a stored run: the store groups the links by destination and naming (crawler/store/sqlite/site-results.ts). */
function storedLinkNameFindings(store: Store, runId: number): Promise<Map<number, Finding[]>> {
  return store.results.navNameVariants(runId, (toUrl, variants) => judgeNameVariants(toUrl, variants).map((odd) => ({ names: odd.names, value: odd.finding })));
}

/** Adds site findings to a page's criteria: a criterion with a new review becomes at least `review`. */
export function mergeCriteria(criteria: CriterionResult[], findings: Finding[], target: 'A' | 'AA' = 'AA'): CriterionResult[] {
  const byId = new Map(criteria.map((c) => [c.id, { ...c, counts: { ...c.counts } }]));
  for (const f of findings) {
    for (const id of f.criteria) {
      let c = byId.get(id);
      if (!c) {
        const meta = criterion(id);
        if (!meta || (target === 'A' && meta.level !== 'A') || meta.level === 'AAA') continue;
        c = { id, level: meta.level, outcome: 'untested', counts: { violation: 0, review: 0, advisory: 0 } };
        byId.set(id, c);
      }
      c.counts[f.kind]++;
      const next = worstOutcome([c.outcome, f.kind === 'violation' ? 'fail' : f.kind === 'review' ? 'review' : c.outcome]);
      if (next !== c.outcome) {
        c.outcome = next;
        c.reason = 'サイト全体の検査（複数ページの比較）で確認が必要な点があります。';
      }
    }
  }
  return [...byId.values()];
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
  return store.results.replaceSiteFindings(runId, all, (criteria, fs) => mergeCriteria(criteria, fs, target));
}
