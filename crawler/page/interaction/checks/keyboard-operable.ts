// 2.1.1 キーボード: what acts as a control must be reachable and operable from the keyboard.
// Four probes: (1) click handlers / control roles / cursor:pointer on elements Tab never reaches,
// (2) accordion headers a real click opens but Tab never reaches, (3) focusable custom controls pressed with
// Enter and Space, (4) hover menus whose items never get focus — a violation only where the sub-menu is the
// only route (the top-level item is not a link, and its links are nowhere else on the page).
// The page side: rules-jis/page/keyboard/controls.ts, disclosure.ts, menus.ts.
import type { CDPSession } from 'puppeteer';
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { Candidate, Custom, DisclosureHeader, Effects, Menu } from '../../../../rules-jis/page/keyboard/index.js';
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
    const opened = await disclosures(ctx, verdicts);
    const cands = await unreachable(ctx, hasListener, verdicts, opened);
    const customs = await customControls(ctx, hasListener, verdicts);
    const triggers = await hoverMenus(ctx, verdicts);
    await budget.run(call(page, 'reset')).catch(() => {});
    // a menu's top-level <span> is reported with its menu, not again as a pointer-cursor guess
    const kept = verdicts.filter((v) => !(v.kind === 'review' && triggers.has(v.selector)));
    return { meta, verdicts: kept, applicable: ctx.reachedIds.length > 0 || cands.length > 0 || customs.length > 0 };
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

/** (1) Things that act as controls but Tab never reaches (accordion headers already reported are skipped). */
async function unreachable(ctx: ProbeContext, hasListener: HasListener, verdicts: Verdict[], opened: Set<string>): Promise<Candidate[]> {
  const cands = await ctx.budget.run(call(ctx.page, 'controlCandidates', 60));
  let soft = 0;
  for (const c of cands.slice(0, 40)) {
    ctx.budget.check(ctx.reserveMs);
    if (opened.has(c.selector)) continue;
    const listener = c.inline || (await hasListener(c.id));
    const sure = listener && (c.inline || c.pointer || !!c.role);
    if (!sure && soft >= MAX_SOFT) continue;
    if (!sure) soft++;
    verdicts.push(unreachableVerdict(c, listener, sure));
  }
  return cands;
}

/** A real mouse click on the element's centre (when nothing covers it); false when it cannot be clicked. */
async function clickOn(ctx: ProbeContext, id: number): Promise<boolean> {
  const { page, budget, guard } = ctx;
  const at = await budget.run(call(page, 'centerOf', id));
  if (!at || !(await budget.run(call(page, 'hittable', id, at.x, at.y)))) return false;
  await budget.run(page.mouse.click(at.x, at.y));
  await sleep(150); // panels that slide open
  guard.take();
  if (guard.leftPage) await ctx.recover();
  return !guard.leftPage;
}

function disclosureVerdict(h: DisclosureHeader): Verdict {
  return {
    kind: 'violation',
    selector: h.selector,
    html: h.html,
    what: `${nm(h)} はクリックすると下の内容が開きますが（アコーディオン）、Tab キーでフォーカスできず、キーボードでは開けません。閉じた内容はキーボード利用者には読めません。`,
    help: '開閉する見出しの中に <button type="button" aria-expanded="false"> を置き（例: <h3><button …>よくある質問</button></h3>）、ボタンで開閉してください。<details><summary> を使う方法もあります。',
  };
}

/** (2) Accordion headers: a real click opens the hidden panel, and the header cannot take focus. Returns their selectors. */
async function disclosures(ctx: ProbeContext, verdicts: Verdict[]): Promise<Set<string>> {
  const { page, budget } = ctx;
  const found = new Set<string>();
  const heads = await budget.run(call(page, 'disclosureHeaders', 8));
  for (const h of heads.slice(0, ctx.maxClicks)) {
    budget.check(ctx.reserveMs);
    if (!(await clickOn(ctx, h.id)) || !(await budget.run(call(page, 'shownNow', h.panel)))) continue;
    found.add(h.selector);
    verdicts.push(disclosureVerdict(h));
    await clickOn(ctx, h.id).catch(() => false); // close it again: later probes see the page as it was
  }
  await budget.run(page.mouse.move(0, 0));
  return found;
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

const REACH_ELSEWHERE = '上位の項目自体がリンクで、その先のページに同じリンクがある可能性があります';

/** The kind and wording of a hover-only sub-menu: review where the function may be reachable another way. */
export function menuVerdict(m: Menu): Verdict {
  const name = m.triggerName ? `「${m.triggerName}」` : '';
  const base = `メニュー${name}の下位項目（${m.items.length} 件）はマウスを重ねると表示されますが、キーボードでは表示されず、フォーカスも移りません。`;
  const everywhere = m.links > 0 && m.onlyHere === 0 && m.links === m.items.length;
  const help = ':hover だけでなく :focus-within でも下位メニューを表示するか、開閉ボタン（aria-expanded 付きの <button>）で開けるようにしてください。';
  if (m.triggerKind === 'link') {
    const also = everywhere ? '下位項目と同じリンクはこのページの別の場所にもあります。' : '';
    return { kind: 'review', selector: m.itemSelector, html: m.triggerHtml, what: `${base}${REACH_ELSEWHERE}（${also}リンク先のページで下位項目のリンクをすべてたどれるなら、この点は問題ありません）。`, help };
  }
  if (everywhere) {
    return { kind: 'review', selector: m.itemSelector, html: m.triggerHtml, what: `${base}下位項目と同じリンクはこのページの別の場所にもあり、キーボードでもたどれます。メニューの中だけにある機能がないか確認してください。`, help };
  }
  const why = m.triggerKind === 'none'
    ? `上位の項目${name}はフォーカスできない要素（${m.triggerHtml.slice(0, 40).replace(/\s+/g, ' ')}…）で、マウスを重ねたときだけ下位メニューが開きます。下位項目へはこのメニューからしか行けません。`
    : `上位の項目${name}はリンクではなく、Enter キーや ↓ キーでも開きません。下位項目のうち ${m.onlyHere} 件のリンクはこのページの他の場所にありません。`;
  return { kind: 'violation', selector: m.itemSelector, html: m.triggerHtml, what: `${base}${why}`, help: `${help} 上位の項目が <span> や <div> の場合は、<button> にするかリンクにしてください。` };
}

/** (4) Menus that open on hover, whose items never get keyboard focus. Returns the selectors of their top-level items. */
async function hoverMenus(ctx: ProbeContext, verdicts: Verdict[]): Promise<Set<string>> {
  const { page, budget } = ctx;
  const triggers = new Set<string>();
  const reached = new Set(ctx.reachedIds);
  const menus = await budget.run(call(page, 'hiddenMenus', 10));
  for (const m of menus) {
    if (m.items.some((i) => reached.has(i))) continue;
    budget.check(ctx.reserveMs);
    const shown = () => budget.run(call(page, 'anyVisible', m.items));
    if (!(await opensOnHover(ctx, m, shown))) continue;
    if (m.triggerKind !== 'none' && (await opensByKeyboard(ctx, m, shown))) continue;
    verdicts.push(menuVerdict(m));
    triggers.add(m.triggerSelector);
  }
  return triggers;
}
