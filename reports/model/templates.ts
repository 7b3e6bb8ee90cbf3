// Templates of the report model (issue 19): the pages grouped by the CMS template they were built from
// (rules-jis/page/template-identity.ts, stored per page as templateKey), and the problems in each template's
// own parts (findings whose region is 'template': header, menus, footer) listed once with the number of
// pages they appear on — not once per page. The people who fix the CMS template read this.
import type { StoredPage } from '../../crawler/store/store.js';
import type { TemplateGroup, TemplateProblem } from '../model.js';
import type { FindingsByPage } from './pages.js';
import { selectorPattern } from './repeats.js';

/** Templates with most pages first, numbered in that order (「テンプレート 1」…). */
export function findTemplates(audited: StoredPage[], findings: FindingsByPage): TemplateGroup[] {
  const groups = new Map<string, StoredPage[]>();
  for (const p of audited) if (p.templateKey) groups.set(p.templateKey, [...(groups.get(p.templateKey) ?? []), p]);
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[1][0]!.url.localeCompare(b[1][0]!.url))
    .map(([key, pages], i) => ({ key, number: i + 1, pages: pages.length, examples: pages.slice(0, 3).map((p) => ({ url: p.url, title: p.title })), problems: problemsOf(pages, findings) }));
}

/** Each problem once, with the number of pages it is on (not of findings: a menu repeats one on each of its links). */
function problemsOf(pages: StoredPage[], findings: FindingsByPage): TemplateProblem[] {
  const byKey = new Map<string, TemplateProblem>();
  const counted = new Set<string>();
  for (const p of pages) {
    for (const f of findings.get(p.id) ?? []) {
      if (f.region !== 'template' || f.kind === 'advisory') continue;
      const pattern = selectorPattern(f.selector);
      const key = `${f.ruleId}\n${pattern}`;
      const prob = byKey.get(key) ?? { ruleId: f.ruleId, kind: f.kind, criteria: f.criteria, selectorPattern: pattern, snippet: f.html.replace(/\s+/g, ' ').trim(), message: f.message, help: f.help, pages: 0 };
      if (!byKey.has(key)) byKey.set(key, prob);
      if (counted.has(`${key}\n${p.id}`)) continue;
      counted.add(`${key}\n${p.id}`);
      prob.pages++;
    }
  }
  return [...byKey.values()].sort((a, b) => (a.kind === b.kind ? b.pages - a.pages : a.kind === 'violation' ? -1 : 1));
}
