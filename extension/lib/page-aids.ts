// The editors' aids, running inside the audited page (the extension's isolated world): highlight a finding's
// element, and overlays for what no rule can judge (alt text, headings, landmarks, tab order, contrast).
// Everything is drawn in one root element that is removed before an audit, so the audit never sees it.
import { blend, contrastRatio, formatColor, isLargeText, judgeContrast, parseColor, type Rgba } from './contrast.js';

export const ROOT_ID = 'jis-a11y-overlay-root';
export const HIGHLIGHT_ID = 'jis-a11y-highlight';

export type AidName = 'alt' | 'headings' | 'landmarks' | 'taborder';

export interface OutlineItem {
  /** Heading level 1-6, or the landmark role. */
  level?: number;
  role?: string;
  text: string;
  selector: string;
}

export interface ContrastReport {
  selector: string;
  html: string;
  text: string;
  foreground: string;
  background: string;
  ratio: number;
  large: boolean;
  fontSizePx: number;
  fontWeight: number;
  requiredAA: number;
  passAA: boolean;
  passAAA: boolean;
  /** The background could not be known for sure (image, gradient): a person must look. */
  uncertain: boolean;
}

export interface AidsApi {
  highlight(selector: string): { found: boolean; reason?: string };
  clear(): void;
  show(aid: AidName, on: boolean): { count: number; items: OutlineItem[] };
  headings(): OutlineItem[];
  landmarks(): OutlineItem[];
  startPicker(): void;
  stopPicker(): void;
  measure(selector?: string): ContrastReport | null;
}

const Z = '2147483647';

/** A short, unique CSS selector for an element (id when unique, else a tag:nth-of-type path). */
export function cssPath(el: Element): string {
  const doc = el.ownerDocument;
  const parts: string[] = [];
  let cur: Element | null = el;
  while (cur && cur !== doc.documentElement) {
    if (cur.id && doc.querySelectorAll(`#${CSS.escape(cur.id)}`).length === 1) {
      parts.unshift(`#${CSS.escape(cur.id)}`);
      return parts.join(' > ');
    }
    const tag: string = cur.localName;
    const parent: Element | null = cur.parentElement;
    if (!parent) break;
    const same = Array.from(parent.children).filter((c) => c.localName === tag);
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(cur) + 1})` : tag);
    cur = parent;
  }
  parts.unshift('html');
  return parts.join(' > ');
}

interface Located {
  el: Element;
  /** Offset of the element's document in the top document's coordinates. */
  dx: number;
  dy: number;
}

/** Resolves "a >>> b" (frame selector chain) through same-origin frames. */
export function locate(selector: string, doc: Document = document): Located | null {
  const chain = selector.split(' >>> ').map((s) => s.trim()).filter(Boolean);
  if (!chain.length) return null;
  let d: Document = doc;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < chain.length; i++) {
    let el: Element | null = null;
    try {
      el = d.querySelector(chain[i]);
    } catch {
      return null;
    }
    if (!el) return null;
    if (i === chain.length - 1) return { el, dx, dy };
    const frame = el as HTMLIFrameElement;
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null;
    }
    if (!inner) return null;
    const r = frame.getBoundingClientRect();
    const cs = getComputedStyle(frame);
    dx += r.left + parseFloat(cs.borderLeftWidth || '0') + parseFloat(cs.paddingLeft || '0');
    dy += r.top + parseFloat(cs.borderTopWidth || '0') + parseFloat(cs.paddingTop || '0');
    d = inner;
  }
  return null;
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

function layer(doc: Document, name: string): HTMLElement {
  const r = root(doc);
  let l = r.querySelector<HTMLElement>(`[data-jis-a11y-layer="${name}"]`);
  if (!l) {
    l = doc.createElement('div');
    l.dataset.jisA11yLayer = name;
    r.appendChild(l);
  }
  return l;
}

function pageRect(el: Element, dx = 0, dy = 0): { x: number; y: number; w: number; h: number } {
  // Coordinates in the top document: frame offset + viewport rect + top scroll.
  const r = el.getBoundingClientRect();
  return { x: r.left + dx + window.scrollX, y: r.top + dy + window.scrollY, w: r.width, h: r.height };
}

function box(doc: Document, rect: { x: number; y: number; w: number; h: number }, css: string): HTMLElement {
  const b = doc.createElement('div');
  b.style.cssText = `position:absolute;box-sizing:border-box;left:${rect.x}px;top:${rect.y}px;width:${rect.w}px;height:${rect.h}px;${css}`;
  return b;
}

function label(doc: Document, x: number, y: number, text: string, bg: string, fg = '#fff'): HTMLElement {
  const s = doc.createElement('span');
  s.textContent = text;
  s.style.cssText =
    `position:absolute;left:${Math.max(0, x)}px;top:${Math.max(0, y)}px;max-width:28em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;` +
    `font:bold 12px/1.4 "Noto Sans CJK JP","Hiragino Sans",Meiryo,sans-serif;background:${bg};color:${fg};padding:1px 4px;border-radius:3px;` +
    `box-shadow:0 0 0 1px #fff;letter-spacing:0;text-align:left;`;
  return s;
}

