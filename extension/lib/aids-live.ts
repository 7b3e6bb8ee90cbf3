// Keeps the aids' overlays on their elements: every drawn layer has a redraw function, run again
// (throttled to one animation frame) when the page or a same-origin frame scrolls, the window or the
// page's box changes size (the side panel opening, a zoom), or the DOM changes (ResizeObserver and
// MutationObserver; our own overlay root is ignored, or each redraw would trigger the next).
import { ROOT_ID } from './aids-draw.js';

export interface LiveLayers {
  /** Sets (or with null, removes) the redraw of a layer, and runs it now. */
  set(name: string, draw: (() => void) | null): void;
  /** Redraws every layer now (tests and the panel call it after a change they know of). */
  redrawAll(): void;
  /** How many redraws ran (tests: the overlays really followed). */
  readonly redraws: number;
  stop(): void;
}

/** Same-origin documents of the page: the top one, then its frames' (cross-origin ones are skipped). */
export function sameOriginDocs(doc: Document): Document[] {
  const out: Document[] = [doc];
  for (const f of Array.from(doc.querySelectorAll('iframe, frame'))) {
    let inner: Document | null = null;
    try {
      inner = (f as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.documentElement) out.push(...sameOriginDocs(inner));
  }
  return out;
}

const oursOnly = (records: MutationRecord[]) =>
  records.every((r) => {
    const t = r.target instanceof Element ? r.target : r.target.parentElement;
    return !!t?.closest(`#${ROOT_ID}`) || (r.target as Element).id === ROOT_ID;
  });

export function liveLayers(doc: Document): LiveLayers {
  const draws = new Map<string, () => void>();
  let frame = 0;
  let count = 0;
  const win = doc.defaultView!;
  const redrawAll = () => {
    frame = 0;
    count++;
    for (const d of draws.values()) d();
  };
  const schedule = () => {
    if (!draws.size || frame) return;
    frame = win.requestAnimationFrame(redrawAll);
  };
  const resize = new ResizeObserver(schedule);
  const mutation = new MutationObserver((records) => {
    if (!oursOnly(records)) schedule();
  });
  const watched = new Set<Document>();
  const watch = () => {
    for (const d of sameOriginDocs(doc)) {
      if (watched.has(d)) continue;
      watched.add(d);
      d.addEventListener('scroll', schedule, { capture: true, passive: true });
      d.defaultView?.addEventListener('resize', schedule, { passive: true });
      resize.observe(d.documentElement);
      if (d.body) resize.observe(d.body);
      mutation.observe(d.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    }
  };
  return {
    set(name, draw) {
      if (draw) {
        draws.set(name, draw);
        watch();
        draw();
      } else draws.delete(name);
    },
    redrawAll,
    get redraws() {
      return count;
    },
    stop() {
      draws.clear();
      resize.disconnect();
      mutation.disconnect();
      for (const d of watched) {
        d.removeEventListener('scroll', schedule, { capture: true });
        d.defaultView?.removeEventListener('resize', schedule);
      }
      watched.clear();
      if (frame) win.cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
