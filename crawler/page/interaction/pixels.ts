// 2.4.7 evidence where computed styles show no difference: screenshots of the element and its surroundings,
// focused and unfocused, and how many pixels changed on the element's box and around it (png.ts).
import type { Page } from 'puppeteer';
import type { Budget } from './budget.js';
import { call } from './page-calls.js';
import { decodePng, diffImages } from './png.js';
import type { Box, StopEvidence } from './types.js';

/** How far around the element a focus indicator is looked for (CSS px). */
const NEAR = 150;
/** The element's box is widened by this much (CSS px): an outline sits just outside it. */
const PAD = 8;

/** The viewport and where it is scrolled (CSS px). */
export interface View {
  sx: number;
  sy: number;
  w: number;
  h: number;
}

/** The region NEAR px around `r` within the viewport, or null when the element is not in the viewport. */
function regionAround(r: Box, v: View): { x0: number; y0: number; x1: number; y1: number } | null {
  const x0 = Math.max(0, Math.floor(r.x - NEAR));
  const y0 = Math.max(0, Math.floor(r.y - NEAR));
  const x1 = Math.min(v.w, Math.ceil(r.x + r.width + NEAR));
  const y1 = Math.min(v.h, Math.ceil(r.y + r.height + NEAR));
  return x1 - x0 < 2 || y1 - y0 < 2 ? null : { x0, y0, x1, y1 };
}

/**
 * Screenshot the element and its surroundings (NEAR px, within the viewport) focused and unfocused;
 * count changed pixels on the element's box (+PAD px) and in the rest of the region.
 */
export async function pixelCompare(page: Page, budget: Budget, id: number, r: Box, v: View, textEntry: boolean): Promise<StopEvidence['pixels']> {
  const g = regionAround(r, v);
  if (!g) return undefined;
  // puppeteer's clip is in document coordinates
  const clip = { x: g.x0 + v.sx, y: g.y0 + v.sy, width: g.x1 - g.x0, height: g.y1 - g.y0 };
  const shot = () => budget.run(page.screenshot({ type: 'png', clip, captureBeyondViewport: false, optimizeForSpeed: true }));
  const focused = await shot();
  await budget.run(call(page, 'unfocus', id));
  const blurred = await shot();
  await budget.run(call(page, 'refocus', id));
  const a = decodePng(focused);
  const b = decodePng(blurred);
  const s = a.width / clip.width;
  const box = { x: (r.x - PAD - g.x0) * s, y: (r.y - PAD - g.y0) * s, width: (r.width + 2 * PAD) * s, height: (r.height + 2 * PAD) * s };
  const d = diffImages(a, b, box);
  return { inBox: Math.round(d.inBox / (s * s)), boxArea: Math.round(d.boxArea / (s * s)), elsewhere: Math.round(d.elsewhere / (s * s)), textEntry };
}
