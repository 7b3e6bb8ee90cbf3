// 3.2.2 入力時: changing a select, radio button or checkbox must not navigate, open a window or submit
// by itself. Probe: change each control the way a user would, watch the guard, put the value back
// (the page side is rules-jis/page/keyboard/inputs.ts).
import type { CheckMeta, CheckOutput, Verdict } from '../finding.js';
import { sleep } from '../budget.js';
import { call } from '../page-calls.js';
import type { ProbeContext } from '../probe.js';
import type { GuardEvent } from '../types.js';
import { describeEvents } from './on-focus.js';

export const meta: CheckMeta = {
  id: 'on-input',
  criterion: '3.2.2',
  impact: 'serious',
  description: 'セレクトボックス・ラジオボタン・チェックボックスの値を変えただけで、送信ボタンを押す前にページ移動・新しいウィンドウ・送信が起きないか',
  why: 'キーボードで操作する人は、矢印キーで選択肢を一つずつ動かして目的の項目を探します。値が変わった瞬間にページが移動すると、最初の選択肢の先へ進めず、目的の項目を選べません。',
  help: '「移動」「表示」などの送信ボタンを置き、ボタンが押されたときに移動・送信してください。どうしても値の変更で移動させる場合は、その動作をコントロールの前に文章で説明してください。',
};

const KIND_JA: Record<string, string> = { select: 'セレクトボックス', radio: 'ラジオボタン', checkbox: 'チェックボックス' };

export async function probe(ctx: ProbeContext): Promise<CheckOutput> {
  const { page, budget, guard } = ctx;
  const verdicts: Verdict[] = [];
  const targets = await budget.run(call(page, 'inputTargets', ctx.maxInputs));
  for (const t of targets) {
    budget.check(ctx.reserveMs);
    guard.take();
    const tok = await budget.run(call(page, 'change', t.id));
    if (!tok) continue;
    await sleep(60); // handlers that navigate from a microtask/timeout
    const events: GuardEvent[] = [...(await budget.run(call(page, 'takeEvents'))), ...guard.take()];
    if (guard.leftPage) await ctx.recover();
    else await budget.run(call(page, 'undoChange', t.id, tok.old));
    if (!events.length) continue;
    verdicts.push({
      kind: 'violation',
      selector: t.selector,
      html: t.html,
      what: `${KIND_JA[t.kind] ?? t.kind}${t.name ? `「${t.name}」` : ''}の値を変えただけで、${describeEvents(events)}が起きました（送信ボタンを押していません）。`,
    });
  }
  return { meta, verdicts, applicable: targets.length > 0 };
}
