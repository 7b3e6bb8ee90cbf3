// The report model: one run of the crawl store, with human judgements applied and the page selection
// made, turned into everything the reports print. Every writer (HTML, 試験結果, CSV, XLSX, JSON, PDF)
// reads this model and nothing else, so all of them say the same thing.
//
// This file holds the model's types (the documentation of what the writers may print) and
// buildReportModel, which puts the parts of reports/model/ together:
//   pages.ts           findings by page, judgements applied, used and stale judgements, worst pages
//   checklist.ts       the 達成基準チェックリスト
//   finding-groups.ts  criterion → rule → occurrences
//   repeats.ts         the same problem on many pages (templates, shared parts)
//   templates.ts       the pages by CMS template, and each template's own problems once with their page count
//   statement.ts       site name and the statement's defaults
//   visible-text.ts    what a person sees of a finding's element (from the stored snippet)
//   page-view.ts       ページごとの問題: each page's findings by criterion
//   org-sections.ts    所属ごとの集計: pages mapped to divisions by URL prefix
//   ../selection/, ../trends.ts   the page selection (a test's stored one, or made on the fly); progress and trends
//
// Scope: the 達成基準チェックリスト and the claim are computed over the SELECTED pages (what was tested and
// is published); findings, worst pages and repeats cover every audited page of the run (what to fix).
import type { AppliedCriterion, JudgedOutcome } from '../rules-jis/verdict.js';
import type { DecidedBy, ResultMark } from '../rules-jis/labels-ja.js';
import type { TestStatement } from '../rules-jis/jis-test.js';
import type { Finding, FindingKind, Level, Outcome } from '../rules-jis/types.js';
import type { VisibleText } from './model/visible-text.js';
import { collect, type BrokenLink, type Run, type RunSummary, type Store, type StoredDocument, type StoredPage } from '../crawler/store/store.js';
import { computeClaim, type Claim } from '../rules-jis/claim.js';
import { selectionWarning } from '../rules-jis/selection-messages.js';
import type { Judgement } from '../rules-jis/judgements.js';
import { selectPages, storedSelection, type SelectablePage, type Selection, type SelectionOptions } from './selection/index.js';
import { buildProgress, buildTrends, type Progress, type Trends } from './trends.js';
import { findingsByPage, judgePages, worstPages } from './model/pages.js';
import { buildChecklist } from './model/checklist.js';
import { groupFindings } from './model/finding-groups.js';
import { findRepeats } from './model/repeats.js';
import { findTemplates } from './model/templates.js';
import { buildStatement } from './model/statement.js';
import { testContext, recheckStale } from './model/test.js';
import type { JisTest } from '../rules-jis/jis-test.js';
import { summariseSections, type SectionMapping, type SectionSummary } from './model/org-sections.js';
import { buildPageViews, type PageView } from './model/page-view.js';
import { manualKit, type ManualKitItem } from '../rules-jis/manual-kit.js';
import { claimStatus } from '../rules-jis/verdict.js';
import { selectDocuments, type DocumentSelection } from './selection/documents.js';
import { judgeDocuments } from './model/document-pages.js';

export interface StatementOptions extends Pick<TestStatement, 'policyUrl' | 'futurePlan' | 'environments' | 'additionalMeasures' | 'representative' | 'documents'> {
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
  /** Run to report (default: the test's newest run with a test, else the newest finished run). */
  runId?: number;
  /**
   * The test to report (rules-jis/jis-test.ts): its statement, its judgements only (「再確認」 copies listed, never
   * applied), its newest run, its 試験実施期間. Without it: every judgement in the store, the run's own dates.
   */
  testId?: number;
  /** Used when the test has no stored selection (`test select`), or when there is no test. */
  selection?: SelectionOptions;
  statement?: StatementOptions;
  /** Judgements to use (default: those in the store). */
  judgements?: Judgement[];
  /** URL prefix → 所属 for the per-section view; default: the run's crawl config `sections`. */
  sections?: SectionMapping[];
  /** For tests: the time the report is made. */
  now?: string;
}

