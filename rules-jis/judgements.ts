// Human judgements (人による判断): what a tester decided for a criterion, on the whole site, on pages
// matching a URL pattern, on one page, or on one finding. This file holds their shapes (one set of types
// for the extension's checklist, the CLI's `judge` and the reports), their validation, and whether a
// judgement still covers a page or a finding as it is now.
// Elsewhere: how a judgement changes an outcome is verdict.ts (applyJudgements); reading JSON/CSV files is
// judgement-import.ts; fingerprints (SHA-256 of what was judged) are made on the Node side
// (crawler/store/judgements.ts) and come in here as arguments. No Node APIs: the extension bundles this file.
import picomatch from 'picomatch';
import { criterion as findCriterion } from './criteria.js';
import { JUDGEMENT_SCOPE_LABEL_JA } from './labels-ja.js';
import type { AuditResult, Finding } from './types.js';
import { normalizeUrl } from './url.js';

export type JudgementResult = 'pass' | 'fail' | 'inapplicable';

/** One page (the only scope the extension records). */
export interface PageScope {
  type: 'page';
  url: string;
}

export type JudgementScope =
  | { type: 'site' }
  /** A glob (picomatch) on the URL path when it starts with "/", otherwise on the whole URL. */
  | { type: 'pattern'; pattern: string }
  | PageScope
  /** One element: the page, the rule and the selector that reported it, and its HTML snippet. */
  | { type: 'finding'; url: string; ruleId: string; selector: string; snippet?: string }
  /**
   * One element wherever it recurs (rules-jis/decision-items.ts): its key (an image's src and alternative, a link's
   * text and target …) and what the tester read. A changed element has another key, so it is asked again.
   */
  | ElementScope;

/** The scope of a judgement on one element wherever it recurs on the site. */
export interface ElementScope {
  type: 'element';
  key: string;
  label?: string;
}

/**
 * What the judgement was made on. `content`: SHA-256 of each page's HTML as served (from the crawl store),
 * by URL; `snippet`: SHA-256 of the element's outer HTML. Null when nothing was known (then it always applies).
 */
export type Fingerprint = { kind: 'content'; hashes: Record<string, string> } | { kind: 'snippet'; hash: string } | null;

/** A judgement as a person or a file gives it (schema/judgements.schema.json, docs/judgement-format.md). */
export interface JudgementInput {
  criterion: string;
  result: JudgementResult;
  note?: string;
  who?: string;
  /** ISO date-time of the judgement (default: now). */
  when?: string;
  scope: JudgementScope;
  /** Optional fingerprint the exporter already knows (e.g. the content hash of the page it judged). */
  contentHash?: string;
  /**
   * A waiver (適用除外の理由): a ○ that answers an automated violation on purpose, with the reason the public note
   * shows (≥ WAIVER_MIN_LENGTH characters). Without it such a ○ is refused (judgement-conflicts.ts).
   */
  waiver?: string;
}

/** One criterion on one page, as the extension's checklist records and exports it: every field filled in. */
export interface PageJudgement extends JudgementInput {
  note: string;
  who: string;
  /** ISO 8601 time the judgement was last changed. */
  when: string;
  scope: PageScope;
}

/** A recorded judgement (crawler/store/judgements.ts), with the fingerprint of what it was made on. */
export interface Judgement {
  id: number;
  criterion: string;
  result: JudgementResult;
  note: string;
  who: string;
  when: string;
  scope: JudgementScope;
  fingerprint: Fingerprint;
  /** Where it came from: "cli", "json:<file>", "csv:<file>", "xlsx:<file>" (the worksheet), "findings-csv:<file>". */
  source: string;
  revokedAt: string | null;
  /** The waiver's reason, when this ○ answers an automated violation on purpose (JudgementInput.waiver). */
  waiver?: string | null;
  /** The test (rules-jis/jis-test.ts) it was made for; null: made before tests existed, owned by none. */
  testId?: number | null;
  /** When it was carried over from another test: the id of the judgement it copies. */
  carriedFrom?: number | null;
  /** Carried although its page changed since: 「再確認」 material only, never a result. */
  recheck?: boolean;
  /** The run whose pages it was checked against when recorded (fingerprint, conflicts), when known. */
  runId?: number | null;
}

/** The shortest waiver reason accepted (characters). */
export const WAIVER_MIN_LENGTH = 10;

