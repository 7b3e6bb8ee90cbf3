// A page may replace its document right after `load`: a `Refresh: 0` header, <meta http-equiv="refresh"
// content="0">, or location.replace() in an onload handler. A call into the bundle then meets either a destroyed
// context or a new document without the bundle. The user ends up on the new page, so that is the page to
// audit: wait until the new document has loaded, put the bundle in again and repeat the step. A page that
// keeps moving is a redirect loop, with its own clear error.
import type { Page } from 'puppeteer';
import type { Collected } from '../../rules-jis/page/collect.js';
import type { InPageOutput } from '../../rules-jis/types.js';
import { PageAuditError } from './page-error.js';

/** Documents one audit step may follow before the page counts as a redirect loop. */
export const MAX_DOCUMENT_MOVES = 3;

/** The message a bundle call throws in a document that lacks the bundle (callBundle). */
const NO_BUNDLE = 'jis-a11y: bundle missing in this document';

const MOVED = new RegExp(`Execution context was destroyed|Cannot find context with specified id|${NO_BUNDLE}`);

/** True when an evaluate failed because the document was replaced under it. */
function documentMoved(err: unknown): boolean {
  return MOVED.test(err instanceof Error ? err.message : String(err));
}

/** Waits (at most 10 s) until the page's current document has loaded; a further move is left to the next try. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000, polling: 50 }).catch(() => {});
}

export interface FinalDocumentRun<T> {
  value: T;
  /** The document was replaced after `load`: what was audited is not the HTML the first response served. */
  moved: boolean;
}

/** Runs `step` (which puts the bundle in and calls it) in the document the page ends on. */
export async function inFinalDocument<T>(page: Page, step: () => Promise<T>): Promise<FinalDocumentRun<T>> {
  for (let moves = 0; ; moves++) {
    try {
      return { value: await step(), moved: moves > 0 };
    } catch (err) {
      if (!documentMoved(err)) throw err;
      if (moves >= MAX_DOCUMENT_MOVES)
        throw new PageAuditError(
          'redirect-loop',
          `${page.url()} は読み込みの後も自動で別のページへ移動し続けるため、検査できませんでした（自動転送の繰り返し）。ページの自動転送（meta refresh、Refresh ヘッダー、スクリプト）を確かめるか、転送先の URL を検査してください。`,
        );
      await settle(page);
    }
  }
}

interface BundleCalls {
  run: InPageOutput;
  collect: Collected;
}

/**
 * Calls the bundle's `run` or `collect` in the page's current document; a document without the bundle (the page
 * moved after it was put in) throws the error inFinalDocument recognises, not "Cannot read properties of undefined".
 */
export function callBundle<K extends keyof BundleCalls>(page: Page, name: K): Promise<BundleCalls[K]> {
  return page.evaluate(
    (n, missing) => {
      const api = window.jisA11y;
      if (!api) throw new Error(missing);
      return n === 'run' ? api.run({}) : api.collect();
    },
    name,
    NO_BUNDLE,
  ) as Promise<BundleCalls[K]>;
}
