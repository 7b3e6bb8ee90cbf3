// A short CSS selector that finds an element again: the keyboard phase's findings and focus stops, and the
// extension's aids (which locate it again to draw a highlight) use this one function.
// Why not axe.utils.getSelector: outside an axe run (the keyboard phase runs after it, on axe.setup's tree)
// it gave "div" for the sample site's clickable <div> where this gives "#main > div" (measured with
// tests/golden: the one keyboard-operable finding, on event/event-05.html, in check and in the demo), a
// selector that no longer finds the element. Kept ours until that is solved.

const unique = (doc: Document, id: string) => doc.querySelectorAll('#' + CSS.escape(id)).length === 1;

/** `#id` when unique, else a `tag:nth-of-type(n)` path up to the nearest uniquely-id'd ancestor or <body>. */
export function cssPath(el: Element): string {
  const doc = el.ownerDocument;
  if (el.id && unique(doc, el.id)) return '#' + CSS.escape(el.id);
  const parts: string[] = [];
  let cur: Element | null = el;
  while (cur && cur.nodeType === 1 && cur !== doc.documentElement) {
    if (cur.id && unique(doc, cur.id)) {
      parts.unshift('#' + CSS.escape(cur.id));
      break;
    }
    const tag: string = cur.localName;
    const parent: Element | null = cur.parentElement;
    if (parent) {
      const same = Array.from(parent.children).filter((c) => c.localName === tag);
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(cur) + 1})` : tag);
    } else parts.unshift(tag);
    cur = parent;
  }
  return parts.join(' > ');
}

/** The element's markup, cut at `max` characters, for findings. */
export function snippet(el: Element, max = 300): string {
  const h = el.outerHTML;
  return h.length > max ? h.slice(0, max) + '…' : h;
}
