// DOM helpers for the Japanese checks. Run in the page (no Node APIs).
import { isTopPage } from '../text/home.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IFRAME', 'OBJECT', 'TEXTAREA', 'SELECT']);
export const BLOCK_TAGS = new Set(
  'P LI TD TH DD DT CAPTION FIGCAPTION LABEL LEGEND H1 H2 H3 H4 H5 H6 BLOCKQUOTE DIV SECTION ARTICLE MAIN ASIDE HEADER FOOTER NAV ADDRESS PRE BUTTON SUMMARY DETAILS FORM FIELDSET TABLE TR THEAD TBODY TFOOT UL OL DL BODY FIGURE HR'.split(' '),
);
/** Elements whose own text the text checks read (one finding per block, not per inline element). */
export const TEXT_BLOCK_SELECTOR =
  'p, li, td, th, dd, dt, caption, figcaption, label, legend, h1, h2, h3, h4, h5, h6, blockquote, div, section, article, main, aside, header, footer, nav, address, pre, button, summary, body';

function hiddenEl(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || SKIP.has(el.tagName);
}

export interface OwnTextOptions {
  /** Also leave out descendants that carry their own lang attribute (3.1.x). */
  skipLang?: boolean;
  /** Put "\n" for <br> (default true). */
  br?: boolean;
}

// Several rules read the same block's text in one audit: keep it for a moment (DOM changes between
// audits more than a second apart are seen).
const textMemo = new WeakMap<Element, { at: number; texts: Record<string, string> }>();

/** Text of `el` without the text of nested block elements (each block speaks for itself). */
export function ownText(el: Element, opts: OwnTextOptions = {}): string {
  const key = `${opts.skipLang ? 1 : 0}${opts.br === false ? 0 : 1}`;
  const now = Date.now();
  let hit = textMemo.get(el);
  if (!hit || now - hit.at >= 1000) textMemo.set(el, (hit = { at: now, texts: {} }));
  return (hit.texts[key] ??= computeOwnText(el, opts));
}

/**
 * What to do with an element while collecting text: `null` leaves it out, a string stands for it (its content is
 * not read), `undefined` reads its content.
 */
export type TextVisit = (el: Element) => string | null | undefined;

/**
 * The text of `root`'s subtree in document order, as `visit` decides per element. Iterative (an explicit stack),
 * so a page of thousands of unclosed, nested elements cannot overflow the call stack. `separator` is added before
 * the content of every element that is read.
 */
export function collectText(root: Node, visit: TextVisit, separator = ''): string {
  let out = '';
  const stack: Node[] = Array.from(root.childNodes).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      out += n.nodeValue ?? '';
      continue;
    }
    if (n.nodeType !== 1) continue;
    const r = visit(n as Element);
    if (r === null) continue;
    if (typeof r === 'string') {
      out += r;
      continue;
    }
    out += separator;
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
  return out;
}

function computeOwnText(el: Element, opts: OwnTextOptions): string {
  return collectText(el, (e) => {
    if (hiddenEl(e)) return null;
    if (e.tagName === 'BR') return opts.br === false ? ' ' : '\n';
    if (BLOCK_TAGS.has(e.tagName)) return null;
    if (opts.skipLang && e.hasAttribute('lang')) return null;
    if (e.tagName === 'IMG' || e.tagName === 'INPUT') return null;
    return undefined;
  });
}

/**
 * The direct text of `el` as lines (split at <br>); an inline child element becomes a separator "\u0001",
 * so letters from separate links (あ か さ … index) are never joined into one word.
 */
export function directLines(el: Element): string[] {
  let out = '';
  for (const c of Array.from(el.childNodes)) {
    if (c.nodeType === 3) out += c.nodeValue ?? '';
    else if (c.nodeType === 1) out += (c as Element).tagName === 'BR' ? '\n' : ' \u0001 ';
  }
  return out.split('\n');
}

export function hasDirectText(el: Element, re: RegExp = /\S/): boolean {
  for (const c of Array.from(el.childNodes)) if (c.nodeType === 3 && re.test(c.nodeValue ?? '')) return true;
  return false;
}

