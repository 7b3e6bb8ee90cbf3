// What the aids outline (page-aids.ts): headings, landmarks, the Tab order and alt text, read from the DOM
// in the extension's isolated world. axe is not loaded in that world (the bundle runs in the page's main
// world), so names here are the short label an editor recognises (aria-label, aria-labelledby, title),
// not findings; findings and their names come from the bundle (rules-jis/page/).
import { cssPath } from '../../rules-jis/page/dom/selector.js';
import { FOCUSABLE_SEL } from '../../rules-jis/page/dom/visibility.js';
import { ours, visible } from './aids-draw.js';

export interface OutlineItem {
  /** Heading level 1-6, or the landmark role. */
  level?: number;
  role?: string;
  text: string;
  selector: string;
}

export function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** aria-label, aria-labelledby or title: the label an outline shows. */
export function labelOf(el: Element): string {
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
    if (ours(el)) continue;
    const role = el.getAttribute('role');
    if (role && role !== 'heading') continue;
    const aria = parseInt(el.getAttribute('aria-level') ?? '', 10);
    const level = role === 'heading' || aria ? aria || 2 : parseInt(el.localName.slice(1), 10);
    out.push({ el, item: { level, text: textOf(el) || labelOf(el), selector: cssPath(el) } });
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
/** Implicit landmark roles by element; header/footer only outside sectioning content, form/section only when named. */
const IMPLICIT: Record<string, (el: Element, inSection: boolean) => string | null> = {
  header: (_el, inSection) => (inSection ? null : 'banner'),
  footer: (_el, inSection) => (inSection ? null : 'contentinfo'),
  nav: () => 'navigation',
  main: () => 'main',
  aside: () => 'complementary',
  search: () => 'search',
  form: (el) => (labelOf(el) ? 'form' : null),
  section: (el) => (labelOf(el) ? 'region' : null),
};

function landmarkRole(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return LANDMARK_ROLES.includes(explicit) ? explicit : null;
  const implicit = IMPLICIT[el.localName];
  return implicit ? implicit(el, !!el.parentElement?.closest('article, aside, main, nav, section')) : null;
}

export function collectLandmarks(doc: Document = document): { el: Element; item: OutlineItem }[] {
  const out: { el: Element; item: OutlineItem }[] = [];
  for (const el of Array.from(doc.querySelectorAll('header, footer, nav, main, aside, search, form, section, [role]'))) {
    if (ours(el)) continue;
    const role = landmarkRole(el);
    if (!role) continue;
    out.push({ el, item: { role, text: labelOf(el), selector: cssPath(el) } });
  }
  return out;
}

// ---- tab order ----------------------------------------------------------------------------------------

/** The tabindex that orders the element, or null when it is not in the sequence at all. */
function tabIndexOf(el: Element, isVisible: (el: Element) => boolean): number | null {
  if (ours(el) || (el as HTMLButtonElement).disabled || el.closest('[inert]') || el.matches('input[type=hidden]')) return null;
  const attr = el.getAttribute('tabindex');
  const t = attr === null ? 0 : parseInt(attr, 10);
  if (!Number.isNaN(t) && t < 0) return null;
  if (el.localName === 'summary' && el.parentElement?.querySelector(':scope > summary') !== el) return null;
  return isVisible(el) ? (Number.isNaN(t) ? 0 : t) : null;
}

/** Sequential focus navigation order: positive tabindex ascending, then tabindex 0 / native in tree order. */
export function tabOrder(doc: Document = document, isVisible: (el: Element) => boolean = visible): Element[] {
  const positive: { el: Element; t: number; i: number }[] = [];
  const zero: Element[] = [];
  Array.from(doc.querySelectorAll(FOCUSABLE_SEL)).forEach((el, i) => {
    const t = tabIndexOf(el, isVisible);
    if (t === null) return;
    if (t > 0) positive.push({ el, t, i });
    else zero.push(el);
  });
  positive.sort((a, b) => a.t - b.t || a.i - b.i);
  return [...positive.map((p) => p.el), ...zero];
}

// ---- alt text -----------------------------------------------------------------------------------------

export function altLabel(el: Element): { text: string; kind: 'missing' | 'empty' | 'text' } {
  const aria = labelOf(el);
  if (el.localName === 'img' || el.localName === 'input' || el.localName === 'area') {
    if (!el.hasAttribute('alt')) return aria ? { text: `aria: ${aria}`, kind: 'text' } : { text: 'alt属性なし', kind: 'missing' };
    const alt = el.getAttribute('alt') ?? '';
    if (!alt.trim()) return { text: 'alt=""（装飾）', kind: 'empty' };
    return { text: `alt: ${alt}`, kind: 'text' };
  }
  return aria ? { text: `名前: ${aria}`, kind: 'text' } : { text: '代替テキストなし', kind: 'missing' };
}
