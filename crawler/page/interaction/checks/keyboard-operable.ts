// 2.1.1 キーボード: what acts as a control must be reachable and operable from the keyboard.
// Three probes: (1) click handlers / control roles / cursor:pointer on elements Tab never reaches,
// (2) focusable custom controls pressed with Enter and Space, (3) hover menus whose items never get focus.
import type { CDPSession } from 'puppeteer';
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { sleep } from '../budget.js';
import { call } from '../in-page-loader.js';
import type { ProbeContext } from '../probe.js';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const meta = interactionRule('keyboard-operable');

interface Candidate { id: number; selector: string; html: string; name: string; inline: boolean; role: string; pointer: boolean }
interface Custom { id: number; selector: string; html: string; name: string; role: string; tag: string; href: boolean; inline: boolean }
interface Effects { clicked: boolean; mutations: number; keyPrevented: number; focusMoved: boolean; events: number }
interface Menu { trigger: number; triggerSelector: string; triggerHtml: string; triggerName: string; items: number[]; li: number; itemSelector: string }

const CLICKISH = new Set(['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'dblclick']);
const MAX_SOFT = 10; // review findings from cursor/role guesses, per page

async function clickListeners(cdp: CDPSession, id: number): Promise<boolean> {
  const r = await cdp.send('Runtime.evaluate', { expression: `window.__jisKbd.el(${id})`, objectGroup: 'jis-kbd' });
  const objectId = r.result.objectId;
  if (!objectId) return false;
  const l = await cdp.send('DOMDebugger.getEventListeners', { objectId, depth: 0 });
  return l.listeners.some((x) => CLICKISH.has(x.type));
}

const any = (e: Effects) => e.clicked || e.mutations > 0 || e.keyPrevented > 0 || e.focusMoved || e.events > 0;
const nm = (x: { name: string; tag?: string; selector: string }) => (x.name ? `「${x.name}」` : x.selector);

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
    return await probeWith(ctx, hasListener);
  } finally {
    if (cdp) void cdp.detach().catch(() => {});
  }
}

