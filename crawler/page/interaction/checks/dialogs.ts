// Dialogs and lightboxes opened by keyboard: 2.4.3 フォーカス順序 (dialog-focus) and 2.1.1 キーボード (dialog-close).
// Probe: Enter on each control that says it opens a dialog (rules-jis/page/keyboard/dialogs.ts); when a dialog
// appears, see (1) whether focus went into it (or the next Tab takes it there), (2) whether Tab and Shift+Tab
// keep focus in it or let it escape behind it, (3) whether its close control can be reached: a close control
// that cannot take focus, with Escape not closing the dialog either, leaves a keyboard user shut in (violation,
// after a real click on it proved it closes). The dialog is closed again afterwards.
//   Focus escaping: violation when the dialog declares the page behind inert (aria-modal="true"): a screen
//   reader then tells nothing of where focus went; review otherwise (a non-modal dialog may let focus go on).
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { DialogOpener, OpenedDialog } from '../../../../rules-jis/page/keyboard/index.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { sleep } from '../budget.js';
import { call } from '../page-calls.js';
import type { ProbeContext } from '../probe.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const focusMeta = interactionRule('dialog-focus');
export const closeMeta = interactionRule('dialog-close');

const OPEN_MS = 250;

interface Outputs {
  focus: Verdict[];
  close: Verdict[];
}

/** What focus did while the dialog was open: entered it (at once or after one Tab), and escaped it. */
export interface FocusFacts {
  tookFocus: boolean;
  enteredOnTab: boolean;
  escaped: { selector: string; name: string; covered: boolean } | null;
}

async function press(ctx: ProbeContext, key: 'Tab' | 'Escape' | 'Enter', shift = false): Promise<void> {
  const { page, budget } = ctx;
  if (shift) await budget.run(page.keyboard.down('Shift'));
  try {
    await budget.run(page.keyboard.press(key));
  } finally {
    if (shift) await budget.run(page.keyboard.up('Shift'));
  }
  await sleep(40);
}

/** Tab through the dialog (its elements and two more), then Shift+Tab from its first element: does focus get out? */
async function focusFacts(ctx: ProbeContext, d: OpenedDialog): Promise<FocusFacts> {
  const { page, budget } = ctx;
  const facts: FocusFacts = { tookFocus: d.focusInside, enteredOnTab: false, escaped: null };
  if (!d.focusInside) {
    await press(ctx, 'Tab');
    facts.enteredOnTab = (await budget.run(call(page, 'focusPlace', d.id))).where === 'inside';
  }
  if (!d.tabbables) return facts;
  if (!facts.enteredOnTab && !(await budget.run(call(page, 'focusFirstIn', d.id)))) return facts;
  const steps: [number, boolean][] = [[Math.min(d.tabbables + 2, 15), false], [1, true]];
  for (const [n, shift] of steps) {
    if (shift && !(await budget.run(call(page, 'focusFirstIn', d.id)))) break;
    for (let i = 0; i < n && !facts.escaped; i++) {
      budget.check(ctx.reserveMs);
      await press(ctx, 'Tab', shift);
      if (!(await budget.run(call(page, 'dialogShown', d.id)))) return facts;
      const p = await budget.run(call(page, 'focusPlace', d.id));
      if (p.where === 'outside') facts.escaped = { selector: p.selector, name: p.name, covered: p.covered };
    }
  }
  return facts;
}

export function focusVerdicts(o: DialogOpener, d: OpenedDialog, f: FocusFacts): Verdict[] {
  const who = o.name ? `「${o.name}」` : o.selector;
  const out: Verdict[] = [];
  if (!f.tookFocus && !f.enteredOnTab && (d.modal || d.overlay)) {
    out.push({
      kind: 'review',
      selector: d.selector,
      html: d.html,
      what: `${who}を Enter キーで押すとダイアログ（${d.name ? `「${d.name}」` : d.selector}）が開きますが、フォーカスはダイアログへ移らず、次の Tab キーでもダイアログに入りません。キーボードやスクリーンリーダーの利用者は、開いたことに気づかず、その中を操作できない可能性があります。`,
      help: 'ダイアログを開いたら、その中の最初の操作部品（または見出しに tabindex="-1" を付けたもの）へ focus() でフォーカスを移してください。',
    });
  }
  if (f.escaped) {
    const where = f.escaped.name ? `「${f.escaped.name}」` : f.escaped.selector;
    const hidden = f.escaped.covered ? '（ダイアログや背景の幕に隠れて見えない位置）' : '';
    out.push({
      kind: d.modal ? 'violation' : 'review',
      selector: d.selector,
      html: d.html,
      what: d.modal
        ? `ダイアログ（aria-modal="true"）を開いたまま Tab キーを押すと、フォーカスがダイアログの外の${where}${hidden}へ出てしまいます。aria-modal で背後のページを無いものとしているため、スクリーンリーダー利用者には今どこにいるのかが伝わりません。`
        : `ダイアログを開いたまま Tab キーを押すと、フォーカスがダイアログの外の${where}${hidden}へ移ります。ダイアログが背後のページを覆っている場合、キーボード利用者はフォーカスを見失います。`,
      help: 'ダイアログが開いている間は、Tab・Shift+Tab でフォーカスがダイアログの中を循環するようにしてください（<dialog> 要素を showModal() で開くと、ブラウザがそうします）。',
    });
  }
  return out;
}

