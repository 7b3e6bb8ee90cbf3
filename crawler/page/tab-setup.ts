// Work done once per tab instead of once per page (measured in bench/variants.ts, figures in bench/README.md):
// - the 1 MB in-page bundle is registered for every new document of the tab, so it is not sent over the
//   DevTools connection again for each page (sending it cost ~65 ms a page, more than compiling it);
// - fonts and media are left unloaded: no check needs their bytes, and Japanese web fonts are megabytes to
//   fetch and decode. Text then renders in a system font, which changes no colour, name or structure;
// - one DevTools session per tab (Network events for the byte count of a page, Fetch for the filter).
import type { CDPSession, Page } from 'puppeteer';
import { bundleSource } from './bundle-source.js';

export type SkippedResource = 'Font' | 'Media';

export interface TabSetupOptions {
  /** Resource types not loaded (default: fonts and media). Empty: load everything. */
  skip?: SkippedResource[];
}

export const DEFAULT_SKIPPED_RESOURCES: SkippedResource[] = ['Font', 'Media'];

const sessions = new WeakMap<Page, Promise<CDPSession | null>>();
const prepared = new WeakSet<Page>();

/** The tab's own DevTools session with Network events on (null when the tab cannot give one). */
export function tabSession(page: Page): Promise<CDPSession | null> {
  let s = sessions.get(page);
  if (!s) {
    s = page
      .createCDPSession()
      .then(async (cdp) => {
        // only the events are needed: keep no response bodies (the tab lives for hundreds of pages)
        await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
        return cdp;
      })
      .catch(() => null);
    sessions.set(page, s);
  }
  return s;
}

/** Registers the bundle and the resource filter on a tab. Idempotent; never throws (the audit falls back). */
export async function prepareTab(page: Page, opts: TabSetupOptions = {}): Promise<void> {
  if (prepared.has(page)) return;
  prepared.add(page);
  try {
    await page.evaluateOnNewDocument(await bundleSource());
  } catch {
    // runBundle injects per page where the bundle is missing
  }
  const skip = opts.skip ?? DEFAULT_SKIPPED_RESOURCES;
  const cdp = skip.length ? await tabSession(page) : null;
  if (!cdp) return; // a tab that cannot filter simply loads everything
  // only the skipped types are paused (and failed at once); every other request goes straight through
  cdp.on('Fetch.requestPaused', (e: { requestId: string }) => {
    void cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' }).catch(() => {});
  });
  await cdp.send('Fetch.enable', { patterns: skip.map((resourceType) => ({ resourceType, requestStage: 'Request' as const })) }).catch(() => {});
}
