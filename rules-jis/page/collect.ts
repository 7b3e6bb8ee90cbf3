// What the crawl takes from an audited page besides findings (crawler/page/gather-page.ts): every link with
// its name and whether it sits in a navigation area (discovery, site-level link checks), the top-level
// navigation blocks (consistent navigation, 3.2.3), and the stylesheets, scripts and frames the page uses
// (incremental audits). `window.jisA11y.collect()` (rules-jis/runner/entry.ts).
import { hrefOf } from './dom/href.js';
import { nameOf } from './dom/name.js';
import { dropTree } from './axe-helpers.js';

export interface RawLink {
  href: string;
  text: string;
  area: 'nav' | 'main';
}

export interface RawNavBlock {
  /** tag, #id, [label] and :n for repeats: the same block on two pages has the same key. */
  key: string;
  hrefs: string[];
}

export interface Collected {
  links: RawLink[];
  nav: RawNavBlock[];
  assets: string[];
}

const NAV_AREA = 'nav, [role="navigation"], header, footer, [role="banner"], [role="contentinfo"]';
const NAV = 'nav, [role="navigation"]';
const MAX_TEXT = 300;

function links(doc: Document): RawLink[] {
  const out: RawLink[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href], area[href]'))) {
    const href = hrefOf(a, doc); // SVG links too: they lead to pages as much as HTML ones
    if (!href) continue;
    out.push({ href, text: nameOf(a).slice(0, MAX_TEXT), area: a.closest(NAV_AREA) ? 'nav' : 'main' });
  }
  return out;
}

function navKey(doc: Document, n: Element): string {
  let key = n.tagName.toLowerCase();
  if (n.id) key += '#' + n.id;
  const lb = n.getAttribute('aria-labelledby');
  const label = n.getAttribute('aria-label') ?? (lb ? (doc.getElementById(lb)?.textContent ?? '') : '');
  if (label.trim()) key += '[' + label.trim() + ']';
  return key;
}

function navBlocks(doc: Document): RawNavBlock[] {
  const out: RawNavBlock[] = [];
  const counts = new Map<string, number>();
  for (const n of Array.from(doc.querySelectorAll(NAV))) {
    if (n.parentElement && n.parentElement.closest(NAV)) continue; // nested: part of the outer block
    let key = navKey(doc, n);
    const i = (counts.get(key) ?? 0) + 1;
    counts.set(key, i);
    if (i > 1) key += ':' + i;
    const hrefs = Array.from(n.querySelectorAll('a[href]')).map((a) => hrefOf(a, doc)).filter(Boolean);
    out.push({ key, hrefs });
  }
  return out;
}

function assets(doc: Document): string[] {
  const out: string[] = [];
  for (const e of Array.from(doc.querySelectorAll('link[rel~="stylesheet"][href], script[src], iframe[src], frame[src]'))) {
    const u = (e as HTMLLinkElement).href || (e as HTMLScriptElement).src;
    if (typeof u === 'string' && u) out.push(u);
  }
  return out;
}

/** Links, navigation blocks and assets of the document. */
export function collect(doc: Document = document): Collected {
  try {
    return { links: links(doc), nav: navBlocks(doc), assets: assets(doc) };
  } finally {
    dropTree(); // the names needed axe's tree; the page keeps nothing of ours
  }
}
