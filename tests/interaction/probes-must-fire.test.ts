// The probes of issue 17 (disclosures, tooltips, dialogs, the empty form, moving and vanishing content, the 200%
// pass, mega menus): pages where each must fire, in real headless Chromium (tests/fixtures/interaction/EXPECTED.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, of, statOf, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('interaction probes: must fire', () => {
  it('2.1.1 mega menu opened on mouseenter of a <span>: violation (F54); the same links in the footer: review', async () => {
    const r = await h.run('/mega-menu-span.html');
    const v = of(r, 'keyboard-operable', 'violation');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/観光・文化/);
    expect(v[0].message).toMatch(/フォーカスできない要素/);
    const rev = of(r, 'keyboard-operable', 'review');
    expect(rev).toHaveLength(1);
    expect(rev[0].message).toMatch(/県政情報/);
    expect(rev[0].message).toMatch(/別の場所にもあり/);
  });

  it('2.1.1 accordion headers that a click opens but Tab never reaches (delegated listener too): violation', async () => {
    const r = await h.run('/accordion-div.html');
    const v = of(r, 'keyboard-operable', 'violation');
    expect(v.map((x) => x.html).join(' ')).toMatch(/faq-q/);
    expect(v.map((x) => x.html).join(' ')).toMatch(/acc-head/);
    expect(v.every((x) => /アコーディオン/.test(x.message))).toBe(true);
    expect(v).toHaveLength(3);
    // the panels were closed again
    expect(r.sameDocument).toBe(true);
  });

  it('2.1.1 tooltips shown on hover only: unfocusable trigger violation, focusable trigger review', async () => {
    const r = await h.run('/tooltip.html');
    expect(of(r, 'hover-content', 'violation').map((x) => x.selector)).toEqual(['body > main > p:nth-of-type(1) > span']);
    expect(of(r, 'hover-content', 'review').map((x) => x.selector)).toEqual(['body > main > p:nth-of-type(2) > span']);
    expect(of(r, 'hover-content', 'violation')[0].message).toMatch(/マイナンバーカード/);
  });

  it('2.4.3 / 2.1.1 a modal that does not take focus, lets it escape, and closes by mouse only', async () => {
    const r = await h.run('/dialog-bad.html');
    const f = of(r, 'dialog-focus');
    expect(f.map((x) => x.kind).sort()).toEqual(['review', 'violation']);
    expect(of(r, 'dialog-focus', 'violation')[0].message).toMatch(/aria-modal/);
    const c = of(r, 'dialog-close', 'violation');
    expect(c).toHaveLength(1);
    expect(c[0].selector).toBe('#photo > span');
    expect(c[0].criteria).toEqual(['2.1.1']);
    expect(r.sameDocument).toBe(true);
  });

  it('3.3.1 errors shown by a red border only: violation; errors not tied to the fields: review; nothing is sent', async () => {
    const r = await h.run('/form-colour.html');
    const v = of(r, 'form-error', 'violation');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/お名前/);
    expect(v[0].message).toMatch(/枠線の色/);
    expect(r.urlAfter).toBe(r.url);
    const s = await h.run('/form-summary.html');
    expect(of(s, 'form-error', 'violation')).toEqual([]);
    expect(of(s, 'form-error', 'review')).toHaveLength(1);
    expect(h.server.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });

  it('2.2.2 a carousel that advances by itself with only previous/next, and a CSS ticker: violation', async () => {
    const r = await h.run('/carousel.html');
    const v = of(r, 'moving-content', 'violation');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/スライドショー/);
    expect(v[0].message).toMatch(/前へ/);
    const t = await h.run('/ticker.html');
    const tv = of(t, 'moving-content', 'violation');
    expect(tv).toHaveLength(1);
    expect(tv[0].message).toMatch(/ティッカー|アニメーション/);
    expect(tv[0].html).toMatch(/台風第15号/);
    // a loading spinner (rotation only, no text) is not content that moves
    expect(tv[0].html).not.toMatch(/spinner/);
  });

  it('2.2.1 a status message that goes away after a few seconds: review', async () => {
    const r = await h.run('/toast.html');
    const v = of(r, 'disappearing-content', 'review');
    expect(v).toHaveLength(1);
    expect(v[0].message).toMatch(/窓口の受付時間/);
    expect(statOf(r, 'disappearing-content')).toBe('review');
  });

  it('1.4.4 text cut off under page zoom (violation) and under text-only zoom (review); page restored', async () => {
    const r = await h.run('/zoom-clip.html');
    expect(of(r, 'text-resize', 'violation').map((x) => x.selector)).toEqual(['body > main > div:nth-of-type(1)']);
    expect(of(r, 'text-resize', 'review').map((x) => x.selector)).toEqual(['body > main > div:nth-of-type(2)']);
    expect(of(r, 'text-resize', 'violation')[0].message).toMatch(/ブラウザの拡大機能/);
    expect(r.sameDocument).toBe(true);
  });
});
