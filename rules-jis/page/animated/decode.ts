// Reads the animated images of the page before axe runs (2.2.2, 2.3.1): each visible <img> whose bytes are a GIF,
// an APNG or an animated WebP is decoded with Chromium's WebCodecs ImageDecoder, in the page itself, so `check`, the
// crawl, the hook and the extension see the same thing. The facts go into a WeakMap that the two synchronous axe
// checks read (rules-jis/rules/jis-animated-image.ts, jis-image-flash.ts); an image with no facts is not judged.
// Limits: ImageDecoder exists only in secure contexts (https, 127.0.0.1/localhost, the extension's tab of an https
// page): on a plain-http page nothing is decoded and the two rules are inapplicable (2.2.2 and 2.3.1 stay 要確認 or
// 未確認, never pass). An image on another origin without CORS cannot be read by the page (fetch refuses): it is
// skipped. At most MAX_IMAGES images, MAX_BYTES each, MAX_FRAMES frames, all within the budget.
import { maxFlashesPerSecond, relativeLuminance, runMs, type LumaFrame } from './timing.js';
import { hiddenReason } from '../dom/visibility.js';

/** What decoding found about one animated image. */
export interface AnimatedFacts {
  frames: number;
  /** How long it runs (ms); Infinity when it loops for ever. */
  runMs: number;
  /** Most flashes over a large area in any one second (0 when the image shown is smaller than a flash area); null when not measured. */
  flashes: number | null;
}

const MAX_IMAGES = 20;
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_FRAMES = 400;
/** The luminance grid each frame is reduced to (cells). */
const GRID = 24;

const facts = new WeakMap<Element, AnimatedFacts>();

export function animatedFactsOf(el: Element): AnimatedFacts | undefined {
  return facts.get(el);
}

interface DecodedImage {
  image: { duration: number | null; displayWidth: number; displayHeight: number; close(): void };
}
interface Decoder {
  tracks: { ready: Promise<void>; selectedTrack: { frameCount: number; repetitionCount: number; animated: boolean } | null };
  completed: Promise<void>;
  decode(o: { frameIndex: number }): Promise<DecodedImage>;
  close(): void;
}
type DecoderCtor = new (init: { data: ArrayBuffer; type: string }) => Decoder;

/** The animated type of the bytes, or null (static PNG, JPEG, SVG, anything else). */
export function animatedType(b: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (ascii(0, 4) === 'GIF8') return 'image/gif';
  if (b[0] === 0x89 && ascii(1, 4) === 'PNG') return indexOfAscii(b, 'acTL', 4096) >= 0 ? 'image/png' : null;
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return indexOfAscii(b, 'ANIM', 4096) >= 0 ? 'image/webp' : null;
  return null;
}

