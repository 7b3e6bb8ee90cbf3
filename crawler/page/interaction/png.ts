// Just enough PNG decoding to compare two screenshots from Chromium (8-bit RGB/RGBA, not interlaced).
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel */
  data: Uint8Array;
}

export function decodePng(buf: Uint8Array): Image {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let off = 8;
  let width = 0;
  let height = 0;
  let colorType = 6;
  const idat: Buffer[] = [];
  while (off < b.length) {
    const len = b.readUInt32BE(off);
    const type = b.toString('latin1', off + 4, off + 8);
    const body = b.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      colorType = body[9];
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || body[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType})`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(width * height * 4);
  const line = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  let p = 0;
  for (let y = 0; y < height; y++) {
    const f = raw[p++];
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0;
      const up = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      let v = raw[p++];
      if (f === 1) v += a;
      else if (f === 2) v += up;
      else if (f === 3) v += (a + up) >> 1;
      else if (f === 4) {
        const pa = Math.abs(up - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + up - 2 * c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      line[x] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = line[x * bpp];
      out[o + 1] = line[x * bpp + 1];
      out[o + 2] = line[x * bpp + 2];
      out[o + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev.set(line);
  }
  return { width, height, data: out };
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
      const oa = (y * a.width + x) * 4;
      const ob = (y * b.width + x) * 4;
      if (
        Math.abs(a.data[oa] - b.data[ob]) > tolerance ||
        Math.abs(a.data[oa + 1] - b.data[ob + 1]) > tolerance ||
        Math.abs(a.data[oa + 2] - b.data[ob + 2]) > tolerance
      ) {
        if (x >= x0 && x < x1 && y >= y0 && y < y1) inBox++;
        else elsewhere++;
      }
    }
  }
  return { inBox, elsewhere, boxArea: Math.max(0, x1 - x0) * Math.max(0, y1 - y0) };
}
