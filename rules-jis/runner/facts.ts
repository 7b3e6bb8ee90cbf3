// Page facts read from the live DOM: which criteria have nothing on the page to apply to, and the elements a person
// judges one by one for the criteria of data/decision-items.json (rules-jis/decision-items.ts).
import applicability from '../data/applicability.json';
import { itemsByCriterion } from '../decision-items.js';
import { decisionItems } from '../page/decision-items.js';
import { isStillPage } from '../page/still-page.js';
import type { PageFacts } from '../types.js';

const table = (applicability as { criteria: Record<string, { selector: string }> }).criteria;
const still = (applicability as unknown as { static: { criteria: Record<string, { noForm?: boolean }> } }).static.criteria;

/** Same-origin frames are searched too; a cross-origin frame makes nothing certain. */
function anyMatch(doc: Document, selector: string): boolean {
  if (doc.querySelector(selector)) return true;
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (!inner) return true; // unknown content: assume it may apply
    if (anyMatch(inner, selector)) return true;
  }
  return false;
}

export async function readFacts(doc: Document = document): Promise<PageFacts> {
  const inapplicable: Record<string, boolean> = {};
  for (const [id, { selector }] of Object.entries(table)) inapplicable[id] = !anyMatch(doc, selector);
  const { items, complete, cssImageUrls } = decisionItems(doc);
  // nothing can move, flash or time out (a page with frames is never still: rules-jis/page/still-page.ts)
  const isStill = complete && (await isStillPage(doc, cssImageUrls));
  for (const [id, { noForm }] of Object.entries(still)) inapplicable[id] = isStill && (!noForm || inapplicable['3.3.2'] === true);
  // the lists read the top document only: a page with frames or past the element limit may hold more
  return { inapplicable, items: itemsByCriterion(items), itemsComplete: complete && !doc.querySelector('iframe, frame, object[type^="text/html"]') };
}