export const JUDGEMENT_FORMAT = 'jis-a11y-judgements';
export const JUDGEMENT_FORMAT_VERSION = 1;

/** The judgement file (docs/judgement-format.md): the extension writes it with page judgements. */
export interface JudgementDocument<J extends JudgementInput = JudgementInput> {
  format: typeof JUDGEMENT_FORMAT;
  version: typeof JUDGEMENT_FORMAT_VERSION;
  judgements: J[];
  /** The automated result of the page the judgements were made on; null when exported before an audit. */
  result?: AuditResult | null;
}

export function normUrl(u: string): string {
  return normalizeUrl(u) ?? u;
}

export function describeScope(s: JudgementScope): string {
  const L = JUDGEMENT_SCOPE_LABEL_JA;
  switch (s.type) {
    case 'site':
      return L.site;
    case 'pattern':
      return `${L.pattern} ${s.pattern}`;
    case 'page':
      return `${L.page} ${s.url}`;
    case 'finding':
      return `${L.finding} ${s.url} の ${s.selector}（${s.ruleId}）`;
    case 'element':
      return `${L.element} ${s.label || s.key}`;
  }
}

// ------------------------------------------------------------------------------------------ validation

/** A judgement that cannot be read; the message is Japanese and names the entry (「2 件目: …」). */
export class JudgementFormatError extends Error {}

/** The words a tester may write for a result (CSV cells, the CLI). */
const RESULT_WORDS: Record<string, JudgementResult> = {
  pass: 'pass', passed: 'pass', '○': 'pass', '〇': 'pass', 適合: 'pass', ok: 'pass',
  fail: 'fail', failed: 'fail', '×': 'fail', '✕': 'fail', 不適合: 'fail', ng: 'fail',
  inapplicable: 'inapplicable', 'n/a': 'inapplicable', na: 'inapplicable', '−': 'inapplicable', '-': 'inapplicable', '－': 'inapplicable', 適用なし: 'inapplicable', 該当なし: 'inapplicable',
};

/** The result a word means, or undefined. */
export function readResult(v: unknown): JudgementResult | undefined {
  return RESULT_WORDS[String(v ?? '').trim().toLowerCase()];
}

function parseResult(v: unknown, where = ''): JudgementResult {
  const r = readResult(v);
  if (!r) throw new JudgementFormatError(`${where}結果「${String(v)}」を読めません（pass / fail / inapplicable、○ / × / − のいずれか）`);
  return r;
}

/** Checks a judgement against the criteria and the scope rules; returns it normalised (URLs, time, result word). */
export function validateJudgement(j: JudgementInput, where = ''): JudgementInput {
  const c = findCriterion(String(j.criterion ?? '').trim());
  if (!c) throw new JudgementFormatError(`${where}達成基準「${String(j.criterion)}」がありません（例: 1.1.1）`);
  if (c.level === 'AAA') throw new JudgementFormatError(`${where}達成基準 ${c.wcag} はレベル AAA です。A / AA の達成基準を指定してください`);
  const result = parseResult(j.result, where);
  const scope = validateScope(j.scope, where);
  const when = j.when ? new Date(j.when) : new Date();
  if (Number.isNaN(when.getTime())) throw new JudgementFormatError(`${where}日時「${j.when}」を読めません`);
  const out: JudgementInput = { criterion: c.wcag, result, note: j.note ?? '', who: j.who ?? '', when: when.toISOString(), scope, contentHash: j.contentHash };
  const waiver = validateWaiver(j.waiver, result, where);
  if (waiver) out.waiver = waiver;
  return out;
}

/** A waiver is a reason of WAIVER_MIN_LENGTH characters or more, and only on a ○ (pass). */
function validateWaiver(w: unknown, result: JudgementResult, where: string): string | undefined {
  if (w === undefined || w === null || w === '') return undefined;
  const text = String(w).trim();
  if (result !== 'pass') throw new JudgementFormatError(`${where}waiver（適用除外の理由）は ○（pass）の判断にだけ付けられます`);
  if ([...text].length < WAIVER_MIN_LENGTH)
    throw new JudgementFormatError(`${where}waiver（適用除外の理由）が短すぎます（${[...text].length} 文字）。なぜ自動検査の不適合を認めないのかを ${WAIVER_MIN_LENGTH} 文字以上で書いてください`);
  return text;
}

