// Fingerprints of human judgements: what a judgement was made on, taken from the store when it is recorded,
// so it can be found stale later (rules-jis/judgements.ts isStaleFor). For a page or a URL pattern, the
// content hash of each page it names (newest audited version); for a finding, the SHA-256 of the element's
// snippet. Written against the Store read API, so every backend records the same fingerprints; the SQLite
// table is crawler/store/sqlite/judgements.ts. Hashing is on the Node side (./hash.ts): rules-jis is
// also bundled for the extension, without node:crypto.
import { matchesPattern, normUrl, validateJudgement, JudgementFormatError, type Fingerprint, type JudgementInput } from '../../rules-jis/judgements.js';
import { judgementConflict, type ConflictPage } from '../../rules-jis/judgement-conflicts.js';
import { sha256 } from './hash.js';
import type { ResultStore, RunStore } from './store.js';
import type { NewJudgement, RecordJudgementOptions } from './types.js';

/** The reads a fingerprint needs. */
export interface FingerprintSource {
  runs: Pick<RunStore, 'latestRun'>;
  results: Pick<ResultStore, 'iteratePages' | 'pageByUrl' | 'findingsOfPage'>;
}

/** The run given, else the newest finished run, else the newest run. */
async function runFor(store: FingerprintSource, runId?: number): Promise<number | undefined> {
  return runId ?? (await store.runs.latestRun('finished'))?.id ?? (await store.runs.latestRun())?.id;
}

/** Content hash of every audited page of the run, by normalised URL. */
async function pageHashes(store: FingerprintSource, runId?: number): Promise<Map<string, string | null>> {
  const run = await runFor(store, runId);
  const m = new Map<string, string | null>();
  if (run === undefined) return m;
  for await (const p of store.results.iteratePages(run)) if (!p.error) m.set(normUrl(p.url), p.contentHash);
  return m;
}

/** Computes the fingerprint of a judgement from the store (the run given, else the newest finished run). */
export async function fingerprintFor(store: FingerprintSource, j: JudgementInput, runId?: number): Promise<Fingerprint> {
  const s = j.scope;
  if (s.type === 'site' || s.type === 'element') return null; // an element's key is what it was made on
  if (s.type === 'finding') {
    if (s.snippet) return { kind: 'snippet', hash: sha256(s.snippet) };
    const run = await runFor(store, runId);
    if (run === undefined) return null;
    const page = await store.results.pageByUrl(run, s.url);
    const f = page ? (await store.results.findingsOfPage(page.id)).find((x) => x.ruleId === s.ruleId && x.selector === s.selector) : undefined;
    return f ? { kind: 'snippet', hash: sha256(f.html) } : null;
  }
  if (s.type === 'page' && j.contentHash) return { kind: 'content', hashes: { [normUrl(s.url)]: j.contentHash } };
  const hashes: Record<string, string> = {};
  for (const [url, hash] of await pageHashes(store, runId)) {
    if (!hash) continue;
    if ((s.type === 'page' && url === normUrl(s.url)) || (s.type === 'pattern' && matchesPattern(s.pattern, url))) hashes[url] = hash;
  }
  return Object.keys(hashes).length ? { kind: 'content', hashes } : null;
}

/**
 * A judgement that contradicts the automated results (rules-jis/judgement-conflicts.ts). A JudgementFormatError,
 * so every caller that reports a bad judgement file reports this one the same way (exit 2, the entry named).
 */
export class JudgementConflictError extends JudgementFormatError {
  constructor(
    message: string,
    readonly conflict: NonNullable<ReturnType<typeof judgementConflict>>,
  ) {
    super(message);
    this.name = 'JudgementConflictError';
  }
}

/** The run's audited pages as the conflict check needs them: the automated outcome of the judged criteria. */
export async function conflictPages(store: FingerprintSource, runId: number, inputs: JudgementInput[]): Promise<ConflictPage[]> {
  const wanted = new Set(inputs.map((j) => j.criterion));
  const onFindings = inputs.filter((j) => j.scope.type === 'finding' && j.result === 'pass').map((j) => normUrl((j.scope as { url: string }).url));
  const pages: ConflictPage[] = [];
  for await (const p of store.results.iteratePages(runId)) {
    if (p.error) continue;
    const page: ConflictPage = { url: p.url, criteria: p.criteria.filter((c) => wanted.has(c.id)).map((c) => ({ id: c.id, outcome: c.outcome })) };
    if (onFindings.includes(normUrl(p.url)))
      page.violations = (await store.results.findingsOfPage(p.id)).filter((f) => f.kind === 'violation').map((f) => ({ ruleId: f.ruleId, selector: f.selector, criteria: f.criteria }));
    pages.push(page);
  }
  return pages;
}

/**
 * Validates judgements (JudgementFormatError on the first bad one), refuses those that contradict the automated
 * results of the run (JudgementConflictError) and fingerprints them, ready to store. All or none.
 */
export async function prepareJudgements(store: FingerprintSource, inputs: JudgementInput[], opts: RecordJudgementOptions = {}): Promise<NewJudgement[]> {
  const createdAt = opts.now ?? new Date().toISOString();
  const runId = (await runFor(store, opts.runId)) ?? null;
  const where = (i: number) => (opts.entryName ? `${opts.entryName(i)}: ` : inputs.length > 1 ? `${i + 1} 件目: ` : '');
  const valid = inputs.map((raw, i) => validateJudgement(raw, where(i)));
  if (runId !== null) {
    const pages = await conflictPages(store, runId, valid);
    valid.forEach((input, i) => {
      const conflict = judgementConflict(input, pages);
      if (conflict) throw new JudgementConflictError(`${where(i)}${conflict.message}`, conflict);
    });
  }
  const out: NewJudgement[] = [];
  for (const input of valid) out.push({ input, fingerprint: await fingerprintFor(store, input, runId ?? undefined), source: opts.source ?? 'cli', createdAt, runId });
  return out;
}
