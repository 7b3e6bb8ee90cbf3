// Rows to the shapes of crawler/store/types.ts: snake_case columns to camelCase fields, JSON columns parsed,
// the two error columns to one PageError. Shared by both backends (sqlite/, postgres/): the same columns give the same shapes.
import type { CriterionResult, Finding, FindingKind, FindingSource, PageError } from '../../rules-jis/types.js';
import type { DrawLog, SelectedPage, SelectionKind, SelectionSource } from '../../rules-jis/jis-test.js';
import type { Judgement, JudgementScope, Fingerprint, LoggedVerdict, LoggedWaiverUse, NavBlock, PageLink, PageRecord, Run, RunStatus, StoredFinding, StoredPage } from './types.js';
import type { AuditEntry } from './workspace-types.js';
/** A result row of either backend: column name → value. */
export type Row = Record<string, unknown>;

export function json<T>(s: unknown, dflt: T): T {
  if (typeof s !== 'string') return dflt;
  try {
    return JSON.parse(s) as T;
  } catch {
    return dflt;
  }
}

export const pageError = (code: unknown, message: unknown): PageError | null =>
  typeof code === 'string' ? { code: code as PageError['code'], message: String(message ?? '') } : null;

const orNull = <T>(v: unknown): T | null => (v as T | null | undefined) ?? null;

export function toRun(r: Row): Run {
  return {
    id: r.id as number,
    label: orNull<string>(r.label),
    status: r.status as RunStatus,
    startedAt: r.started_at as string,
    finishedAt: orNull<string>(r.finished_at),
    startUrls: json<string[]>(r.start_urls, []),
    config: json<unknown>(r.config, {}),
    toolVersion: r.tool_version as string,
    axeVersion: r.axe_version as string,
    browser: r.browser as string,
    target: r.target as 'A' | 'AA',
  };
}

export function toPage(r: Row): StoredPage {
  return {
    id: r.id as number,
    runId: r.run_id as number,
    url: r.url as string,
    finalUrl: orNull<string>(r.final_url),
    status: orNull<number>(r.status),
    contentType: orNull<string>(r.content_type),
    title: r.title as string,
    lang: r.lang as string,
    contentHash: orNull<string>(r.content_hash),
    bytes: orNull<number>(r.bytes),
    depth: r.depth as number,
    auditedAt: r.audited_at as string,
    durationMs: orNull<number>(r.duration_ms),
    error: pageError(r.error_code, r.error_message),
    criteria: json<CriterionResult[]>(r.criteria, []),
    nav: json<NavBlock[]>(r.nav, []),
    templateKey: orNull<string>(r.template_key),
    widgetKey: orNull<string>(r.widget_key),
  };
}

/** A finding row joined with its page's URL (`page_url`). */
export function toFinding(r: Row): StoredFinding {
  const f: StoredFinding = {
    id: r.id as number,
    runId: r.run_id as number,
    pageId: r.page_id as number,
    pageUrl: r.page_url as string,
    ruleId: r.rule_id as string,
    source: r.source as FindingSource,
    kind: r.kind as FindingKind,
    criteria: json<string[]>(r.criteria, []),
    impact: (r.impact as Finding['impact']) ?? null,
    selector: r.selector as string,
    html: r.html as string,
    message: r.message as string,
    help: r.help as string,
    helpUrl: r.help_url as string,
  };
  if (r.line != null) f.line = r.line as number;
  if (r.col != null) f.column = r.col as number;
  if (r.region != null) f.region = r.region as 'template' | 'content';
  return f;
}

/** The finding as the page audit produced it (without the store's ids). */
export function bareFinding({ id: _i, runId: _r, pageId: _p, pageUrl: _u, ...f }: StoredFinding): Finding {
  return f;
}

export function toJudgement(r: Row): Judgement {
  return {
    id: r.id as number,
    criterion: r.criterion as string,
    result: r.result as Judgement['result'],
    note: r.note as string,
    who: r.who as string,
    when: r.judged_at as string,
    scope: JSON.parse(r.scope as string) as JudgementScope,
    fingerprint: r.fingerprint ? (JSON.parse(r.fingerprint as string) as Fingerprint) : null,
    source: r.source as string,
    revokedAt: orNull<string>(r.revoked_at),
    waiver: orNull<string>(r.waiver),
    testId: orNull<number>(r.test_id),
    carriedFrom: orNull<number>(r.carried_from),
    recheck: r.recheck === 1,
    runId: orNull<number>(r.run_id),
  };
}

/** A row of test_draws (the draw log of JB.1.2). */
export function toDraw(r: Row): DrawLog {
  return {
    id: r.id as number,
    testId: r.test_id as number,
    n: r.n as number,
    seed: r.seed as string,
    population: r.population as number,
    ...(r.population_hash ? { populationHash: r.population_hash as string } : {}),
    plannedAt: r.planned_at as string,
    urls: r.urls === null ? null : (JSON.parse(r.urls as string) as string[]),
    drawnAt: (r.drawn_at as string | null) ?? null,
  };
}

/** A row of test_selection. */
export function toSelectedPage(r: Row): SelectedPage {
  return {
    url: r.url as string,
    kind: r.kind as SelectionKind,
    reason: r.reason as string,
    source: r.source as SelectionSource,
    ...(r.draw_id !== null ? { drawId: r.draw_id as number } : {}),
  };
}

const parsed = (s: unknown) => (s === null || s === undefined ? null : (JSON.parse(s as string) as unknown));

/** A row of audit_log. */
export function toAuditEntry(r: Row): AuditEntry {
  return {
    id: r.id as number,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as string,
    target: r.target as string,
    before: parsed(r.before_json),
    after: parsed(r.after_json),
  };
}

/** A row of hook_verdicts. */
export function toLoggedVerdict(r: Row): LoggedVerdict {
  return {
    id: r.id as number,
    at: r.at as string,
    channel: r.channel as string,
    mode: r.mode as string,
    url: r.url as string,
    verdict: r.verdict as string,
    blocking: r.blocking as number,
    waived: r.waived as number,
    errorCode: (r.error_code as string | null) ?? null,
  };
}

/** A row of hook_waiver_uses. */
export function toLoggedWaiverUse(r: Row): LoggedWaiverUse {
  return {
    verdictId: r.verdict_id as number,
    status: r.status as 'applied' | 'expired',
    rule: r.rule as string,
    findingSelector: r.finding_selector as string,
    approvedBy: r.approved_by as string,
    expires: r.expires as string,
  };
}

/** A page of an earlier run as a record of this run (incremental reuse): its own findings and links, audited when it was. */
export function carriedRecord(prev: Row, depth: number, findings: Finding[], links: PageLink[]): PageRecord {
  const { id: _id, runId: _run, ...page } = toPage(prev); // auditedAt stays: when it was really audited
  // its own criteria (page_criteria: before the site checks of that run were merged in), no error, no new time spent
  return { ...page, depth, durationMs: 0, error: null, criteria: json<CriterionResult[]>(prev.page_criteria, []), findings, links };
}
