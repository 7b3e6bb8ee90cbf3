// The arithmetic of an animated image (GIF, APNG, animated WebP), apart from decoding so that it is tested in
// Node: how long it runs (2.2.2: loop count × total frame delays, an endless loop runs for ever) and how often it
// flashes over a large area (2.3.1, the general flash threshold of the WCAG 2.0 definition: a pair of opposing
// changes in relative luminance of 10% or more where the darker image is below 0.80, over at least a quarter of
// a 10° visual field — 341 × 256 CSS pixels at 1024 × 768 — more than three times in any one second).
// Pure: no DOM, no browser API.

/** A frame's delay as browsers play it: a GIF delay of 10 ms or less plays as 100 ms (Chromium, Firefox, Safari). */
export function playedDelayMs(ms: number): number {
  return ms <= 10 ? 100 : ms;
}

/** One pass over the frames (ms). */
export function cycleMs(delaysMs: readonly number[]): number {
  return delaysMs.reduce((a, d) => a + playedDelayMs(d), 0);
}

/**
 * How long the animation runs (ms): (repetitions + 1) passes; Infinity when it repeats for ever.
 * `repetitions` is ImageDecoder's repetitionCount: 0 = played once, Infinity = endless.
 */
export function runMs(delaysMs: readonly number[], repetitions: number): number {
  if (delaysMs.length < 2) return 0;
  if (!Number.isFinite(repetitions)) return Infinity;
  return (repetitions + 1) * cycleMs(delaysMs);
}

/** A quarter of the 341 × 256 rectangle (10° of visual field at 1024 × 768): the smallest area a flash may cover. */
export const FLASH_AREA_PX = (341 * 256) / 4;

/** WCAG 2.0 relative luminance of an sRGB colour (0–255 per channel). */
export function relativeLuminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** One decoded frame, reduced to a grid of relative luminances (same grid for every frame). */
export interface LumaFrame {
  luma: Float32Array;
  delayMs: number;
}

/**
 * The direction of the change from one frame to the next over a large area: +1 brighter, -1 darker, 0 neither.
 * A cell counts when its luminance moves by 0.1 or more and the darker of the two is below 0.80; the cells that
 * move one way must cover FLASH_AREA_PX of the image as shown (`shownAreaPx`).
 */
export function transition(a: Float32Array, b: Float32Array, shownAreaPx: number): -1 | 0 | 1 {
  let up = 0;
  let down = 0;
  for (let i = 0; i < a.length; i++) {
    const d = b[i] - a[i];
    if (Math.abs(d) < 0.1 || Math.min(a[i], b[i]) >= 0.8) continue;
    if (d > 0) up++;
    else down++;
  }
  const cellPx = shownAreaPx / a.length;
  const best = Math.max(up, down) * cellPx;
  if (best < FLASH_AREA_PX) return 0;
  return up >= down ? 1 : -1;
}

/**
 * The most flashes in any one second of play (a flash = a pair of opposing transitions), over two passes so a
 * flash across the loop's seam counts; 0 when the image shown is smaller than the smallest flash area.
 */
export function maxFlashesPerSecond(frames: readonly LumaFrame[], shownAreaPx: number, repeats: boolean): number {
  if (frames.length < 2 || shownAreaPx < FLASH_AREA_PX) return 0;
  const seq = repeats ? [...frames, ...frames, frames[0]] : frames;
  const events: { t: number; dir: 1 | -1 }[] = [];
  let t = 0;
  for (let i = 1; i < seq.length; i++) {
    t += playedDelayMs(seq[i - 1].delayMs);
    const dir = transition(seq[i - 1].luma, seq[i].luma, shownAreaPx);
    if (dir !== 0) events.push({ t, dir });
  }
  let best = 0;
  for (let i = 0; i < events.length; i++) {
    // alternating transitions within one second from events[i]
    let count = 1;
    let last = events[i].dir;
    for (let j = i + 1; j < events.length && events[j].t - events[i].t < 1000; j++) {
      if (events[j].dir !== last) {
        count++;
        last = events[j].dir;
      }
    }
    best = Math.max(best, Math.floor(count / 2));
  }
  return best;
}
