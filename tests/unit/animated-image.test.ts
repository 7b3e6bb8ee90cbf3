// Whether an image file can animate (rules-jis/text/animated-image.ts), from bytes built here: a still page needs
// every image read as still (2.3.1 / 2.2.2 適用なし); an animated one, or one we cannot read, keeps them for a person.
import { describe, expect, it } from 'vitest';
import { mayAnimate } from '../../rules-jis/text/animated-image.js';

const chunk = (type: string, data: number[] = []) => [0, 0, 0, data.length, ...Buffer.from(type, 'latin1'), ...data, 0, 0, 0, 0];
const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (...chunks: number[][]) => Uint8Array.from([...PNG_SIG, ...chunks.flat()]);
const IHDR = chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

/** A GIF with `frames` one-pixel images (no colour tables). */
function gif(frames: number): Uint8Array {
  const head = [...Buffer.from('GIF89a', 'latin1'), 1, 0, 1, 0, 0, 0, 0];
  const image = [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4c, 0x01, 0];
  const control = [0x21, 0xf9, 4, 0, 10, 0, 0, 0];
  return Uint8Array.from([...head, ...Array.from({ length: frames }, () => [...control, ...image]).flat(), 0x3b]);
}

describe('mayAnimate', () => {
  it('a PNG is still without acTL and animated with it (APNG)', () => {
    expect(mayAnimate(png(IHDR, chunk('IDAT', [1]), chunk('IEND')))).toBe(false);
    expect(mayAnimate(png(IHDR, chunk('acTL', [0, 0, 0, 2, 0, 0, 0, 0]), chunk('IDAT', [1]), chunk('IEND')))).toBe(true);
  });

  it('a GIF with one image is still, with two it animates', () => {
    expect(mayAnimate(gif(1))).toBe(false);
    expect(mayAnimate(gif(2))).toBe(true);
  });

  it('JPEG is still; an unknown or cut-short file may animate', () => {
    expect(mayAnimate(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
    expect(mayAnimate(Uint8Array.from(Buffer.from('<svg/>')))).toBe(true);
    expect(mayAnimate(png(IHDR))).toBe(true);
  });
});
