// The arithmetic behind the animated-image rules (rules-jis/page/animated/timing.ts): run length from the loop count
// and the frames' delays (2.2.2), flashes per second by the general flash threshold (2.3.1).
import { describe, expect, it } from 'vitest';
import { FLASH_AREA_PX, maxFlashesPerSecond, runMs, transition, type LumaFrame } from '../../rules-jis/page/animated/timing.js';

const frame = (v: number, delayMs: number, cells = 16): LumaFrame => ({ luma: new Float32Array(cells).fill(v), delayMs });

describe('run length (2.2.2)', () => {
  it('is (repetitions + 1) passes, endless for an infinite loop, 0 for a single frame', () => {
    expect(runMs([500, 500, 500, 500], 0)).toBe(2000);
    expect(runMs([1000, 1000, 1000, 1000], 2)).toBe(12000);
    expect(runMs([100, 100], Infinity)).toBe(Infinity);
    expect(runMs([1000], Infinity)).toBe(0);
  });

  it('plays a delay of 10 ms or less as 100 ms, as browsers do', () => {
    expect(runMs([0, 0, 0], 0)).toBe(300);
  });
});

describe('general flashes (2.3.1)', () => {
  const big = FLASH_AREA_PX * 2;
  it('black/white alternating every 100 ms over a large area is 5 flashes a second', () => {
    const frames = Array.from({ length: 10 }, (_, i) => frame(i % 2 ? 1 : 0, 100));
    expect(maxFlashesPerSecond(frames, big, true)).toBe(5);
  });

  it('the same below the flash area, a slow blink, and a change between two light shades are no flash', () => {
    const fast = Array.from({ length: 10 }, (_, i) => frame(i % 2 ? 1 : 0, 100));
    expect(maxFlashesPerSecond(fast, FLASH_AREA_PX / 2, true)).toBe(0);
    expect(maxFlashesPerSecond([frame(0, 1000), frame(1, 1000)], big, true)).toBeLessThanOrEqual(1);
    const light = Array.from({ length: 10 }, (_, i) => frame(i % 2 ? 1 : 0.85, 100));
    expect(maxFlashesPerSecond(light, big, true)).toBe(0);
  });

  it('a change over too small a part of the image is no transition', () => {
    const a = new Float32Array(16).fill(0);
    const b = new Float32Array(16).fill(0);
    b[0] = 1;
    expect(transition(a, b, big)).toBe(0);
    expect(transition(a, new Float32Array(16).fill(1), big)).toBe(1);
  });
});
