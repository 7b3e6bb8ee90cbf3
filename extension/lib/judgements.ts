// The editor's manual checklist: one judgement per criterion and page, kept in extension storage and
// exported in the judgement import format (docs/judgement-format.md) that `jis-a11y judge` imports.
import type { AuditResult } from '../../rules-jis/types.js';
import { compareCriterionIds } from '../../rules-jis/criteria.js';

export type JudgementResult = 'pass' | 'fail' | 'inapplicable';

export interface Judgement {
  criterion: string;
  result: JudgementResult;
  note: string;
  who: string;
  /** ISO 8601 time the judgement was last changed. */
  when: string;
  scope: { type: 'page'; url: string };
}

export interface JudgementExport {
  format: 'jis-a11y-judgements';
  version: 1;
  judgements: Judgement[];
  /** The automated result of the page the judgements were made on (schema/result.schema.json). */
  result: AuditResult | null;
}

export const JUDGEMENT_LABEL_JA: Record<JudgementResult, string> = {
  pass: '適合',
  fail: '不適合',
  inapplicable: '適用なし',
};

/** Minimal key-value store: chrome.storage.local in the extension, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const KEY_PREFIX = 'judgements:';
const WHO_KEY = 'settings:who';

export async function loadJudgements(store: KeyValueStore, url: string): Promise<Record<string, Judgement>> {
  const v = await store.get(KEY_PREFIX + url);
  return v && typeof v === 'object' ? (v as Record<string, Judgement>) : {};
}

export async function saveJudgements(store: KeyValueStore, url: string, map: Record<string, Judgement>): Promise<void> {
  await store.set(KEY_PREFIX + url, map);
}

export async function loadWho(store: KeyValueStore): Promise<string> {
  const v = await store.get(WHO_KEY);
  return typeof v === 'string' ? v : '';
}

export async function saveWho(store: KeyValueStore, who: string): Promise<void> {
  await store.set(WHO_KEY, who);
}

export function buildExport(judgements: Record<string, Judgement>, result: AuditResult | null): JudgementExport {
  return {
    format: 'jis-a11y-judgements',
    version: 1,
    judgements: Object.values(judgements).sort((a, b) => compareCriterionIds(a.criterion, b.criterion)),
    result,
  };
}

/** A file name like jis-a11y-judgements-example.jp-20261125.json */
export function exportFileName(url: string, now = new Date()): string {
  let host = 'page';
  try {
    host = new URL(url).hostname || 'page';
  } catch {
    /* keep default */
  }
  const d = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `jis-a11y-judgements-${host}-${d}.json`;
}

/** chrome.storage.local as a KeyValueStore. */
export function chromeStore(area: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> }): KeyValueStore {
  return {
    get: async (k) => (await area.get(k))[k],
    set: (k, v) => area.set({ [k]: v }),
  };
}
