// Can an image file animate? From its bytes: an animated PNG has an acTL chunk before its first IDAT, an animated
// WebP the ANIM chunk (or the animation flag of VP8X), a GIF more than one image. JPEG and BMP never animate. Used to
// tell whether a page is still (rules-jis/page/still-page.ts): an image we cannot read counts as "may animate".
// Pure: bytes in, answer out.

/** true: it animates (or may: unknown format); false: a single still image. */
export function mayAnimate(b: Uint8Array): boolean {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return false; // JPEG
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return false; // BMP
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return pngAnimates(b);
  if (b.length >= 6 && ascii(b, 0, 3) === 'GIF') return gifFrames(b) !== 1;
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpAnimates(b);
  return true;
}

function ascii(b: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...b.subarray(at, at + n));
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

function pngAnimates(b: Uint8Array): boolean {
  for (let at = 8; at + 8 <= b.length; ) {
    const len = u32(b, at);
    const type = ascii(b, at + 4, 4);
    if (type === 'acTL') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    at += 12 + len;
  }
  return true; // cut short before IDAT: unknown
}

function webpAnimates(b: Uint8Array): boolean {
  for (let at = 12; at + 8 <= b.length; ) {
    const type = ascii(b, at, 4);
    const len = b[at + 4]! + (b[at + 5]! << 8) + (b[at + 6]! << 16) + (b[at + 7]! << 24);
    if (type === 'ANIM' || type === 'ANMF') return true;
    if (type === 'VP8X' && at + 8 < b.length) return (b[at + 8]! & 0x02) !== 0;
    if (type === 'VP8 ' || type === 'VP8L') return false;
    at += 8 + len + (len & 1);
  }
  return true;
}

/** The number of images in a GIF (0 when it cannot be read to the end). */
function gifFrames(b: Uint8Array): number {
  let at = 13;
  if (b[10]! & 0x80) at += 3 * (1 << ((b[10]! & 0x07) + 1)); // global colour table
  let frames = 0;
  const skipBlocks = () => {
    while (at < b.length && b[at] !== 0) at += b[at]! + 1;
    at++;
  };
  while (at < b.length) {
    const t = b[at];
    if (t === 0x3b) return frames; // trailer
    if (t === 0x21) {
      at += 2;
      skipBlocks();
    } else if (t === 0x2c) {
      frames++;
      if (frames > 1) return frames;
      const packed = b[at + 9]!;
      at += 10;
      if (packed & 0x80) at += 3 * (1 << ((packed & 0x07) + 1));
      at++; // LZW minimum code size
      skipBlocks();
    } else return 0;
  }
  return 0;
}
