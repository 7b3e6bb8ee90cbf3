// A document finding from its catalogue entry (rules-jis/data/rules/document.json): document-level (no CSS
// selector; where in the document is in the message), with the entry's criteria, kind, impact and help URL.
import { fillMessage, impactFor, variantOf } from '../catalogue/apply.js';
import { documentRule } from '../catalogue/document.js';
import type { Finding } from '../types.js';

export function documentFinding(ruleId: string, data: Record<string, string | number> = {}, variant?: string): Finding {
  const rule = documentRule(ruleId);
  const w = variantOf(rule, variant);
  return {
    ruleId,
    source: 'document',
    kind: w.kind,
    criteria: [...rule.criteria],
    impact: impactFor(rule, w.kind),
    selector: '',
    html: '',
    message: fillMessage(w.message, data),
    help: fillMessage(w.help, data),
    helpUrl: rule.helpUrl,
  };
}

/** "3, 5, 7 ページ" / "1〜3, 8 ページ" (at most `max` items, then "ほか N 件"). */
export function pagesJa(pages: readonly number[], max = 10): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    runs.push(j > i ? `${pages[i]}〜${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return listJa(runs, max) + ' ページ';
}

/** Items joined with "、", cut after `max` with "ほか N 件". */
export function listJa(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).join('、');
  return items.length > max ? `${shown} ほか ${items.length - max} 件` : shown;
}
