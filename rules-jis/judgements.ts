// Human judgements (人による判断): what a tester decided for a criterion, on the whole site, on pages
// matching a URL pattern, on one page, or on one finding. Pure logic: parsing (JSON/CSV), fingerprints,
// whether a judgement still applies, and how it changes a page's outcome. Storage is judgements-store.ts.
//
// Precedence on one page and criterion (DESIGN.md: a judgement outranks review/untested, until the
// content it was made on changes):
//   automated violation (fail)  >  finding judged fail  >  page > pattern > site judgement (newest first)
//   >  every review finding judged pass (→ pass)  >  automated review / untested.
// A judgement never turns an automated `fail` into a pass: the rule is sure; fix the page instead.
import { createHash } from 'node:crypto';
import picomatch from 'picomatch';
import { criterion as findCriterion } from './criteria.js';
import type { CriterionResult, Finding, Outcome } from './types.js';
import { normalizeUrl } from './url.js';

export type JudgementResult = 'pass' | 'fail' | 'inapplicable';

export type JudgementScope =
  | { type: 'site' }
  /** A glob (picomatch) on the URL path when it starts with "/", otherwise on the whole URL. */
  | { type: 'pattern'; pattern: string }
  | { type: 'page'; url: string }
  /** One element: the page, the rule and the selector that reported it, and its HTML snippet. */
  | { type: 'finding'; url: string; ruleId: string; selector: string; snippet?: string };

/**
 * What the judgement was made on. `content`: SHA-256 of each page's HTML as served (from the crawl store),
 * by URL; `snippet`: SHA-256 of the element's outer HTML. Null when nothing was known (then it always applies).
 */
export type Fingerprint = { kind: 'content'; hashes: Record<string, string> } | { kind: 'snippet'; hash: string } | null;

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
}

export interface Judgement {
  id: number;
  criterion: string;
  result: JudgementResult;
  note: string;
  who: string;
  when: string;
  scope: JudgementScope;
  fingerprint: Fingerprint;
  /** Where it came from: "cli", "json:<file>", "csv:<file>". */
  source: string;
  revokedAt: string | null;
}

export const RESULT_LABEL_JA: Record<JudgementResult, string> = { pass: '適合', fail: '不適合', inapplicable: '適用なし' };
export const SCOPE_LABEL_JA: Record<JudgementScope['type'], string> = { site: 'サイト全体', pattern: 'URL パターン', page: 'ページ', finding: '指摘箇所' };

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function normUrl(u: string): string {
  return normalizeUrl(u) ?? u;
}

export function describeScope(s: JudgementScope): string {
  switch (s.type) {
    case 'site':
      return 'サイト全体';
    case 'pattern':
      return `URL パターン ${s.pattern}`;
    case 'page':
      return `ページ ${s.url}`;
    case 'finding':
      return `指摘箇所 ${s.url} の ${s.selector}（${s.ruleId}）`;
  }
}

// ------------------------------------------------------------------------------------------ validation

export class JudgementFormatError extends Error {}

const RESULT_WORDS: Record<string, JudgementResult> = {
  pass: 'pass', passed: 'pass', '○': 'pass', '〇': 'pass', 適合: 'pass', ok: 'pass',
  fail: 'fail', failed: 'fail', '×': 'fail', '✕': 'fail', 不適合: 'fail', ng: 'fail',
  inapplicable: 'inapplicable', 'n/a': 'inapplicable', na: 'inapplicable', '−': 'inapplicable', '-': 'inapplicable', '－': 'inapplicable', 適用なし: 'inapplicable', 該当なし: 'inapplicable',
};

export function parseResult(v: unknown, where = ''): JudgementResult {
  const r = RESULT_WORDS[String(v ?? '').trim().toLowerCase()];
  if (!r) throw new JudgementFormatError(`${where}結果「${String(v)}」を読めません（pass / fail / inapplicable、○ / × / − のいずれか）`);
  return r;
}

