// Pages where each check must fire, in real headless Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, of, statOf, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('interaction phase: must fire', () => {
  it('2.1.2 a textarea that swallows Tab is a keyboard trap (violation)', async () => {
    const r = await h.run('/trap.html');
    const f = of(r, 'keyboard-trap', 'violation');
    expect(f).toHaveLength(1);
    expect(f[0].selector).toBe('#memo');
    expect(f[0]).toMatchObject({ source: 'interaction', criteria: ['2.1.2'], helpUrl: expect.stringContaining('waic.jp') });
    expect(f[0].message).toMatch(/閉じ込められ/);
    expect(statOf(r, 'keyboard-trap')).toBe('violation');
    // the traversal stepped past the trap and reached what follows
    expect(r.focusOrder.map((s) => s.name)).toContain('確認する');
  });

  it('2.1.2 a focus cycle that offers an 「操作方法」 control inside it is review, not violation (ACT 80af7b passed example 6)', async () => {
    const r = await h.run('/trap-help.html');
    expect(of(r, 'keyboard-trap', 'violation')).toEqual([]);
    const f = of(r, 'keyboard-trap', 'review');
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(x.selector, x.message).toMatch(/#(zoom-in|help|zoom-out)/);
    expect(f.some((x) => /別のキー操作の説明/.test(x.message))).toBe(true);
  });

  it('2.4.7 outline:none with no replacement (violation on each control)', async () => {
    const r = await h.run('/outline-none.html');
    const f = of(r, 'focus-visible', 'violation');
    expect(f.map((x) => x.selector).sort()).toEqual(['body > main > button', 'body > nav > a:nth-of-type(1)', 'body > nav > a:nth-of-type(2)', 'body > nav > a:nth-of-type(3)'].sort());
    expect(f[0].criteria).toEqual(['2.4.7']);
    expect(f[0].help).toMatch(/outline/);
  });

  it('2.1.1 a div with onclick, a focusable role=button that ignores keys, an a[role=button] that ignores Space', async () => {
    const r = await h.run('/div-button.html');
    const v = of(r, 'keyboard-operable', 'violation');
    expect(v.map((x) => x.selector).sort()).toEqual(['#dl', '#print']);
    expect(of(r, 'keyboard-operable', 'review').map((x) => x.selector)).toEqual(['#more']);
    expect(statOf(r, 'keyboard-operable')).toBe('violation');
  });

  it('2.1.1 a dropdown whose sub-items open only on hover, under top-level links (review per sub-menu, with the reason)', async () => {
    const r = await h.run('/dropdown.html');
    expect(of(r, 'keyboard-operable', 'violation')).toHaveLength(0);
    const v = of(r, 'keyboard-operable', 'review');
    expect(v).toHaveLength(2);
    expect(v[0].message).toMatch(/マウスを重ねると表示/);
    expect(v[0].message).toContain('上位の項目自体がリンクで');
    expect(of(r, 'focus-visible')).toHaveLength(0);
  });

  it('3.2.2 a select that navigates on change and a radio that opens a window (violation), page stays', async () => {
    const r = await h.run('/select-nav.html');
    const v = of(r, 'on-input', 'violation');
    expect(v.map((x) => x.selector)).toEqual(['#city', 'body > main > p > label:nth-of-type(2) > input']);
    expect(v[0].message).toMatch(/city\/aoba/);
    expect(v[1].message).toMatch(/新しいウィンドウ/);
    expect(of(r, 'on-focus')).toHaveLength(0);
    expect(r.urlAfter).toBe(r.url);
    expect(r.sameDocument).toBe(true);
  });

  it('3.2.1 focus that opens a window or submits a form (violation), no popup left open', async () => {
    const r = await h.run('/focus-window.html');
    const v = of(r, 'on-focus', 'violation');
    expect(v.map((x) => x.selector)).toEqual(['#map', '#q']);
    expect(v[0].message).toMatch(/新しいウィンドウ/);
    expect(v[1].message).toMatch(/送信/);
    expect(r.pagesAfter).toBe(r.pagesBefore);
    expect(r.sameDocument).toBe(true);
  });

  it('2.4.3 reversed row and hidden stop (review); positive tabindex is left to the static rule', async () => {
    const r = await h.run('/focus-order.html');
    // tabindex="2" is the static axe rule `tabindex` (tests/browser/accuracy-static.test.ts), not reported twice
    expect(of(r, 'focus-order', 'violation')).toEqual([]);
    const rev = of(r, 'focus-order', 'review');
    expect(rev.some((x) => /右から左/.test(x.message))).toBe(true);
    expect(rev.some((x) => /見えていません/.test(x.message))).toBe(true);
    expect(r.focusOrder[0].name).toBe('手順3へ');
  });
});
