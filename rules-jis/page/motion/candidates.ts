// What may move or go away by itself (2.2.1, 2.2.2), found once when the watch starts (./watch.ts): carousels
// (a container whose slides are partly shown and partly not), tickers (text wider or taller than the box that
// clips it), running CSS / Web animations longer than five seconds, and short messages (alerts, toasts, fixed
// notices) that might disappear. Also the controls next to a moving thing: pause/stop, previous/next, unknown.
import { cssPath, snippet } from '../dom/selector.js';
import { shortName } from '../dom/name.js';
import { FOCUSABLE_SEL, hiddenReason, isTabbable } from '../dom/visibility.js';

const CAROUSEL_HINT = '[class*=slide],[class*=carousel],[class*=swiper],[class*=slick],[class*=splide],[class*=owl],[class*=bx],[class*=glide],[class*=flick],[class*=ticker],[class*=marquee],[class*=rotat],[aria-roledescription]';
const MESSAGE_SEL = '[role=alert],[role=status],[aria-live],[class*=toast],[class*=snack],[class*=flash],[class*=notice],[class*=notif],[class*=alert],[class*=message],[class*=msg],[id*=toast],[id*=message],[id*=notice]';
const PAUSE_RE = /停止|一時停止|ストップ|止め|とめる|再生|非表示|隠す|pause|stop|play|hide|アニメーション|動き/i;
const NAV_RE = /前|次|戻|進|prev|next|back|forward|arrow|dot|pager|bullet|indicator|ドット|スライド\s*\d|^\s*\d+\s*$|[←→‹›«»<>◀〈〉]/i;
const MOTION_PROPS = /^(transform|translate|left|right|top|bottom|margin-left|margin-top|margin|opacity|visibility|background-position|background-position-x|background-position-y|clip-path|offset-distance|scroll|text-indent)$/;

export type MotionKind = 'carousel' | 'ticker' | 'animation' | 'updating';

export interface MotionCandidate {
  el: Element;
  kind: MotionKind;
  /** The slides of a carousel (its children), empty otherwise. */
  slides: Element[];
  /** Active duration of an animation in ms (Infinity when it repeats for ever); 0 when not an animation. */
  durationMs: number;
}

/** Controls next to a moving thing, by what they seem to do. */
export interface ControlsNear {
  /** 'focusable' | 'unfocusable' (a pause that only the mouse can use) | 'none'. */
  pause: 'focusable' | 'unfocusable' | 'none';
  nav: number;
  unknown: number;
  names: string[];
}

const words = (el: Element) => `${typeof el.className === 'string' ? el.className : ''} ${el.id} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`;
const hasContent = (el: Element) => (el.textContent ?? '').trim().length >= 2 || !!el.querySelector('img,picture,svg,video') || el.localName === 'img';
const shown = (el: Element) => !hiddenReason(el);

/** A container of similar slides, some shown and some not (at least two slides). */
function slideContainer(c: Element): Element[] | null {
  const kids = Array.from(c.children).filter((k) => !['script', 'style', 'template'].includes(k.localName));
  if (kids.length < 2 || kids.length > 60) return null;
  const tag = kids[0].localName;
  if (!kids.every((k) => k.localName === tag) || !kids.every(hasContent)) return null;
  const on = kids.filter(shown).length;
  return on >= 1 && on < kids.length ? kids : null;
}

/** Carousels: from each element with a carousel-like class, the slide container at or under it. */
export function carousels(max: number): MotionCandidate[] {
  const out: MotionCandidate[] = [];
  const hints = Array.from(document.body.querySelectorAll(CAROUSEL_HINT)).slice(0, 80);
  for (const h of hints) {
    if (out.length >= max) break;
    if (out.some((o) => o.el.contains(h) || h.contains(o.el)) || !shown(h)) continue;
    for (const c of [h, ...Array.from(h.querySelectorAll('ul,ol,div')).slice(0, 40)]) {
      const slides = slideContainer(c);
      if (!slides || out.some((o) => o.el.contains(c) || c.contains(o.el))) continue;
      out.push({ el: c, kind: 'carousel', slides, durationMs: 0 });
      break;
    }
  }
  return out;
}

/** Tickers: a box that clips text wider (or taller) than itself, the text being one moving block. */
export function tickers(max: number, taken: Element[]): MotionCandidate[] {
  const out: MotionCandidate[] = [];
  for (const el of Array.from(document.body.querySelectorAll(CAROUSEL_HINT + ',[class*=news],[class*=topics],[class*=info]')).slice(0, 80)) {
    if (out.length >= max) break;
    if (taken.some((t) => t.contains(el) || el.contains(t)) || out.some((o) => o.el.contains(el) || el.contains(o.el))) continue;
    const cs = getComputedStyle(el);
    const clipsX = (cs.overflowX === 'hidden' || cs.overflowX === 'clip') && el.scrollWidth > el.clientWidth * 1.2;
    const clipsY = (cs.overflowY === 'hidden' || cs.overflowY === 'clip') && el.scrollHeight > el.clientHeight * 1.5 && el.clientHeight > 0;
    if ((clipsX || clipsY) && el.firstElementChild && hasContent(el) && shown(el)) out.push({ el, kind: 'ticker', slides: [], durationMs: animatedFor(el) });
  }
  return out;
}

