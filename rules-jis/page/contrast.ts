// The extension's contrast aid (1.4.3): the contrast of one element's text, measured in the page where the
// bundle's axe is loaded, with axe's colour helpers (rules-jis/page/axe-helpers.ts) — the same background
// and foreground axe's color-contrast rule uses. `window.jisA11y.contrast(selector?)`; the extension draws
// the result (extension/lib/page-aids.ts) and shows it in the panel (extension/components/jis-aids.ts).
import { backgroundOf, foregroundOf, contrastOf, hexOf, ownBackground, paintOver, parseCssColor, rgba, white, withFreshTree, type AxeColor } from './axe-helpers.js';
import { cssPath } from './dom/selector.js';
import { isLargeText, judgeContrast, type ContrastReport } from './contrast-verdict.js';
import { locate } from './dom/locate.js';

export type { ContrastReport, ContrastVerdict } from './contrast-verdict.js';

/** Where axe cannot tell: the background colours of the element and its ancestors painted over white. */
function layeredBackground(el: Element): AxeColor {
  const layers: AxeColor[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const c = ownBackground(getComputedStyle(cur));
    if (c.alpha <= 0) continue;
    layers.push(c);
    if (c.alpha >= 1) break;
  }
  return layers.reverse().reduce((bg, layer) => paintOver(layer, bg), white());
}

function hasBackgroundImage(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const img = getComputedStyle(cur).backgroundImage;
    if (img && img !== 'none') return true;
  }
  return false;
}

function colours(el: Element, ready: boolean): { fg: AxeColor; bg: AxeColor; uncertain: boolean } {
  const axeBg = ready ? backgroundOf(el) : null;
  const bg = axeBg ?? layeredBackground(el);
  const plain = parseCssColor(getComputedStyle(el).color) ?? rgba(0, 0, 0);
  const fg = (ready ? foregroundOf(el, bg) : null) ?? (plain.alpha < 1 ? paintOver(plain, bg) : plain);
  return { fg, bg, uncertain: !axeBg || hasBackgroundImage(el) };
}

/** Measures the contrast of `el`'s text against what is behind it. */
export function measureContrast(el: Element): ContrastReport {
  const cs = getComputedStyle(el);
  const { fg, bg, uncertain } = withFreshTree(el, (ready) => colours(el, ready));
  const fontSizePx = parseFloat(cs.fontSize) || 16;
  const fontWeight = parseInt(cs.fontWeight, 10) || (cs.fontWeight === 'bold' ? 700 : 400);
  const large = isLargeText(fontSizePx, fontWeight);
  const v = judgeContrast(contrastOf(fg, bg), large);
  return {
    selector: cssPath(el),
    html: el.outerHTML.slice(0, 200),
    text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
    foreground: hexOf(fg),
    background: hexOf(bg),
    ratio: v.ratio,
    large,
    fontSizePx,
    fontWeight,
    requiredAA: v.requiredAA,
    passAA: v.passAA,
    passAAA: v.passAAA,
    uncertain,
  };
}

/** The contrast of the element at `selector`, or of the focused element; null when there is none. */
export function contrastAt(selector?: string | null): ContrastReport | null {
  const active = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
  const el = selector ? locate(selector)?.el : active;
  return el ? measureContrast(el) : null;
}