async function probeWith(ctx: ProbeContext, hasListener: (id: number) => Promise<boolean>): Promise<CheckOutput> {
  const { page, budget, guard } = ctx;
  const verdicts: Verdict[] = [];
  let soft = 0;

  // (1) not reachable by Tab at all
  const cands = await budget.run(call<Candidate[]>(page, 'controlCandidates', 60));
  for (const c of cands.slice(0, 40)) {
    budget.check(ctx.reserveMs);
    const listener = c.inline || (await hasListener(c.id));
    const sure = listener && (c.inline || c.pointer || !!c.role);
    if (!sure && soft >= MAX_SOFT) continue;
    const why: string[] = [];
    if (c.inline) why.push('onclick などのクリック処理');
    else if (listener) why.push('クリックのイベントリスナー');
    if (c.role) why.push(`role="${c.role}"`);
    if (c.pointer) why.push('マウスポインターが指の形（cursor:pointer）');
    if (!sure) soft++;
    verdicts.push({
      kind: sure ? 'violation' : 'review',
      selector: c.selector,
      html: c.html,
      what: sure
        ? `${nm(c)}（${why.join('、')}）はマウスでは操作できますが、Tab キーでフォーカスできず、キーボードでは操作できません。`
        : `${nm(c)}（${why.join('、')}）は操作できる部品に見えますが、Tab キーでフォーカスできません。クリックで何かが起きる部品か確認してください。`,
    });
  }

  // (2) focusable custom controls: do Enter and Space do anything?
  const customs = await budget.run(call<Custom[]>(page, 'customControls', ctx.maxProbes));
  for (const c of customs) {
    budget.check(ctx.reserveMs);
    const scroll = await budget.run(call<[number, number]>(page, 'scrollPos'));
    const pressKey = async (key: 'Enter' | 'Space') => {
      if (!(await budget.run(call<boolean>(page, 'focus', c.id)))) return null;
      await budget.run(call(page, 'watch'));
      await budget.run(page.keyboard.press(key));
      await sleep(30);
      const e = await budget.run(call<Effects>(page, 'effects', c.id));
      guard.take();
      if (guard.leftPage) await ctx.recover();
      return e;
    };
    const enter = await pressKey('Enter');
    const space = enter && !guard.leftPage ? await pressKey('Space') : null;
    await budget.run(call(page, 'scrollTo', scroll[0], scroll[1])).catch(() => {});
    if (!enter || !space) continue;
    const e = any(enter);
    const s = any(space);
    if (!e && !s) {
      const listener = c.inline || (await hasListener(c.id));
      verdicts.push({
        kind: listener ? 'violation' : 'review',
        selector: c.selector,
        html: c.html,
        what: listener
          ? `${nm(c)} はクリックで動作しますが、フォーカスして Enter キーや Space キーを押しても何も起きません。`
          : `${nm(c)}${c.role ? `（role="${c.role}"）` : ''} はフォーカスできますが、Enter キーでも Space キーでも何も起きませんでした。操作できる部品か確認してください。`,
        help: 'keydown イベントで Enter と Space を受け取り、クリックと同じ処理を呼んでください（または <button> に置き換えてください）。',
      });
    } else if (e && !s && ['button', 'checkbox', 'switch'].includes(c.role)) {
      verdicts.push({
        kind: 'review',
        selector: c.selector,
        html: c.html,
        what: `${nm(c)} は role="${c.role}" としてボタン類であると伝えていますが、Space キーでは動作しません（Enter では動作します）。スクリーンリーダー利用者はボタンを Space キーで押すことがあります。`,
        help: c.href
          ? '<a href role="button"> ではなく <button> を使うか、keydown で Space キーを受け取ってクリックと同じ処理を行い、ページのスクロールを止めてください（preventDefault）。'
          : 'keydown で Space キーを受け取り、クリックと同じ処理を行ってください。',
      });
    }
  }

  // (3) menus that open on hover, whose items never get keyboard focus
  const reached = new Set(ctx.reachedIds);
  const menus = await budget.run(call<Menu[]>(page, 'hiddenMenus', 10));
  for (const m of menus) {
    if (m.items.some((i) => reached.has(i))) continue;
    budget.check(ctx.reserveMs);
    const shown = () => budget.run(call<boolean>(page, 'anyVisible', m.items));
    // a hover menu at all?
    const at = await budget.run(call<{ x: number; y: number } | null>(page, 'centerOf', m.trigger));
    if (!at) continue;
    await budget.run(page.mouse.move(at.x, at.y));
    await sleep(120);
    const onHover = await shown();
    await budget.run(page.mouse.move(0, 0));
    await sleep(60);
    if (!onHover) continue;
    let byKeyboard = false;
    if (await budget.run(call<boolean>(page, 'focus', m.trigger))) {
      await sleep(60);
      byKeyboard = await shown();
      for (const key of ['ArrowDown', 'Enter'] as const) {
        if (byKeyboard) break;
        await budget.run(call(page, 'focus', m.trigger));
        await budget.run(page.keyboard.press(key));
        await sleep(80);
        guard.take();
        if (guard.leftPage) {
          await ctx.recover();
          break;
        }
        byKeyboard = await shown();
        if (byKeyboard) await budget.run(page.keyboard.press('Escape'));
      }
    }
    if (byKeyboard) continue;
    verdicts.push({
      kind: 'violation',
      selector: m.itemSelector,
      html: m.triggerHtml,
      what: `メニュー${m.triggerName ? `「${m.triggerName}」` : ''}の下位項目（${m.items.length} 件）はマウスを重ねると表示されますが、キーボードでは表示されず、フォーカスも移りません。`,
      help: ':hover だけでなく :focus-within でも下位メニューを表示するか、開閉ボタン（aria-expanded 付きの <button>）で開けるようにしてください。',
    });
  }
  await budget.run(call(page, 'reset')).catch(() => {});
  return { meta, verdicts, applicable: ctx.reachedIds.length > 0 || cands.length > 0 || customs.length > 0 };
}
