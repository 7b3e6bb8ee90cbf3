// The page selection as terminal lines, for `test select` and `test status`: each page with 代表 / ランダム and
// why, the draws (how many, which one is used), and the warnings. One function so both commands say the same.
import type { SelectedPage } from '../../rules-jis/jis-test.js';
import { SELECTION_KIND_LABEL_JA } from '../../rules-jis/labels-ja.js';
import type { SelectionWarning } from '../../rules-jis/selection-messages.js';
import { storedSelection, type SelectablePage, type Selection } from '../../reports/selection/index.js';
import { collect, type Store } from '../store/store.js';

export function pageLines(pages: readonly SelectedPage[]): string[] {
  return pages.map((p, i) => `${String(i + 1).padStart(3)}. [${SELECTION_KIND_LABEL_JA[p.kind]}] ${p.url} — ${p.reason}`);
}

export function warningLines(warnings: readonly SelectionWarning[]): string[] {
  return warnings.map((w) => `${w.level === 'warning' ? '警告' : '注記'}: ${w.message}`);
}

export function selectionLines(sel: Selection): string[] {
  return [
    `選択方法: ${sel.methodLabel}（${sel.description}）`,
    ...pageLines(sel.pages),
    ...(sel.draws?.sentence ? [sel.draws.sentence] : []),
    ...warningLines(sel.warnings),
  ];
}

/** The audited pages of a run as the selection needs them. */
export async function selectablePages(store: Store, runId: number): Promise<SelectablePage[]> {
  const pages = await collect(store.results.iteratePages(runId));
  return pages.filter((p) => !p.error).map((p) => ({ url: p.url, title: p.title, navKeys: p.nav.map((n) => n.key), criteria: p.criteria, bytes: p.bytes, depth: p.depth }));
}

/** For `test status`: the test's selection against a run, with its warnings (or a line saying there is none). */
export async function selectionStatusLines(store: Store, testId: number, runId: number): Promise<string[]> {
  const sel = await storedSelection(store.selection, testId, await selectablePages(store, runId), runId);
  if (!sel) return [`試験 #${testId} の試験するページはまだ選ばれていません（jis-a11y test select --test ${testId} --suggest）。`];
  return selectionLines(sel);
}
