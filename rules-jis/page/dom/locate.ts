// Finds an element again from a selector, through same-origin frames ("iframe#map >>> img"): the
// extension's highlight (extension/lib/page-aids.ts) and the contrast measure (rules-jis/page/contrast.ts).

export interface Located {
  el: Element;
  /** Offset of the element's document in the top document's coordinates. */
  dx: number;
  dy: number;
}

function query(d: Document, selector: string): Element | null {
  try {
    return d.querySelector(selector);
  } catch {
    return null;
  }
}

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** Resolves "a >>> b" (frame selector chain) through same-origin frames. */
export function locate(selector: string, doc: Document = document): Located | null {
  const chain = selector.split(' >>> ').map((s) => s.trim()).filter(Boolean);
  let d: Document = doc;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < chain.length; i++) {
    const el = query(d, chain[i]);
    if (!el) return null;
    if (i === chain.length - 1) return { el, dx, dy };
    const inner = frameDocument(el as HTMLIFrameElement);
    if (!inner) return null;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    dx += r.left + parseFloat(cs.borderLeftWidth || '0') + parseFloat(cs.paddingLeft || '0');
    dy += r.top + parseFloat(cs.borderTopWidth || '0') + parseFloat(cs.paddingTop || '0');
    d = inner;
  }
  return null;
}
