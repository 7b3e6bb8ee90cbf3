// The pre-publish policy (jis-a11y.policy.json): what blocks publication, and the waivers that let a
// known, approved finding through until a date. Pure: findings in, verdict parts out (no browser, no I/O
// except loading the file). Documented in docs/hook.md; the file's shape and defaults are
// schema/policy.schema.json (Policy below is the same shape for TypeScript).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import schemaJson from '../../schema/policy.schema.json';
import { criterion } from '../../rules-jis/criteria.js';
import type { Finding, FindingKind, Level, Waiver } from '../../rules-jis/types.js';
import { ConfigSchema, readJsonConfig, type JsonSchema } from '../../rules-jis/config/validate.js';

export type { Waiver };

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

const policySchema = new ConfigSchema<Policy>(schemaJson as JsonSchema);

/** The policy when there is no file: the schema's defaults. */
export function defaultPolicy(): Policy {
  const { source: _source, hash: _hash, ...p } = parsePolicy(undefined);
  return p;
}

/** A waiver as the verdict and the hash see it: blank optional fields dropped, keys in one order. */
function normalizeWaiver(w: Waiver): Waiver {
  const given = (v?: string) => (v !== undefined && v.trim() !== '' ? v : undefined);
  return { rule: w.rule, pagePattern: given(w.pagePattern), selector: given(w.selector), reason: w.reason, approvedBy: w.approvedBy, expires: w.expires };
}

/**
 * Validates a parsed policy against schema/policy.schema.json and completes it with the schema's
 * defaults; throws UsageError with a Japanese message naming `label source` and the key.
 */
export function parsePolicy(raw: unknown, source = '(既定)', label = 'ポリシー'): LoadedPolicy {
  const data = raw === undefined || raw === null ? {} : structuredClone(raw);
  const r = policySchema.check(data, { label, file: source }, { defaults: true });
  // Rebuilt key by key as 0.2.0 did, so the hash does not depend on the order of the top-level keys or on "$schema".
  const p: Policy = { target: r.target, blockKinds: r.blockKinds, levels: r.levels, rules: r.rules, waivers: r.waivers.map(normalizeWaiver) };
  const hash = createHash('sha256').update(JSON.stringify(p)).digest('hex');
  return { ...p, source, hash };
}

/** Loads a policy file; no file → the default policy. */
export function loadPolicy(file?: string | null): LoadedPolicy {
  if (!file) return parsePolicy(undefined);
  const raw = readJsonConfig(() => readFileSync(path.resolve(file), 'utf8'), { label: 'ポリシーファイル', file });
  return parsePolicy(raw, file, 'ポリシーファイル');
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
