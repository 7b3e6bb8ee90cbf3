// The 200% pass in the page (1.4.4; driven by crawler/page/zoom/, judged in crawler/page/zoom/judge.ts).
// zoomStart() picks the text a reader sees now and notes how it sits (./clip.ts) and which text overlaps
// which; after Node has zoomed the page (the viewport halved: the browser's page zoom) or the text
// (./scale.ts: every font size doubled, the browser's text-only zoom), zoomMeasure(mode) notes it again;
// zoomReport() groups what changed by the box that cuts the text off.
import { cssPath, snippet } from '../dom/selector.js';
import { clipState, StyleCache, textBox, visuallyHidden, type ClipState } from './clip.js';

export type ZoomMode = 'page' | 'text';

/** Something the zoom made hard or impossible to read, for the judge. */
export interface ZoomHit {
  kind: 'clip' | 'overlap' | 'hscroll';
  mode: ZoomMode;
  selector: string;
  html: string;
  /** A piece of the text concerned. */
  text: string;
  /** Pixels cut off (clip) or overlapping (overlap). */
  px: number;
  axis: 'x' | 'y' | '';
  /** The box truncates on purpose (text-overflow: ellipsis, line-clamp). */
  ellipsis: boolean;
  /** The text was already cut off before the zoom (a designed truncation, or a fault at every size). */
  already: boolean;
  /** Text nodes of the box that are cut off / that the reader still sees. */
  cutNodes: number;
  seenNodes: number;
}

interface Followed {
  node: Text;
  base: ClipState;
  page?: ClipState | null;
  text?: ClipState | null;
}

const SKIP = 'script,style,noscript,template,textarea,select,option,svg,[aria-hidden=true],[data-jis-kbd]';
const MAX_NODES = 3000;
const MAX_OVERLAP_NODES = 1500;

let followed: Followed[] = [];
let baseOverlaps = new Set<string>();
const overlaps: Record<ZoomMode, Map<string, number>> = { page: new Map(), text: new Map() };

function visibleText(t: Text): boolean {
  const p = t.parentElement;
  if (!p || !(t.data.trim()) || p.closest(SKIP)) return false;
  const check = (p as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  return !check || check.call(p, { checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true });
}

/** Pairs of followed text nodes whose line boxes overlap (index pairs "i:j" → overlapping px²). */
function overlapPairs(): Map<string, number> {
  const cells = new Map<string, { i: number; l: number; t: number; r: number; b: number }[]>();
  const out = new Map<string, number>();
  const n = Math.min(followed.length, MAX_OVERLAP_NODES);
  for (let i = 0; i < n; i++) {
    const range = document.createRange();
    range.selectNodeContents(followed[i].node);
    for (const r of Array.from(range.getClientRects()).slice(0, 4)) {
      if (r.width < 4 || r.height < 4) continue;
      const box = { i, l: r.left, t: r.top, r: r.right, b: r.bottom };
      for (let cx = Math.floor(box.l / 128); cx <= Math.floor(box.r / 128); cx++) {
        for (let cy = Math.floor(box.t / 128); cy <= Math.floor(box.b / 128); cy++) {
          const key = `${cx},${cy}`;
          const list = cells.get(key) ?? [];
          for (const o of list) {
            if (o.i === i) continue;
            const w = Math.min(o.r, box.r) - Math.max(o.l, box.l);
            const h = Math.min(o.b, box.b) - Math.max(o.t, box.t);
            const small = Math.min((o.r - o.l) * (o.b - o.t), (box.r - box.l) * (box.b - box.t));
            if (w >= 4 && h >= 4 && w * h >= 0.3 * small) out.set(`${Math.min(o.i, i)}:${Math.max(o.i, i)}`, Math.round(w * h));
          }
          list.push(box);
          cells.set(key, list);
        }
      }
    }
  }
  return out;
}

/** Picks the text seen now (not clipped away, not visually hidden) and notes how it sits; returns how many. */
export function zoomStart(): number {
  followed = [];
  const styles = new StyleCache();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && followed.length < MAX_NODES; n = walker.nextNode()) {
    const t = n as Text;
    if (!visibleText(t) || visuallyHidden(t.parentElement!, styles)) continue;
    const box = textBox(t);
    if (!box || box.r <= 0 || box.b + scrollY <= 0) continue; // off-screen text (skip links moved left)
    const base = clipState(t, styles);
    if (base && !base.outside) followed.push({ node: t, base });
  }
  baseOverlaps = new Set(overlapPairs().keys());
  return followed.length;
}

