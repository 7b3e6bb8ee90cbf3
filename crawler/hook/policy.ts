// The pre-publish policy (jis-a11y.policy.json): what blocks publication, and the waivers that let a
// known, approved finding through until a date. Pure: findings in, verdict parts out (no browser, no I/O
// except loading the file). Documented in docs/hook.md.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { criterion } from '../../rules-jis/criteria.js';
import type { Finding, FindingKind, Level } from '../../rules-jis/types.js';
import { UsageError } from '../../rules-jis/exit-codes.js';

export interface Waiver {
  /** Rule id the waiver is for (e.g. "color-contrast", "jis-link-text"). */
  rule: string;
  /** Glob on the page URL ("https://…/kurashi/**") or on its path ("/kurashi/**"). */
  pagePattern?: string;
  /** The finding's selector, exactly as reported. */
  selector?: string;
  reason: string;
  approvedBy: string;
  /** Last day the waiver applies (YYYY-MM-DD, Japan time, inclusive). */
  expires: string;
}

export interface Policy {
  /** Conformance target the page is judged against. */
  target: 'A' | 'AA';
  /** Finding kinds that block (default ["violation"]). */
  blockKinds: FindingKind[];
  /** A finding blocks only if one of its criteria has one of these levels (default ["A", "AA"]). */
  levels: Level[];
  /** Per-rule overrides: "block" always blocks, "review" never blocks (listed as review), "ignore" drops it. */
  rules: Record<string, 'block' | 'review' | 'ignore'>;
  waivers: Waiver[];
}

export interface LoadedPolicy extends Policy {
  /** Where it came from ("(既定)" for the default). */
  source: string;
  /** SHA-256 of the policy JSON, logged with each verdict. */
  hash: string;
}

export const POLICY_FILE_NAME = 'jis-a11y.policy.json';

export function defaultPolicy(): Policy {
  return { target: 'AA', blockKinds: ['violation'], levels: ['A', 'AA'], rules: {}, waivers: [] };
}

const KINDS: FindingKind[] = ['violation', 'review', 'advisory'];

/** Validates and completes a parsed policy; throws UsageError with a Japanese message. */
export function parsePolicy(raw: unknown, source = '(既定)'): LoadedPolicy {
  const p = defaultPolicy();
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`ポリシー ${source} はオブジェクトで書いてください。`);
    const r = raw as Record<string, unknown>;
    if (r.target !== undefined) {
      if (r.target !== 'A' && r.target !== 'AA') throw new UsageError(`ポリシー ${source}: target は "A" か "AA" です。`);
      p.target = r.target;
    }
    if (r.blockKinds !== undefined) {
      if (!Array.isArray(r.blockKinds) || !r.blockKinds.every((k) => KINDS.includes(k))) throw new UsageError(`ポリシー ${source}: blockKinds は violation / review / advisory の配列です。`);
      p.blockKinds = r.blockKinds as FindingKind[];
    }
    if (r.levels !== undefined) {
      if (!Array.isArray(r.levels) || !r.levels.every((l) => ['A', 'AA', 'AAA'].includes(l))) throw new UsageError(`ポリシー ${source}: levels は "A" / "AA" / "AAA" の配列です。`);
      p.levels = r.levels as Level[];
    }
    if (r.rules !== undefined) {
      if (typeof r.rules !== 'object' || r.rules === null || !Object.values(r.rules).every((v) => ['block', 'review', 'ignore'].includes(v as string)))
        throw new UsageError(`ポリシー ${source}: rules は { "ルールID": "block" | "review" | "ignore" } です。`);
      p.rules = r.rules as Policy['rules'];
    }
    if (r.waivers !== undefined) {
      if (!Array.isArray(r.waivers)) throw new UsageError(`ポリシー ${source}: waivers は配列です。`);
      p.waivers = r.waivers.map((w, i) => validateWaiver(w, `ポリシー ${source} の waivers[${i}]`));
    }
  }
  const hash = createHash('sha256').update(JSON.stringify(p)).digest('hex');
  return { ...p, source, hash };
}