function visible(el: Element): boolean {
  if (!el.getClientRects().length) return false;
  const cs = getComputedStyle(el);
  return cs.visibility !== 'hidden' && cs.display !== 'none';
}

function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function accessibleNameLite(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return label.trim();
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const t = by
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id))
      .filter((x): x is HTMLElement => !!x)
      .map(textOf)
      .join(' ');
    if (t) return t;
  }
  return el.getAttribute('title')?.trim() ?? '';
}

// ---- headings -----------------------------------------------------------------------------------------

export function collectHeadings(doc: Document = document): { el: Element; item: OutlineItem }[] {
  const out: { el: Element; item: OutlineItem }[] = [];
  for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]'))) {
    if (el.closest(`#${ROOT_ID}`)) continue;
    const role = el.getAttribute('role');
    if (role && role !== 'heading') continue;
    const aria = parseInt(el.getAttribute('aria-level') ?? '', 10);
    const level = role === 'heading' || aria ? aria || 2 : parseInt(el.localName.slice(1), 10);
    out.push({ el, item: { level, text: textOf(el) || accessibleNameLite(el), selector: cssPath(el) } });
  }
  return out;
}

// ---- landmarks ----------------------------------------------------------------------------------------

const LANDMARK_ROLES = ['banner', 'navigation', 'main', 'complementary', 'contentinfo', 'search', 'form', 'region'];
export const LANDMARK_LABEL_JA: Record<string, string> = {
  banner: 'バナー (header)',
  navigation: 'ナビゲーション (nav)',
  main: 'メイン (main)',
  complementary: '補足 (aside)',
  contentinfo: 'コンテンツ情報 (footer)',
  search: '検索 (search)',
  form: 'フォーム (form)',
  region: '領域 (region)',
};

function landmarkRole(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return LANDMARK_ROLES.includes(explicit) ? explicit : null;
  const inSection = !!el.parentElement?.closest('article, aside, main, nav, section');
  switch (el.localName) {
    case 'header':
      return inSection ? null : 'banner';
    case 'footer':
      return inSection ? null : 'contentinfo';
    case 'nav':
      return 'navigation';
    case 'main':
      return 'main';
    case 'aside':
      return 'complementary';
    case 'search':
      return 'search';
    case 'form':
      return accessibleNameLite(el) ? 'form' : null;
    case 'section':
      return accessibleNameLite(el) ? 'region' : null;
    default:
      return null;
  }
}

export function collectLandmarks(doc: Document = document): { el: Element; item: OutlineItem }[] {
  const out: { el: Element; item: OutlineItem }[] = [];
  for (const el of Array.from(doc.querySelectorAll('header, footer, nav, main, aside, search, form, section, [role]'))) {
    if (el.closest(`#${ROOT_ID}`)) continue;
    const role = landmarkRole(el);
    if (!role) continue;
    out.push({ el, item: { role, text: accessibleNameLite(el), selector: cssPath(el) } });
  }
  return out;
}

// ---- tab order ----------------------------------------------------------------------------------------

