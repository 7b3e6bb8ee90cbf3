// Page facts read from the live DOM: which criteria have nothing on the page to apply to.
import applicability from '../data/applicability.json';
import type { PageFacts } from '../types.js';

const table = (applicability as { criteria: Record<string, { selector: string }> }).criteria;

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

export function readFacts(doc: Document = document): PageFacts {
  const inapplicable: Record<string, boolean> = {};
  for (const [id, { selector }] of Object.entries(table)) inapplicable[id] = !anyMatch(doc, selector);
  return { inapplicable };
}
