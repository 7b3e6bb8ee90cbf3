// Puts the one bundle (dist/jis-a11y.bundle.js: axe, our rules and the page scripts of rules-jis/page/) into
// a frame that does not have it yet. A tab prepared by tab-setup.ts has it from document start; a page
// opened otherwise (tests, a document the keyboard phase had to restore) gets it here.
import type { Frame, Page } from 'puppeteer';
import { bundleSource } from './bundle-source.js';
import { TOOL_VERSION } from '../../rules-jis/version.js';

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

/** The bundle in the main frame and every child frame. */
export async function ensureBundleEverywhere(page: Page): Promise<void> {
  await ensureBundle(page.mainFrame());
  await Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map(ensureBundle));
}
