// Injected on demand (scripting.executeScript, isolated world) into the audited tab: puts the aids API
// (extension/lib/page-aids.ts) on the isolated world's global, where later executeScript calls from the
// panel find it. An element picked for the contrast aid is sent to the panel, which measures it with the
// bundle in the page's main world (extension/lib/tab-client.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { createAids, type AidsApi } from '../lib/page-aids.js';

declare global {
  // eslint-disable-next-line no-var
  var __jisA11yAids: AidsApi | undefined;
}

export default defineUnlistedScript(() => {
  if (globalThis.__jisA11yAids) return;
  globalThis.__jisA11yAids = createAids(document, (selector) => {
    void browser.runtime.sendMessage({ type: 'jis-a11y:picked', selector }).catch(() => undefined);
  });
});