function movesSomething(a: Animation): boolean {
  const eff = a.effect as KeyframeEffect | null;
  if (!eff || typeof eff.getKeyframes !== 'function') return false;
  const frames = eff.getKeyframes();
  const props = new Set(frames.flatMap((f) => Object.keys(f)).map((k) => k.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase())));
  const moving = [...props].filter((p) => MOTION_PROPS.test(p));
  if (!moving.length) return false;
  // a spinner (rotation only) is not content that moves
  const transforms = frames.map((f) => String((f as Record<string, unknown>).transform ?? '')).join(' ');
  return !(moving.length === 1 && moving[0] === 'transform' && /rotate/.test(transforms) && !/translate|scale|matrix/.test(transforms));
}

/** How long the running animations that move something inside `el` last (ms, Infinity = for ever; 0 = none). */
function animatedFor(el: Element): number {
  const list = typeof el.getAnimations === 'function' ? el.getAnimations({ subtree: true }) : [];
  let ms = 0;
  for (const a of list) {
    if (a.playState !== 'running' || !movesSomething(a)) continue;
    ms = Math.max(ms, Number((a.effect as KeyframeEffect).getComputedTiming().activeDuration));
  }
  return ms;
}

/** Running animations (CSS or script) on content, longer than five seconds. */
export function animations(max: number): MotionCandidate[] {
  const out: MotionCandidate[] = [];
  const list = typeof document.getAnimations === 'function' ? document.getAnimations() : [];
  for (const a of list) {
    if (out.length >= max) break;
    if (a.playState !== 'running' || typeof CSSTransition !== 'undefined' && a instanceof CSSTransition) continue;
    const eff = a.effect as KeyframeEffect | null;
    const el = eff?.target;
    if (!el || el.localName === 'marquee' || el.closest('[data-jis-kbd]') || out.some((o) => o.el === el)) continue;
    const active = Number(eff!.getComputedTiming().activeDuration);
    if (!(active > 5000) || !hasContent(el) || !shown(el) || !movesSomething(a)) continue;
    out.push({ el, kind: 'animation', slides: [], durationMs: active });
  }
  return out;
}

/** Short messages that could disappear by themselves (alerts, toasts, notices), shown now. */
export function messages(max: number): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(document.body.querySelectorAll(MESSAGE_SEL))) {
    if (out.length >= max) break;
    const t = (el.textContent ?? '').trim();
    if (t.length < 4 || t.length > 300 || !shown(el) || el.closest('nav,[data-jis-kbd]') || out.some((o) => o.contains(el))) continue;
    out.push(el);
  }
  return out;
}

/** The area to look for controls in: the moving thing and up to two levels around it, short of another section. */
function regionOf(el: Element): Element {
  let r = el;
  for (let i = 0; i < 2 && r.parentElement && r.parentElement !== document.body; i++) {
    const up = r.parentElement;
    if (up.matches('main,body,article,[role=main]') || up.querySelectorAll('h1,h2,h3').length > r.querySelectorAll('h1,h2,h3').length) break;
    r = up;
  }
  return r;
}

/** The controls around a moving thing, outside its slides. */
export function controlsNear(c: MotionCandidate): ControlsNear {
  const region = regionOf(c.el);
  const inSlide = (e: Element) => c.slides.some((s) => s.contains(e)) || (c.kind !== 'carousel' && c.el.contains(e) && !e.matches('button,[role=button]'));
  const ctrls = Array.from(region.querySelectorAll(FOCUSABLE_SEL + ',[role=button],[onclick]')).filter((e) => !inSlide(e) && shown(e)).slice(0, 30);
  const res: ControlsNear = { pause: 'none', nav: 0, unknown: 0, names: [] };
  for (const e of ctrls) {
    const label = `${shortName(e)} ${words(e)} ${e.getAttribute('aria-pressed') !== null ? 'pause' : ''}`;
    const focusable = (e.matches(FOCUSABLE_SEL) && isTabbable(e)) || Array.from(e.querySelectorAll(FOCUSABLE_SEL)).some(isTabbable);
    if (PAUSE_RE.test(label)) res.pause = focusable || res.pause === 'focusable' ? 'focusable' : 'unfocusable';
    else if (NAV_RE.test(label)) res.nav++;
    else res.unknown++;
    if (res.names.length < 5) res.names.push(shortName(e) || cssPath(e));
  }
  return res;
}

/** The selector, markup and name a finding shows for a moving thing. */
export const describeEl = (el: Element) => ({ selector: cssPath(el), html: snippet(el, 200), name: shortName(el).slice(0, 40) });
