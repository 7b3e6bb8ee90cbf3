// The keyboard phase once per interactive make-up, not once per page (bench/interaction-cost.ts: the phase costs several
// seconds a page, 15–30 ms per Tab stop). Two pages of a CMS template with the same stylesheets, the same
// scripts and the same kinds of focusable and clickable elements behave the same under the keyboard: the
// phase runs on the first page of each make-up, and the others keep the static audit's verdicts for those
// criteria (review, never pass). JIS X 8341-3 testing samples pages the same way (JB.1.2).
// What counts as the make-up is page code: rules-jis/page/makeup.ts.
import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer';
import { ensureBundle } from '../inject.js';

/** Hash of the page's interactive make-up (rules-jis/page/makeup.ts, run in the page by the bundle). */
export async function interactiveMakeup(page: Page): Promise<string> {
  if (!(await ensureBundle(page.mainFrame()))) throw new Error('the page cannot run the bundle');
  const json = await page.evaluate(() => window.jisA11y!.makeup());
  return createHash('sha256').update(json).digest('hex');
}

export type InteractionScope = 'per-makeup' | 'every-page';

/** Which make-ups this run has already driven with the keyboard, and on which page. */
export class InteractionSampler {
  private seen = new Map<string, string>();
  skipped = 0;

  /** Claims a make-up for `url`: null when the phase should run, else the page that already covers it. */
  claim(makeup: string, url: string): string | null {
    const first = this.seen.get(makeup);
    if (first !== undefined) {
      this.skipped++;
      return first;
    }
    this.seen.set(makeup, url);
    return null;
  }

  /** The page's claim is given up (the phase did not get to run), so the next page of that make-up runs it. */
  release(makeup: string, url: string): void {
    if (this.seen.get(makeup) === url) this.seen.delete(makeup);
  }

  /** Make-ups driven so far (one page each). */
  get makeups(): number {
    return this.seen.size;
  }
}
