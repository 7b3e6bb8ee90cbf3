// The editors' aids, running inside the audited page (the extension's isolated world): highlight a finding's
// element, and overlays for what no rule can judge (alt text, headings, landmarks, tab order, contrast).
// Everything is drawn in one root element (aids-draw.ts) that is removed before an audit, so the audit
// never sees it. The contrast itself is measured by the bundle in the page's main world, where axe is
// loaded (rules-jis/page/contrast.ts, called by tab-client.ts); the aids only pick the element and draw.
import { FRAME_JOIN, SHADOW_JOIN, frameContentOffset, locate, type Located } from '../../rules-jis/page/dom/locate.js';
import { liveLayers, type LiveLayers } from './aids-live.js';
import type { ViewportBox } from './element-shot.js';
import type { ContrastReport } from '../../rules-jis/page/contrast.js';
import { HIGHLIGHT_ID, ROOT_ID, box, label, layer, ours, pageRect, visible } from './aids-draw.js';
import { LANDMARK_LABEL_JA, altLabel, collectHeadings, collectLandmarks, labelOf, tabOrder, textOf, type OutlineItem } from './aids-outline.js';
import { startPicker } from './aids-picker.js';
import { cssPath } from '../../rules-jis/page/dom/selector.js';

export { ROOT_ID, HIGHLIGHT_ID } from './aids-draw.js';
export { LANDMARK_LABEL_JA, altLabel, collectHeadings, collectLandmarks, tabOrder, type OutlineItem } from './aids-outline.js';
export { cssPath } from '../../rules-jis/page/dom/selector.js';
export { locate } from '../../rules-jis/page/dom/locate.js';
export type { ContrastReport } from '../../rules-jis/page/contrast.js';

export type AidName = 'alt' | 'headings' | 'landmarks' | 'taborder';

export interface AidsApi {
  highlight(selector: string): { found: boolean; reason?: string };
  /** Scrolls the element into view and gives its box in the top viewport (for the panel's picture of it). */
  viewportBox(selector: string): ViewportBox | null;
  /** How many times the overlays were redrawn after a scroll, resize or DOM change (tests). */
  redraws(): number;
  clear(): void;
  show(aid: AidName, on: boolean): { count: number; items: OutlineItem[] };
  headings(): OutlineItem[];
  landmarks(): OutlineItem[];
  /** Pick mode: the picked element's selector goes to the callback given to createAids. */
  startPicker(): void;
  stopPicker(): void;
  /** Draws a contrast measurement (from the main world) on its element. */
  showContrast(report: ContrastReport): void;
}

type Drawn = { count: number; items: OutlineItem[] };

