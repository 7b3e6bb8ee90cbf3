// `jis-a11y test carry-over`: last test's judgements (or those owned by no test) offered one by one, each with
// whether its page changed (crawler/store/carry-over.ts), and copied into the open test only when a person
// picks them (--all, --criterion, --id). A judgement whose page changed is carried only with
// --include-changed, and then as 「再確認」 material, never as a result. Nothing is carried silently.
import { planCarryOver, type CarryCandidate, type CarryPlan } from '../store/carry-over.js';
import type { CarryPick, Store } from '../store/store.js';
import { UsageError } from '../../rules-jis/exit-codes.js';
import { describeScope } from '../../rules-jis/judgements.js';
import { CARRY_STATE_LABEL_JA, JUDGEMENT_RESULT_LABEL_JA } from '../../rules-jis/labels-ja.js';
import { dateJa } from '../../reports/format.js';

export interface CarryOptions {
  from?: string;
  all?: boolean;
  criterion?: string;
  id?: string;
  includeChanged?: boolean;
  dryRun?: boolean;
}

const list = (v: string | undefined) => (v ?? '').split(/[,、\s]+/).filter(Boolean);

function parseFrom(v: string | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  if (v === 'none') return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--from は試験の番号か none（どの試験にも属さない判断）です（指定: ${v}）`);
  return n;
}

function candidateLine(c: CarryCandidate): string {
  const j = c.judgement;
  const what = `#${j.id} ${j.criterion} ${JUDGEMENT_RESULT_LABEL_JA[j.result]} ${describeScope(j.scope)} ${j.who || '確認者不明'} ${dateJa(j.when)}`;
  const urls = c.changedUrls.length ? `: ${c.changedUrls.slice(0, 5).join('、')}${c.changedUrls.length > 5 ? ` ほか ${c.changedUrls.length - 5} ページ` : ''}` : '';
  const why = c.conflict ? `\n      理由: ${c.conflict}` : '';
  return `  ${what} — ${CARRY_STATE_LABEL_JA[c.state]}${c.conflict ? '' : urls}${why}${j.note ? `\n      注記: ${j.note}` : ''}`;
}

function heading(plan: CarryPlan): string {
  const from = plan.fromTestId === null ? 'どの試験にも属さない判断' : `試験 #${plan.fromTestId} の判断`;
  return `${from}（${plan.candidates.length} 件）→ 試験 #${plan.toTestId}`;
}

/** The candidates the options pick; refuses a selection that names nothing. */
function picked(plan: CarryPlan, o: CarryOptions): CarryCandidate[] {
  const ids = list(o.id).map(Number);
  const criteria = list(o.criterion);
  const bad = ids.find((id) => !plan.candidates.some((c) => c.judgement.id === id));
  if (bad !== undefined) throw new UsageError(`判断 #${bad} は引き継ぎの候補にありません（--dry-run で候補を表示できます）。`);
  return plan.candidates.filter((c) => o.all || ids.includes(c.judgement.id) || criteria.includes(c.judgement.criterion));
}

export async function carryOverText(store: Store, o: CarryOptions): Promise<string> {
  const plan = await planCarryOver(store, { fromTestId: parseFrom(o.from) });
  const lines = [heading(plan), ...plan.candidates.map(candidateLine)];
  if (!plan.candidates.length) return [...lines, '引き継げる判断はありません。'].join('\n');
  if (o.dryRun) return [...lines, '（--dry-run: 何も引き継いでいません。--all、--criterion、--id で選んで引き継ぎます）'].join('\n');
  if (!o.all && !o.criterion && !o.id) throw new UsageError('引き継ぐ判断を選んでください: --all、--criterion 1.1.1,2.4.6、--id 12,13 のいずれか。先に --dry-run で一覧を確認できます。');
  const chosen = picked(plan, o);
  const picks: CarryPick[] = [];
  const skipped: CarryCandidate[] = [];
  for (const c of chosen) {
    if (c.state === 'carried' || c.state === 'conflict') continue;
    if (c.state === 'changed' && !o.includeChanged) skipped.push(c);
    else picks.push({ judgementId: c.judgement.id, recheck: c.state === 'changed' });
  }
  const ids = await store.tests.carryOver(plan.toTestId, picks);
  const recheck = picks.filter((p) => p.recheck).length;
  lines.push(`${ids.length} 件を試験 #${plan.toTestId} に引き継ぎました${recheck ? `（うち ${recheck} 件はページが変わったため「再確認」として。結果には使いません）` : ''}。`);
  if (skipped.length)
    lines.push(`ページが変わった ${skipped.length} 件（#${skipped.map((c) => c.judgement.id).join(', #')}）は引き継いでいません。確認し直して judge で記録するか、--include-changed で「再確認」として引き継いでください。`);
  return lines.join('\n');
}
