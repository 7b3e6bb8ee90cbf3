// The 試験結果 as data (issue 14): one TestResultDocument built from the report model, written as
// test-result.json (schema/test-result.schema.json) and the only input of every rendering of the 試験結果 — the
// HTML page, the CMS fragment (reports/test-result.ts), the XLSX (reports/xlsx.ts) and the PDF. So the published
// page, the spreadsheet and the file a body archives cannot say different things.
// Holds: the claim (with its state and what is missing per criterion and page), the checklist (per criterion:
// level, title, 適用, result, how it was judged — the kit's plan and what was actually used —, the note with
// waivers), the selection (each URL as 代表 / ランダム when known), the statement (every TestStatement field),
// the period, the tools and the judgements.
import { understandingUrl } from '../../rules-jis/criteria.js';
import { manualKit, type KitAutomation } from '../../rules-jis/manual-kit.js';
import { claimStatus, type ClaimStatus, type JudgedOutcome } from '../../rules-jis/verdict.js';
import { describeScope, type JudgementResult, type JudgementScope } from '../../rules-jis/judgements.js';
import type { Claim } from '../../rules-jis/claim.js';
import type { MissingResult } from '../../rules-jis/test-completeness.js';
import type { SelectionKind, TestEnvironment } from '../../rules-jis/jis-test.js';
import type { DecidedBy, ResultMark } from '../../rules-jis/labels-ja.js';
import type { Level, Target } from '../../rules-jis/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../../rules-jis/version.js';
import type { ChecklistRow, ReportModel } from '../model.js';
import type { SelectionMethod } from '../sampling.js';

export const TEST_RESULT_FORMAT = 'jis-a11y-test-result';
export const TEST_RESULT_VERSION = 1;

export interface CriterionRef {
  id: string;
  level: Level;
  /** Title as printed in JIS X 8341-3:2016. */
  title: string;
}

/** The claim as rules-jis/claim.ts computes it, with each criterion named (id and title) for the renderers. */
export interface DocClaim extends Pick<Claim, 'state' | 'kind' | 'conformingLevel' | 'text' | 'short' | 'note' | 'reason' | 'futurePlan' | 'missing'> {
  failed: CriterionRef[];
  remaining: CriterionRef[];
}

export interface DocWaiver {
  reason: string;
  who: string;
  when: string;
  urls: string[];
}

export interface DocChecklistEntry extends CriterionRef {
  understandingUrl: string;
  /** 適用: false only when nothing on any selected page is subject to it. */
  applicable: boolean;
  /** Site-level result over the selected pages, judgements applied. */
  result: JudgedOutcome;
  /** ○ / × / 要確認 / 未確認 / 再確認. */
  mark: ResultMark;
  status: ClaimStatus;
  /** How the kit plans to judge it (rules-jis/manual-kit.ts): 自動 / 自動＋人 / 人. */
  kit: KitAutomation | null;
  /** How this result was actually reached (the judgements used); null while it is still open. */
  decidedBy: DecidedBy | null;
  /** Pages per result. */
  pages: Record<JudgedOutcome, number>;
  note: string;
  waivers: DocWaiver[];
  /** Ids of the judgements that decided it on some page. */
  judgements: number[];
}

export interface DocSelectedPage {
  url: string;
  /** The page's title when it was audited (the link text of the URI list). */
  title: string;
  /** 代表 / ランダム when known; null when every page was tested. */
  kind: SelectionKind | null;
  reason: string;
}

export interface DocSelection {
  method: SelectionMethod;
  methodLabel: string;
  description: string;
  population: number;
  seed: string | null;
  pages: DocSelectedPage[];
  /** The draws (how many were made, which one is used) and the selection's warnings, as sentences (may be absent). */
  notes?: string[];
  /** The linked PDF and Office documents tested with the pages (absent when the statement leaves documents out). */
  documents?: DocTestedDocuments;
}

/** The documents of the test: how they were chosen and which were tested. */
export interface DocTestedDocuments {
  include: 'all' | 'sample';
  description: string;
  /** Documents the checks could read: what the documents were chosen from. */
  population: number;
  seed: string | null;
  documents: { url: string; title: string }[];
}

export interface DocStatement {
  statementDate: string;
  siteName: string;
  scopeDescription: string;
  exclusions: string[];
  technologies: string[];
  policyUrl: string | null;
  futurePlan: string | null;
  organisation: string | null;
  environments: TestEnvironment[];
  additionalMeasures: string[];
  /** Representative pages the person named (URLs or globs). */
  representative: string[];
  /** What is wrong with the statement (「表明日が試験実施期間より前です（…）」); empty when nothing. */
  problems: string[];
}

export interface DocJudgement {
  id: number;
  criterion: string;
  result: JudgementResult;
  scope: JudgementScope;
  /** The scope in words: 「サイト全体」「ページ https://…」. */
  scopeText: string;
  who: string;
  when: string;
  note: string;
  waiver: string | null;
  /** Decided a result in this test. */
  used: boolean;
  /** Pages whose content changed since the judgement (「再確認」 there). */
  staleOn: string[];
}

export interface TestResultDocument {
  format: typeof TEST_RESULT_FORMAT;
  version: typeof TEST_RESULT_VERSION;
  generatedAt: string;
  tool: { name: string; version: string };
  standard: 'JIS X 8341-3:2016';
  target: Target;
  claim: DocClaim;
  checklist: DocChecklistEntry[];
  selection: DocSelection;
  statement: DocStatement;
  period: { from: string; to: string };
  tools: string[];
  judgements: DocJudgement[];
}

