// The focus-order overlay: numbered tab stops drawn on the page (rules-jis/page/keyboard/overlay.ts), one
// full-page PNG, overlay removed.
import type { Page } from 'puppeteer';
import type { Budget } from './budget.js';
import { call } from './page-calls.js';
import type { FocusStop } from './types.js';

/** Tall pages are cut here (CSS px) to keep the image and the time bounded. */
const MAX_HEIGHT = 8000;

export async function focusOverlay(page: Page, budget: Budget, stops: FocusStop[]): Promise<Buffer> {
  const size = await budget.run(
    call(page, 'drawOverlay', stops.map((s) => ({ index: s.index, rect: s.rect, visible: s.visible }))),
  );
  try {
    const shot = await budget.run(
      page.screenshot({
        type: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, width: size.width, height: Math.min(size.height, MAX_HEIGHT) },
        optimizeForSpeed: true,
      }),
    );
    return Buffer.from(shot);
  } finally {
    await budget.run(call(page, 'removeOverlay')).catch(() => {});
  }
}
