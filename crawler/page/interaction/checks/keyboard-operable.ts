// 2.1.1 キーボード: what acts as a control must be reachable and operable from the keyboard.
// Three probes: (1) click handlers / control roles / cursor:pointer on elements Tab never reaches,
// (2) focusable custom controls pressed with Enter and Space, (3) hover menus whose items never get focus.
// The page side of each probe is rules-jis/page/keyboard/controls.ts.
import type { CDPSession } from 'puppeteer';
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { Candidate, Custom, Effects, Menu } from '../../../../rules-jis/page/keyboard/index.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { sleep } from '../budget.js';
import { call } from '../page-calls.js';
import type { ProbeContext } from '../probe.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('keyboard-operable');

const CLICKISH = new Set(['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'dblclick']);
const MAX_SOFT = 10; // review findings from cursor/role guesses, per page

/** Does the element have a click-like listener? (DevTools: DOMDebugger.getEventListeners on the element.) */
async function clickListeners(cdp: CDPSession, id: number): Promise<boolean> {
  // the element behind the id, as a remote object of this session (the function is typed page code, sent as text like page.evaluate does)
  const get = (n: number) => window.jisA11y!.keyboard.element(n);
  const r = await cdp.send('Runtime.evaluate', { expression: `(${get.toString()})(${JSON.stringify(id)})`, objectGroup: 'jis-kbd' });
  const objectId = r.result.objectId;
  if (!objectId) return false;
  const l = await cdp.send('DOMDebugger.getEventListeners', { objectId, depth: 0 });
  return l.listeners.some((x) => CLICKISH.has(x.type));
}

const any = (e: Effects) => e.clicked || e.mutations > 0 || e.keyPrevented > 0 || e.focusMoved || e.events > 0;
const nm = (x: { name: string; tag?: string; selector: string }) => (x.name ? `「${x.name}」` : x.selector);

type HasListener = (id: number) => Promise<boolean>;

export async function probe(ctx: ProbeContext): Promise<CheckOutput> {
  const { page, budget } = ctx;
  let cdp: CDPSession | undefined;
  try {
    cdp = await budget.run(page.createCDPSession());
  } catch {
    cdp = undefined;
  }
  const hasListener = async (id: number) => (cdp ? await budget.run(clickListeners(cdp, id)).catch(() => false) : false);
  try {
    const verdicts: Verdict[] = [];
    const cands = await unreachable(ctx, hasListener, verdicts);
    const customs = await customControls(ctx, hasListener, verdicts);
    await hoverMenus(ctx, verdicts);
    await budget.run(call(page, 'reset')).catch(() => {});
    return { meta, verdicts, applicable: ctx.reachedIds.length > 0 || cands.length > 0 || customs.length > 0 };
  } finally {
    if (cdp) void cdp.detach().catch(() => {});
  }
}

function unreachableVerdict(c: Candidate, listener: boolean, sure: boolean): Verdict {
  const why: string[] = [];
  if (c.inline) why.push('onclick などのクリック処理');
  else if (listener) why.push('クリックのイベントリスナー');
  if (c.role) why.push(`role="${c.role}"`);
  if (c.pointer) why.push('マウスポインターが指の形（cursor:pointer）');
  return {
    kind: sure ? 'violation' : 'review',
    selector: c.selector,
    html: c.html,
    what: sure
      ? `${nm(c)}（${why.join('、')}）はマウスでは操作できますが、Tab キーでフォーカスできず、キーボードでは操作できません。`
      : `${nm(c)}（${why.join('、')}）は操作できる部品に見えますが、Tab キーでフォーカスできません。クリックで何かが起きる部品か確認してください。`,
  };
}

/** (1) Things that act as controls but Tab never reaches. */
async function unreachable(ctx: ProbeContext, hasListener: HasListener, verdicts: Verdict[]): Promise<Candidate[]> {
  const cands = await ctx.budget.run(call(ctx.page, 'controlCandidates', 60));
  let soft = 0;
  for (const c of cands.slice(0, 40)) {
    ctx.budget.check(ctx.reserveMs);
    const listener = c.inline || (await hasListener(c.id));
    const sure = listener && (c.inline || c.pointer || !!c.role);
    if (!sure && soft >= MAX_SOFT) continue;
    if (!sure) soft++;
    verdicts.push(unreachableVerdict(c, listener, sure));
  }
  return cands;
}

/** Focus the control, press the key, and see what happened (null when it could not be focused). */
async function pressOn(ctx: ProbeContext, c: Custom, key: 'Enter' | 'Space'): Promise<Effects | null> {
  const { page, budget, guard } = ctx;
  if (!(await budget.run(call(page, 'focus', c.id)))) return null;
  await budget.run(call(page, 'watch'));
  await budget.run(page.keyboard.press(key));
  await sleep(30);
  const e = await budget.run(call(page, 'effects', c.id));
  guard.take();
  if (guard.leftPage) await ctx.recover();
  return e;
}

async function customVerdict(c: Custom, enter: Effects, space: Effects, hasListener: HasListener): Promise<Verdict | null> {
  const e = any(enter);
  const s = any(space);
  if (!e && !s) {
    const listener = c.inline || (await hasListener(c.id));
    return {
      kind: listener ? 'violation' : 'review',
      selector: c.selector,
      html: c.html,
      what: listener
        ? `${nm(c)} はクリックで動作しますが、フォーカスして Enter キーや Space キーを押しても何も起きません。`
        : `${nm(c)}${c.role ? `（role="${c.role}"）` : ''} はフォーカスできますが、Enter キーでも Space キーでも何も起きませんでした。操作できる部品か確認してください。`,
      help: 'keydown イベントで Enter と Space を受け取り、クリックと同じ処理を呼んでください（または <button> に置き換えてください）。',
    };
  }
  if (!e || s || !['button', 'checkbox', 'switch'].includes(c.role)) return null;
  return {
    kind: 'review',
    selector: c.selector,
    html: c.html,
    what: `${nm(c)} は role="${c.role}" としてボタン類であると伝えていますが、Space キーでは動作しません（Enter では動作します）。スクリーンリーダー利用者はボタンを Space キーで押すことがあります。`,
    help: c.href
      ? '<a href role="button"> ではなく <button> を使うか、keydown で Space キーを受け取ってクリックと同じ処理を行い、ページのスクロールを止めてください（preventDefault）。'
      : 'keydown で Space キーを受け取り、クリックと同じ処理を行ってください。',
  };
}

/** (2) Focusable custom controls: do Enter and Space do anything? */
async function customControls(ctx: ProbeContext, hasListener: HasListener, verdicts: Verdict[]): Promise<Custom[]> {
  const { page, budget, guard } = ctx;
  const customs = await budget.run(call(page, 'customControls', ctx.maxProbes));
  for (const c of customs) {
    budget.check(ctx.reserveMs);
    const scroll = await budget.run(call(page, 'scrollPos'));
    const enter = await pressOn(ctx, c, 'Enter');
    const space = enter && !guard.leftPage ? await pressOn(ctx, c, 'Space') : null;
    await budget.run(call(page, 'scrollTo', scroll[0], scroll[1])).catch(() => {});
    if (!enter || !space) continue;
    const v = await customVerdict(c, enter, space, hasListener);
    if (v) verdicts.push(v);
  }
  return customs;
}

/** Does the menu open from the keyboard: on focus of its trigger, or after ArrowDown / Enter on it? */
async function opensByKeyboard(ctx: ProbeContext, m: Menu, shown: () => Promise<boolean>): Promise<boolean> {
  const { page, budget, guard } = ctx;
  if (!(await budget.run(call(page, 'focus', m.trigger)))) return false;
  await sleep(60);
  if (await shown()) return true;
  for (const key of ['ArrowDown', 'Enter'] as const) {
    await budget.run(call(page, 'focus', m.trigger));
    await budget.run(page.keyboard.press(key));
    await sleep(80);
    guard.take();
    if (guard.leftPage) {
      await ctx.recover();
      return false;
    }
    if (await shown()) {
      await budget.run(page.keyboard.press('Escape'));
      return true;
    }
  }
  return false;
}

/** Does the menu open when the mouse rests on its trigger? */
async function opensOnHover(ctx: ProbeContext, m: Menu, shown: () => Promise<boolean>): Promise<boolean> {
  const { page, budget } = ctx;
  const at = await budget.run(call(page, 'centerOf', m.trigger));
  if (!at) return false;
  await budget.run(page.mouse.move(at.x, at.y));
  await sleep(120);
  const onHover = await shown();
  await budget.run(page.mouse.move(0, 0));
  await sleep(60);
  return onHover;
}

/** (3) Menus that open on hover, whose items never get keyboard focus. */
async function hoverMenus(ctx: ProbeContext, verdicts: Verdict[]): Promise<void> {
  const { page, budget } = ctx;
  const reached = new Set(ctx.reachedIds);
  const menus = await budget.run(call(page, 'hiddenMenus', 10));
  for (const m of menus) {
    if (m.items.some((i) => reached.has(i))) continue;
    budget.check(ctx.reserveMs);
    const shown = () => budget.run(call(page, 'anyVisible', m.items));
    if (!(await opensOnHover(ctx, m, shown))) continue;
    if (await opensByKeyboard(ctx, m, shown)) continue;
    verdicts.push({
      kind: 'violation',
      selector: m.itemSelector,
      html: m.triggerHtml,
      what: `メニュー${m.triggerName ? `「${m.triggerName}」` : ''}の下位項目（${m.items.length} 件）はマウスを重ねると表示されますが、キーボードでは表示されず、フォーカスも移りません。`,
      help: ':hover だけでなく :focus-within でも下位メニューを表示するか、開閉ボタン（aria-expanded 付きの <button>）で開けるようにしてください。',
    });
  }
}