/** The top document and its same-origin frames' documents, with each one's offset in the top viewport (read now). */
function framedDocs(doc: Document, dx = 0, dy = 0): { d: Document; dx: number; dy: number }[] {
  const out = [{ d: doc, dx, dy }];
  for (const f of Array.from(doc.querySelectorAll('iframe, frame'))) {
    let inner: Document | null = null;
    try {
      inner = (f as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null; // another origin: the panel lists it as not checked
    }
    if (!inner?.documentElement || !visible(f)) continue;
    const o = frameContentOffset(f);
    out.push(...framedDocs(inner, dx + o.x, dy + o.y));
  }
  return out;
}

function drawAlt(doc: Document, l: HTMLElement): Drawn {
  let count = 0;
  for (const { d, dx, dy } of framedDocs(doc)) {
    for (const el of Array.from(d.querySelectorAll('img, input[type="image"], svg[role="img"], [role="img"]'))) {
      if (ours(el) || !visible(el)) continue;
      const { text, kind } = altLabel(el);
      const r = pageRect(el, dx, dy);
      const color = kind === 'missing' ? '#b00020' : kind === 'empty' ? '#555' : '#0b5394';
      l.appendChild(box(doc, r, `border:2px dashed ${color};`));
      const s = label(doc, r.x, r.y, text, color);
      s.dataset.jisA11yAlt = kind;
      l.appendChild(s);
      count++;
    }
  }
  return { count, items: [] };
}

function drawHeadings(doc: Document, l: HTMLElement): Drawn {
  const all: OutlineItem[] = [];
  for (const { d, dx, dy } of framedDocs(doc)) {
    const hs = collectHeadings(d);
    for (const { el, item } of hs) {
      all.push(item);
      if (!visible(el)) continue;
      const r = pageRect(el, dx, dy);
      l.append(box(doc, r, 'border:2px solid #6a1b9a;'), label(doc, r.x - 2, r.y - 18, `H${item.level}`, '#6a1b9a'));
    }
  }
  return { count: all.length, items: all };
}

function drawLandmarks(doc: Document, l: HTMLElement): Drawn {
  const all: OutlineItem[] = [];
  for (const { d, dx, dy } of framedDocs(doc)) {
    const ls = collectLandmarks(d);
    for (const { el, item } of ls) {
      all.push(item);
      if (!visible(el)) continue;
      const r = pageRect(el, dx, dy);
      const name = `${LANDMARK_LABEL_JA[item.role!] ?? item.role}${item.text ? `「${item.text}」` : ''}`;
      l.append(box(doc, r, 'border:3px dashed #00695c;'), label(doc, r.x + 2, r.y + 2, name, '#00695c'));
    }
  }
  return { count: all.length, items: all };
}

function drawTabOrder(doc: Document, l: HTMLElement): Drawn {
  const els = tabOrder(doc);
  els.forEach((el, i) => {
    const r = pageRect(el);
    const s = label(doc, r.x - 10, r.y - 10, String(i + 1), '#e65100');
    s.dataset.jisA11yTab = String(i + 1);
    Object.assign(s.style, { borderRadius: '10px', minWidth: '14px', textAlign: 'center' });
    l.append(box(doc, r, 'border:2px solid #e65100;'), s);
  });
  return { count: els.length, items: els.map((el) => ({ text: textOf(el) || labelOf(el) || el.localName, selector: cssPath(el) })) };
}

const DRAW: Record<AidName, (doc: Document, l: HTMLElement) => Drawn> = { alt: drawAlt, headings: drawHeadings, landmarks: drawLandmarks, taborder: drawTabOrder };

function drawHighlight(doc: Document, loc: Located): void {
  const r = pageRect(loc.el, loc.dx, loc.dy);
  const b = box(doc, { x: r.x - 4, y: r.y - 4, w: r.w + 8, h: r.h + 8 }, 'border:4px solid #c8102e;outline:2px solid #fff;border-radius:2px;');
  b.id = HIGHLIGHT_ID;
  layer(doc, 'highlight').replaceChildren(b);
}

function drawContrast(doc: Document, rep: ContrastReport): void {
  const el = locate(rep.selector, doc)?.el;
  if (!el) return;
  const r = pageRect(el);
  const text = `コントラスト比 ${rep.ratio.toFixed(2)}:1（${rep.passAA ? '基準以上' : '基準未満'} ${rep.requiredAA}:1）`;
  layer(doc, 'contrast').replaceChildren(box(doc, r, 'border:2px solid #1565c0;'), label(doc, r.x, r.y + r.h + 2, text, rep.passAA ? '#1b5e20' : '#b00020'));
}

/** Why a selector found nothing, in the editor's words. */
function notFound(selector: string, doc: Document): string {
  if (selector.includes(FRAME_JOIN)) {
    const frame = locate(selector.split(FRAME_JOIN)[0], doc)?.el as HTMLIFrameElement | undefined;
    let blocked = false;
    try {
      blocked = !!frame && !frame.contentDocument;
    } catch {
      blocked = true;
    }
    if (blocked) return '要素は別のサイト（別オリジン）のフレームの中にあり、ページ上に示せません。';
  }
  if (selector.includes(SHADOW_JOIN)) return '要素は部品の内部（シャドウ DOM）にありますが、見つかりませんでした。ページが変わったか、部品が閉じた（closed）シャドウ DOM です。もう一度検査してください。';
  return '要素が見つかりません。ページが検査の後に変わった可能性があります。もう一度検査してください。';
}

/** The aids on `doc`; `onPicked` gets the selector of an element picked in pick mode. */
export function createAids(doc: Document, onPicked: (selector: string) => void): AidsApi {
  let stopPicker: (() => void) | null = null;
  let live: LiveLayers | null = null;
  const layers = () => (live ??= liveLayers(doc));
  const api: AidsApi = {
    highlight(selector) {
      const first = locate(selector, doc);
      if (!first) return { found: false, reason: notFound(selector, doc) };
      first.el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
      // Frame offsets are measured after the scroll, and again at every redraw: the box stays on the element.
      layers().set('highlight', () => {
        const loc = locate(selector, doc);
        if (loc) drawHighlight(doc, loc);
        else layer(doc, 'highlight').replaceChildren();
      });
      return { found: true };
    },
    viewportBox(selector) {
      const first = locate(selector, doc);
      if (!first) return null;
      first.el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
      const loc = locate(selector, doc)!;
      const r = loc.el.getBoundingClientRect();
      const win = doc.defaultView!;
      return { x: r.left + loc.dx, y: r.top + loc.dy, w: r.width, h: r.height, vw: win.innerWidth, vh: win.innerHeight, dpr: win.devicePixelRatio };
    },
    redraws: () => live?.redraws ?? 0,
    clear() {
      api.stopPicker();
      live?.stop();
      live = null;
      doc.getElementById(ROOT_ID)?.remove();
    },
    show(aid, on) {
      if (!on) {
        layers().set(aid, null);
        layer(doc, aid).remove();
        return { count: 0, items: [] };
      }
      let drawn: Drawn = { count: 0, items: [] };
      layers().set(aid, () => {
        const l = layer(doc, aid);
        l.replaceChildren();
        drawn = DRAW[aid](doc, l);
      });
      return drawn;
    },
    headings: () => collectHeadings(doc).map((h) => h.item),
    landmarks: () => collectLandmarks(doc).map((h) => h.item),
    startPicker() {
      api.stopPicker();
      const stop = startPicker(doc, (selector) => {
        stopPicker = null;
        onPicked(selector);
      });
      stopPicker = () => {
        stop();
        stopPicker = null;
      };
    },
    stopPicker() {
      stopPicker?.();
    },
    showContrast: (rep) => layers().set('contrast', () => drawContrast(doc, rep)),
  };
  return api;
}
