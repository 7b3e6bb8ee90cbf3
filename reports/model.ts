// The report model: one run of the crawl store, with human judgements applied and the page selection
// made, turned into everything the reports print. Every writer (HTML, 試験結果, CSV, XLSX, JSON, PDF)
// reads this model and nothing else, so all of them say the same thing.
//
// Scope: the 達成基準チェックリスト and the claim are computed over the SELECTED pages (what was tested and
// is published); findings, worst pages and repeats cover every audited page of the run (what to fix).
import { CRITERIA, targetCriteria } from '../rules-jis/criteria.js';
import { applyJudgements, siteOutcome, type AppliedCriterion } from '../rules-jis/verdict.js';
import { ADVISORY_GROUP_JA, RESULT_MARK_JA, type ResultMark } from '../rules-jis/labels-ja.js';
import type { FindingKind, Level, Outcome } from '../rules-jis/types.js';
import { collect, type BrokenLink, type Run, type RunSummary, type Store, type StoredDocument, type StoredFinding, type StoredPage } from '../crawler/store/store.js';
import { computeClaim, type Claim } from '../rules-jis/claim.js';
import { isStaleFor, type Judgement } from '../rules-jis/judgements.js';
import { sha256 } from '../crawler/store/hash.js';
import { selectPages, type Selection, type SelectionOptions } from './sampling.js';
import { buildProgress, buildTrends, findingKey, type Progress, type Trends } from './trends.js';
import { isoDateJst } from './format.js';

export interface StatementOptions {
  /** 表明日 (YYYY-MM-DD); default: the day the report is generated (JST). */
  statementDate?: string;
  /** Name of the site, e.g. 「みどり県公式ホームページ」; default: the top page's title. */
  siteName?: string;
  /** 対象となるウェブページの説明; default from the start URLs. */
  scopeDescription?: string;
  /** Exclusions (pages or content not covered), one per line. */
  exclusions?: string[];
  /** 依存したウェブコンテンツ技術. */
  technologies?: string[];
  /** 試験実施期間; default: the run's start and end. */
  period?: { from: string; to: string };
  /** Who tested / who is responsible, e.g. 「みどり県 総務部 広報広聴課」. */
  organisation?: string;
}

export interface ReportOptions {
  runId?: number;
  selection?: SelectionOptions;
  statement?: StatementOptions;
  /** Judgements to use (default: those in the store). */
  judgements?: Judgement[];
  /** For tests: the time the report is made. */
  now?: string;
}

export interface ModelPage {
  id: number;
  url: string;
  title: string;
  contentHash: string | null;
  criteria: AppliedCriterion[];
  violations: number;
  reviews: number;
  advisories: number;
  failing: string[];
  selected: boolean;
}

export interface ChecklistRow {
  id: string;
  level: Level;
  /** Title as printed in JIS X 8341-3:2016. */
  jaJis: string;
  ja: string;
  understandingUrl?: string;
  /** Site-level outcome over the selected pages (judgements applied). */
  outcome: Outcome;
  /** 適用: false only when nothing on any selected page is subject to it. */
  applicable: boolean;
  /** 結果 column: ○ met (pass / inapplicable), × not met, or the words for what remains. */
  resultMark: ResultMark;
  pages: Record<Outcome, number>;
  violations: number;
  reviews: number;
  /** Judgements that decided the outcome on at least one page. */
  judgements: Judgement[];
  note: string;
}

export interface Occurrence {
  pageUrl: string;
  pageTitle: string;
  selector: string;
  html: string;
  message: string;
  line?: number;
}

export interface RuleGroup {
  ruleId: string;
  kind: FindingKind;
  help: string;
  helpUrl: string;
  message: string;
  pages: number;
  occurrences: Occurrence[];
}

export interface CriterionGroup {
  id: string;
  level: Level | null;
  jaJis: string;
  ja: string;
  violations: number;
  reviews: number;
  rules: RuleGroup[];
}

export interface RepeatGroup {
  ruleId: string;
  kind: FindingKind;
  criteria: string[];
  selectorPattern: string;
  snippet: string;
  help: string;
  pages: string[];
}

export interface ReportModel {
  generatedAt: string;
  run: Run;
  summary: RunSummary;
  target: 'A' | 'AA';
  siteName: string;
  selection: Selection;
  pages: ModelPage[];
  erroredPages: StoredPage[];
  checklist: ChecklistRow[];
  claim: Claim;
  findingGroups: CriterionGroup[];
  advisories: CriterionGroup | null;
  worstPages: ModelPage[];
  repeats: RepeatGroup[];
  documents: StoredDocument[];
  brokenLinks: BrokenLink[];
  progress: Progress | null;
  trends: Trends;
  judgements: { all: Judgement[]; used: Judgement[]; stale: { judgement: Judgement; urls: string[] }[] };
  statement: Required<Omit<StatementOptions, 'organisation'>> & { organisation: string | null };
}

const OUTCOMES: Outcome[] = ['fail', 'review', 'untested', 'pass', 'inapplicable'];

