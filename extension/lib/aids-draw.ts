// Drawing for the editors' aids (page-aids.ts): one root element for everything the aids put on the page,
// one layer per aid inside it, boxes and labels in top-document coordinates. The root is removed before an
// audit, so the audit never sees it. Runs in the extension's isolated world.

export const ROOT_ID = 'jis-a11y-overlay-root';
export const HIGHLIGHT_ID = 'jis-a11y-highlight';

const Z = '2147483647';

export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

function root(doc: Document): HTMLElement {
  let r = doc.getElementById(ROOT_ID);
  if (!r) {
    r = doc.createElement('div');
    r.id = ROOT_ID;
    // Visual aid only: the side panel lists the same information for screen-reader users.
    r.setAttribute('aria-hidden', 'true');
    r.style.cssText = `position:absolute;top:0;left:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:${Z};`;
    doc.documentElement.appendChild(r);
  }
  return r;
}

/** The layer of one aid (created on first use). */
export function layer(doc: Document, name: string): HTMLElement {
  const r = root(doc);
  let l = r.querySelector<HTMLElement>(`[data-jis-a11y-layer="${name}"]`);
  if (!l) {
    l = doc.createElement('div');
    l.dataset.jisA11yLayer = name;
    r.appendChild(l);
  }
  return l;
}

/** The element's box in the top document: frame offset + viewport rect + top scroll. */
export function pageRect(el: Element, dx = 0, dy = 0): PageBox {
  const r = el.getBoundingClientRect();
  return { x: r.left + dx + window.scrollX, y: r.top + dy + window.scrollY, w: r.width, h: r.height };
}

export function box(doc: Document, rect: PageBox, css: string): HTMLElement {
  const b = doc.createElement('div');
  b.style.cssText = `position:absolute;box-sizing:border-box;left:${rect.x}px;top:${rect.y}px;width:${rect.w}px;height:${rect.h}px;${css}`;
  return b;
}

export function label(doc: Document, x: number, y: number, text: string, bg: string, fg = '#fff'): HTMLElement {
  const s = doc.createElement('span');
  s.textContent = text;
  s.style.cssText =
    `position:absolute;left:${Math.max(0, x)}px;top:${Math.max(0, y)}px;max-width:28em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;` +
    `font:bold 12px/1.4 "Noto Sans CJK JP","Hiragino Sans",Meiryo,sans-serif;background:${bg};color:${fg};padding:1px 4px;border-radius:3px;` +
    `box-shadow:0 0 0 1px #fff;letter-spacing:0;text-align:left;`;
  return s;
}

/** Rendered and not hidden: worth a box. */
export function visible(el: Element): boolean {
  if (!el.getClientRects().length) return false;
  const cs = getComputedStyle(el);
  return cs.visibility !== 'hidden' && cs.display !== 'none';
}

/** Inside our own root (never outlined as page content). */
export const ours = (el: Element): boolean => !!el.closest(`#${ROOT_ID}`);