/** A criterion a person still has to check (要確認 / 未確認 over the selected pages), with the kit's procedure. */
export interface ManualCheck {
  row: ChecklistRow;
  /** The manual-test kit's entry (rules-jis/manual-kit.ts); undefined only for a criterion it does not cover. */
  kit: ManualKitItem | undefined;
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
  /** Site-level outcome over the selected pages (judgements applied; 「再確認」 where a judgement went stale). */
  outcome: JudgedOutcome;
  /** 適用: false only when nothing on any selected page is subject to it. */
  applicable: boolean;
  /** 結果 column: ○ met (pass / inapplicable), × not met, or the words for what remains. */
  resultMark: ResultMark;
  pages: Record<JudgedOutcome, number>;
  violations: number;
  reviews: number;
  /** Judgements that decided the outcome on at least one page. */
  judgements: Judgement[];
  /** How the result was reached (自動 / 自動＋人 / 人); null while the criterion is still open. */
  decidedBy: DecidedBy | null;
  /** Recorded waivers that answered an automated fail, with their public reason and the pages. */
  waivers: Waiver[];
  note: string;
}

/** A recorded exception to an automated violation (rules-jis/judgements.ts `waiver`), as the 注記 shows it. */
export interface Waiver {
  reason: string;
  judgement: Judgement;
  urls: string[];
}

export interface Occurrence {
  /** The stored finding's id (the CSV's ID column). */
  findingId: number;
  pageUrl: string;
  pageTitle: string;
  selector: string;
  html: string;
  message: string;
  line?: number;
  /** What a person sees of the element: its name or visible text, from the stored snippet. */
  visible: VisibleText | null;
  /** A small JPEG of the element (data: URL), taken at report time for violations on selected pages (crops.ts). */
  crop?: string;
}

