// Japanese pages that do it right: the probes of issue 17 must not give a violation there (and mostly nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, of, statOf, type Harness } from './harness.js';
import { ensureBundle } from '../../crawler/page/inject.js';
import { runInteractionPhase } from '../../crawler/page/interaction/index.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('interaction probes: must not fire', () => {
  it('a mega menu whose top-level items are links to real category pages is review with the reason, never violation', async () => {
    const r = await h.run('/mega-menu-link.html');
    expect(of(r, 'keyboard-operable', 'violation')).toEqual([]);
    const rev = of(r, 'keyboard-operable', 'review');
    expect(rev).toHaveLength(2);
    for (const f of rev) expect(f.message).toContain('上位の項目自体がリンクで、その先のページに同じリンクがある可能性があります');
  });

  it('an accordion built on <button aria-expanded> and a tooltip shown on focus too: nothing', async () => {
    const r = await h.run('/accordion-button.html');
    expect(of(r, 'keyboard-operable')).toEqual([]);
    expect(of(r, 'hover-content')).toEqual([]);
    expect(statOf(r, 'hover-content')).toBe('passed');
  });

  it('a native modal <dialog> and a scripted modal that takes, keeps and returns focus: nothing', async () => {
    const r = await h.run('/dialog-ok.html');
    expect(of(r, 'dialog-focus')).toEqual([]);
    expect(of(r, 'dialog-close')).toEqual([]);
    expect(statOf(r, 'dialog-focus')).toBe('passed');
    expect(of(r, 'keyboard-trap', 'violation')).toEqual([]);
  });

  it('a form with text errors tied by aria-describedby, and one left to the browser (required): nothing, nothing sent', async () => {
    const r = await h.run('/form-text.html');
    expect(of(r, 'form-error')).toEqual([]);
    expect(statOf(r, 'form-error')).toBe('passed');
    expect(h.server.requests.filter((q) => q.method !== 'GET' || q.path.startsWith('/event/'))).toEqual([]);
  });

  it('a carousel with a 停止 button: nothing', async () => {
    const r = await h.run('/carousel-pause.html');
    expect(of(r, 'moving-content')).toEqual([]);
    expect(statOf(r, 'moving-content')).toBe('passed');
  });

  it('boxes that grow with their text, visually hidden text (also hidden only on narrow screens) and an off-screen skip link: nothing at 200%', async () => {
    const r = await h.run('/zoom-ok.html');
    expect(of(r, 'text-resize')).toEqual([]);
    expect(statOf(r, 'text-resize')).toBe('passed');
    // a supplement a media query turns into a 1px screen-reader-only box on a narrow (zoomed) screen (ACT 59br37
    // Inapplicable Example 5): hidden on purpose, not cut off
    const n = await h.run('/zoom-narrow-hidden.html');
    expect(of(n, 'text-resize')).toEqual([]);
  });

  it('the 200% pass leaves every style attribute as the author wrote it (a later snippet shows the same markup)', async () => {
    const page = await h.browser.newPage();
    try {
      await page.goto(h.server.url + '/zoom-ok.html', { waitUntil: 'load' });
      await ensureBundle(page.mainFrame());
      const styles = () => page.evaluate(() => Array.from(document.querySelectorAll('*'), (e) => e.getAttribute('style')).join('\n'));
      // the markup as a snippet would show it: outerHTML, read before any getAttribute could flush Chrome's lazy
      // write of an inline style (removing the attribute while that write was pending left style="" behind)
      const markup = () => page.evaluate(() => document.body.outerHTML);
      const beforeMarkup = await markup();
      const before = await styles();
      expect(before).toContain('display:inline-block;padding:4px 8px');
      await runInteractionPhase(page, {});
      expect(await markup()).toBe(beforeMarkup);
      expect(await styles()).toBe(before);
    } finally {
      await page.close();
    }
  });

  it('a page with nothing that moves: the motion rules are inapplicable and cost no waiting', async () => {
    const r = await h.run('/article.html');
    expect(statOf(r, 'moving-content')).toBe('inapplicable');
    expect(statOf(r, 'disappearing-content')).toBe('inapplicable');
    expect(r.timings.motion ?? 0).toBeLessThan(300);
  });
});
