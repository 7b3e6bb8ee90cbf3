// Japanese terminal output of page results: the criteria table, then the findings.
import Table from 'cli-table3';
import { compareCriterionIds, criterion } from '../../rules-jis/criteria.js';
import { KIND_LABEL_JA, OUTCOME_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { Outcome, PageResult } from '../../rules-jis/types.js';

/** The order outcomes are tallied in. */
const TALLY: Outcome[] = ['fail', 'review', 'pass', 'inapplicable', 'untested'];

export function formatPageText(page: PageResult, opts: { showFindings?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`■ ${page.title || '（タイトルなし）'}`);
  out.push(`  ${page.url}`);
  if (page.error) {
    out.push(`  エラー [${page.error.code}]: ${page.error.message}`);
    return out.join('\n');
  }
  const table = new Table({
    head: ['達成基準', 'レベル', '結果', KIND_LABEL_JA.violation, KIND_LABEL_JA.review, KIND_LABEL_JA.advisory],
    style: { head: [], border: [], compact: true },
  });
  for (const c of page.criteria) {
    const cr = criterion(c.id);
    table.push([`${c.id} ${cr?.ja ?? ''}`, c.level, OUTCOME_LABEL_JA[c.outcome], c.counts.violation || '', c.counts.review || '', c.counts.advisory || '']);
  }
  out.push(table.toString());
  const tally = (o: Outcome) => `${OUTCOME_LABEL_JA[o]} ${page.criteria.filter((c) => c.outcome === o).length}`;
  out.push(`  集計: ${TALLY.map(tally).join(' / ')}（${page.criteria.length} 達成基準）`);
  if (opts.showFindings !== false && page.findings.length) {
    out.push('', `  指摘事項 ${page.findings.length} 件`);
    const order = { violation: 0, review: 1, advisory: 2 } as const;
    const sorted = [...page.findings].sort((a, b) => order[a.kind] - order[b.kind] || compareCriterionIds(a.criteria[0] ?? '9.9.9', b.criteria[0] ?? '9.9.9'));
    sorted.forEach((f, i) => {
      out.push(`  ${i + 1}. [${KIND_LABEL_JA[f.kind]}] ${f.criteria.join(', ') || '（達成基準なし）'} ${f.ruleId}`);
      out.push(`     ${f.message}`);
      out.push(`     直し方: ${f.help}`);
      if (f.selector) out.push(`     場所: ${f.selector}`);
      if (f.line) out.push(`     ソース: ${f.line}行${f.column ?? ''}列`);
      if (f.html) out.push(`     HTML: ${f.html.replace(/\s+/g, ' ').slice(0, 160)}`);
    });
  }
  return out.join('\n');
}
