// The editor's manual checklist: one judgement per criterion and page, kept in extension storage and
// exported in the judgement file format (docs/judgement-format.md) that `jis-a11y judge` imports.
// The judgement and file types are the shared ones of rules-jis/judgements.ts.
import type { AuditResult } from '../../rules-jis/types.js';
import { compareCriterionIds } from '../../rules-jis/criteria.js';
import { JUDGEMENT_FORMAT, JUDGEMENT_FORMAT_VERSION, type JudgementDocument, type PageJudgement } from '../../rules-jis/judgements.js';

/** What the export holds: page judgements, and always the page's result (null before an audit). */
export interface JudgementExport extends JudgementDocument<PageJudgement> {
  result: AuditResult | null;
}

/** The URL a page's judgements are kept under: the fragment never changes the content. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/** Minimal key-value store: chrome.storage.local in the extension, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const KEY_PREFIX = 'judgements:';
const WHO_KEY = 'settings:who';

export async function loadJudgements(store: KeyValueStore, url: string): Promise<Record<string, PageJudgement>> {
  const v = await store.get(KEY_PREFIX + url);
  return v && typeof v === 'object' ? (v as Record<string, PageJudgement>) : {};
}

export async function saveJudgements(store: KeyValueStore, url: string, map: Record<string, PageJudgement>): Promise<void> {
  await store.set(KEY_PREFIX + url, map);
}

export async function loadWho(store: KeyValueStore): Promise<string> {
  const v = await store.get(WHO_KEY);
  return typeof v === 'string' ? v : '';
}

export async function saveWho(store: KeyValueStore, who: string): Promise<void> {
  await store.set(WHO_KEY, who);
}

export function buildExport(judgements: Record<string, PageJudgement>, result: AuditResult | null): JudgementExport {
  return {
    format: JUDGEMENT_FORMAT,
    version: JUDGEMENT_FORMAT_VERSION,
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
