// The representative pages a person names (TestStatement.representative, `test select --representative`):
// exact URLs or globs (picomatch on the path when the entry starts with "/", on the whole URL otherwise, as
// judgement patterns match: rules-jis/judgements.ts). An entry that matches no audited page is reported by
// name, never dropped silently: a typo must not shrink the test.
import type { SelectedPage } from '../../rules-jis/jis-test.js';
import { matchesPattern, normUrl } from '../../rules-jis/judgements.js';
import { SELECTION_REASON_JA } from '../../rules-jis/selection-messages.js';
import type { SelectablePage } from './types.js';

const GLOB = /[*?[\]{}!]/;

export interface UserListMatch {
  /** The pages the entries name, in the order of the entries (each page once). */
  pages: SelectedPage[];
  /** Entries that named no page. */
  unmatched: string[];
}

export function isPattern(entry: string): boolean {
  return entry.startsWith('/') || GLOB.test(entry);
}

export function matchUserList(entries: readonly string[], pages: readonly SelectablePage[]): UserListMatch {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const out: SelectedPage[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    let urls: string[];
    if (isPattern(entry)) urls = pages.filter((p) => matchesPattern(entry, p.url)).map((p) => p.url).sort();
    else {
      const u = normUrl(entry);
      urls = byUrl.has(u) ? [u] : byUrl.has(entry) ? [entry] : [];
    }
    if (!urls.length) unmatched.push(entry);
    for (const url of urls) {
      if (seen.has(url)) continue;
      seen.add(url);
      out.push({ url, kind: 'representative', reason: SELECTION_REASON_JA.user(entry, url), source: 'user' });
    }
  }
  return { pages: out, unmatched };
}
