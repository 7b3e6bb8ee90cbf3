// Is the page still? True only when nothing on it can move, flash, change or time out by itself: no script of any
// kind, no automatic reload, no media or embedded content, no image that animates (its bytes read: rules-jis/text/animated-image.ts), no CSS animation. Then
// 2.2.2 (pause, stop, hide) and 2.3.1 (three flashes) have no subject on the page, and 2.2.1 (timing) neither when it
// also has no input fields (data/applicability.json `static`). Every condition is checked: one we cannot read (a
// cross-origin stylesheet) counts as "may move". Runs in the page.
import { mayAnimate } from '../text/animated-image.js';

const MOVERS =
  'script, meta[http-equiv="refresh" i], video, audio, object, embed, canvas, iframe, frame, marquee, blink, svg, bgsound, applet, [href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]';
const IMAGES = 'img, input[type="image"], picture source';
const STILL_IMAGE = /\.jpe?g(?:[?#].*)?$/i;
const MAX_IMAGE_CHECKS = 50;
const MAX_IMAGE_BYTES = 5_000_000;

function hasHandlerAttribute(doc: Document): boolean {
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) for (const a of Array.from(all[i]!.attributes)) if (/^on/i.test(a.name)) return true;
  return false;
}

/** Reads an image's bytes (same origin or CORS allowed) and says whether it may animate; unreadable: it may. */
async function imageMayAnimate(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { credentials: 'same-origin' });
    if (!r.ok) return true;
    const buf = new Uint8Array(await r.arrayBuffer());
    return buf.length > MAX_IMAGE_BYTES || mayAnimate(buf);
  } catch {
    return true;
  }
}

/** `cssImageUrls`: every CSS image of the page (rules-jis/page/decision-items.ts reads them once for both). */
async function imagesStill(doc: Document, cssImageUrls: string[]): Promise<boolean> {
  const urls = new Set<string>(cssImageUrls);
  for (const el of Array.from(doc.querySelectorAll(IMAGES))) {
    const img = el as HTMLImageElement;
    if (el.getAttribute('srcset') && el.localName === 'source') return false; // candidates we do not read one by one
    urls.add(img.currentSrc || img.src || '');
  }
  const toRead = [...urls].filter((u) => !STILL_IMAGE.test(u.trim()));
  if (toRead.some((u) => !u) || toRead.length > MAX_IMAGE_CHECKS) return false;
  for (const u of toRead) if (await imageMayAnimate(u)) return false;
  return true;
}

function cssStill(doc: Document): boolean {
  if (typeof doc.getAnimations === 'function' && doc.getAnimations().length > 0) return false;
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      return false; // unreadable (another origin): it may animate
    }
    if (hasKeyframes(rules)) return false;
  }
  return true;
}

function hasKeyframes(rules: CSSRuleList): boolean {
  for (const r of Array.from(rules)) {
    if (r.constructor.name === 'CSSKeyframesRule' || r.type === 7) return true;
    const inner = (r as CSSGroupingRule).cssRules;
    if (inner && hasKeyframes(inner)) return true;
  }
  return false;
}

/** True when nothing on the page can move, flash, change or time out by itself (see the header). */
export async function isStillPage(doc: Document, cssImageUrls: string[]): Promise<boolean> {
  return !doc.querySelector(MOVERS) && !hasHandlerAttribute(doc) && cssStill(doc) && (await imagesStill(doc, cssImageUrls));
}
