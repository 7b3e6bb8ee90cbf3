// The element judgements one tester's decision makes (rules-jis/decision-items.ts): "the elements of 1.1.1 on this
// page (or only its template part, or only its content) are fine" becomes one judgement per element not judged yet,
// each with scope `element`, so every other page where those elements recur is decided without asking again.
// Read through the Store API (`jis-a11y judge --elements-of`, and any other front door that wants it).
import { normUrl, type ElementScope, type JudgementInput, type JudgementResult } from '../../rules-jis/judgements.js';
import { decisionItemRule } from '../../rules-jis/decision-items.js';
import type { Store } from './store.js';

export interface ElementJudgementRequest {
  url: string;
  criterion: string;
  result: JudgementResult;
  /** Only the template's parts or only the page's content; both when absent. */
  region?: 'template' | 'content';
  note?: string;
  who?: string;
  when?: string;
  /** The run whose page is read (default: the newest finished run). */
  runId?: number;
}

/** A request that cannot be met, in Japanese, naming the page, the criterion or the run. */
export class ElementJudgementError extends Error {}

/** The judgements to record: one per element of the page's cell that has no element judgement yet. */
export async function elementJudgements(store: Store, r: ElementJudgementRequest): Promise<JudgementInput[]> {
  if (!decisionItemRule(r.criterion))
    throw new ElementJudgementError(`達成基準 ${r.criterion} は要素ごとには判断しません（要素ごとに判断するのは 1.1.1・1.4.5・2.4.4・2.4.6 です）。--page で記録してください`);
  const run = r.runId ?? (await store.runs.latestRun('finished'))?.id;
  if (run === undefined) throw new ElementJudgementError('完了した検査がありません。先に jis-a11y crawl で検査してください');
  const page = await store.results.pageByUrl(run, normUrl(r.url));
  if (!page) throw new ElementJudgementError(`検査 #${run} に ${r.url} のページがありません。URL を確かめてください（jis-a11y report の一覧にある URL）`);
  const items = page.criteria.find((c) => c.id === r.criterion)?.items ?? [];
  const wanted = items.filter((it) => !r.region || it.region === r.region);
  if (!wanted.length) throw new ElementJudgementError(`${r.url} の ${r.criterion} に、人が判断する要素${r.region ? `（${r.region === 'template' ? 'テンプレート部分' : '本文'}）` : ''}がありません（自動で決まったか、対象がありません）`);
  const judged = new Set(
    (await store.judgements.listJudgements())
      .filter((j) => j.criterion === r.criterion && j.scope.type === 'element')
      .map((j) => (j.scope as ElementScope).key),
  );
  return wanted
    .filter((it) => !judged.has(it.key))
    .map((it) => ({ criterion: r.criterion, result: r.result, note: r.note ?? '', who: r.who ?? '', when: r.when, scope: { type: 'element', key: it.key, label: it.label } }));
}
