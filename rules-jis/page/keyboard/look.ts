// How an element looks focused against unfocused, in computed styles (2.4.7 evidence, judged in
// crawler/page/interaction/checks/focus-visible.ts). A colour that moved too little to see is "faint";
// the contrast maths is axe's (rules-jis/page/axe-helpers.ts).
import { contrastOverWhite } from '../axe-helpers.js';

const STYLE_PROPS = [
  'outline-style', 'outline-width', 'outline-color', 'outline-offset',
  'box-shadow',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'background-color', 'background-image', 'color',
  'text-decoration-line', 'text-decoration-color', 'text-decoration-thickness', 'text-decoration-style',
  'opacity', 'transform', 'filter', 'font-weight', 'text-shadow',
];
const PSEUDO_PROPS = ['content', 'display', 'background-color', 'border-top-color', 'border-bottom-color',
  'border-top-width', 'border-bottom-width', 'box-shadow', 'outline-style', 'outline-width', 'opacity', 'transform', 'width', 'height'];
const COLOR_PROPS = new Set(['background-color', 'color', 'border-top-color', 'border-right-color', 'border-bottom-color',
  'border-left-color', 'outline-color', 'text-decoration-color']);
/** Below this contrast between the two colours a change is "faint" (WCAG's 3:1 is far above it). */
const FAINT_RATIO = 1.1;

/** The computed styles that can show focus, of the element and its ::before/::after. */
export interface Look {
  own: Record<string, string>;
  before: Record<string, string>;
  after: Record<string, string>;
}

function pick(cs: CSSStyleDeclaration, props: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const p of props) o[p] = cs.getPropertyValue(p);
  return o;
}

export function lookOf(el: Element): Look {
  return {
    own: pick(getComputedStyle(el), STYLE_PROPS),
    before: pick(getComputedStyle(el, '::before'), PSEUDO_PROPS),
    after: pick(getComputedStyle(el, '::after'), PSEUDO_PROPS),
  };
}

/** Ends running CSS transitions, so the focused look is the final one. */
export function finishTransitions(el: Element): void {
  try {
    for (const a of el.getAnimations({ subtree: true })) {
      if (typeof CSSTransition !== 'undefined' && a instanceof CSSTransition) a.finish();
    }
  } catch {
    /* older engines: nothing to finish */
  }
}

/** A colour change too small to see (also when a colour cannot be read and the strings differ: not faint). */
function faintColour(a: string, b: string): boolean {
  const ratio = contrastOverWhite(a, b);
  return (ratio ?? (a === b ? 1 : 21)) < FAINT_RATIO;
}

/** The kind of one own-style change: '' (does not show), 'faint' or 'diff'. */
function ownChange(p: string, x: string, y: string, focused: Record<string, string>): '' | 'faint' | 'diff' {
  if (x === y) return '';
  if (p.startsWith('outline') && focused['outline-style'] === 'none') return '';
  if (p.startsWith('border') && p.endsWith('width') && focused[p.replace('width', 'style')] === 'none') return '';
  if (p === 'outline-width' && parseFloat(y) < 1) return 'faint';
  if (COLOR_PROPS.has(p) && faintColour(x, y)) return 'faint';
  return 'diff';
}

/** Compares unfocused `a` with focused `b`: the visible differences and the faint ones (property names). */
export function diffLooks(a: Look, b: Look): { diff: string[]; faint: string[] } {
  const diff: string[] = [];
  const faint: string[] = [];
  for (const p of STYLE_PROPS) {
    const kind = ownChange(p, a.own[p], b.own[p], b.own);
    if (kind === 'faint') faint.push(p);
    else if (kind === 'diff') diff.push(p);
  }
  for (const part of ['before', 'after'] as const) {
    const p = PSEUDO_PROPS.find((q) => a[part][q] !== b[part][q] && !(q === 'content' && b[part].content === 'none'));
    if (p) diff.push(`::${part} ${p}`);
  }
  return { diff, faint };
}
