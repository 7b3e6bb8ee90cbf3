// Rows to the shapes of crawler/store/types.ts: snake_case columns to camelCase fields, JSON columns parsed,
// the two error columns to one PageError. Shared by the part modules of the SQLite store.
import type { CriterionResult, Finding, FindingKind, FindingSource, PageError } from '../../../rules-jis/types.js';
import type { Judgement, JudgementScope, Fingerprint, NavBlock, Run, RunStatus, StoredFinding, StoredPage } from '../types.js';
import type { Row } from './connection.js';

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
