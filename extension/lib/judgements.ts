// The editor's manual checklist: one judgement per criterion and page, kept in extension storage and
// exported in the judgement file format (docs/judgement-format.md) that `jis-a11y judge` imports.
// The judgement and file types are the shared ones of rules-jis/judgements.ts.
import type { AuditResult } from '../../rules-jis/types.js';
import { compareCriterionIds } from '../../rules-jis/criteria.js';
import { JUDGEMENT_FORMAT, JUDGEMENT_FORMAT_VERSION, type JudgementDocument, type PageJudgement, type PageScope } from '../../rules-jis/judgements.js';

/**
 * A judgement as the checklist records it: for this page (its public URL), or — for a criterion the kit judges
 * per template or site — for the whole site (「テンプレート・サイト全体」).
 */
export type EditorJudgement = Omit<PageJudgement, 'scope'> & { scope: PageScope | { type: 'site' } };

/** What the export holds: page judgements, and always the page's result (null before an audit). */
export interface JudgementExport extends JudgementDocument<EditorJudgement> {
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

export async function loadJudgements(store: KeyValueStore, url: string): Promise<Record<string, EditorJudgement>> {
  const v = await store.get(KEY_PREFIX + url);
  return v && typeof v === 'object' ? (v as Record<string, EditorJudgement>) : {};
}

export async function saveJudgements(store: KeyValueStore, url: string, map: Record<string, EditorJudgement>): Promise<void> {
  await store.set(KEY_PREFIX + url, map);
}

export async function loadWho(store: KeyValueStore): Promise<string> {
  const v = await store.get(WHO_KEY);
  return typeof v === 'string' ? v : '';
}

export async function saveWho(store: KeyValueStore, who: string): Promise<void> {
  await store.set(WHO_KEY, who);
}

/**
 * The judgement file. With `publicUrl` (lib/public-url.ts) every page judgement and the page's result are put
 * under the URL the page will be published at, not the preview's: that is where `jis-a11y judge` attaches them.
 */
export function buildExport(judgements: Record<string, EditorJudgement>, result: AuditResult | null, publicUrl = ''): JudgementExport {
  const list = Object.values(judgements).sort((a, b) => compareCriterionIds(a.criterion, b.criterion));
  return {
    format: JUDGEMENT_FORMAT,
    version: JUDGEMENT_FORMAT_VERSION,
    judgements: publicUrl ? list.map((j) => (j.scope.type === 'page' ? { ...j, scope: { type: 'page', url: publicUrl } } : j)) : list,
    result: publicUrl && result ? { ...result, pages: result.pages.map((p) => ({ ...p, url: publicUrl })) } : result,
  };
}

/** A file name like jis-a11y-judgements-example.jp-20261125.json */
export function exportFileName(url: string, now = new Date(), ext = 'json'): string {
  let host = 'page';
  try {
    host = new URL(url).hostname || 'page';
  } catch {
    /* keep default */
  }
  const d = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `jis-a11y-judgements-${host}-${d}.${ext}`;
}

/** chrome.storage.local as a KeyValueStore. */
export function chromeStore(area: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> }): KeyValueStore {
  return {
    get: async (k) => (await area.get(k))[k],
    set: (k, v) => area.set({ [k]: v }),
  };
}
