// What the stored results say about a page that matters to choosing it: is it a top page, does it have a
// form (3.3.1/3.3.2 not 適用なし: rules-jis/data/applicability.json decides them from input fields with
// certainty), and how much it gives a tester to test (criteria that apply, then its size).
import type { SelectablePage } from './types.js';

const FORM_CRITERIA = new Set(['3.3.1', '3.3.2']);

export function isTopPage(page: SelectablePage): boolean {
  try {
    const u = new URL(page.url);
    return u.pathname === '/' && !u.search;
  } catch {
    return false;
  }
}

/** True when the stored criteria show input fields (3.3.1 or 3.3.2 applies). Unknown criteria: false. */
export function hasForm(page: SelectablePage): boolean {
  return (page.criteria ?? []).some((c) => FORM_CRITERIA.has(c.id) && c.outcome !== 'inapplicable');
}

/** Criteria that apply on the page (not 適用なし). */
export function applicableCount(page: SelectablePage): number {
  return (page.criteria ?? []).filter((c) => c.outcome !== 'inapplicable').length;
}

/** Best page to test first: most criteria applicable, then most content, then the shorter URL, then by URL. */
export function byTestValue(a: SelectablePage, b: SelectablePage): number {
  return (
    applicableCount(b) - applicableCount(a) ||
    (b.bytes ?? 0) - (a.bytes ?? 0) ||
    a.url.length - b.url.length ||
    (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)
  );
}
