// The contrast aid's pick mode (page-aids.ts): a hover box follows the mouse, a click picks the element
// under it (and does nothing else on the page), Escape leaves. Runs in the extension's isolated world.
import { cssPath } from '../../rules-jis/page/dom/selector.js';
import { box, layer, ours, pageRect } from './aids-draw.js';

/** Starts pick mode on `doc`; `onPick` gets the picked element's selector. Returns the function that stops it. */
export function startPicker(doc: Document, onPick: (selector: string) => void): () => void {
  const hover = box(doc, { x: 0, y: 0, w: 0, h: 0 }, 'border:2px solid #1565c0;background:rgba(21,101,192,.08);');
  layer(doc, 'picker').replaceChildren(hover);
  const prevCursor = doc.documentElement.style.cursor;
  doc.documentElement.style.cursor = 'crosshair';
  const over = (e: Event) => {
    const t = e.target as Element;
    if (!t || ours(t)) return;
    const r = pageRect(t);
    Object.assign(hover.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` });
  };
  const click = (e: Event) => {
    e.preventDefault();
    e.stopPropagation();
    stop();
    onPick(cssPath(e.target as Element));
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
  };
  doc.addEventListener('mouseover', over, true);
  doc.addEventListener('click', click, true);
  doc.addEventListener('keydown', key, true);
  return stop;
}
