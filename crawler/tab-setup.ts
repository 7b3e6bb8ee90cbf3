// Work done once per tab instead of once per page (issue 8, measured in bench/variants.ts):
// - the 1 MB in-page bundle is registered for every new document of the tab, so it is not sent over the
//   DevTools connection again for each page (sending it cost ~65 ms a page, more than compiling it);
// - fonts and media are left unloaded: no check needs their bytes, and Japanese web fonts are megabytes to
//   fetch and decode. Text then renders in a system font, which changes no colour, name or structure.
import type { CDPSession, Page } from 'puppeteer';
import { bundleSource } from './bundle-source.js';

export type SkippedResource = 'Font' | 'Media';

export interface TabSetupOptions {
  /** Resource types not loaded (default: fonts and media). Empty: load everything. */
  skip?: SkippedResource[];
}

export const DEFAULT_SKIPPED_RESOURCES: SkippedResource[] = ['Font', 'Media'];

const prepared = new WeakMap<Page, CDPSession | null>();

/** Registers the bundle and the resource filter on a tab. Idempotent; never throws (the audit falls back). */
export async function prepareTab(page: Page, opts: TabSetupOptions = {}): Promise<void> {
  if (prepared.has(page)) return;
  prepared.set(page, null);
  try {
    await page.evaluateOnNewDocument(await bundleSource());
  } catch {
    // runBundle injects per page where the bundle is missing
  }
  const skip = opts.skip ?? DEFAULT_SKIPPED_RESOURCES;
  if (!skip.length) return;
  try {
    // only the skipped types are paused (and failed at once); every other request goes straight through
    const cdp = await page.createCDPSession();
    cdp.on('Fetch.requestPaused', (e: { requestId: string }) => {
      void cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' }).catch(() => {});
    });
    await cdp.send('Fetch.enable', { patterns: skip.map((resourceType) => ({ resourceType, requestStage: 'Request' as const })) });
    prepared.set(page, cdp);
  } catch {
    // a tab that cannot filter simply loads everything
  }
}
