// The whole API the one bundle puts on `window.jisA11y` (rules-jis/runner/entry.ts): the audit (`run`,
// the contract's InPageApi in rules-jis/types.ts) and the page scripts of this folder. Node code calls it
// through page.evaluate with typed arrow functions, the extension through scripting.executeScript.
import type { InPageApi } from '../types.js';
import type { Collected } from './collect.js';
import type { TemplateIdentity } from './template-identity.js';
import type { ContrastReport } from './contrast.js';
import type { KeyboardApi } from './keyboard/index.js';

export interface PageApi extends InPageApi {
  /** Links, navigation blocks and assets of the document (rules-jis/page/collect.ts). */
  collect(): Collected;
  /** The template the page was built from and the widgets of its content, as JSON (rules-jis/page/template-identity.ts). */
  templateIdentity(): TemplateIdentity;
  /** The contrast of the element at `selector` (or the focused one), for the extension's aid (rules-jis/page/contrast.ts). */
  contrast(selector?: string | null): ContrastReport | null;
  /** The keyboard phase's helpers (rules-jis/page/keyboard/index.ts); inert until keyboard.init(). */
  keyboard: KeyboardApi;
}

declare global {
  interface Window {
    jisA11y?: PageApi;
  }
}
