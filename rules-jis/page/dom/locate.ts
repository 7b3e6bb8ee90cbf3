// Finds an element again from a finding's selector, through same-origin frames ("iframe#map >>> img") and
// open shadow roots ("my-widget ::shadow button": axe gives a shadow path as an array, which
// runner/normalize.ts joins with SHADOW_JOIN): the extension's highlight and overlays
// (extension/lib/page-aids.ts) and the contrast measure (rules-jis/page/contrast.ts).

/** Between the parts of a selector that cross a shadow root (after the old ::shadow pseudo-element). */
export const SHADOW_JOIN = ' ::shadow ';
/** Between the parts of a selector that cross a frame. */
export const FRAME_JOIN = ' >>> ';

export interface Located {
  el: Element;
  /** Offset of the element's document in the top document's viewport, measured now (after any scroll). */
  dx: number;
  dy: number;
}

function query(root: Document | ShadowRoot, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** The element of one frame's part, through its shadow roots; null when a root is closed or missing. */
function queryShadow(d: Document, part: string): Element | null {
  const pieces = part.split(SHADOW_JOIN).map((s) => s.trim());
  let root: Document | ShadowRoot = d;
  let el: Element | null = null;
  for (let j = 0; j < pieces.length; j++) {
    el = query(root, pieces[j]);
    if (!el) return null;
    if (j < pieces.length - 1) {
      if (!el.shadowRoot) return null;
      root = el.shadowRoot;
    }
  }
  return el;
}

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** Where the frame's content box starts in its own document's viewport. */
export function frameContentOffset(frame: Element): { x: number; y: number } {
  const r = frame.getBoundingClientRect();
  const cs = getComputedStyle(frame);
  return {
    x: r.left + parseFloat(cs.borderLeftWidth || '0') + parseFloat(cs.paddingLeft || '0'),
    y: r.top + parseFloat(cs.borderTopWidth || '0') + parseFloat(cs.paddingTop || '0'),
  };
}

/** Resolves "a >>> b" (frames) and "x ::shadow y" (shadow roots). Offsets are read at call time: call it after scrolling. */
export function locate(selector: string, doc: Document = document): Located | null {
  const chain = selector.split(FRAME_JOIN).map((s) => s.trim()).filter(Boolean);
  let d: Document = doc;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < chain.length; i++) {
    const el = queryShadow(d, chain[i]);
    if (!el) return null;
    if (i === chain.length - 1) return { el, dx, dy };
    const inner = frameDocument(el as HTMLIFrameElement);
    if (!inner) return null;
    const o = frameContentOffset(el);
    dx += o.x;
    dy += o.y;
    d = inner;
  }
  return null;
}