const FOCUSABLE =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, [tabindex], [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';

/** Sequential focus navigation order: positive tabindex ascending, then tabindex 0 / native in tree order. */
export function tabOrder(doc: Document = document, isVisible: (el: Element) => boolean = visible): Element[] {
  const positive: { el: Element; t: number; i: number }[] = [];
  const zero: Element[] = [];
  Array.from(doc.querySelectorAll(FOCUSABLE)).forEach((el, i) => {
    if (el.closest(`#${ROOT_ID}`)) return;
    if ((el as HTMLButtonElement).disabled || el.closest('[inert]')) return;
    const attr = el.getAttribute('tabindex');
    const t = attr === null ? 0 : parseInt(attr, 10);
    if (Number.isNaN(t) ? false : t < 0) return;
    if (el.localName === 'summary' && el.parentElement?.querySelector(':scope > summary') !== el) return;
    if (!isVisible(el)) return;
    if (t > 0) positive.push({ el, t, i });
    else zero.push(el);
  });
  positive.sort((a, b) => a.t - b.t || a.i - b.i);
  return [...positive.map((p) => p.el), ...zero];
}

// ---- alt text -----------------------------------------------------------------------------------------

export function altLabel(el: Element): { text: string; kind: 'missing' | 'empty' | 'text' } {
  const aria = accessibleNameLite(el);
  if (el.localName === 'img' || el.localName === 'input' || el.localName === 'area') {
    if (!el.hasAttribute('alt')) return aria ? { text: `aria: ${aria}`, kind: 'text' } : { text: 'alt属性なし', kind: 'missing' };
    const alt = el.getAttribute('alt') ?? '';
    if (!alt.trim()) return { text: 'alt=""（装飾）', kind: 'empty' };
    return { text: `alt: ${alt}`, kind: 'text' };
  }
  return aria ? { text: `名前: ${aria}`, kind: 'text' } : { text: '代替テキストなし', kind: 'missing' };
}

// ---- contrast -----------------------------------------------------------------------------------------

export function measureContrast(el: Element): ContrastReport {
  const cs = getComputedStyle(el);
  let uncertain = false;
  const layers: Rgba[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const s = getComputedStyle(cur);
    if (s.backgroundImage && s.backgroundImage !== 'none') uncertain = true;
    const c = parseColor(s.backgroundColor);
    if (c && c.a > 0) {
      layers.push(c);
      if (c.a >= 1) break;
    }
  }
  // Canvas is white when nothing paints a background.
  let bg: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (const l of layers.reverse()) bg = blend(l, bg);
  const fgRaw = parseColor(cs.color) ?? { r: 0, g: 0, b: 0, a: 1 };
  const fg = fgRaw.a < 1 ? blend(fgRaw, bg) : fgRaw;
  const fontSizePx = parseFloat(cs.fontSize) || 16;
  const fontWeight = parseInt(cs.fontWeight, 10) || (cs.fontWeight === 'bold' ? 700 : 400);
  const large = isLargeText(fontSizePx, fontWeight);
  const v = judgeContrast(contrastRatio(fg, bg), large);
  return {
    selector: cssPath(el),
    html: el.outerHTML.slice(0, 200),
    text: textOf(el).slice(0, 80),
    foreground: formatColor(fg),
    background: formatColor(bg),
    ratio: v.ratio,
    large,
    fontSizePx,
    fontWeight,
    requiredAA: v.requiredAA,
    passAA: v.passAA,
    passAAA: v.passAAA,
    uncertain,
  };
}

// ---- the API ------------------------------------------------------------------------------------------

export function createAids(doc: Document, onPicked: (r: ContrastReport) => void): AidsApi {
  let picker: { stop(): void } | null = null;

  const drawHighlight = (loc: Located) => {
    layer(doc, 'highlight').replaceChildren();
    const r = pageRect(loc.el, loc.dx, loc.dy);
    const b = box(doc, { x: r.x - 4, y: r.y - 4, w: r.w + 8, h: r.h + 8 }, 'border:4px solid #c8102e;outline:2px solid #fff;border-radius:2px;');
    b.id = HIGHLIGHT_ID;
    layer(doc, 'highlight').appendChild(b);
  };

  const draw: Record<AidName, () => { count: number; items: OutlineItem[] }> = {
    alt: () => {
      const l = layer(doc, 'alt');
      l.replaceChildren();
      let count = 0;
      for (const el of Array.from(doc.querySelectorAll('img, input[type="image"], svg[role="img"], [role="img"]'))) {
        if (el.closest(`#${ROOT_ID}`) || !visible(el)) continue;
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
    },
    headings: () => {
      const l = layer(doc, 'headings');
      l.replaceChildren();
      const hs = collectHeadings(doc);
      for (const { el, item } of hs) {
        if (!visible(el)) continue;
        const r = pageRect(el);
        l.appendChild(box(doc, r, 'border:2px solid #6a1b9a;'));
        l.appendChild(label(doc, r.x - 2, r.y - 18, `H${item.level}`, '#6a1b9a'));
      }
      return { count: hs.length, items: hs.map((h) => h.item) };
    },
    landmarks: () => {
      const l = layer(doc, 'landmarks');
      l.replaceChildren();
      const ls = collectLandmarks(doc);
      for (const { el, item } of ls) {
        if (!visible(el)) continue;
        const r = pageRect(el);
        l.appendChild(box(doc, r, 'border:3px dashed #00695c;'));
        l.appendChild(label(doc, r.x + 2, r.y + 2, `${LANDMARK_LABEL_JA[item.role!] ?? item.role}${item.text ? `「${item.text}」` : ''}`, '#00695c'));
      }
      return { count: ls.length, items: ls.map((x) => x.item) };
    },
    taborder: () => {
      const l = layer(doc, 'taborder');
      l.replaceChildren();
      const els = tabOrder(doc);
      els.forEach((el, i) => {
        const r = pageRect(el);
        l.appendChild(box(doc, r, 'border:2px solid #e65100;'));
        const s = label(doc, r.x - 10, r.y - 10, String(i + 1), '#e65100');
        s.dataset.jisA11yTab = String(i + 1);
        s.style.borderRadius = '10px';
        s.style.minWidth = '14px';
        s.style.textAlign = 'center';
        l.appendChild(s);
      });
      return { count: els.length, items: els.map((el) => ({ text: textOf(el) || accessibleNameLite(el) || el.localName, selector: cssPath(el) })) };
    },
  };

  const api: AidsApi = {
    highlight(selector) {
      const loc = locate(selector, doc);
      if (!loc) return { found: false, reason: '要素が見つかりません（ページが変わったか、別オリジンのフレーム内です）' };
      loc.el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
      drawHighlight(loc);
      return { found: true };
    },
    clear() {
      picker?.stop();
      doc.getElementById(ROOT_ID)?.remove();
    },
    show(aid, on) {
      if (!on) {
        layer(doc, aid).remove();
        return { count: 0, items: [] };
      }
      return draw[aid]();
    },
    headings: () => collectHeadings(doc).map((h) => h.item),
    landmarks: () => collectLandmarks(doc).map((h) => h.item),
    startPicker() {
      picker?.stop();
      const hover = box(doc, { x: 0, y: 0, w: 0, h: 0 }, 'border:2px solid #1565c0;background:rgba(21,101,192,.08);');
      layer(doc, 'picker').replaceChildren(hover);
      const prevCursor = doc.documentElement.style.cursor;
      doc.documentElement.style.cursor = 'crosshair';
      const over = (e: Event) => {
        const t = e.target as Element;
        if (!t || t.closest?.(`#${ROOT_ID}`)) return;
        const r = pageRect(t);
        Object.assign(hover.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` });
      };
      const click = (e: Event) => {
        e.preventDefault();
        e.stopPropagation();
        const t = e.target as Element;
        stop();
        onPicked(api.measure(cssPath(t))!);
      };
      const key = (e: KeyboardEvent) => {
        if (e.key === 'Escape') stop();
      };
      const stop = () => {
        doc.removeEventListener('mouseover', over, true);
        doc.removeEventListener('click', click, true);
        doc.removeEventListener('keydown', key, true);
        doc.documentElement.style.cursor = prevCursor;
        layer(doc, 'picker').remove();
        picker = null;
      };
      doc.addEventListener('mouseover', over, true);
      doc.addEventListener('click', click, true);
      doc.addEventListener('keydown', key, true);
      picker = { stop };
    },
    stopPicker() {
      picker?.stop();
    },
    measure(selector) {
      const el = selector ? locate(selector, doc)?.el : doc.activeElement && doc.activeElement !== doc.body ? doc.activeElement : null;
      if (!el) return null;
      const rep = measureContrast(el);
      const r = pageRect(el);
      const l = layer(doc, 'contrast');
      l.replaceChildren(
        box(doc, r, 'border:2px solid #1565c0;'),
        label(doc, r.x, r.y + r.h + 2, `コントラスト比 ${rep.ratio.toFixed(2)}:1（${rep.passAA ? '基準以上' : '基準未満'} ${rep.requiredAA}:1）`, rep.passAA ? '#1b5e20' : '#b00020'),
      );
      return rep;
    },
  };
  return api;
}