/** The tools that made the results: this tool with its axe-core, the browser, and the human judgements used. */
export function toolsUsed(m: ReportModel): string[] {
  const tools = [`${TOOL_NAME} ${m.run.toolVersion || TOOL_VERSION}（axe-core ${m.run.axeVersion || '不明'} を含む自動検査）`];
  if (m.run.browser) tools.push(`ブラウザー: ${m.run.browser.replace('/', ' ')}（ヘッドレス）`);
  if (m.judgements.used.length) tools.push(`人による確認（${m.judgements.used.length} 件の判断を反映）`);
  return tools;
}

function ref(rows: ChecklistRow[], ids: string[]): CriterionRef[] {
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is ChecklistRow => !!r).map((r) => ({ id: r.id, level: r.level, title: r.jaJis }));
}

function checklistEntry(r: ChecklistRow): DocChecklistEntry {
  return {
    id: r.id,
    level: r.level,
    title: r.jaJis,
    understandingUrl: understandingUrl(r.id),
    applicable: r.applicable,
    result: r.outcome,
    mark: r.resultMark,
    status: claimStatus(r.outcome),
    kit: manualKit(r.id)?.automation ?? null,
    decidedBy: r.decidedBy,
    pages: r.pages,
    note: r.note,
    waivers: r.waivers.map((w) => ({ reason: w.reason, who: w.judgement.who, when: w.judgement.when, urls: w.urls })),
    judgements: r.judgements.map((j) => j.id),
  };
}

/** Each selected URL with why it is there: 代表 (its template) or ランダム, or nothing when all pages were tested. */
function selectedPages(m: ReportModel): DocSelectedPage[] {
  const s = m.selection;
  const rep = new Map(s.templates.map((t) => [t.representative, t]));
  const random = new Set(s.random);
  const titles = new Map(m.pages.map((p) => [p.url, p.title]));
  const why = new Map(s.pages.map((p) => [p.url, p.reason]));
  return s.urls.map((url) => {
    const title = titles.get(url) ?? '';
    if (s.method !== 'all' && s.representative.includes(url)) {
      const t = rep.get(url);
      return { url, title, kind: 'representative' as const, reason: why.get(url) ?? (t ? `テンプレート ${t.key}（${t.count} ページ）の代表` : '代表ページ') };
    }
    if (random.has(url)) return { url, title, kind: 'random' as const, reason: why.get(url) ?? 'ランダムに選択' };
    return { url, title, kind: null, reason: 'すべてのページを試験' };
  });
}

/** The tested documents, absent when the statement keeps documents out of the test. */
function testedDocuments(m: ReportModel): { documents?: DocTestedDocuments } {
  const s = m.documentSelection;
  if (s.include === 'exclude' || !s.urls.length) return {};
  const documents = m.documentPages.map((d) => ({ url: d.url, title: d.title }));
  return { documents: { include: s.include, description: s.description, population: s.population, seed: s.seed, documents } };
}

/** The draws and the selection's warnings as sentences; absent when there are none (as for every page tested). */
function selectionNotes(m: ReportModel): { notes?: string[] } {
  const notes = [
    ...(m.selection.draws?.sentence ? [m.selection.draws.sentence] : []),
    ...m.selection.warnings.map((w) => `${w.level === 'warning' ? '注意' : '注記'}: ${w.message}`),
  ];
  return notes.length ? { notes } : {};
}

function judgementsOf(m: ReportModel): DocJudgement[] {
  const used = new Set(m.judgements.used.map((j) => j.id));
  const stale = new Map(m.judgements.stale.map((s) => [s.judgement.id, s.urls]));
  return m.judgements.all.map((j) => ({
    id: j.id,
    criterion: j.criterion,
    result: j.result,
    scope: j.scope,
    scopeText: describeScope(j.scope),
    who: j.who,
    when: j.when,
    note: j.note,
    waiver: j.waiver?.trim() || null,
    used: used.has(j.id),
    staleOn: stale.get(j.id) ?? [],
  }));
}

export function testResultDocument(m: ReportModel): TestResultDocument {
  const c = m.claim;
  const st = m.statement;
  return {
    format: TEST_RESULT_FORMAT,
    version: TEST_RESULT_VERSION,
    generatedAt: m.generatedAt,
    tool: { name: TOOL_NAME, version: m.run.toolVersion || TOOL_VERSION },
    standard: 'JIS X 8341-3:2016',
    target: m.target,
    claim: {
      state: c.state,
      kind: c.kind,
      conformingLevel: c.conformingLevel,
      text: c.text,
      short: c.short,
      note: c.note,
      reason: c.reason,
      futurePlan: c.futurePlan,
      failed: ref(m.checklist, c.failed),
      remaining: ref(m.checklist, c.remaining),
      missing: c.missing,
    },
    checklist: m.checklist.map(checklistEntry),
    selection: {
      method: m.selection.method,
      methodLabel: m.selection.methodLabel,
      description: m.selection.description,
      population: m.selection.population,
      seed: m.selection.seed,
      pages: selectedPages(m),
      ...selectionNotes(m),
      ...testedDocuments(m),
    },
    statement: {
      statementDate: st.statementDate,
      siteName: st.siteName,
      scopeDescription: st.scopeDescription,
      exclusions: st.exclusions,
      technologies: st.technologies,
      policyUrl: st.policyUrl,
      futurePlan: st.futurePlan,
      organisation: st.organisation,
      environments: st.environments,
      additionalMeasures: st.additionalMeasures,
      representative: st.representative,
      problems: m.statementProblems ?? [],
    },
    period: { from: st.period.from, to: st.period.to },
    tools: toolsUsed(m),
    judgements: judgementsOf(m),
  };
}