/** Notes how the followed text sits in the zoomed layout. */
export function zoomMeasure(mode: ZoomMode): void {
  const styles = new StyleCache();
  // text a responsive style hides on purpose at this size (a 1px box for screen readers) is not cut off
  for (const f of followed) f[mode] = f.node.isConnected && !visuallyHidden(f.node.parentElement!, styles) ? clipState(f.node, styles) : null;
  overlaps[mode] = overlapPairs();
}

const sample = (t: Text) => t.data.replace(/\s+/g, ' ').trim().slice(0, 40);

function clipHits(mode: ZoomMode): ZoomHit[] {
  const groups = new Map<Element, { cut: Followed[]; seen: number; lost: number; axis: ClipState['axis']; ellipsis: boolean }>();
  for (const f of followed) {
    const s = f[mode];
    if (!s || !s.clipper) continue;
    const g = groups.get(s.clipper) ?? { cut: [], seen: 0, lost: 0, axis: s.axis, ellipsis: s.ellipsis };
    groups.set(s.clipper, g);
    g.cut.push(f);
    if (s.lost > g.lost) Object.assign(g, { lost: s.lost, axis: s.axis });
    g.ellipsis ||= s.ellipsis;
  }
  // what the reader still sees of each box (text not cut, or only partly)
  for (const [el, g] of groups) g.seen = followed.filter((f) => f[mode] && !f[mode]!.outside && el.contains(f.node)).length;
  const hits: ZoomHit[] = [];
  for (const [el, g] of groups) {
    // every text of the box gone: a panel or menu folded away by the narrow layout, not text cut off
    if (!g.cut.length || !g.seen) continue;
    const fresh = g.cut.filter((f) => !f.base.cut);
    const already = !fresh.length;
    // a ticker's box cuts its moving text on purpose (2.2.2 judges the motion)
    if (already && el.getAnimations({ subtree: true }).some((a) => a.playState === 'running')) continue;
    hits.push({ kind: 'clip', mode, selector: cssPath(el), html: snippet(el, 200), text: sample((fresh[0] ?? g.cut[0]).node), px: g.lost, axis: g.axis, ellipsis: g.ellipsis, already, cutNodes: g.cut.length, seenNodes: g.seen });
  }
  return hits;
}

function scrollHits(mode: ZoomMode): ZoomHit[] {
  const hits = new Map<Element, ZoomHit>();
  for (const f of followed) {
    const s = f[mode];
    if (!s?.hscroll || f.base.hscroll || s.hscroll.closest('pre,code') || s.hscroll.querySelector('table,pre') || hits.has(s.hscroll)) continue;
    hits.set(s.hscroll, { kind: 'hscroll', mode, selector: cssPath(s.hscroll), html: snippet(s.hscroll, 200), text: sample(f.node), px: 0, axis: 'x', ellipsis: false, already: false, cutNodes: 1, seenNodes: 1 });
  }
  return [...hits.values()];
}

function overlapHits(mode: ZoomMode): ZoomHit[] {
  const out: ZoomHit[] = [];
  for (const [key, px] of overlaps[mode]) {
    if (baseOverlaps.has(key)) continue;
    const [a, b] = key.split(':').map(Number).map((i) => followed[i]);
    if (!a[mode] || !b[mode] || a[mode].outside || b[mode].outside || a[mode].cut || b[mode].cut) continue;
    const el = b.node.parentElement!;
    out.push({ kind: 'overlap', mode, selector: cssPath(el), html: snippet(el, 200), text: `${sample(a.node)} ／ ${sample(b.node)}`, px, axis: '', ellipsis: false, already: false, cutNodes: 0, seenNodes: 2 });
    if (out.length >= 5) break;
  }
  return out;
}

/** What the zoomed layouts did to the text, grouped by the box that cuts it (then forgets the pass). */
export function zoomReport(): { followed: number; hits: ZoomHit[] } {
  const hits = (['page', 'text'] as const).flatMap((m) => (followed.some((f) => f[m] !== undefined) ? [...clipHits(m), ...scrollHits(m), ...overlapHits(m)] : []));
  const n = followed.length;
  followed = [];
  baseOverlaps = new Set();
  overlaps.page = new Map();
  overlaps.text = new Map();
  return { followed: n, hits };
}
