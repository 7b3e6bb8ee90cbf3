// Pages that do it right: the checks must stay silent (no violation, no review).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, of, statOf, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('interaction phase: must stay silent', () => {
  it('custom focus styles (box-shadow, background, border, underline, outline) are visible focus', async () => {
    const r = await h.run('/custom-focus.html');
    expect(of(r, 'focus-visible')).toEqual([]);
    expect(statOf(r, 'focus-visible')).toBe('passed');
    expect(r.focusOrder).toHaveLength(6);
  });

  it('a modal that cycles Tab but closes on Escape and returns focus is not a trap', async () => {
    const r = await h.run('/modal.html');
    expect(of(r, 'keyboard-trap')).toEqual([]);
    expect(statOf(r, 'keyboard-trap')).toBe('passed');
    // after Escape the rest of the page was tabbed too
    expect(r.focusOrder.map((s) => s.name)).toEqual(expect.arrayContaining(['詳しく見る', '閉じる', 'みどり県トップ', '重要なお知らせを開く', 'お知らせ一覧']));
  });

  it('roving tabindex widgets (tablist, radiogroup)', async () => {
    const r = await h.run('/roving.html');
    expect(r.findings).toEqual([]);
    expect(r.focusOrder.map((s) => s.role)).toEqual(['tab', 'radio', 'link']);
  });

  it('a normal Japanese article page with links and a form: nothing at all', async () => {
    const r = await h.run('/article.html');
    expect(r.findings).toEqual([]);
    expect(r.ruleStats.map((s) => `${s.ruleId}:${s.result}`).sort()).toEqual([
      'dialog-close:inapplicable', 'dialog-focus:inapplicable', 'disappearing-content:inapplicable', 'focus-order:passed', 'focus-visible:passed',
      'form-error:passed', 'hover-content:inapplicable', 'keyboard-operable:passed', 'keyboard-trap:passed', 'moving-content:inapplicable',
      'on-focus:passed', 'on-input:passed', 'text-resize:passed',
    ]);
    expect(r.focusOrder[0]).toMatchObject({ name: '本文へ移動', visible: true });
    expect(r.focusOrder).toHaveLength(15);
    expect(r.sameDocument).toBe(true);
    expect(r.timedOut).toBe(false);
  });
});
