// 2.2.2: an animated image (GIF, APNG, animated WebP) that runs longer than five seconds — loop count × the frames'
// delays, an endless loop for ever — with no control beside it to stop it. The frames were decoded before axe ran
// (rules-jis/page/animated/decode.ts); an image that was not decoded is not judged. Violation where nothing beside
// it could stop it; review where a control only the mouse can use, a nameless control, or a stop control elsewhere
// on the page might be the way (a person checks that it stops this image).
import type { JisCheck } from './types.js';
import { animatedFactsOf } from '../page/animated/decode.js';
import { controlsBeside } from '../page/animated/controls.js';

/** 2.2.2: moving content that starts by itself must be stoppable when it lasts more than five seconds. */
export const LONGER_THAN_MS = 5000;

/** How long, in words: 「無限に繰り返し」 or 「約 12 秒」. */
export function runWords(ms: number): string {
  return Number.isFinite(ms) ? `約 ${Math.round(ms / 1000)} 秒` : '止まらずに繰り返し';
}

export const rule: JisCheck = {
  id: 'jis-animated-image',
  selector: 'img',
  matches: (node) => (animatedFactsOf(node)?.runMs ?? 0) > LONGER_THAN_MS,
  evaluate(node) {
    const facts = animatedFactsOf(node)!;
    const c = controlsBeside(node);
    if (c.pause === 'focusable') return true;
    const where = c.pause === 'unfocusable' ? 'そばの停止ボタンはマウスでしか使えません' : c.unknown ? 'そばに名前のないボタンがあります' : c.elsewhere ? 'ページの別の場所に停止ボタンがあります' : '';
    this.data({ frames: facts.frames, run: runWords(facts.runMs), where });
    return where ? undefined : false;
  },
};