export interface RuleGroup {
  ruleId: string;
  /** The rule's Japanese title from the catalogue (the id stays for search). */
  title: string;
  kind: FindingKind;
  impact: Finding['impact'];
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
  /** Pages with a violation or review of this criterion. */
  pages: number;
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

/** A problem in a template's own parts (header, menus, footer), once for every page built from the template. */
export interface TemplateProblem {
  ruleId: string;
  kind: FindingKind;
  criteria: string[];
  selectorPattern: string;
  snippet: string;
  message: string;
  help: string;
  /** Pages of the template it appears on. */
  pages: number;
}

/** The pages built from one CMS template (rules-jis/page/template-identity.ts). */
export interface TemplateGroup {
  key: string;
  /** 1 for the template with most pages. */
  number: number;
  pages: number;
  examples: { url: string; title: string }[];
  problems: TemplateProblem[];
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
  /** The CMS templates of the audited pages, most pages first (empty when the pages carry no template). */
  templates: TemplateGroup[];
  documents: StoredDocument[];
  /** The documents tested with the pages (the statement's `documents` policy), and how they were chosen. */
  documentSelection: DocumentSelection;
  /** The tested documents as checklist pages (their criteria judged from the document checks). */
  documentPages: ModelPage[];
  brokenLinks: BrokenLink[];
  progress: Progress | null;
  trends: Trends;
  /** `recheck`: judgements carried into the test although their page changed (「再確認」 material, never a result). */
  judgements: { all: Judgement[]; used: Judgement[]; stale: { judgement: Judgement; urls: string[] }[]; recheck?: Judgement[] };
  statement: ModelStatement;
  /** The test reported (with `testId`), else null. */
  test?: JisTest | null;
  /** What is wrong with the statement, in Japanese, e.g. 「表明日が試験実施期間より前です（…）」; empty when nothing. */
  statementProblems?: string[];
  /** The URL prefix → 所属 mappings used. */
  sectionMappings: SectionMapping[];
  /** 所属ごとの集計 (org-sections.ts). */
  sections: SectionSummary[];
  /** ページごとの問題 (page-view.ts). */
  pageViews: PageView[];
  /** Criteria still open for a person, with the kit's procedure. */
  manualChecks: ManualCheck[];
}

/** The statement as the renderers read it: defaults filled in; what a person must give is null or empty until given. */
export type ModelStatement = Required<Omit<StatementOptions, 'organisation' | 'policyUrl' | 'futurePlan' | 'documents'>> & {
  organisation: string | null;
  policyUrl: string | null;
  futurePlan: string | null;
};

export { findingKey } from './trends.js';
export { selectorPattern } from './model/repeats.js';

/** The run to report: the one asked for, else the newest finished run, else the newest run. */
async function reportedRun(store: Store, runId: number | undefined): Promise<Run> {
  const run = runId !== undefined ? await store.runs.getRun(runId) : ((await store.runs.latestRun('finished')) ?? (await store.runs.latestRun()));
  if (!run) throw new Error(runId !== undefined ? `検査 #${runId} がストアにありません。` : 'ストアに検査結果がありません。先に jis-a11y crawl を実行してください。');
  return run;
}

/** The run's pages split into audited and errored, and the page selection of the published test. */
async function pagesAndSelection(store: Store, run: Run, opts: ReportOptions): Promise<{ audited: StoredPage[]; erroredPages: StoredPage[]; selection: Selection }> {
  const stored = await collect(store.results.iteratePages(run.id));
  const audited = stored.filter((p) => !p.error);
  const selectable: SelectablePage[] = audited.map((p) => ({ url: p.url, title: p.title, navKeys: p.nav.map((n) => n.key), criteria: p.criteria, bytes: p.bytes, depth: p.depth }));
  const fromTest = opts.testId !== undefined ? await storedSelection(store.selection, opts.testId, selectable, run.id) : null;
  if (fromTest || opts.testId === undefined) return { audited, erroredPages: stored.filter((p) => p.error), selection: fromTest ?? selectPages(selectable, opts.selection ?? { method: 'all' }) };
  // a test without a stored selection: the pages are chosen on the fly, and a sample says so (never silently);
  // testing every page needs no selection
  const selection = selectPages(selectable, opts.selection ?? { method: 'all' });
  if (selection.method !== 'all') selection.warnings.unshift(selectionWarning('test-not-selected', { test: opts.testId, method: selection.methodLabel }));
  return { audited, erroredPages: stored.filter((p) => p.error), selection };
}

/** The `sections` of the crawl config stored with the run (crawler/crawl/config.ts), [] when none. */
function sectionsOfRun(run: Run): SectionMapping[] {
  const s = (run.config as { sections?: unknown } | null)?.sections;
  return Array.isArray(s) ? s.filter((m): m is SectionMapping => typeof m?.prefix === 'string' && typeof m?.name === 'string') : [];
}

export async function buildReportModel(store: Store, opts: ReportOptions = {}): Promise<ReportModel> {
  const tc = await testContext(store, opts);
  const run = await reportedRun(store, tc.runId);
  const target = tc.test?.target ?? run.target ?? 'AA';
  const now = opts.now ?? new Date().toISOString();
  const judgements = opts.judgements ?? tc.judgements ?? (await store.judgements.listJudgements());
  const { audited, erroredPages, selection } = await pagesAndSelection(store, run, opts);
  const findings = await findingsByPage(store, run.id);
  const judged = judgePages(audited, findings, judgements, new Set(selection.urls));
  const documents = await store.results.documentsOfRun(run.id);
  const documentSelection = selectDocuments(documents, tc.statement?.documents, tc.test);
  const documentPages = judgeDocuments(documents, documentSelection.urls, judgements, target);
  const checklist = buildChecklist([...judged.pages, ...documentPages], target);
  const statement = buildStatement({ run, audited, errored: erroredPages, documents: documentSelection, now, given: tc.statement });
  const allRuns = await store.runs.listRuns();
  const groups = groupFindings(audited, findings);
  const sectionMappings = opts.sections ?? sectionsOfRun(run);
  return {
    generatedAt: now,
    run,
    summary: await store.runs.runSummary(run.id),
    target,
    siteName: statement.siteName,
    selection,
    pages: judged.pages,
    erroredPages,
    checklist,
    claim: computeClaim(checklist, target, { pages: [...judged.pages.filter((p) => p.selected), ...documentPages], futurePlan: statement.futurePlan }),
    ...groups,
    worstPages: worstPages(judged.pages),
    repeats: findRepeats(audited, findings),
    templates: findTemplates(audited, findings),
    documents,
    documentSelection,
    documentPages,
    brokenLinks: await store.results.brokenLinksOfRun(run.id),
    progress: await buildProgress(store, run, allRuns),
    trends: await buildTrends(store, run, allRuns),
    judgements: tc.test
      ? { all: tc.all, used: judged.used, stale: [...judged.stale, ...recheckStale(tc.recheck, audited)], recheck: tc.recheck }
      : { all: judgements, used: judged.used, stale: judged.stale },
    statement,
    test: tc.test,
    statementProblems: tc.problems(statement.statementDate),
    sectionMappings,
    sections: summariseSections(judged.pages, sectionMappings),
    pageViews: buildPageViews(judged.pages, groups.findingGroups, sectionMappings),
    manualChecks: checklist.filter((r) => claimStatus(r.outcome) === 'open').map((row) => ({ row, kit: manualKit(row.id) })),
  };
}