export function validateJudgement(j: JudgementInput, where = ''): JudgementInput {
  const c = findCriterion(String(j.criterion ?? '').trim());
  if (!c) throw new JudgementFormatError(`${where}達成基準「${String(j.criterion)}」がありません（例: 1.1.1）`);
  if (c.level === 'AAA') throw new JudgementFormatError(`${where}達成基準 ${c.wcag} はレベル AAA です。A / AA の達成基準を指定してください`);
  const result = parseResult(j.result, where);
  const s = j.scope as JudgementScope | undefined;
  if (!s || typeof s !== 'object') throw new JudgementFormatError(`${where}scope（範囲）がありません`);
  let scope: JudgementScope;
  switch (s.type) {
    case 'site':
      scope = { type: 'site' };
      break;
    case 'pattern':
      if (!s.pattern) throw new JudgementFormatError(`${where}URL パターンがありません`);
      scope = { type: 'pattern', pattern: String(s.pattern) };
      break;
    case 'page':
      if (!s.url || !/^https?:\/\//i.test(s.url)) throw new JudgementFormatError(`${where}ページの URL（http(s)）がありません`);
      scope = { type: 'page', url: normUrl(s.url) };
      break;
    case 'finding':
      if (!s.url || !s.ruleId || s.selector === undefined) throw new JudgementFormatError(`${where}指摘箇所には url / ruleId / selector が必要です`);
      scope = { type: 'finding', url: normUrl(s.url), ruleId: s.ruleId, selector: s.selector, snippet: s.snippet };
      break;
    default:
      throw new JudgementFormatError(`${where}scope.type は site / pattern / page / finding のいずれかです`);
  }
  const when = j.when ? new Date(j.when) : new Date();
  if (Number.isNaN(when.getTime())) throw new JudgementFormatError(`${where}日時「${j.when}」を読めません`);
  return { criterion: c.wcag, result, note: j.note ?? '', who: j.who ?? '', when: when.toISOString(), scope, contentHash: j.contentHash };
}

// ------------------------------------------------------------------------------------------ import

/** The extension's export (docs/judgement-format.md), plus site / pattern / finding scopes. */
export function parseJudgementJson(text: string): JudgementInput[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new JudgementFormatError(`JSON を読めません: ${(e as Error).message}`);
  }
  const d = doc as { format?: string; version?: number; judgements?: unknown[] };
  const list = Array.isArray(doc) ? (doc as unknown[]) : d.judgements;
  if (!Array.isArray(doc)) {
    if (d.format !== 'jis-a11y-judgements') throw new JudgementFormatError('format が "jis-a11y-judgements" ではありません');
    if (d.version !== 1) throw new JudgementFormatError(`version ${String(d.version)} には対応していません（1 のみ）`);
  }
  if (!Array.isArray(list)) throw new JudgementFormatError('judgements の配列がありません');
  // version 1 rejects unknown fields (docs/judgement-format.md), so exporter and importer notice drift
  if (!Array.isArray(doc)) {
    const extra = Object.keys(d).filter((k) => !['format', 'version', 'judgements', 'result'].includes(k));
    if (extra.length) throw new JudgementFormatError(`知らない項目があります: ${extra.join(', ')}`);
  }
  const known = ['criterion', 'result', 'note', 'who', 'when', 'scope', 'contentHash'];
  list.forEach((j, i) => {
    const extra = Object.keys((j ?? {}) as object).filter((k) => !known.includes(k));
    if (extra.length) throw new JudgementFormatError(`${i + 1} 件目: 知らない項目があります: ${extra.join(', ')}`);
  });
  return list.map((j, i) => {
    const o = j as JudgementInput & { scope?: JudgementScope & { contentHash?: string } };
    return validateJudgement({ ...o, contentHash: o.contentHash ?? o.scope?.contentHash }, `${i + 1} 件目: `);
  });
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF, BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else q = false;
      } else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Header aliases so a tester's spreadsheet (Japanese headings) loads as it is. */
const CSV_HEADERS: Record<string, string> = {
  criterion: 'criterion', 達成基準: 'criterion',
  result: 'result', 結果: 'result',
  note: 'note', 注記: 'note', メモ: 'note', 備考: 'note',
  who: 'who', 確認者: 'who', 判断者: 'who',
  when: 'when', 日時: 'when', 確認日: 'when',
  scope: 'scope', 範囲: 'scope',
  url: 'url', pattern: 'pattern', パターン: 'pattern',
  ruleid: 'ruleId', ルール: 'ruleId', selector: 'selector', セレクター: 'selector', snippet: 'snippet', contenthash: 'contentHash',
};

/**
 * CSV with a header row: criterion,result,note,who,when,scope,url,pattern,ruleId,selector,snippet.
 * scope is site / pattern / page / finding; when empty it is inferred (selector → finding, url → page,
 * pattern → pattern, else site). The criterion may be written "1.1.1 非テキストコンテンツ".
 */
export function parseJudgementCsv(text: string): JudgementInput[] {
  const rows = parseCsv(text);
  if (!rows.length) return [];
  const head = rows[0].map((h) => CSV_HEADERS[h.trim().toLowerCase()] ?? CSV_HEADERS[h.trim()] ?? h.trim());
  if (!head.includes('criterion') || !head.includes('result')) throw new JudgementFormatError('CSV の見出し行に criterion（達成基準）と result（結果）の列が必要です');
  return rows.slice(1).map((r, i) => {
    const o: Record<string, string> = {};
    head.forEach((h, k) => (o[h] = (r[k] ?? '').trim()));
    const type = o.scope || (o.selector ? 'finding' : o.url ? 'page' : o.pattern ? 'pattern' : 'site');
    const scope = { type, url: o.url, pattern: o.pattern, ruleId: o.ruleId, selector: o.selector, snippet: o.snippet || undefined } as unknown as JudgementScope;
    const crit = (o.criterion.match(/\d+\.\d+\.\d+/) ?? [o.criterion])[0];
    return validateJudgement(
      { criterion: crit, result: o.result as JudgementResult, note: o.note, who: o.who, when: o.when || undefined, scope, contentHash: o.contentHash || undefined },
      `${i + 2} 行目: `,
    );
  });
}

