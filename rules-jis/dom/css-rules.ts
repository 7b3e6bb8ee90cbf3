// The style rules a page's readable stylesheets apply (same-origin sheets and <style> blocks, media queries that
// match now), read once per audit. The presentation checks (CSS-generated text, visual reordering) start from the
// few rules that can matter instead of asking every element for its computed style. Cross-origin sheets cannot be
// read (cssRules throws): what they do is not seen, so these checks can only miss, never invent. Runs in the page.
import { perDocument } from './text.js';

export interface StyleRuleInfo {
  selector: string;
  style: CSSStyleDeclaration;
}

const MAX_RULES = 20000;

type AnyRule = CSSRule & { selectorText?: string; style?: CSSStyleDeclaration; media?: MediaList; cssRules?: CSSRuleList };

function collect(rules: CSSRuleList, view: Window, out: StyleRuleInfo[]): void {
  for (const r of Array.from(rules) as AnyRule[]) {
    if (out.length >= MAX_RULES) return;
    // duck-typed: a frame's rules are instances of its own window's classes
    if (typeof r.selectorText === 'string' && r.style) out.push({ selector: r.selectorText, style: r.style });
    else if (r.media && r.cssRules) {
      if (!r.media.mediaText || view.matchMedia(r.media.mediaText).matches) collect(r.cssRules, view, out);
    } else if (r.cssRules && !('findRule' in r)) collect(r.cssRules, view, out); // @supports, @layer, @container (not @keyframes)
  }
}

/** Every style rule of the document's readable sheets, in order. */
export function styleRules(doc: Document): StyleRuleInfo[] {
  return perDocument(doc, 'style-rules', () => {
    const view = doc.defaultView ?? window;
    const out: StyleRuleInfo[] = [];
    for (const sheet of Array.from(doc.styleSheets)) {
      if (sheet.disabled || (sheet.media.mediaText && !view.matchMedia(sheet.media.mediaText).matches)) continue;
      let rules: CSSRuleList | null = null;
      try {
        rules = sheet.cssRules;
      } catch {
        rules = null; // cross-origin
      }
      if (rules) collect(rules, view, out);
    }
    return out;
  });
}

/** Elements a selector matches (at most `max`), or none when the selector does not parse. */
export function matching(doc: Document, selector: string, max = 50): Element[] {
  try {
    return Array.from(doc.querySelectorAll(selector)).slice(0, max);
  } catch {
    return [];
  }
}