function validateWaiver(w: unknown, where: string): Waiver {
  if (typeof w !== 'object' || w === null) throw new UsageError(`${where} はオブジェクトです。`);
  const o = w as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string' && (o[k] as string).trim() !== '';
  for (const k of ['rule', 'reason', 'approvedBy', 'expires']) if (!str(k)) throw new UsageError(`${where}: "${k}" は必須です（空にできません）。`);
  if (!str('pagePattern') && !str('selector')) throw new UsageError(`${where}: "pagePattern" か "selector" のどちらかを指定してください（サイト全体を免除する指定はできません）。`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.expires as string) || Number.isNaN(Date.parse(`${o.expires}T00:00:00+09:00`)))
    throw new UsageError(`${where}: "expires" は YYYY-MM-DD の日付です（指定: ${String(o.expires)}）。`);
  return {
    rule: o.rule as string,
    pagePattern: str('pagePattern') ? (o.pagePattern as string) : undefined,
    selector: str('selector') ? (o.selector as string) : undefined,
    reason: o.reason as string,
    approvedBy: o.approvedBy as string,
    expires: o.expires as string,
  };
}

/** Loads a policy file; no file → the default policy. */
export function loadPolicy(file?: string | null): LoadedPolicy {
  if (!file) return parsePolicy(undefined);
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new UsageError(`ポリシーファイルが見つかりません: ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (e) {
    throw new UsageError(`ポリシーファイルの JSON を読めません（${file}）: ${(e as Error).message}`);
  }
  return parsePolicy(raw, file);
}

/** Today in Japan (YYYY-MM-DD): expiry dates are written by Japanese staff in local dates. */
export function todayJst(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

export function waiverExpired(w: Waiver, now = new Date()): boolean {
  return todayJst(now) > w.expires;
}

function pageMatches(pattern: string, url: string): boolean {
  let target = url;
  if (!/^[a-z]+:\/\//i.test(pattern)) {
    try {
      target = new URL(url).pathname;
    } catch {
      /* keep the raw string */
    }
  }
  return picomatch.isMatch(target, pattern, { dot: true });
}

export function waiverMatches(w: Waiver, f: Finding, pageUrl: string): boolean {
  if (w.rule !== f.ruleId) return false;
  if (w.selector && w.selector !== f.selector) return false;
  if (w.pagePattern && !pageMatches(w.pagePattern, pageUrl)) return false;
  return true;
}

/** A finding as the verdict shows it: the engine's finding plus the criteria titles in Japanese. */
export interface VerdictFinding extends Finding {
  criteriaTitles: string[];
}

export interface WaivedFinding extends VerdictFinding {
  waiver: Waiver;
}

export interface ExpiredWaiverUse {
  waiver: Waiver;
  finding: VerdictFinding;
  message: string;
}

export interface PolicyOutcome {
  verdict: 'pass' | 'block';
  blocking: VerdictFinding[];
  review: VerdictFinding[];
  advisory: VerdictFinding[];
  waived: WaivedFinding[];
  /** Waivers that matched a finding but had expired: not applied. */
  expiredWaivers: ExpiredWaiverUse[];
}

function decorate(f: Finding): VerdictFinding {
  return { ...f, criteriaTitles: f.criteria.map((id) => { const c = criterion(id); return c ? `${id} ${c.ja}（${c.level}）` : id; }) };
}

function blocks(f: Finding, policy: Policy): boolean {
  const o = policy.rules[f.ruleId];
  if (o === 'block') return true;
  if (o === 'review') return false;
  if (!policy.blockKinds.includes(f.kind)) return false;
  return f.criteria.some((id) => {
    const c = criterion(id);
    if (!c || !policy.levels.includes(c.level)) return false;
    // A page judged at level A is not blocked by AA criteria.
    return c.level === 'A' || policy.target === 'AA' || c.level === 'AAA';
  });
}

/** Applies the policy to a page's findings. */
export function applyPolicy(findings: Finding[], pageUrl: string, policy: Policy, now = new Date()): PolicyOutcome {
  const out: PolicyOutcome = { verdict: 'pass', blocking: [], review: [], advisory: [], waived: [], expiredWaivers: [] };
  for (const raw of findings) {
    if (policy.rules[raw.ruleId] === 'ignore') continue;
    const f = decorate(raw);
    const matching = policy.waivers.filter((w) => waiverMatches(w, raw, pageUrl));
    const valid = matching.find((w) => !waiverExpired(w, now));
    if (valid) {
      out.waived.push({ ...f, waiver: valid });
      continue;
    }
    for (const w of matching) {
      out.expiredWaivers.push({
        waiver: w,
        finding: f,
        message: `免除（${w.rule}、承認: ${w.approvedBy}）は ${w.expires} で期限が切れているため適用していません。修正するか、免除を更新してください。`,
      });
    }
    if (blocks(raw, policy)) out.blocking.push(f);
    else if (raw.kind === 'advisory') out.advisory.push(f);
    else out.review.push(f); // violations that do not block under this policy are shown for review
  }
  out.verdict = out.blocking.length ? 'block' : 'pass';
  return out;
}
