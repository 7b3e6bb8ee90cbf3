// The controls beside an animated image (2.2.2): a button or link whose name says it stops, pauses or hides the
// animation (「停止」「一時停止」「アニメーションを止める」, pause/stop), and controls whose purpose cannot be told
// (a button with no name). The link the image itself sits in is not a control of the animation.
import { shortName } from '../dom/name.js';
import { hiddenReason, isTabbable } from '../dom/visibility.js';

const PAUSE_RE = /停止|止め|止まる|とめる|ストップ|動きを|アニメーション|非表示|pause|stop|freeze/i;
const CONTROL_SEL = 'button,[role=button],input[type=button],input[type=image],input[type=checkbox],[role=switch],a[href^="#"],a:not([href]),[onclick]';

/** Where to look: up to three ancestors, not past main, body or a section with headings of its own. */
function regionOf(el: Element): Element {
  let r = el;
  for (let i = 0; i < 3 && r.parentElement && r.parentElement !== el.ownerDocument.body; i++) {
    const up = r.parentElement;
    if (up.matches('main,body,article,[role=main]') || up.querySelectorAll('h1,h2,h3').length > r.querySelectorAll('h1,h2,h3').length) break;
    r = up;
  }
  return r;
}

export interface ImageControls {
  /** A pause/stop control a keyboard can use, one only the mouse can use, or none. */
  pause: 'focusable' | 'unfocusable' | 'none';
  /** Controls whose purpose cannot be told from their name. */
  unknown: number;
  /** A pause/stop control elsewhere on the page (not beside the image). */
  elsewhere: boolean;
}

function isPause(e: Element): boolean {
  return PAUSE_RE.test(`${shortName(e)} ${e.getAttribute('title') ?? ''} ${e.getAttribute('aria-label') ?? ''}`);
}

export function controlsBeside(img: Element): ImageControls {
  const region = regionOf(img);
  const res: ImageControls = { pause: 'none', unknown: 0, elsewhere: false };
  const near = Array.from(region.querySelectorAll(CONTROL_SEL)).filter((e) => !e.contains(img) && !hiddenReason(e));
  for (const e of near) {
    if (isPause(e)) res.pause = isTabbable(e) || res.pause === 'focusable' ? 'focusable' : 'unfocusable';
    else if (!shortName(e)) res.unknown++;
  }
  if (res.pause === 'none') {
    res.elsewhere = Array.from(img.ownerDocument.querySelectorAll(CONTROL_SEL)).some((e) => !region.contains(e) && !hiddenReason(e) && isPause(e));
  }
  return res;
}
