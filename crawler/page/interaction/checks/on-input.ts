// 3.2.2 入力時: changing a select, radio button or checkbox must not navigate, open a window or submit
// by itself. Probe: change each control the way a user would, watch the guard, put the value back
// (the page side is rules-jis/page/keyboard/inputs.ts).
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { sleep } from '../budget.js';
import { call } from '../page-calls.js';
import type { ProbeContext } from '../probe.js';
import type { GuardEvent } from '../types.js';
import { describeEvents } from './on-focus.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('on-input');

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