/** (3) The close controls: focusable ones are fine; else Escape; else a click proves the control closes it. */
async function closeCheck(ctx: ProbeContext, o: DialogOpener, d: OpenedDialog): Promise<Verdict | null> {
  const { page, budget } = ctx;
  if (!d.closes.length || d.closes.some((c) => c.focusable)) return null;
  await press(ctx, 'Escape');
  if (!(await budget.run(call(page, 'dialogShown', d.id)))) return null;
  const c = d.closes[0];
  const at = await budget.run(call(page, 'centerOf', c.id));
  if (!at || !(await budget.run(call(page, 'hittable', c.id, at.x, at.y)))) return null;
  await budget.run(page.mouse.click(at.x, at.y));
  await sleep(OPEN_MS);
  await budget.run(page.mouse.move(0, 0));
  if (await budget.run(call(page, 'dialogShown', d.id))) return null; // we cannot tell what closes it
  return {
    kind: 'violation',
    selector: c.selector,
    html: c.html,
    what: `${o.name ? `「${o.name}」` : o.selector}で開くダイアログの閉じるボタン（${c.name ? `「${c.name}」` : c.selector}）はマウスでは押せますが、Tab キーでフォーカスできず、Escape キーでもダイアログは閉じません。キーボードだけで操作する人はダイアログを閉じられず、ページに戻れません。`,
  };
}

/** Close what we opened: Escape, then a close control, so later probes see the page as it was. */
async function closeAgain(ctx: ProbeContext, d: OpenedDialog): Promise<void> {
  const { page, budget } = ctx;
  if (!(await budget.run(call(page, 'dialogShown', d.id)))) return;
  await press(ctx, 'Escape');
  for (const c of d.closes) {
    if (!(await budget.run(call(page, 'dialogShown', d.id)))) return;
    const at = await budget.run(call(page, 'centerOf', c.id));
    if (at) await budget.run(page.mouse.click(at.x, at.y));
    await sleep(OPEN_MS);
  }
  await budget.run(page.mouse.move(0, 0));
}

async function probeOne(ctx: ProbeContext, o: DialogOpener, out: Outputs): Promise<boolean> {
  const { page, budget, guard } = ctx;
  const before = await budget.run(call(page, 'dialogSnapshot'));
  if (!(await budget.run(call(page, 'focus', o.id)))) return false;
  await press(ctx, 'Enter');
  await sleep(OPEN_MS);
  guard.take();
  if (guard.leftPage) {
    await ctx.recover();
    return false;
  }
  const d = await budget.run(call(page, 'openedDialog', before, o.target));
  if (!d) return false;
  try {
    out.focus.push(...focusVerdicts(o, d, await focusFacts(ctx, d)));
    const v = await closeCheck(ctx, o, d);
    if (v) out.close.push(v);
  } finally {
    await closeAgain(ctx, d).catch(() => {});
  }
  return true;
}

export async function probe(ctx: ProbeContext): Promise<CheckOutput[]> {
  const { page, budget } = ctx;
  const out: Outputs = { focus: [], close: [] };
  const openers = await budget.run(call(page, 'dialogOpeners', 10));
  let opened = 0;
  for (const o of openers.slice(0, ctx.maxClicks)) {
    budget.check(ctx.reserveMs);
    if (await probeOne(ctx, o, out)) opened++;
  }
  await budget.run(call(page, 'reset')).catch(() => {});
  return [
    { meta: focusMeta, verdicts: out.focus, applicable: opened > 0 },
    { meta: closeMeta, verdicts: out.close, applicable: opened > 0 },
  ];
}
