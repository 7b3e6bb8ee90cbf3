// Frames: Tab moves inside an iframe while the top document keeps pointing at the frame.
// That is not a trap, and what follows the frame must still be reached.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, of, type Harness } from './harness.js';

let h: Harness;
let cross: Harness;
beforeAll(async () => {
  // a second server: 127.0.0.1 and localhost are different sites, so that frame is cross-origin (out of process)
  cross = await createHarness({ '/inner.html': '<!doctype html><html lang="ja"><title>動画</title><p><a href="/v1">再生</a> <a href="/v2">字幕</a></p></html>' });
  const html = readFileSync(new URL('../fixtures/interaction/iframe.html', import.meta.url), 'utf8').replace(
    'src="about:blank"',
    `src="${cross.server.url.replace('127.0.0.1', 'localhost')}/inner.html"`,
  );
  h = await createHarness({ '/frames.html': html });
});
afterAll(async () => {
  await h?.close();
  await cross?.close();
});

describe('interaction phase: iframes', () => {
  it('same-origin and cross-origin frames and a date field are not traps; the link after them is reached', async () => {
    const r = await h.run('/frames.html');
    expect(of(r, 'keyboard-trap')).toEqual([]);
    expect(of(r, 'focus-visible')).toEqual([]);
    const names = r.focusOrder.map((s) => s.name || s.tag);
    expect(names[0]).toBe('交通案内');
    expect(names).toContain('来庁予定日'); // a date field: Tab walks its parts, not a trap
    expect(names).toContain('お問い合わせ');
    expect(r.timedOut).toBe(false);
  });
});
