// The editors' aids, running inside the audited page (the extension's isolated world): highlight a finding's
// element, and overlays for what no rule can judge (alt text, headings, landmarks, tab order, contrast).
// Everything is drawn in one root element (aids-draw.ts) that is removed before an audit, so the audit
// never sees it. The contrast itself is measured by the bundle in the page's main world, where axe is
// loaded (rules-jis/page/contrast.ts, called by tab-client.ts); the aids only pick the element and draw.
import { locate, type Located } from '../../rules-jis/page/dom/locate.js';
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

function drawAlt(doc: Document, l: HTMLElement): Drawn {
  let count = 0;
  for (const el of Array.from(doc.querySelectorAll('img, input[type="image"], svg[role="img"], [role="img"]'))) {
    if (ours(el) || !visible(el)) continue;
    const { text, kind } = altLabel(el);
    const r = pageRect(el);
    const color = kind === 'missing' ? '#b00020' : kind === 'empty' ? '#555' : '#0b5394';
    l.appendChild(box(doc, r, `border:2px dashed ${color};`));
    const s = label(doc, r.x, r.y, text, color);
    s.dataset.jisA11yAlt = kind;
    l.appendChild(s);
    count++;
  }
  return { count, items: [] };
}

function drawHeadings(doc: Document, l: HTMLElement): Drawn {
  const hs = collectHeadings(doc);
  for (const { el, item } of hs) {
    if (!visible(el)) continue;
    const r = pageRect(el);
    l.append(box(doc, r, 'border:2px solid #6a1b9a;'), label(doc, r.x - 2, r.y - 18, `H${item.level}`, '#6a1b9a'));
  }
  return { count: hs.length, items: hs.map((h) => h.item) };
}

function drawLandmarks(doc: Document, l: HTMLElement): Drawn {
  const ls = collectLandmarks(doc);
  for (const { el, item } of ls) {
    if (!visible(el)) continue;
    const r = pageRect(el);
    const name = `${LANDMARK_LABEL_JA[item.role!] ?? item.role}${item.text ? `「${item.text}」` : ''}`;
    l.append(box(doc, r, 'border:3px dashed #00695c;'), label(doc, r.x + 2, r.y + 2, name, '#00695c'));
  }
  return { count: ls.length, items: ls.map((x) => x.item) };
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

/** The aids on `doc`; `onPicked` gets the selector of an element picked in pick mode. */
export function createAids(doc: Document, onPicked: (selector: string) => void): AidsApi {
  let stopPicker: (() => void) | null = null;
  const api: AidsApi = {
    highlight(selector) {
      const loc = locate(selector, doc);
      if (!loc) return { found: false, reason: '要素が見つかりません（ページが変わったか、別オリジンのフレーム内です）' };
      loc.el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
      drawHighlight(doc, loc);
      return { found: true };
    },
    clear() {
      api.stopPicker();
      doc.getElementById(ROOT_ID)?.remove();
    },
    show(aid, on) {
      const l = layer(doc, aid);
      if (!on) {
        l.remove();
        return { count: 0, items: [] };
      }
      l.replaceChildren();
      return DRAW[aid](doc, l);
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
    showContrast: (rep) => drawContrast(doc, rep),
  };
  return api;
}
