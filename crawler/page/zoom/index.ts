// The 200% pass for 1.4.4 (a heavy pass: in a crawl it runs with the keyboard phase, once per page make-up;
// in `check` on every page). Two zooms, each compared with the page as loaded:
//   page zoom  — the viewport halved (1280×900 → 640×450 CSS px), which is what the browser's 200% zoom does to
//                the layout: media queries, vw/vh and wrapping all follow (the ACT rule 59br37 model);
//   text zoom  — every font size doubled in place (rules-jis/page/zoom/scale.ts), the browser's text-only zoom.
// The page side notes how the text sits each time (rules-jis/page/zoom/); judge.ts decides. The viewport and every
// inline style are put back; the motion watch is told (watchNote) so that the relayout is not taken for motion.
import type { Page } from 'puppeteer';
import type { Budget } from '../interaction/budget.js';
import { call } from '../interaction/page-calls.js';
import type { CheckOutput } from '../interaction/finding.js';
import { judgeZoom } from './judge.js';

export { judgeZoom, zoomVerdict } from './judge.js';

/** Runs both zooms and judges them; the page is back at its own size and viewport afterwards. */
export async function zoomPass(page: Page, budget: Budget): Promise<CheckOutput> {
  const followed = await budget.run(call(page, 'zoomStart'));
  if (!followed) return judgeZoom([], 0);
  await budget.run(call(page, 'watchNote'));
  const vp = page.viewport();
  const [w, h] = vp ? [vp.width, vp.height] : await budget.run(call(page, 'viewport'));
  // through puppeteer's own session: an override from a second CDP session would, when that session detaches,
  // drop puppeteer's viewport too and leave the tab at its bare window size
  try {
    await budget.run(page.setViewport({ ...(vp ?? {}), width: Math.round(w / 2), height: Math.round(h / 2) }));
    await budget.run(call(page, 'settle'));
    await budget.run(call(page, 'zoomMeasure', 'page'));
  } finally {
    // back to the tab's own size whatever happened (puppeteer's viewport, or none)
    if (vp) await page.setViewport(vp).catch(() => {});
    else await page.setViewport(null).catch(() => {});
  }
  try {
    await budget.run(call(page, 'zoomTextOn', 2));
    await budget.run(call(page, 'settle'));
    await budget.run(call(page, 'zoomMeasure', 'text'));
  } finally {
    await page.evaluate(() => window.jisA11y?.keyboard?.zoomTextOff()).catch(() => {});
  }
  await budget.run(call(page, 'watchNote'));
  const r = await budget.run(call(page, 'zoomReport'));
  return judgeZoom(r.hits, r.followed);
}
