// The old interactive make-up, now only the baseline of `npm run bench:templates` (bench/template-identity.ts):
// the keyboard phase ran once per make-up until issue 19 replaced it by the template identity
// (rules-jis/page/template-identity.ts). Kept out of the in-page bundle (every page paid for it); the bench
// injects it with its own small bundle (makeupSource). The make-up: stylesheets and scripts (URL, or the text when inline), html/body classes, and the set (not
// the sequence: pages differ in how many links they list) of descriptors of every element a keyboard check
// looks at — focusable elements, elements with a role, an inline handler or a pointer cursor.
// Node hashes the string.

const FOCUSABLE = 'a[href],area[href],button,input,select,textarea,summary,iframe,object,embed,[tabindex],[contenteditable],audio[controls],video[controls],[role]';
const LANDMARK = 'header,nav,main,footer,aside,form,dialog,[role=banner],[role=navigation],[role=main],[role=contentinfo],[role=complementary],[role=dialog]';
const MAX_SCANNED = 20000;

function sheets(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('link[rel~="stylesheet"], style')).map((s) =>
    s.localName === 'link' ? 'L' + (s as HTMLLinkElement).href + '|' + ((s as HTMLLinkElement).media || '') : 'S' + s.textContent,
  );
}

function scripts(doc: Document): string[] {
  const out: string[] = [];
  for (const s of Array.from(doc.querySelectorAll('script'))) {
    const type = (s.type || '').toLowerCase();
    if (type && !/(java|ecma)script|module/.test(type)) continue;
    out.push(s.src ? 'U' + s.src : 'T' + s.textContent);
  }
  return out;
}

const hrefKind = (href: string | null) => (href == null ? '' : href.startsWith('#') ? '#' : /^javascript:/i.test(href) ? 'js' : 'url');

/** One element's descriptor, or null when no keyboard check looks at it. */
function descriptor(el: Element): string | null {
  const on = Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name);
  const focusable = el.matches(FOCUSABLE);
  const pointer = !focusable && !on.length && getComputedStyle(el).cursor === 'pointer';
  if (!focusable && !on.length && !pointer) return null;
  const area = el.closest(LANDMARK);
  return [
    area ? area.localName + (area.getAttribute('role') || '') + '.' + area.className : '',
    el.parentElement ? el.parentElement.localName : '',
    el.localName, el.getAttribute('type') || '', el.getAttribute('role') || '', el.getAttribute('tabindex') || '',
    el.getAttribute('contenteditable') || '', typeof el.className === 'string' ? el.className : '', el.getAttribute('style') || '',
    on.sort().join(' '), pointer ? 'pointer' : '',
    hrefKind(el.getAttribute('href')),
    el.localName === 'iframe' ? ((el as HTMLIFrameElement).src || '').replace(/[?#].*$/, '') : '',
  ].join('|');
}

/** The make-up as a JSON string (stable for pages of one template that differ only in text and list length). */
export function makeup(doc: Document = document): string {
  const kinds = new Set<string>();
  const all = doc.body ? doc.body.getElementsByTagName('*') : ([] as unknown as HTMLCollectionOf<Element>);
  for (let i = 0; i < all.length && i < MAX_SCANNED; i++) {
    const d = descriptor(all[i]);
    if (d !== null) kinds.add(d);
  }
  return JSON.stringify([sheets(doc), scripts(doc), doc.documentElement.className, doc.body ? doc.body.className : '', [...kinds].sort()]);
}
