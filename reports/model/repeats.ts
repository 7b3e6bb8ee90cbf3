// Repeats of the report model: the same rule at the same position (selector shape) with the same HTML on
// two or more pages, most pages first. One fix in a CMS template or shared part may solve them all.
import type { StoredPage } from '../../crawler/store/store.js';
import type { RepeatGroup } from '../model.js';
import type { FindingsByPage } from './pages.js';

/** A selector's shape: positions and numbers taken out, so the same part on different pages matches. */
export function selectorPattern(sel: string): string {
  return sel.replace(/:nth-(child|of-type)\(\d+\)/g, ':nth-$1(n)').replace(/\d+/g, '#');
}

export function findRepeats(audited: StoredPage[], findings: FindingsByPage): RepeatGroup[] {
  const repeats = new Map<string, { group: RepeatGroup; pages: Set<string> }>();
  for (const p of audited) {
    for (const f of findings.get(p.id) ?? []) {
      if (f.kind === 'advisory') continue;
      const snippet = f.html.replace(/\s+/g, ' ').trim();
      const pattern = selectorPattern(f.selector);
      const key = [f.ruleId, pattern, snippet].join('\n');
      let r = repeats.get(key);
      if (!r) repeats.set(key, (r = { group: { ruleId: f.ruleId, kind: f.kind, criteria: f.criteria, selectorPattern: pattern, snippet, help: f.help, pages: [] }, pages: new Set() }));
      r.pages.add(p.url);
    }
  }
  return [...repeats.values()]
    .map(({ group, pages }) => ({ ...group, pages: [...pages] }))
    .filter((r) => r.pages.length >= 2)
    .sort((a, b) => b.pages.length - a.pages.length);
}
