// The focus-order overlay drawn on the page for one screenshot (crawler/page/interaction/overlay.ts):
// numbered boxes on the Tab stops joined by a line, dashed where the stop is not visible. Removed at once.
import type { Rect } from './stops.js';

const NS = 'http://www.w3.org/2000/svg';
const BADGE_CSS = 'min-width:20px;height:20px;padding:0 3px;box-sizing:border-box;border-radius:10px;background:#c00000;color:#fff;font:bold 12px/20px sans-serif;text-align:center;';

/** A stop as the overlay draws it. */
export interface OverlayStop {
  index: number;
  rect: Rect;
  visible: boolean;
}

function pathLine(stops: OverlayStop[], w: number, h: number): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h));
  svg.setAttribute('style', 'position:absolute;left:0;top:0;');
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('points', stops.map((s) => `${s.rect.x + s.rect.width / 2},${s.rect.y + s.rect.height / 2}`).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', 'rgba(200,0,0,0.55)');
  line.setAttribute('stroke-width', '2');
  svg.appendChild(line);
  return svg;
}

function stopMarks(s: OverlayStop): HTMLElement[] {
  const box = document.createElement('div');
  box.style.cssText = `position:absolute;left:${s.rect.x - 2}px;top:${s.rect.y - 2}px;width:${s.rect.width}px;height:${s.rect.height}px;border:2px ${s.visible ? 'solid' : 'dashed'} #c00000;`;
  const badge = document.createElement('div');
  badge.textContent = String(s.index);
  badge.style.cssText = `position:absolute;left:${Math.max(0, s.rect.x - 12)}px;top:${Math.max(0, s.rect.y - 12)}px;${BADGE_CSS}`;
  return [box, badge];
}

/** Draws the overlay over the whole document; returns the document's size for the screenshot. */
export function drawOverlay(stops: OverlayStop[]): { width: number; height: number } {
  const w = Math.max(document.documentElement.scrollWidth, innerWidth);
  const h = Math.max(document.documentElement.scrollHeight, innerHeight);
  const layer = document.createElement('div');
  layer.setAttribute('data-jis-kbd', 'overlay');
  layer.style.cssText = `position:absolute;left:0;top:0;width:${w}px;height:${h}px;pointer-events:none;z-index:2147483647;`;
  layer.appendChild(pathLine(stops, w, h));
  for (const s of stops) layer.append(...stopMarks(s));
  document.body.appendChild(layer);
  return { width: w, height: h };
}

export function removeOverlay(): void {
  document.querySelectorAll('[data-jis-kbd=overlay]').forEach((e) => e.remove());
}
