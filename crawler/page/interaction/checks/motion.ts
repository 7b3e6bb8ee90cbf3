// 2.2.2 一時停止、停止及び非表示 (moving-content) and 2.2.1 タイミング調整可能 (disappearing-content), from the motion
// watch that ran beside the whole phase (rules-jis/page/motion/watch.ts). The phase's own seconds are the
// observation window; only where a carousel or ticker has not moved yet (up to MIN_WATCH_MS of watching) or a
// toast is still shown (up to TOAST_WATCH_MS after the page started loading) does the phase wait longer, so a
// page with nothing that may move costs nothing.
//   moving-content violation: it moved by itself, it lasts more than five seconds (an animation set longer or
//     repeating, a carousel with three slides or seen to advance twice, a ticker seen moving three times or
//     moved by an animation set longer or repeating), and there is no
//     control at all beside it, or only previous/next/slide-number controls (they do not stop it);
//   review: a pause that only the mouse can use, controls whose purpose we cannot tell, text a script keeps
//     rewriting (a counter, a feed: it may be essential or stop by itself), or too little seen to know it lasts.
//   disappearing-content review: a short message (alert, toast, notice) went away by itself.
import { interactionRule } from '../../../../rules-jis/catalogue/interaction.js';
import type { MotionItem, MotionReport, VanishedItem } from '../../../../rules-jis/page/keyboard/index.js';
import type { CheckOutput, Verdict } from '../finding.js';
import { sleep, withinMs } from '../budget.js';
import { call } from '../page-calls.js';
import type { Page } from 'puppeteer';

/** Criterion, impact, messages and fix: rules-jis/data/rules/interaction.json. */
export const movingMeta = interactionRule('moving-content');
export const vanishMeta = interactionRule('disappearing-content');

/** A carousel that has not moved yet is watched this long in all (ms since the watch started). */
export const MIN_WATCH_MS = 5500;
/** A toast still shown is watched until this long after the page started loading (ms). */
export const TOAST_WATCH_MS = 6000;

const KIND_JA: Record<MotionItem['kind'], string> = { carousel: 'スライドショー（カルーセル）', ticker: '流れる文字（ティッカー）', animation: 'アニメーション', updating: '自動で書き換わる文字' };

/** The item moves long enough to need a way to stop it (more than five seconds). */
function lasts(m: MotionItem): boolean {
  if (m.kind === 'animation') return m.durationMs < 0 || m.durationMs > 5000;
  if (m.kind === 'carousel') return m.advances >= 2 || m.slides >= 3;
  // a ticker seen moving whose animation is set to repeat for ever or to last more than five seconds
  if (m.kind === 'ticker') return m.advances >= 3 || (m.advances >= 1 && (m.durationMs < 0 || m.durationMs > 5000));
  return false;
}

const label = (m: MotionItem) => `${KIND_JA[m.kind]}${m.name ? `「${m.name}」` : ''}`;

export function movingVerdict(m: MotionItem): Verdict | null {
  const c = m.controls;
  if (c.pause === 'focusable') return null;
  const seen = m.kind === 'animation' || (m.kind === 'ticker' && m.durationMs !== 0) ? `（${m.durationMs < 0 ? '繰り返し続けます' : `${Math.round(m.durationMs / 1000)} 秒続きます`}）` : '';
  const head = `${label(m)}がページを開くと自動で動き${seen}、`;
  if (c.pause === 'unfocusable') {
    return { kind: 'review', selector: m.selector, html: m.html, what: `${head}止めるボタンはありますが、キーボードではフォーカスできません。キーボード利用者が止められるか確認してください。` };
  }
  if (m.kind === 'updating') {
    return { kind: 'review', selector: m.selector, html: m.html, what: `${head}止める・隠す・更新間隔を変える仕組みが見当たりません（${m.advances} 回書き換わりました）。内容が本質的なもの（時刻など）でなければ、止める手段が必要です。` };
  }
  const onlyNav = c.unknown === 0;
  if (onlyNav && lasts(m)) {
    const nav = c.nav ? `前後の切り替えボタンなど（${c.names.slice(0, 3).join('、')}）はありますが、動きを止めるものではありません` : '一時停止・停止・非表示にするボタンがありません';
    return { kind: 'violation', selector: m.selector, html: m.html, what: `${head}5 秒を超えて動き続けますが、${nav}。` };
  }
  const why = onlyNav ? '5 秒を超えて動き続けるかは確認できませんでした' : `近くに役割の分からない操作部品（${c.names.slice(0, 3).join('、')}）があります`;
  return { kind: 'review', selector: m.selector, html: m.html, what: `${head}一時停止・停止のボタンが見当たりません（${why}）。5 秒を超えて動くなら、止める手段があるか確認してください。` };
}

export function vanishVerdict(v: VanishedItem): Verdict {
  const sec = Math.max(1, Math.round(v.atMs / 1000));
  return {
    kind: 'review',
    selector: v.selector,
    html: v.html,
    what: `メッセージ「${v.text}」は、利用者が何もしていないのに、ページを開いてから約 ${sec} 秒で消えました。読むのに時間がかかる人が読み終える前に消えてしまう可能性があります。`,
  };
}

export function judgeMotion(r: MotionReport): CheckOutput[] {
  const moving = r.items.map(movingVerdict).filter((v): v is Verdict => v !== null);
  return [
    { meta: movingMeta, verdicts: moving, applicable: r.moving > 0 },
    { meta: vanishMeta, verdicts: r.vanished.slice(0, 3).map(vanishVerdict), applicable: r.messages > 0 },
  ];
}

/** Waits (within the budget) while a carousel or ticker has not moved yet, then takes the watch's report. */
export async function report(page: Page, maxMs: number): Promise<CheckOutput[]> {
  const until = Date.now() + maxMs;
  for (;;) {
    const p = await withinMs(call(page, 'watchPending', MIN_WATCH_MS, TOAST_WATCH_MS), Math.max(50, until - Date.now()));
    const wait = Math.min(p.waitMs, until - Date.now() - 300);
    if (!p.pending || wait <= 0) break;
    await sleep(Math.min(wait, 500));
  }
  return judgeMotion(await withinMs(call(page, 'watchReport'), Math.max(100, until - Date.now())));
}
