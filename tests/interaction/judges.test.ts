// The judges are pure functions of the traversal artifacts: test their edges without a browser.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as focusOrder from '../../crawler/page/interaction/checks/focus-order.js';
import * as focusVisible from '../../crawler/page/interaction/checks/focus-visible.js';
import * as keyboardTrap from '../../crawler/page/interaction/checks/keyboard-trap.js';
import { toFinding, toStat } from '../../crawler/page/interaction/finding.js';
import { decodePng, diffImages } from '../../crawler/page/interaction/png.js';
import type { FocusStop, StopEvidence, TraversalArtifacts } from '../../crawler/page/interaction/types.js';

const stop = (i: number, rect: FocusStop['rect'], extra: Partial<FocusStop> = {}): FocusStop => ({
  index: i, selector: `#s${i}`, tag: 'a', role: 'link', name: `s${i}`, html: `<a id="s${i}">`, rect, tabindex: null, visible: true, ...extra,
});
const ev = (s: FocusStop, extra: Partial<StopEvidence> = {}): StopEvidence => ({ stop: s, styleDiff: ['outline-style'], faintDiff: [], events: [], ...extra });
const art = (stops: StopEvidence[], extra: Partial<TraversalArtifacts> = {}): TraversalArtifacts => ({
  stops, traps: [], tabbableCount: stops.length, completed: true, presses: stops.length + 1, viewport: { width: 1280, height: 900 }, ...extra,
});

describe('judges', () => {
  it('focus-order: a jump to another column (sidebar after main) is not flagged; going up the same column is', () => {
    const main = stop(1, { x: 300, y: 800, width: 200, height: 20 });
    const side = stop(2, { x: 20, y: 100, width: 150, height: 20 }); // left column, above: different column
    const up = stop(3, { x: 30, y: 10, width: 100, height: 20 }); // same column as side, 90px higher
    const out = focusOrder.judge(art([ev(main), ev(side), ev(up)]));
    expect(out.verdicts.map((v) => v.selector)).toEqual(['#s3']);
    expect(out.verdicts[0].kind).toBe('review');
  });

  it('keyboard-trap: Escape release is silent, other-direction escape is review, none is violation', () => {
    const base = { selectors: ['#a', '#b'], html: '<a id="a">', direction: 'forward' as const };
    const out = keyboardTrap.judge(art([ev(stop(1, { x: 0, y: 0, width: 10, height: 10 }))], {
      traps: [
        { ...base, otherDirection: false, escapeReleased: true },
        { ...base, otherDirection: true, escapeReleased: false },
        { ...base, otherDirection: false, escapeReleased: false },
      ],
    }));
    expect(out.verdicts.map((v) => v.kind)).toEqual(['review', 'violation']);
    expect(toStat(out.meta, out.verdicts, out.applicable)).toEqual({ ruleId: 'keyboard-trap', source: 'interaction', criteria: ['2.1.2'], result: 'violation' });
  });

  it('keyboard-trap: a trap whose page advises another exit key (2.1.2 allows it) is review, not violation', () => {
    const base = { selectors: ['#a', '#b'], html: '<a id="a">', direction: 'forward' as const, otherDirection: false, escapeReleased: false };
    const out = keyboardTrap.judge(art([ev(stop(1, { x: 0, y: 0, width: 10, height: 10 }))], { traps: [{ ...base, exitKeyAdvised: true }] }));
    expect(out.verdicts.map((v) => v.kind)).toEqual(['review']);
    expect(out.verdicts[0].what).toMatch(/別のキー操作の説明/);
  });

  it('focus-visible: no change → violation; caret-sized change → review; style change → silent', () => {
    const r = { x: 0, y: 0, width: 100, height: 20 };
    const out = focusVisible.judge(art([
      ev(stop(1, r), { styleDiff: [], pixels: { inBox: 0, boxArea: 4000, elsewhere: 0, textEntry: false } }),
      ev(stop(2, r), { styleDiff: [], pixels: { inBox: 5, boxArea: 4000, elsewhere: 0, textEntry: true } }),
      ev(stop(3, r), { styleDiff: ['box-shadow'] }),
      ev(stop(4, r), { styleDiff: [], pixels: { inBox: 300, boxArea: 4000, elsewhere: 0, textEntry: false } }),
    ]));
    expect(out.verdicts.map((v) => `${v.selector}:${v.kind}`)).toEqual(['#s1:violation', '#s2:review']);
    const f = toFinding(out.meta, out.verdicts[0]);
    expect(f).toMatchObject({ source: 'interaction', criteria: ['2.4.7'], impact: 'serious' });
    expect(f.helpUrl).toBe('https://waic.jp/translations/WCAG20/Understanding/navigation-mechanisms-focus-visible.html');
    expect(f.message).toMatch(/^【2\.4\.7 フォーカスの可視化】/);
  });

  it('png: decodes an RGB image with every filter type and counts differences in and out of a box', () => {
    const w = 4;
    const h = 5;
    const rows: number[] = [];
    for (let y = 0; y < h; y++) {
      rows.push(y); // filter type 0..4 (on zero data every filter gives zero)
      for (let x = 0; x < w * 3; x++) rows.push(0);
    }
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
    const a = decodePng(png);
    expect([a.width, a.height, a.data[3]]).toEqual([4, 5, 255]);
    const b = { ...a, data: Uint8Array.from(a.data) };
    b.data[0] = 255; // (0,0): inside the box
    b.data[(4 * 4 + 3) * 4] = 255; // (3,4): outside
    expect(diffImages(a, b, { x: 0, y: 0, width: 2, height: 2 })).toEqual({ inBox: 1, elsewhere: 1, boxArea: 4 });
  });
});
