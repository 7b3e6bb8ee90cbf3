// Node's side of the keyboard phase's helpers in the page (`window.jisA11y.keyboard`, written in
// rules-jis/page/keyboard/ and built into the one bundle). Calls are typed by the page code's own signatures;
// arguments and results go through JSON.
import type { Page } from 'puppeteer';
import type { KeyboardApi } from '../../../rules-jis/page/keyboard/index.js';
import { ensureBundle } from '../inject.js';

type Fn = keyof KeyboardApi;
type Args<K extends Fn> = Parameters<KeyboardApi[K]>;
type Result<K extends Fn> = Awaited<ReturnType<KeyboardApi[K]>>;

/** Calls `window.jisA11y.keyboard[name](...args)` in the page. */
export async function call<K extends Fn>(page: Page, name: K, ...args: Args<K>): Promise<Result<K>> {
  return (await page.evaluate(
    (n, a) => (window.jisA11y!.keyboard[n] as (...x: unknown[]) => unknown)(...a),
    name,
    args as unknown[],
  )) as Result<K>;
}

/** Makes sure the page has the bundle (and so the keyboard helpers); false when it cannot. */
export async function keyboardReady(page: Page): Promise<boolean> {
  return (await ensureBundle(page.mainFrame())) && (await page.evaluate(() => typeof window.jisA11y?.keyboard?.init === 'function'));
}