/** The key of the advisory group among the criterion ids (an advisory has no A/AA criterion). */
const ADVISORY = ADVISORY_GROUP_JA.short;

export function selectorPattern(sel: string): string {
  return sel.replace(/:nth-(child|of-type)\(\d+\)/g, ':nth-$1(n)').replace(/\d+/g, '#');
}

export async function buildReportModel(store: Store, opts: ReportOptions = {}): Promise<ReportModel> {
  const run = opts.runId !== undefined ? await store.runs.getRun(opts.runId) : ((await store.runs.latestRun('finished')) ?? (await store.runs.latestRun()));
  if (!run) throw new Error(opts.runId !== undefined ? `検査 #${opts.runId} がストアにありません。` : 'ストアに検査結果がありません。先に jis-a11y crawl を実行してください。');
  const target = run.target ?? 'AA';
  const now = opts.now ?? new Date().toISOString();
  const judgements = opts.judgements ?? (await store.judgements.listJudgements());
  const summary = await store.runs.runSummary(run.id);

  const stored = await collect(store.results.iteratePages(run.id));
  const audited = stored.filter((p) => !p.error);
  const erroredPages = stored.filter((p) => p.error);
  const selection = selectPages(
    audited.map((p) => ({ url: p.url, title: p.title, navKeys: p.nav.map((n) => n.key) })),
    opts.selection ?? { method: 'all' },
  );
  const selected = new Set(selection.urls);

  // findings by page (streamed from the store once)
  const findingsByPage = new Map<number, StoredFinding[]>();
  for await (const f of store.results.iterateFindings(run.id)) {
    const a = findingsByPage.get(f.pageId);
    if (a) a.push(f);
    else findingsByPage.set(f.pageId, [f]);
  }

  const used = new Map<number, Judgement>();
  const stale = new Map<number, { judgement: Judgement; urls: string[] }>();
  const pages: ModelPage[] = audited.map((p) => {
    const fs = findingsByPage.get(p.id) ?? [];
    const criteria = applyJudgements({ url: p.url, contentHash: p.contentHash }, p.criteria, fs, judgements, sha256);
    for (const c of criteria) if (c.judgement) used.set(c.judgement.id, c.judgement);
    for (const j of judgements) {
      if (isStaleFor(j, p)) {
        const s = stale.get(j.id) ?? { judgement: j, urls: [] };
        s.urls.push(p.url);
        stale.set(j.id, s);
      }
    }
    return {
      id: p.id,
      url: p.url,
      title: p.title,
      contentHash: p.contentHash,
      criteria,
      violations: fs.filter((f) => f.kind === 'violation').length,
      reviews: fs.filter((f) => f.kind === 'review').length,
      advisories: fs.filter((f) => f.kind === 'advisory').length,
      failing: criteria.filter((c) => c.outcome === 'fail').map((c) => c.id),
      selected: selected.has(p.url),
    };
  });
  const titleOf = new Map(pages.map((p) => [p.url, p.title]));

  // ---- checklist (selected pages)
  const sel = pages.filter((p) => p.selected);
  const checklist: ChecklistRow[] = targetCriteria(target).map((c) => {
    const per = sel.map((p) => p.criteria.find((x) => x.id === c.wcag)).filter((x): x is AppliedCriterion => !!x);
    const outcome = per.length ? siteOutcome(per.map((x) => x.outcome)) : 'untested';
    const count = Object.fromEntries(OUTCOMES.map((o) => [o, per.filter((x) => x.outcome === o).length])) as Record<Outcome, number>;
    const js = [...new Map(per.filter((x) => x.judgement).map((x) => [x.judgement!.id, x.judgement!])).values()];
    const violations = per.reduce((n, x) => n + x.counts.violation, 0);
    const reviews = per.reduce((n, x) => n + x.counts.review, 0);
    const applicable = outcome !== 'inapplicable';
    const resultMark = RESULT_MARK_JA[outcome];
    const notes: string[] = [];
    if (outcome === 'fail') notes.push(`${count.fail} ページで不適合`);
    if (outcome === 'review') notes.push(`${count.review} ページで人による確認が必要`);
    if (outcome === 'untested') notes.push('自動検査の対象外。人による確認が必要');
    if (outcome === 'inapplicable') notes.push('対象となるコンテンツなし');
    for (const j of js) notes.push(`人による確認（${j.who || '確認者不明'}、${isoDateJst(j.when)}）${j.note ? '：' + j.note : ''}`);
    return {
      id: c.wcag,
      level: c.level,
      jaJis: c.jaJis,
      ja: c.ja,
      outcome,
      applicable,
      resultMark,
      pages: count,
      violations,
      reviews,
      judgements: js,
      note: notes.join('。'),
    };
  });
  const claim = computeClaim(checklist, target);

  // ---- findings: criterion → rule → occurrences (all audited pages)
  const groups = new Map<string, Map<string, RuleGroup>>();
  const repeats = new Map<string, RepeatGroup>();
  for (const p of audited) {
    for (const f of findingsByPage.get(p.id) ?? []) {
      const crits = f.kind === 'advisory' || !f.criteria.length ? [ADVISORY] : f.criteria;
      for (const cid of crits) {
        let g = groups.get(cid);
        if (!g) groups.set(cid, (g = new Map()));
        let r = g.get(f.ruleId + '\n' + f.kind);
        if (!r) g.set(f.ruleId + '\n' + f.kind, (r = { ruleId: f.ruleId, kind: f.kind, help: f.help, helpUrl: f.helpUrl, message: f.message, pages: 0, occurrences: [] }));
        r.occurrences.push({ pageUrl: p.url, pageTitle: titleOf.get(p.url) ?? '', selector: f.selector, html: f.html, message: f.message, line: f.line });
      }
      if (f.kind !== 'advisory') {
        const snippet = f.html.replace(/\s+/g, ' ').trim();
        const key = [f.ruleId, selectorPattern(f.selector), snippet].join('\n');
        let rg = repeats.get(key);
        if (!rg) repeats.set(key, (rg = { ruleId: f.ruleId, kind: f.kind, criteria: f.criteria, selectorPattern: selectorPattern(f.selector), snippet, help: f.help, pages: [] }));
        if (!rg.pages.includes(p.url)) rg.pages.push(p.url);
      }
    }
  }
  const toCriterionGroup = (cid: string, g: Map<string, RuleGroup>): CriterionGroup => {
    const c = CRITERIA.find((x) => x.wcag === cid);
    const rules = [...g.values()]
      .map((r) => ({ ...r, pages: new Set(r.occurrences.map((o) => o.pageUrl)).size }))
      .sort((a, b) => (a.kind === b.kind ? b.occurrences.length - a.occurrences.length : a.kind === 'violation' ? -1 : 1));
    return {
      id: cid,
      level: c?.level ?? null,
      jaJis: c?.jaJis ?? ADVISORY_GROUP_JA.title,
      ja: c?.ja ?? ADVISORY_GROUP_JA.short,
      violations: rules.filter((r) => r.kind === 'violation').reduce((n, r) => n + r.occurrences.length, 0),
      reviews: rules.filter((r) => r.kind === 'review').reduce((n, r) => n + r.occurrences.length, 0),
      rules,
    };
  };
  const order = new Map(CRITERIA.map((c, i) => [c.wcag, i]));
  const findingGroups = [...groups.entries()]
    .filter(([cid]) => cid !== ADVISORY)
    .sort(([a], [b]) => (order.get(a) ?? 999) - (order.get(b) ?? 999))
    .map(([cid, g]) => toCriterionGroup(cid, g));
  const adv = groups.get(ADVISORY);

  const worstPages = [...pages]
    .filter((p) => p.violations > 0 || p.reviews > 0)
    .sort((a, b) => b.failing.length - a.failing.length || b.violations - a.violations || b.reviews - a.reviews || (a.url < b.url ? -1 : 1))
    .slice(0, 10);

  const topPage = audited.find((p) => run.startUrls.includes(p.url)) ?? audited.find((p) => new URL(p.url).pathname === '/') ?? audited.find((p) => p.depth === 0) ?? audited[0];
  const siteName = opts.statement?.siteName ?? (topPage?.title || run.label || run.startUrls[0] || 'ウェブサイト');
  const st = opts.statement ?? {};
  const statement = {
    statementDate: st.statementDate ?? isoDateJst(now),
    siteName,
    scopeDescription: st.scopeDescription ?? `${siteName}（${run.startUrls.join('、')}）で公開しているウェブページ`,
    exclusions: st.exclusions ?? defaultExclusions(erroredPages, (await store.results.documentsOfRun(run.id)).length),
    technologies: st.technologies ?? ['HTML', 'CSS', 'JavaScript', 'WAI-ARIA'],
    period: st.period ?? { from: run.startedAt, to: run.finishedAt ?? run.startedAt },
    organisation: st.organisation ?? null,
  };

  const allRuns = await store.runs.listRuns();
  return {
    generatedAt: now,
    run,
    summary,
    target,
    siteName,
    selection,
    pages,
    erroredPages,
    checklist,
    claim,
    findingGroups,
    advisories: adv ? toCriterionGroup(ADVISORY, adv) : null,
    worstPages,
    repeats: [...repeats.values()].filter((r) => r.pages.length >= 2).sort((a, b) => b.pages.length - a.pages.length),
    documents: await store.results.documentsOfRun(run.id),
    brokenLinks: await store.results.brokenLinksOfRun(run.id),
    progress: await buildProgress(store, run, allRuns),
    trends: await buildTrends(store, run, allRuns),
    judgements: { all: judgements, used: [...used.values()], stale: [...stale.values()] },
    statement,
  };
}

function defaultExclusions(errored: StoredPage[], documents: number): string[] {
  const out: string[] = [];
  if (documents) out.push(`PDF・Office などのウェブページ以外の文書（${documents} 件。文書の一覧を別に掲載）`);
  if (errored.length) out.push(`表示できなかったページ（${errored.length} 件。リンク切れ等の一覧を別に掲載）`);
  return out;
}

export { findingKey };
