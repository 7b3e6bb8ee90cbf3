// Comparing two screenshots from Chromium (2.4.7 evidence: does anything change when focus arrives?).
// Decoding is pngjs's; counting changed pixels inside and outside the element's box is ours.
import { PNG } from 'pngjs';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel */
  data: Uint8Array;
}

export function decodePng(buf: Uint8Array): Image {
  // screenshots come straight from Chromium over DevTools: a CRC check would only cost time
  const { width, height, data } = PNG.sync.read(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), { checkCRC: false });
  return { width, height, data };
}

/** Any of the colour channels differs by more than `tolerance`. */
function differs(a: Image, b: Image, oa: number, ob: number, tolerance: number): boolean {
  return (
    Math.abs(a.data[oa] - b.data[ob]) > tolerance ||
    Math.abs(a.data[oa + 1] - b.data[ob + 1]) > tolerance ||
    Math.abs(a.data[oa + 2] - b.data[ob + 2]) > tolerance
  );
}

/**
 * Count pixels that differ (any channel by more than `tolerance`), inside a box and elsewhere.
 * box is in image pixels.
 */
export function diffImages(a: Image, b: Image, box: { x: number; y: number; width: number; height: number }, tolerance = 24): { inBox: number; elsewhere: number; boxArea: number } {
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(w, Math.ceil(box.x + box.width));
  const y1 = Math.min(h, Math.ceil(box.y + box.height));
  let inBox = 0;
  let elsewhere = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!differs(a, b, (y * a.width + x) * 4, (y * b.width + x) * 4, tolerance)) continue;
      if (x >= x0 && x < x1 && y >= y0 && y < y1) inBox++;
      else elsewhere++;
    }
  }
  return { inBox, elsewhere, boxArea: Math.max(0, x1 - x0) * Math.max(0, y1 - y0) };
}