function validateScope(s: JudgementScope | undefined, where: string): JudgementScope {
  if (!s || typeof s !== 'object') throw new JudgementFormatError(`${where}scope（範囲）がありません`);
  switch (s.type) {
    case 'site':
      return { type: 'site' };
    case 'pattern':
      if (!s.pattern) throw new JudgementFormatError(`${where}URL パターンがありません`);
      return { type: 'pattern', pattern: String(s.pattern) };
    case 'page':
      if (!s.url || !/^https?:\/\//i.test(s.url)) throw new JudgementFormatError(`${where}ページの URL（http(s)）がありません`);
      return { type: 'page', url: normUrl(s.url) };
    case 'finding':
      if (!s.url || !s.ruleId || s.selector === undefined) throw new JudgementFormatError(`${where}指摘箇所には url / ruleId / selector が必要です`);
      return { type: 'finding', url: normUrl(s.url), ruleId: s.ruleId, selector: s.selector, snippet: s.snippet };
    case 'element':
      if (!s.key || typeof s.key !== 'string') throw new JudgementFormatError(`${where}要素の判断には key（判断の対象の識別子。jis-a11y judge --elements-of で記録できます）が必要です`);
      return { type: 'element', key: s.key, ...(s.label ? { label: String(s.label) } : {}) };
    default:
      throw new JudgementFormatError(`${where}scope.type は site / pattern / page / finding / element のいずれかです`);
  }
}

// ---------------------------------------------------------------------------------------- matching

/** A page as it is now: its URL and the hash of its HTML as served (null when unknown). */
export interface PageRef {
  url: string;
  contentHash: string | null;
}

/** What applyJudgements needs of a finding, with the URL of its page. */
export type JudgedFinding = Pick<Finding, 'ruleId' | 'selector' | 'html' | 'criteria' | 'kind'> & { pageUrl: string };

function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

const matchers = new Map<string, (s: string) => boolean>();
export function matchesPattern(pattern: string, url: string): boolean {
  let m = matchers.get(pattern);
  if (!m) matchers.set(pattern, (m = picomatch(pattern, { dot: true })));
  return m(pattern.startsWith('/') ? urlPath(url) : url);
}

/** Does a site / pattern / page judgement's scope name this page, whatever its content now? */
export function namesPage(j: Judgement, page: Pick<PageRef, 'url'>): boolean {
  if (j.revokedAt) return false;
  const s = j.scope;
  if (s.type === 'site') return true;
  if (s.type === 'finding' || s.type === 'element') return false;
  if (s.type === 'page') return normUrl(s.url) === normUrl(page.url);
  return matchesPattern(s.pattern, page.url);
}

/** Does a site / pattern / page judgement cover this page as it is now? */
export function coversPage(j: Judgement, page: PageRef): boolean {
  return namesPage(j, page) && contentStillSame(j.fingerprint, page);
}

/** Whether the page's content is what the judgement was made on (a page that was not judged is not covered). */
function contentStillSame(fp: Fingerprint, page: PageRef): boolean {
  if (!fp || fp.kind !== 'content') return true;
  const h = fp.hashes[normUrl(page.url)];
  if (h === undefined) return false;
  return page.contentHash === null || h === page.contentHash;
}

/** True when a judgement names this page but the page's content has changed since (「再確認」). */
export function isStaleFor(j: Judgement, page: PageRef): boolean {
  if (j.revokedAt || !j.fingerprint || j.fingerprint.kind !== 'content') return false;
  const h = j.fingerprint.hashes[normUrl(page.url)];
  return h !== undefined && page.contentHash !== null && h !== page.contentHash;
}

/**
 * Does a finding judgement cover this finding? `snippetHash` is the SHA-256 of the finding's HTML
 * (computed by the caller on the Node side); it is compared only when the judgement carries a snippet fingerprint.
 */
export function coversFinding(j: Judgement, f: Omit<JudgedFinding, 'kind' | 'html'>, snippetHash: string): boolean {
  if (j.revokedAt || j.scope.type !== 'finding') return false;
  const s = j.scope;
  if (s.ruleId !== f.ruleId || s.selector !== f.selector || normUrl(s.url) !== normUrl(f.pageUrl)) return false;
  if (!f.criteria.includes(j.criterion)) return false;
  if (j.fingerprint?.kind === 'snippet') return j.fingerprint.hash === snippetHash;
  return true;
}
