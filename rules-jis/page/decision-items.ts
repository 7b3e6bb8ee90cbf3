// The decision items of a page (判断の対象, rules-jis/data/decision-items.json): for the criteria a person judges
// element by element (1.1.1 the alternatives of images, 1.4.5 images of text, 2.4.4 link purpose, 2.4.6 headings and
// labels), every element the criterion is about, each with a key that is the same wherever the same element recurs
// (an image's src and alternative, a link's text and target, a heading's level and text) and its region (the
// template's parts outside the main content, or the page's content). The person judges each key once for the site
// (rules-jis/decision-items.ts); a changed alt or link text is a new key and is asked again. Runs in the page.
import { hrefOf } from './dom/href.js';
import { nameOf } from './dom/name.js';
import { dropTree } from './axe-helpers.js';
import { mainOf } from './template-identity.js';
import type { DecisionItem, DecisionItemKind } from '../types.js';

const IMAGE = 'img, input[type="image"], area, svg, [role="img"], object, embed, canvas';
const LINK = 'a[href], area[href], [role="link"]';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const LABELLED = 'input:not([type="hidden"]):not([type="image"]):not([type="submit"]):not([type="reset"]):not([type="button"]), select, textarea';
/** Private Use Area characters: icon fonts draw pictures with them. */
const PUA = /[\uE000-\uF8FF]/;
const MAX_LABEL = 50;
const MAX_ITEMS = 2000;
const MAX_ELEMENTS = 20000;

const cut = (s: string, n = MAX_LABEL) => (s.length > n ? s.slice(0, n) + '…' : s);

/**
 * The stored key: a 64-bit hash (cyrb53, two 32-bit halves) of the element's identity, in hex. The items are stored
 * with every page's criteria, so a mega menu's 200 links must not cost 200 URLs a page; a collision among a site's
 * elements is far less likely than a person misreading one.
 */
function hashKey(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** A URL for the label: without the page's own origin (the tester knows the site). */
const shortUrl = (u: string) => cut(typeof location !== 'undefined' && u.startsWith(location.origin + '/') ? u.slice(location.origin.length) : u, 60);

/** Is the element hidden from everyone (then it is no one's content)? */
function hidden(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"]') && !(el as HTMLElement).offsetParent) return true;
  const st = getComputedStyle(el);
  return st.display === 'none' || st.visibility === 'hidden';
}

function imageSrc(el: Element): string {
  const h = el as HTMLImageElement & HTMLObjectElement & HTMLEmbedElement & HTMLAreaElement;
  if (el.localName === 'img' || el.localName === 'input') return h.currentSrc || h.src || '';
  if (el.localName === 'object') return h.data || '';
  if (el.localName === 'embed') return h.src || '';
  if (el.localName === 'area') return (el.closest('map')?.getAttribute('name') ?? '') + '#' + (h.coords || '') + (h.href || '');
  if (el.localName === 'svg') return 'svg:' + cut(clean(el.innerHTML), 400);
  return el.localName;
}

/** The URLs of CSS images on the element and its ::before / ::after (background, list and border images, content). */
function cssImages(el: Element): { urls: string[]; icon: string } {
  const urls: string[] = [];
  let icon = '';
  for (const pseudo of [null, '::before', '::after']) {
    const st = getComputedStyle(el, pseudo);
    if (pseudo && (st.content === 'none' || st.content === 'normal')) continue;
    for (const m of `${st.backgroundImage} ${st.listStyleImage} ${st.borderImageSource} ${pseudo ? st.content : ''}`.matchAll(/url\(["']?([^"')]+)["']?\)/g)) urls.push(m[1]!);
    if (pseudo && PUA.test(st.content)) icon += st.content;
  }
  return { urls, icon };
}

function regionOf(el: Element, main: Element | null): DecisionItem['region'] {
  return main ? (main.contains(el) ? 'content' : 'template') : undefined;
}

type Add = (kind: DecisionItemKind, key: string, label: string, el: Element) => void;

function images(doc: Document, add: Add): void {
  for (const el of Array.from(doc.querySelectorAll(IMAGE))) {
    if (el.closest('svg') !== el && el.closest('svg')) continue; // parts of an svg are the svg
    const name = clean(nameOf(el));
    add('image', `${el.localName}|${imageSrc(el)}|${name}`, `${el.localName}「${cut(name) || '（代替テキストなし）'}」 ${shortUrl(imageSrc(el))}`, el);
  }
}

function cssPictures(doc: Document, add: Add, cssUrls: string[]): void {
  const all = [doc.documentElement, ...(doc.body ? [doc.body, ...Array.from(doc.body.getElementsByTagName('*'))] : [])];
  if (all.length > MAX_ELEMENTS) add('background', 'limit', '', doc.body!); // past the limit: the list is not complete
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i]!;
    const { urls, icon } = cssImages(el);
    if (!urls.length && !icon) continue;
    cssUrls.push(...urls);
    // named only when it has a picture: a name from content walks the subtree (quadratic on deep nesting)
    const name = cut(clean(nameOf(el)));
    for (const u of urls) add('background', `css|${u}|${name}`, `CSS の画像 ${shortUrl(u)}（${el.localName}「${name}」）`, el);
    if (icon) add('icon', `icon|${icon}|${name}`, `アイコンフォント（${el.localName}「${name}」）`, el);
  }
}

