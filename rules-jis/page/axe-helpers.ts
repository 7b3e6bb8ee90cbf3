// The axe-core helpers that page code borrows instead of keeping its own copies: accessible name
// (axe.commons.text), colour maths (axe.commons.color) and the flattened tree they need (axe.setup).
// axe's own typings (node_modules/axe-core/axe.d.ts) leave most of commons/utils out, so the parts used
// here are typed once, in this file. Runs in the page, inside the one bundle (rules-jis/bundle/build.ts).
import axe from 'axe-core';

/** An axe colour (axe.commons.color.Color): channels 0–255, alpha 0–1. */
export interface AxeColor {
  red: number;
  green: number;
  blue: number;
  alpha: number;
  parseString(css: string): AxeColor;
  getRelativeLuminance(): number;
}

interface AxeInternals {
  _tree?: unknown;
  setup(node?: Element | Document): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: {
    text: { accessibleText(el: Element, context?: object): string };
    color: {
      Color: new (red?: number, green?: number, blue?: number, alpha?: number) => AxeColor;
      flattenColors(fg: AxeColor, bg: AxeColor): AxeColor;
      getContrast(bg: AxeColor, fg: AxeColor): number | null;
      getBackgroundColor(el: Element, bgElms?: Element[]): AxeColor | null;
      getForegroundColor(el: Element, noScroll?: boolean, bg?: AxeColor): AxeColor | null;
      getOwnBackgroundColor(style: CSSStyleDeclaration): AxeColor;
    };
  };
}

const ax = axe as unknown as AxeInternals;

// ---- the flattened tree --------------------------------------------------------------------------------
// axe's helpers read its virtual tree. An audit builds and drops it inside axe.run; page code outside a run
// (keyboard phase, collector, contrast) builds it here, and drops it when done. The keyboard phase keeps it
// for the whole phase and has it rebuilt only after the document changed (markTreeStale).

let ours = false;
let stale = false;

/** The DOM changed: the next helper call rebuilds axe's tree first. */
export function markTreeStale(): void {
  stale = true;
}

/** Makes sure axe's tree holds `el` (building or rebuilding it); false when it cannot. */
function treeHolds(el: Element): boolean {
  try {
    if (ours && (stale || !ax.utils.getNodeFromTree(el))) dropTree();
    if (!ax._tree) {
      ax.setup(el.ownerDocument);
      ours = true;
      stale = false;
    }
    return !!ax.utils.getNodeFromTree(el);
  } catch {
    return false;
  }
}

/** Runs `fn` on a tree built for it now (fresh caches), dropped afterwards; `fn` gets false when axe has none. */
export function withFreshTree<T>(el: Element, fn: (ready: boolean) => T): T {
  dropTree();
  try {
    return fn(treeHolds(el));
  } finally {
    dropTree();
  }
}

/** Drops the tree this file built (axe.teardown); a tree of a running audit is left alone. */
export function dropTree(): void {
  if (!ours) return;
  ours = false;
  stale = false;
  try {
    ax.teardown();
  } catch {
    /* nothing was set up */
  }
}

// ---- accessible name ------------------------------------------------------------------------------------

/** The accessible name axe computes (accname 1.1), '' when axe cannot compute it for this element. */
export function accessibleName(el: Element): string {
  if (!treeHolds(el)) return '';
  try {
    return ax.commons.text.accessibleText(el).replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
}

// ---- colour ----------------------------------------------------------------------------------------------

/** An axe colour from channels. */
export const rgba = (red: number, green: number, blue: number, alpha = 1): AxeColor => new ax.commons.color.Color(red, green, blue, alpha);
/** White, the canvas when nothing paints a background. */
export const white = (): AxeColor => rgba(255, 255, 255);

/** A computed CSS colour as an axe colour, or null when axe cannot read it. */
export function parseCssColor(css: string): AxeColor | null {
  try {
    return new ax.commons.color.Color().parseString(css);
  } catch {
    return null;
  }
}

/** Contrast ratio of two computed colours, each painted over white first (null when either is unreadable). */
export function contrastOverWhite(a: string, b: string): number | null {
  const ca = parseCssColor(a);
  const cb = parseCssColor(b);
  if (!ca || !cb) return null;
  const { flattenColors, getContrast } = ax.commons.color;
  return getContrast(flattenColors(ca, white()), flattenColors(cb, white()));
}

/** The colour behind the element's text as axe's color-contrast rule sees it; null when axe cannot tell (image, gradient, overlap). */
export function backgroundOf(el: Element): AxeColor | null {
  try {
    return ax.commons.color.getBackgroundColor(el, []);
  } catch {
    return null;
  }
}

/** The element's text colour over `bg` (axe: opacity, text stroke and shadows included), null when unreadable. */
export function foregroundOf(el: Element, bg: AxeColor): AxeColor | null {
  try {
    return ax.commons.color.getForegroundColor(el, false, bg);
  } catch {
    return null;
  }
}

/** The element's own background colour (opacity applied), as axe reads it. */
export const ownBackground = (style: CSSStyleDeclaration): AxeColor => ax.commons.color.getOwnBackgroundColor(style);

/** `top` painted over `bottom`. */
export const paintOver = (top: AxeColor, bottom: AxeColor): AxeColor => ax.commons.color.flattenColors(top, bottom);

/** Contrast ratio of two colours (a translucent `fg` painted over `bg` first). */
export const contrastOf = (fg: AxeColor, bg: AxeColor): number => ax.commons.color.getContrast(bg, fg) ?? 1;

/** #rrggbb of an axe colour. */
export const hexOf = (c: AxeColor): string => '#' + [c.red, c.green, c.blue].map((n) => Math.round(n).toString(16).padStart(2, '0')).join('');
