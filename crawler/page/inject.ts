// Puts the one bundle (dist/jis-a11y.bundle.js: axe, our rules and the page scripts of rules-jis/page/) into
// a frame that does not have it yet. A tab prepared by tab-setup.ts has it from document start; a page
// opened otherwise (tests, a document the keyboard phase had to restore) gets it here.
// A child frame that cannot hold it is skipped rather than waited for: a frame whose address is not a web
// page (file:, chrome:, …: the browser never gives it a document, and puppeteer would wait 30 s for one;
// the jis-frame-unchecked rule reports it for a person to check), and any frame that does not answer within
// FRAME_TIMEOUT_MS (axe then counts it as not reached and does not wait for it either).
import type { Frame, Page } from 'puppeteer';
import { bundleSource } from './bundle-source.js';
import { withDeadline } from './deadline.js';
import { uncheckableScheme } from '../../rules-jis/rules/jis-frame-unchecked.js';
import { TOOL_VERSION } from '../../rules-jis/version.js';

/** How long one child frame may take to receive the bundle. */
export const FRAME_TIMEOUT_MS = 3_000;

/** The frame has this version's bundle (an older one left by another tool version is replaced). */
function hasBundle(frame: Frame): Promise<boolean> {
  return frame.evaluate((v) => window.jisA11y?.version === v && typeof window.jisA11y.run === 'function', TOOL_VERSION);
}

/** Injects the bundle into the frame where missing; false when the frame cannot be reached. */
export async function ensureBundle(frame: Frame): Promise<boolean> {
  try {
    if (await hasBundle(frame)) return true;
    await frame.evaluate(await bundleSource());
    return true;
  } catch {
    // A detached or cross-process frame that cannot be injected is audited as "not reached" by axe.
    return false;
  }
}

/** The address a child frame was given: its URL, or (a navigation the browser refused leaves none) its element's src. */
async function frameAddress(frame: Frame): Promise<string> {
  if (frame.url()) return frame.url();
  const el = await frame.frameElement().catch(() => null);
  if (!el) return '';
  try {
    return (await el.evaluate((e) => e.getAttribute('src') ?? '')) || '';
  } finally {
    void el.dispose().catch(() => {});
  }
}

/** A child frame gets the bundle unless its address cannot hold a web page; never longer than FRAME_TIMEOUT_MS. */
async function ensureChildBundle(frame: Frame): Promise<boolean> {
  const work = (async () => (uncheckableScheme(await frameAddress(frame)) ? false : ensureBundle(frame)))();
  return withDeadline(work, FRAME_TIMEOUT_MS, () => new Error('frame timeout')).catch(() => false);
}

/** The bundle in the main frame and every child frame that can hold it. */
export async function ensureBundleEverywhere(page: Page): Promise<void> {
  await ensureBundle(page.mainFrame());
  await Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map(ensureChildBundle));
}
