// The labelled Japanese corpus (tests/corpus/ja/*.json) run through the real bundle in headless Chromium,
// scored per rule and kind. Shared by `npm run conformance:ja` and tests/browser/ja-rules.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAuditor } from '../helpers/audit.js';
import { jaPage } from '../helpers/server.js';
import { jisRules } from '../../rules-jis/catalogue/jis.js';
import type { FindingKind } from '../../rules-jis/types.js';

export interface CorpusEntry {
  id: string;
  html: string;
  /** Findings the entry must produce (rule + kind). Any other jis finding counts as a false positive. */
  expect: { ruleId: string; kind: FindingKind }[];
  /** Rules a naive pattern would fire here and ours must not (documentation of the trap; also enforced). */
  mustNot: string[];
  /** Rules whose findings are acceptable either way here (a person could judge both): neither TP nor FP. */
  allow?: string[];
  note?: string;
  /** File it came from (set by the loader). */
  file?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = path.resolve(here, '../corpus/ja');
/** axe rules scored with ours where a kind of problem of docs/ja-rules.md is covered by axe (empty headings: axe's empty-heading). */
export const AXE_SCORED = ['empty-heading'];

export function loadCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const entries = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CorpusEntry[];
    for (const e of entries) out.push({ ...e, expect: e.expect ?? [], mustNot: e.mustNot ?? [], file: f });
  }
  const ids = new Set<string>();
  for (const e of out) {
    if (ids.has(e.id)) throw new Error(`corpus: duplicate id ${e.id}`);
    ids.add(e.id);
  }
  return out;
}

/** A body fragment becomes a complete Japanese page; a full document is served as written. */
export function pageOf(e: CorpusEntry): string {
  return /^\s*(<!doctype|<html)/i.test(e.html) ? e.html : jaPage(e.html);
}

export interface EntryResult {
  entry: CorpusEntry;
  /** "ruleId kind" of every jis finding (deduplicated). */
  got: string[];
  error?: string;
}

export async function runCorpus(entries: CorpusEntry[], concurrency = 2): Promise<EntryResult[]> {
  const auditor = await createAuditor();
  const results: EntryResult[] = new Array(entries.length);
  let next = 0;
  try {
    const worker = async () => {
      while (next < entries.length) {
        const i = next++;
        const entry = entries[i];
        try {
          const out = await auditor.raw(pageOf(entry));
          const got = [...new Set(out.findings.filter((f) => f.source === 'jis' || AXE_SCORED.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.kind}`))];
          results[i] = { entry, got };
        } catch (err) {
          results[i] = { entry, got: [], error: String(err) };
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await auditor.close();
  }
  return results;
}

export interface Score {
  ruleId: string;
  kind: FindingKind;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Entries where the rule fired though it was in mustNot, or fired unexpectedly. */
  fpIds: string[];
  fnIds: string[];
}

/** Targets (docs/ja-rules.md): precision ≥ 0.95 violation, ≥ 0.8 review (advisory held to 0.9 here); recall ≥ 0.9. */
export const TARGET = { precision: { violation: 0.95, review: 0.8, advisory: 0.9 } as Record<FindingKind, number>, recall: 0.9 };

export function score(results: EntryResult[]): Score[] {
  const table = new Map<string, Score>();
  const cell = (ruleId: string, kind: FindingKind) => {
    const k = `${ruleId} ${kind}`;
    let s = table.get(k);
    if (!s) table.set(k, (s = { ruleId, kind, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, fpIds: [], fnIds: [] }));
    return s;
  };
  // Every rule/kind pair the rules can produce gets a row, even with no data.
  for (const r of jisRules) {
    cell(r.id, r.kind);
    if (r.review) cell(r.id, 'review');
  }
  for (const id of AXE_SCORED) cell(id, 'violation');
  for (const { entry, got } of results) {
    const want = new Set(entry.expect.map((x) => `${x.ruleId} ${x.kind}`));
    for (const g of got) {
      const [ruleId, kind] = g.split(' ') as [string, FindingKind];
      if (!want.has(g) && entry.allow?.includes(ruleId)) continue;
      const s = cell(ruleId, kind);
      if (want.has(g)) s.tp++;
      else {
        s.fp++;
        s.fpIds.push(entry.id);
      }
    }
    for (const w of want) {
      if (got.includes(w)) continue;
      const [ruleId, kind] = w.split(' ') as [string, FindingKind];
      const s = cell(ruleId, kind);
      s.fn++;
      s.fnIds.push(entry.id);
    }
  }
  for (const s of table.values()) {
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  }
  return [...table.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.kind.localeCompare(b.kind));
}

/** mustNot breaches: entry ids where a listed rule fired anyway. */
export function mustNotBreaches(results: EntryResult[]): { id: string; ruleId: string }[] {
  const out: { id: string; ruleId: string }[] = [];
  for (const { entry, got } of results) {
    for (const r of entry.mustNot) if (got.some((g) => g.startsWith(r + ' '))) out.push({ id: entry.id, ruleId: r });
  }
  return out;
}

export function meetsTargets(s: Score): { precision: boolean; recall: boolean } {
  return {
    precision: s.tp + s.fp === 0 || s.precision >= TARGET.precision[s.kind],
    recall: s.tp + s.fn === 0 || s.recall >= TARGET.recall,
  };
}