/** Text as a screen reader gets it from a subtree: text plus img alt, minus aria-hidden. */
export function readableText(el: Element): string {
  const text = collectText(el, (e) => {
    if (e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('hidden') || (SKIP.has(e.tagName) && e.tagName.toLowerCase() !== 'svg')) return null;
    if (e.tagName === 'IMG' || e.tagName === 'AREA' || (e.tagName === 'INPUT' && (e as HTMLInputElement).type === 'image')) return ' ' + (e.getAttribute('alt') ?? '') + ' ';
    if (e.tagName.toLowerCase() === 'svg') return ' ' + (e.getAttribute('aria-label') ?? e.querySelector('title')?.textContent ?? '') + ' ';
    return undefined;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** A link's accessible name, simplified: aria-labelledby, aria-label, content, title. */
export function linkName(a: Element): string {
  const ids = a.getAttribute('aria-labelledby');
  if (ids) {
    const t = ids
      .split(/\s+/)
      .map((id) => a.ownerDocument.getElementById(id))
      .filter((x): x is HTMLElement => !!x)
      .map((x) => readableText(x))
      .join(' ')
      .trim();
    if (t) return t;
  }
  const label = a.getAttribute('aria-label')?.trim();
  if (label) return label;
  const t = readableText(a);
  return t || (a.getAttribute('title') ?? '').trim();
}

/** The lang that applies to `el` (closest lang attribute). */
export function effectiveLang(el: Element): string {
  const l = el.closest('[lang]');
  return l?.getAttribute('lang') ?? '';
}

const HOME_NAME = /^(ホーム|トップ|トップページ|ホームページ|ホームへ|トップへ|トップページへ|トップページに戻る|サイトトップ|home|top|toppage)$/i;
const BREADCRUMB = 'nav[aria-label*="パンくず"], nav[aria-label*="breadcrumb" i], [class*="breadcrumb" i], [class*="pankuzu" i], [id*="breadcrumb" i], [id*="pankuzu" i]';

/** Same-origin path of a link, or null. */
function linkPath(a: Element, doc: Document): string | null {
  try {
    const u = new URL(a.getAttribute('href') ?? '', doc.baseURI);
    return u.origin === new URL(doc.baseURI).origin ? u.pathname : null;
  } catch {
    return null;
  }
}

/** The links that name the site's home: the banner's logo, 「ホーム」「トップページ」, the first breadcrumb, the site name. */
function isHomeLink(a: Element, title: string): boolean {
  const name = linkName(a).replace(/\s+/g, '');
  if (HOME_NAME.test(name) || (title && name === title)) return true;
  if (a.closest('header, [role=banner]') && a.querySelector('img, svg')) return true;
  const crumbs = a.closest(BREADCRUMB);
  return !!crumbs && crumbs.querySelector('a[href]') === a;
}

/** The site's top page, where a title with the site name alone is right (rules-jis/text/home.ts decides). */
export function isHomePage(doc: Document = document): boolean {
  const title = doc.title.replace(/\s+/g, '');
  const links: string[] = [];
  const homeLinks: string[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, 400)) {
    const p = linkPath(a, doc);
    if (p === null) continue;
    links.push(p);
    if (isHomeLink(a, title)) homeLinks.push(p);
  }
  return isTopPage({ pathname: doc.location?.pathname ?? location.pathname, homeLinks, links });
}

/** Memoise a per-document computation for the length of one audit (axe evaluates rules one by one). */
const memo = new WeakMap<Document, Map<string, { at: number; value: unknown }>>();
export function perDocument<T>(doc: Document, key: string, compute: () => T): T {
  let m = memo.get(doc);
  if (!m) memo.set(doc, (m = new Map()));
  const hit = m.get(key);
  const now = Date.now();
  if (hit && now - hit.at < 3000) return hit.value as T;
  const value = compute();
  m.set(key, { at: now, value });
  return value;
}