function indexOfAscii(b: Uint8Array, word: string, within: number): number {
  const end = Math.min(b.length - word.length, within);
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function candidates(doc: Document): HTMLImageElement[] {
  return Array.from(doc.images)
    .filter((img) => img.complete && img.naturalWidth > 0 && (img.currentSrc || img.src) && !hiddenReason(img))
    .slice(0, MAX_IMAGES);
}

/** Bytes enough to tell an animated image from a still one: the signature and the first chunks (acTL, ANIM). */
const SNIFF_BYTES = 4096;
/** Never animated: skipped without a request. */
const STILL_EXT = /\.(jpe?g|svg|bmp|ico|avif)(\?|#|$)/i;

/**
 * The image's bytes when they may be an animation: read from the cache the image was loaded with; only the first
 * SNIFF_BYTES of a still image are read (the rest of the download is cancelled).
 */
async function animatedBytesOf(src: string): Promise<{ bytes: Uint8Array; type: string } | null> {
  if (STILL_EXT.test(src)) return null;
  const res = await fetch(src, { cache: 'force-cache', credentials: 'same-origin' }).catch(() => null);
  if (!res || !res.ok || !res.body) return null;
  if (Number(res.headers.get('content-length') ?? 0) > MAX_BYTES) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let type: string | null | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) {
      chunks.push(value);
      size += value.length;
    }
    if (type === undefined && (size >= SNIFF_BYTES || done)) {
      type = animatedType(join(chunks, size));
      if (!type) {
        await reader.cancel().catch(() => {});
        return null;
      }
    }
    if (size > MAX_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    if (done) break;
  }
  return type ? { bytes: join(chunks, size), type } : null;
}

function join(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The frame's luminance on a GRID × GRID canvas. */
function lumaOf(ctx: OffscreenCanvasRenderingContext2D, frame: DecodedImage['image']): Float32Array {
  ctx.clearRect(0, 0, GRID, GRID);
  ctx.drawImage(frame as unknown as CanvasImageSource, 0, 0, GRID, GRID);
  const px = ctx.getImageData(0, 0, GRID, GRID).data;
  const out = new Float32Array(GRID * GRID);
  for (let i = 0; i < out.length; i++) out[i] = relativeLuminance(px[i * 4], px[i * 4 + 1], px[i * 4 + 2]);
  return out;
}

/** Decodes one image's frames: delays always, luminance only where a flash is possible. */
async function decodeOne(Ctor: DecoderCtor, bytes: Uint8Array, type: string, shownAreaPx: number, deadline: number): Promise<AnimatedFacts | null> {
  const dec = new Ctor({ data: bytes.slice().buffer, type });
  try {
    await dec.tracks.ready;
    const track = dec.tracks.selectedTrack;
    if (!track || !track.animated) return null;
    await dec.completed;
    const count = Math.min(track.frameCount, MAX_FRAMES);
    if (count < 2) return null;
    const ctx = new OffscreenCanvas(GRID, GRID).getContext('2d', { willReadFrequently: true });
    const frames: LumaFrame[] = [];
    for (let i = 0; i < count; i++) {
      if (Date.now() > deadline) return null;
      const { image } = await dec.decode({ frameIndex: i });
      const delayMs = (image.duration ?? 0) / 1000;
      frames.push({ luma: ctx ? lumaOf(ctx, image) : new Float32Array(0), delayMs });
      image.close();
    }
    const delays = frames.map((f) => f.delayMs);
    const repeats = !Number.isFinite(track.repetitionCount) || track.repetitionCount > 0;
    const flashes = ctx ? maxFlashesPerSecond(frames, shownAreaPx, repeats) : null;
    return { frames: track.frameCount, runMs: runMs(delays, track.repetitionCount), flashes };
  } finally {
    dec.close();
  }
}

/**
 * Decodes the page's animated images within `budgetMs` and remembers what it found. Never throws: an image that
 * cannot be read or decoded is left unjudged.
 */
export async function readAnimatedImages(doc: Document = document, budgetMs = 4000): Promise<number> {
  const Ctor = (globalThis as unknown as { ImageDecoder?: DecoderCtor }).ImageDecoder;
  if (!Ctor) return 0; // plain-http page (not a secure context) or a browser without WebCodecs
  const deadline = Date.now() + budgetMs;
  const imgs = candidates(doc);
  if (!imgs.length) return 0;
  // the signatures are read side by side (from the cache), never past the budget: a hung image server holds nothing.
  // The timer is cleared at once: a pending timer of ours would hold the keyboard phase's idle waits.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null[]>((resolve) => (timer = setTimeout(() => resolve(imgs.map(() => null)), budgetMs)));
  const sniffed = await Promise.race([Promise.all(imgs.map((img) => animatedBytesOf(img.currentSrc || img.src).catch(() => null))), late]);
  clearTimeout(timer);
  let count = 0;
  for (let i = 0; i < imgs.length && Date.now() < deadline; i++) {
    const found = sniffed[i];
    if (!found) continue;
    try {
      const r = imgs[i].getBoundingClientRect();
      const got = await decodeOne(Ctor, found.bytes, found.type, r.width * r.height, deadline);
      if (got) {
        facts.set(imgs[i], got);
        count++;
      }
    } catch {
      // undecodable: not judged
    }
  }
  return count;
}
