// 2.1.1 キーボード: a tooltip shown when the mouse rests on something must also be shown by the keyboard.
// Probe: rest the real mouse on the trigger of each hidden tooltip (rules-jis/page/keyboard/disclosure.ts);
// where that shows it, give focus to the trigger and look again. A trigger that cannot take focus at all leaves
// the text to the mouse alone (violation); a focusable trigger whose tip stays hidden on focus is review (the
// same text may be given another way, e.g. on the page the link leads to).
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { HoverTip } from '../../../../rules-jis/page/keyboard/index.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { sleep } from '../budget.js';
import { call } from '../page-calls.js';
import type { ProbeContext } from '../probe.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('hover-content');

const HOVER_MS = 200;

/** Rest the mouse on the trigger: is the tip shown? (the mouse is moved away again) */
async function showsOnHover(ctx: ProbeContext, t: HoverTip): Promise<boolean> {
  const { page, budget } = ctx;
  const at = await budget.run(call(page, 'centerOf', t.trigger));
  if (!at || !(await budget.run(call(page, 'hittable', t.trigger, at.x, at.y)))) return false;
  await budget.run(page.mouse.move(at.x, at.y));
  await sleep(HOVER_MS);
  const shown = await budget.run(call(page, 'shownNow', t.tip));
  await budget.run(page.mouse.move(0, 0));
  await sleep(80);
  return shown;
}

async function showsOnFocus(ctx: ProbeContext, t: HoverTip): Promise<boolean> {
  const { page, budget } = ctx;
  if (t.focusTarget === null || !(await budget.run(call(page, 'focus', t.focusTarget)))) return false;
  await sleep(HOVER_MS);
  const shown = await budget.run(call(page, 'shownNow', t.tip));
  await budget.run(call(page, 'reset'));
  return shown;
}

export function tipVerdict(t: HoverTip): Verdict {
  const who = t.triggerName ? `「${t.triggerName}」` : t.triggerSelector;
  if (t.focusTarget === null) {
    return {
      kind: 'violation',
      selector: t.triggerSelector,
      html: t.triggerHtml,
      what: `${who}にマウスを重ねると説明（「${t.tipText}」）が表示されますが、${who}は Tab キーでフォーカスできず、キーボードではこの説明を表示できません。`,
    };
  }
  return {
    kind: 'review',
    selector: t.triggerSelector,
    html: t.triggerHtml,
    what: `${who}にマウスを重ねると説明（「${t.tipText}」）が表示されますが、キーボードでフォーカスしても表示されません。同じ内容がページの本文など別の方法で読めるか確認してください。`,
  };
}

export async function probe(ctx: ProbeContext, skip: Set<string>): Promise<CheckOutput> {
  const { page, budget } = ctx;
  const verdicts: Verdict[] = [];
  const tips = await budget.run(call(page, 'hoverTips', 10));
  for (const t of tips.slice(0, ctx.maxClicks)) {
    budget.check(ctx.reserveMs);
    if (skip.has(t.triggerSelector) || !(await showsOnHover(ctx, t))) continue;
    if (await showsOnFocus(ctx, t)) continue;
    verdicts.push(tipVerdict(t));
  }
  return { meta, verdicts, applicable: tips.length > 0 };
}