function links(doc: Document, add: Add): void {
  for (const el of Array.from(doc.querySelectorAll(LINK))) {
    const abs = hrefOf(el, doc);
    // a link within the page (「本文へスキップ」) is the same element on every page: its key is the fragment
    const here = doc.location ? doc.location.href.split('#')[0] : '';
    const href = here && abs.startsWith(here + '#') ? abs.slice(here.length) : abs;
    const name = clean(nameOf(el));
    add('link', `link|${name}|${href}`, `リンク「${cut(name) || '（名前なし）'}」→ ${shortUrl(href)}`, el);
  }
}

function headingsAndLabels(doc: Document, add: Add): void {
  for (const el of Array.from(doc.querySelectorAll(HEADING))) {
    const level = el.getAttribute('aria-level') ?? el.localName.replace('h', '');
    const text = clean((el as HTMLElement).innerText || el.textContent);
    add('heading', `heading|${level}|${text}`, `見出し（レベル ${level}）「${cut(text)}」`, el);
  }
  for (const el of Array.from(doc.querySelectorAll(LABELLED))) {
    const name = clean(nameOf(el));
    const type = el.getAttribute('type') ?? el.localName;
    add('label', `label|${type}|${name}`, `入力欄のラベル「${cut(name) || '（ラベルなし）'}」（${type}）`, el);
  }
}

/** The decision items of the document by kind (each key once per page; the template region wins over content). */
export function decisionItems(doc: Document = document): { items: Record<DecisionItemKind, DecisionItem[]>; complete: boolean; cssImageUrls: string[] } {
  const cssUrls: string[] = [];
  const out: Record<DecisionItemKind, DecisionItem[]> = { image: [], background: [], icon: [], link: [], heading: [], label: [] };
  const seen = new Map<string, DecisionItem>();
  const main = mainOf(doc);
  const origin = doc.location && /^https?:$/.test(doc.location.protocol) ? doc.location.origin : '';
  let complete = true;
  const add: Add = (kind, key, label, el) => {
    if (key === 'limit' || seen.size >= MAX_ITEMS) {
      complete = false;
      return;
    }
    if (hidden(el)) return;
    const region = regionOf(el, main);
    const known = seen.get(key);
    if (known) {
      if (known.region === 'content' && region === 'template') known.region = 'template';
      return;
    }
    // The site's own origin is left out of the key: the same element keeps its key on a staging host, after a move
    // to https, and in tests served on another port.
    const item: DecisionItem = { key: kind[0] + hashKey(origin ? key.split(origin).join('') : key), label, ...(region ? { region } : {}) };
    seen.set(key, item);
    out[kind].push(item);
  };
  try {
    images(doc, add);
    cssPictures(doc, add, cssUrls);
    links(doc, add);
    headingsAndLabels(doc, add);
  } finally {
    dropTree();
  }
  return { items: out, complete, cssImageUrls: cssUrls };
}