// ---------------------------------------------------------------------------------------- matching

export interface PageRef {
  url: string;
  contentHash: string | null;
}

export function urlPath(url: string): string {
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

/** Does a site / pattern / page judgement cover this page as it is now? */
export function coversPage(j: Judgement, page: PageRef): boolean {
  if (j.revokedAt) return false;
  const s = j.scope;
  if (s.type === 'site') return true;
  if (s.type === 'finding') return false;
  if (s.type === 'page' && normUrl(s.url) !== normUrl(page.url)) return false;
  if (s.type === 'pattern' && !matchesPattern(s.pattern, page.url)) return false;
  return contentStillSame(j.fingerprint, page);
}

/** Whether the page's content is what the judgement was made on (a page that was not judged is not covered). */
function contentStillSame(fp: Fingerprint, page: PageRef): boolean {
  if (!fp || fp.kind !== 'content') return true;
  const h = fp.hashes[normUrl(page.url)];
  if (h === undefined) return false;
  return page.contentHash === null || h === page.contentHash;
}

/** Why a judgement does not cover a page it names: its content changed since (null when it applies). */
export function isStaleFor(j: Judgement, page: PageRef): boolean {
  if (j.revokedAt || !j.fingerprint || j.fingerprint.kind !== 'content') return false;
  const h = j.fingerprint.hashes[normUrl(page.url)];
  return h !== undefined && page.contentHash !== null && h !== page.contentHash;
}

export function coversFinding(j: Judgement, f: Pick<Finding, 'ruleId' | 'selector' | 'html' | 'criteria'> & { pageUrl: string }): boolean {
  if (j.revokedAt || j.scope.type !== 'finding') return false;
  const s = j.scope;
  if (s.ruleId !== f.ruleId || s.selector !== f.selector || normUrl(s.url) !== normUrl(f.pageUrl)) return false;
  if (!f.criteria.includes(j.criterion)) return false;
  if (j.fingerprint?.kind === 'snippet') return j.fingerprint.hash === sha256(f.html);
  return true;
}

const SPECIFICITY: Record<JudgementScope['type'], number> = { finding: 3, page: 2, pattern: 1, site: 0 };

export interface AppliedCriterion extends CriterionResult {
  /** The outcome before judgements. */
  automated: Outcome;
  /** The judgement that decided the outcome, if any. */
  judgement?: Judgement;
  /** Review findings a person judged as no problem. */
  dismissed: number;
}

/**
 * Applies judgements to one page's criteria. `findings` are that page's findings (with pageUrl).
 */
export function applyJudgements(
  page: PageRef,
  criteria: CriterionResult[],
  findings: (Pick<Finding, 'ruleId' | 'selector' | 'html' | 'criteria' | 'kind'> & { pageUrl: string })[],
  judgements: Judgement[],
): AppliedCriterion[] {
  const active = judgements.filter((j) => !j.revokedAt);
  return criteria.map((c) => {
    const base: AppliedCriterion = { ...c, automated: c.outcome, dismissed: 0 };
    if (c.outcome === 'fail') return base;
    const mine = active.filter((j) => j.criterion === c.id);
    if (!mine.length) return base;
    const reviewFindings = findings.filter((f) => f.kind === 'review' && f.criteria.includes(c.id));
    // finding-level judgements
    let dismissed = 0;
    for (const f of reviewFindings) {
      const js = mine.filter((j) => coversFinding(j, f)).sort(newestFirst);
      if (!js.length) continue;
      if (js[0].result === 'fail') {
        return { ...base, outcome: 'fail', reason: `人による確認で不適合と判断されました（${f.selector || f.ruleId}）`, judgement: js[0] };
      }
      dismissed++;
    }
    // page > pattern > site, newest first within a scope
    const covering = mine.filter((j) => coversPage(j, page)).sort((a, b) => SPECIFICITY[b.scope.type] - SPECIFICITY[a.scope.type] || newestFirst(a, b));
    if (covering.length) {
      const j = covering[0];
      return {
        ...base,
        outcome: j.result,
        reason: `人による確認で「${RESULT_LABEL_JA[j.result]}」と判断されました（${SCOPE_LABEL_JA[j.scope.type]}、${j.who || '確認者不明'}、${j.when.slice(0, 10)}）`,
        judgement: j,
        dismissed,
      };
    }
    if (dismissed > 0 && dismissed === reviewFindings.length && c.counts.review > 0 && c.outcome === 'review') {
      return { ...base, outcome: 'pass', reason: '要確認の箇所をすべて人が確認し、問題なしと判断されました', dismissed, counts: { ...c.counts, review: 0 } };
    }
    return { ...base, dismissed, counts: { ...c.counts, review: c.counts.review - dismissed } };
  });
}

function newestFirst(a: Judgement, b: Judgement): number {
  return a.when < b.when ? 1 : a.when > b.when ? -1 : b.id - a.id;
}
