// Where an editor's judgements go: the URL the page will have once published, not the CMS preview's.
// A mapping rule per preview site (set once, kept in extension storage: 「プレビューの URL がこう始まるなら、
// 公開時はこう始まる」), the token-like query parameters stripped, and a 公開時の URL typed for one page when no
// rule fits. Judgements stay stored under the preview URL (so they show when the preview is reopened) and carry
// the public URL in their scope; the exports use it (lib/exports.ts). Pure apart from the KeyValueStore.
import type { KeyValueStore } from './judgements.js';

/** 「プレビューの URL が previewPrefix で始まるなら、公開時は publicPrefix で始まる」 */
export interface PublicUrlRule {
  previewPrefix: string;
  publicPrefix: string;
}

/** Query parameters that only a preview has (tokens, signatures, sessions, preview switches): always removed. */
const TOKEN_PARAM = /^(?:.*[_-])?(token|sig|signature|session|sessionid|sid|auth|key|apikey|secret|nonce|preview|draft|expires|jwt|ticket|ts|t)$/i;

const RULES_KEY = 'settings:public-url-rules';
const PAGE_KEY = 'public-url:';

/** The URL without its fragment and without preview-only parameters. */
export function stripTokens(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TOKEN_PARAM.test(k)) u.searchParams.delete(k);
    u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
    return u.href;
  } catch {
    return url;
  }
}

/** A rule's problem in Japanese (naming the field and how to fix it), or '' when it is usable. */
export function checkRule(rule: PublicUrlRule): string {
  for (const [field, label] of [['previewPrefix', 'プレビューの URL'], ['publicPrefix', '公開時の URL']] as const) {
    const v = rule[field].trim();
    if (!v) return `${label}が空です。https:// から始まる URL の先頭部分を入力してください。`;
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      return `${label}「${v}」は URL として読めません。https://www.pref.example.lg.jp/ のように https:// から入力してください。`;
    }
    if (!/^https?:$/.test(u.protocol)) return `${label}「${v}」は http または https の URL にしてください。`;
  }
  return '';
}

/** The rules that apply to `url`: the longest matching preview prefix wins. */
export function findRule(rules: readonly PublicUrlRule[], url: string): PublicUrlRule | null {
  const hits = rules.filter((r) => url.startsWith(r.previewPrefix));
  return hits.sort((a, b) => b.previewPrefix.length - a.previewPrefix.length)[0] ?? null;
}

/** The public URL of a preview: the page's own entry, else the mapping rule, else the URL itself — tokens stripped. */
export function publicUrlOf(url: string, rules: readonly PublicUrlRule[], typed = ''): string {
  if (typed.trim()) return stripTokens(typed.trim());
  const clean = stripTokens(url);
  const rule = findRule(rules, clean) ?? findRule(rules, url);
  if (!rule) return clean;
  const from = clean.startsWith(rule.previewPrefix) ? clean : url;
  return stripTokens(rule.publicPrefix + from.slice(rule.previewPrefix.length));
}

export async function loadRules(store: KeyValueStore): Promise<PublicUrlRule[]> {
  const v = await store.get(RULES_KEY);
  return Array.isArray(v) ? (v as PublicUrlRule[]).filter((r) => r && typeof r.previewPrefix === 'string' && typeof r.publicPrefix === 'string') : [];
}

/** Adds or replaces the rule for its preview prefix; throws the Japanese problem when the rule is not usable. */
export async function saveRule(store: KeyValueStore, rule: PublicUrlRule): Promise<PublicUrlRule[]> {
  const problem = checkRule(rule);
  if (problem) throw new Error(problem);
  const clean = { previewPrefix: rule.previewPrefix.trim(), publicPrefix: rule.publicPrefix.trim() };
  const rules = (await loadRules(store)).filter((r) => r.previewPrefix !== clean.previewPrefix);
  rules.push(clean);
  await store.set(RULES_KEY, rules);
  return rules;
}

export async function loadTypedPublicUrl(store: KeyValueStore, pageKey: string): Promise<string> {
  const v = await store.get(PAGE_KEY + pageKey);
  return typeof v === 'string' ? v : '';
}

/** The 公開時の URL typed for one page ('' removes it); throws when it is not an http(s) URL. */
export async function saveTypedPublicUrl(store: KeyValueStore, pageKey: string, url: string): Promise<void> {
  const v = url.trim();
  if (v) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(v).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new Error(`公開時の URL「${v}」は URL として読めません。https:// から始まる URL を入力してください。`);
  }
  await store.set(PAGE_KEY + pageKey, v);
}
